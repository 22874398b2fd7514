import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdListItem } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionTree } from '../../../ui/RegionTree.tsx';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { HOUSEHOLD_FILTER_KEYS, useHouseholds, type HouseholdFilters as Filters } from '../api.ts';
import { HouseholdFilters } from '../components/HouseholdFilters.tsx';

/** 农户管理: region tree, filters and pagination in the URL, export of the current filter. */
export function HouseholdListPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const dict = useDict();
  const navigate = useNavigate();
  const [filters, setFilters] = useSearchState(HOUSEHOLD_FILTER_KEYS);
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const { data, isFetching, error, refetch } = useHouseholds(filters);
  const { page: _p, pageSize: _ps, ...exportQuery } = filters;

  const columns: ColumnsType<HouseholdListItem> = [
    { title: t('hh.no'), dataIndex: 'householdNo', render: (no: string, r) => <Link to={`/households/${r.id}`}>{no}</Link> },
    { title: t('hh.head'), dataIndex: 'headName', render: (name: string | null, r) => <Link to={`/households/${r.id}`}>{name ?? '—'}</Link> },
    { title: t('hh.idNumber'), dataIndex: 'headIdNumber', render: (v?: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
    { title: t('hh.region'), dataIndex: 'regionName', render: (v: string | undefined, r) => v ?? r.regionCode },
    { title: t('hh.type'), dataIndex: 'householdType', render: (v: string) => <Tag color={v === 'monitored' ? 'orange' : v === 'lifted' ? 'green' : 'default'}>{dict.label(DICT.householdType, v)}</Tag> },
    { title: t('hh.monitoringType'), dataIndex: 'monitoringType', render: (v?: string | null) => (v ? dict.label(DICT.monitoringType, v) : '—') },
    { title: t('hh.memberCount'), dataIndex: 'memberCount', align: 'right' },
    {
      title: t('hh.riskType'),
      dataIndex: 'riskTypes',
      render: (list?: string[]) => (list?.length ? list.map((c) => <Tag key={c}>{dict.label(DICT.riskType, c)}</Tag>) : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space>
          <Link to={`/households/${r.id}`}>{t('common.view')}</Link>
          {canWrite(user) ? <Link to={`/households/${r.id}/edit`}>{t('common.edit')}</Link> : null}
        </Space>
      ),
    },
  ];

  const handleChange = (changes: Filters) => setFilters(changes);
  const handleReset = () => setFilters(Object.fromEntries(HOUSEHOLD_FILTER_KEYS.map((k) => [k, undefined])) as Filters);

  return (
    <>
      <PageHeader
        title={t('hh.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={downloadUrl('/households/export.xlsx', exportQuery)}>
              {t('hh.export')}
            </Button>
            {canWrite(user) ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/households/new${filters.regionCode ? `?regionCode=${filters.regionCode}` : ''}`)}>
                {t('hh.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6} xxl={5}>
          <Card size="small" title={t('hh.regionTree')}>
            <RegionTree selected={filters.regionCode} onSelect={(code) => setFilters({ regionCode: code })} />
          </Card>
        </Col>
        <Col xs={24} lg={18} xxl={19}>
          <Card size="small">
            <HouseholdFilters value={filters} onChange={handleChange} onReset={handleReset} />
            {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
            <DataTable<HouseholdListItem>
              label={t('hh.title')}
              rowKey="id"
              columns={columns}
              dataSource={data?.items ?? []}
              loading={isFetching}
              total={data?.total ?? 0}
              page={page}
              pageSize={pageSize}
              onPageChange={(p, ps) => setFilters({ page: p === 1 ? undefined : String(p), pageSize: ps === 20 ? undefined : String(ps) }, { keepPage: true })}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
