import { Button, Card, Col, Descriptions, Empty, Row, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { RegionDetail } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionTree } from '../../../ui/RegionTree.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useRegion } from '../api.ts';

const KEYS = ['code'] as const;

/** 区划: the region tree within scope and the selected node with its children and household counts. */
export function RegionsPage() {
  const { t } = useI18n();
  const dict = useDict();
  const [search, setSearch] = useSearchState(KEYS);
  const { data, isLoading, error } = useRegion(search.code);
  const counts = data?.householdCounts ?? {};
  return (
    <>
      <PageHeader title={t('regions.title')} />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small">
            <RegionTree selected={search.code} onSelect={(code) => setSearch({ code })} height={640} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" loading={isLoading}>
            {error ? <ErrorAlert error={error} /> : null}
            {!search.code ? <Empty description={t('regions.select')} /> : null}
            {data ? (
              <>
                <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('regions.name')}>{data.name}</Descriptions.Item>
                  <Descriptions.Item label={t('regions.code')}>{data.code}</Descriptions.Item>
                  <Descriptions.Item label={t('regions.level')}>{t(`level.${data.level}` as MessageKey)}</Descriptions.Item>
                  <Descriptions.Item label={t('dashboard.total')}>{Object.values(counts).reduce((s, n) => s + n, 0)}</Descriptions.Item>
                  {Object.entries(counts).map(([type, n]) => (
                    <Descriptions.Item key={type} label={dict.label(DICT.householdType, type)}>
                      <Link to={`/households?regionCode=${data.code}&householdType=${type}`}>{n}</Link>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                <Space style={{ marginBottom: 16 }}>
                  <Link to={`/dashboard?regionCode=${data.code}`}><Button>{t('nav.dashboard')}</Button></Link>
                  <Link to={`/households?regionCode=${data.code}`}><Button>{t('nav.households')}</Button></Link>
                </Space>
                <Table<RegionDetail['children'][number]>
                  size="small"
                  rowKey="code"
                  pagination={false}
                  aria-label={t('regions.children')}
                  dataSource={data.children ?? []}
                  columns={[
                    { title: t('regions.code'), dataIndex: 'code' },
                    { title: t('regions.name'), dataIndex: 'name', render: (v: string, r) => <a onClick={() => setSearch({ code: r.code })}>{v}</a> },
                    { title: t('regions.level'), dataIndex: 'level', render: (v: string) => t(`level.${v}` as MessageKey) },
                  ]}
                />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
