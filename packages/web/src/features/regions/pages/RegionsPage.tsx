import { Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { RegionDetail } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionTree } from '../../../ui/RegionTree.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { isAdmin, useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { usePatchRegion, useRegion } from '../api.ts';
import { RegionAdminPanel } from '../components/RegionAdminPanel.tsx';
import { AddRegionModal, childLevelOf, RenameRegionModal } from '../components/RegionEditModals.tsx';

const KEYS = ['code'] as const;
const ADMINISTERED = new Set(['township', 'village', 'group']);

/** Household counts by type without the API's `total` key (shown once, as 合计). */
function typeCounts(counts: Record<string, number> | undefined): [string, number][] {
  return Object.entries(counts ?? {}).filter(([type]) => type !== 'total');
}

/**
 * 区划: the region tree within scope and the selected node with its children and household counts. Admins and
 * county officers add, rename, retire and restore townships, villages and 组; admins import the region list.
 */
export function RegionsPage() {
  const { t } = useI18n();
  const dict = useDict();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchState(KEYS);
  const { data, isLoading, error, refetch } = useRegion(search.code);
  const patch = usePatchRegion();
  const stale = useStaleSave();
  /** 重新载入 after a stale retire/restore/rename: the region as stored now (and in the rename dialog). */
  const reload = async () => {
    const fresh = await refetch();
    if (fresh.error) throw fresh.error;
    patch.reset();
    setRenaming((r) => (r && fresh.data ? fresh.data : r));
  };
  const [adding, setAdding] = useState<RegionDetail | null>(null);
  const [renaming, setRenaming] = useState<RegionDetail | null>(null);
  const manager = user.role === 'admin' || user.role === 'county_officer';
  const counts = typeCounts(data?.householdCounts);
  const total = counts.reduce((s, [, n]) => s + n, 0);
  const retired = !!data?.retiredAt;
  const editable = manager && data && ADMINISTERED.has(data.level) && data.code !== user.regionCode;
  const canAdd = manager && data && !retired && childLevelOf(data.level);
  return (
    <>
      <PageHeader title={t('regions.title')} />
      {isAdmin(user) ? <RegionAdminPanel /> : null}
      <Row gutter={[16, 16]}>
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
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('regions.name')}>
                    <Space wrap>
                      {data.name}
                      {retired ? <Tag color="default">{t('regions.retired')}</Tag> : null}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('regions.code')}>{data.code}</Descriptions.Item>
                  <Descriptions.Item label={t('regions.level')}>{t(`level.${data.level}` as MessageKey)}</Descriptions.Item>
                  <Descriptions.Item label={t('regions.total')}>
                    <Link to={`/households?regionCode=${data.code}`}>{total}</Link>
                  </Descriptions.Item>
                  {counts.map(([type, n]) => (
                    <Descriptions.Item key={type} label={dict.label(DICT.householdType, type)}>
                      <Link to={`/households?regionCode=${data.code}&householdType=${type}`}>{n}</Link>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                <ErrorAlert error={patch.error} />
                <Flex wrap gap={8} style={{ marginBottom: 16 }}>
                  <Link to={`/dashboard?regionCode=${data.code}`}>
                    <Button>{t('nav.dashboard')}</Button>
                  </Link>
                  <Link to={`/households?regionCode=${data.code}`}>
                    <Button>{t('nav.households')}</Button>
                  </Link>
                  {canAdd ? (
                    <Button type="primary" onClick={() => setAdding(data)}>
                      {t('regions.addChild')}
                    </Button>
                  ) : null}
                  {editable ? <Button onClick={() => setRenaming(data)}>{t('regions.rename')}</Button> : null}
                  {editable ? (
                    <Popconfirm
                      title={t(retired ? 'regions.restoreConfirm' : 'regions.retireConfirm', { name: data.name })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => patch.mutateAsync(withVersion({ code: data.code, retired: !retired }, data)).catch((err: unknown) => void stale.handle(err, reload))}
                    >
                      <Button danger={!retired} loading={patch.isPending}>
                        {t(retired ? 'regions.restore' : 'regions.retire')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Flex>
                <ResponsiveTable<RegionDetail['children'][number]>
                  size="small"
                  rowKey="code"
                  pagination={false}
                  aria-label={t('regions.children')}
                  dataSource={data.children ?? []}
                  cardTitle={(r) => (
                    <Space size={4}>
                      <a onClick={() => setSearch({ code: r.code })}>{r.name}</a>
                      {r.retired ? <Tag>{t('regions.retired')}</Tag> : null}
                    </Space>
                  )}
                  columns={[
                    {
                      title: t('regions.name'),
                      dataIndex: 'name',
                      responsive: ['md'],
                      render: (v: string, r) => (
                        <Space size={4}>
                          <a onClick={() => setSearch({ code: r.code })}>{v}</a>
                          {r.retired ? <Tag>{t('regions.retired')}</Tag> : null}
                        </Space>
                      ),
                    },
                    { title: t('regions.code'), dataIndex: 'code' },
                    { title: t('regions.level'), dataIndex: 'level', render: (v: string) => t(`level.${v}` as MessageKey) },
                    { title: t('regions.total'), dataIndex: 'householdCounts', render: (c: Record<string, number>) => typeCounts(c).reduce((s, [, n]) => s + n, 0) },
                  ]}
                />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
      <AddRegionModal parent={adding} onClose={() => setAdding(null)} onCreated={() => setAdding(null)} />
      <RenameRegionModal region={renaming} onClose={() => setRenaming(null)} reload={reload} />
    </>
  );
}
