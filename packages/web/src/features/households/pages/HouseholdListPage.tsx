import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Popconfirm, Row, Segmented, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { HouseholdListItem } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionTree } from '../../../ui/RegionTree.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { HOUSEHOLD_FILTER_KEYS, useHouseholds, useRestoreHousehold, type HouseholdFilters as Filters } from '../api.ts';
import { HouseholdFilters } from '../components/HouseholdFilters.tsx';
import { MigrantWorkMenu } from '../../migrant-work/components/MigrantWorkMenu.tsx';

const STATUS_COLOR: Record<string, string> = { identifying: 'gold', monitoring: 'orange', eliminated: 'green' };

/**
 * 农户管理: region tree, filters and pagination in the URL, export of the current filter. On phones each household
 * is a card (户主, 户编号, village, type tags, 监测状态) and the region tree is left out (the filters and search
 * remain). An admin switches to the households that left by 自然减少 and restores one after a confirmation.
 */
export function HouseholdListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const dict = useDict();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [filters, setFilters] = useSearchState(HOUSEHOLD_FILTER_KEYS);
  const exitedView = isAdmin && filters.status === 'exited';
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const { data, isFetching, error, refetch } = useHouseholds(exitedView ? filters : { ...filters, status: undefined });
  const restore = useRestoreHousehold();
  const stale = useStaleSave();
  const { page: _p, pageSize: _ps, ...exportQuery } = filters;

  const place = (r: HouseholdListItem) => [r.townshipName, r.villageName, r.groupName].filter(Boolean).join(' / ') || r.regionName || r.regionCode;
  const typeTags = (r: HouseholdListItem) => (
    <Space size={4} wrap>
      <Tag color={r.householdType === 'monitored' ? 'orange' : r.householdType === 'lifted' ? 'green' : 'default'}>{dict.label(DICT.householdType, r.householdType)}</Tag>
      {r.isLifted && r.householdType !== 'lifted' ? <Tag color="green">{dict.label(DICT.householdType, 'lifted')}</Tag> : null}
      {r.monitoringType ? <Tag color="orange">{dict.label(DICT.monitoringType, r.monitoringType)}</Tag> : null}
    </Space>
  );
  const statusTag = (r: HouseholdListItem) => <Tag color={STATUS_COLOR[r.monitoringStatus] ?? 'default'}>{t(`hh.status.${r.monitoringStatus}` as MessageKey)}</Tag>;
  const handleRestore = (r: HouseholdListItem) =>
    // the row's version (the list item carries it when the server has it); a stale one reloads the list
    restore.mutate(withVersion({ id: r.id }, r), { onSuccess: () => message.success(t('hh.restore.done')), onError: (err: unknown) => stale.fail(err, refetch) });
  const rowActions = (r: HouseholdListItem) =>
    exitedView ? (
      <Space>
        <Link to={`/households/${r.id}`}>{t('common.view')}</Link>
        <Popconfirm title={t('hh.restore.confirm')} onConfirm={() => handleRestore(r)} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" aria-label={`${t('hh.restore')} ${r.householdNo}`}>
            {t('hh.restore')}
          </Button>
        </Popconfirm>
      </Space>
    ) : (
      <Space>
        <Link to={`/households/${r.id}`}>{t('common.view')}</Link>
        {canWrite(user) ? <Link to={`/households/${r.id}/edit`}>{t('common.edit')}</Link> : null}
      </Space>
    );

  const columns: ColumnsType<HouseholdListItem> = [
    { title: t('hh.head'), dataIndex: 'headName', responsive: ['md'], render: (name: string | null, r) => <Link to={`/households/${r.id}`}>{name ?? '—'}</Link> },
    { title: t('hh.no'), dataIndex: 'householdNo', responsive: ['md'], render: (no: string, r) => <Link to={`/households/${r.id}`}>{no}</Link> },
    { title: t('hh.idNumber'), dataIndex: 'headIdNumber', responsive: ['md'], render: (v?: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
    { title: t('hh.township'), dataIndex: 'townshipName', responsive: ['md'], render: (v?: string | null) => v ?? '—' },
    { title: mobile ? t('hh.region') : t('hh.village'), dataIndex: 'villageName', render: (v: string | null, r) => (mobile ? place(r) : (v ?? r.regionName ?? r.regionCode)) },
    { title: t('hh.group'), dataIndex: 'groupName', responsive: ['md'], render: (v?: string | null) => v ?? '—' },
    { title: t('hh.type'), dataIndex: 'householdType', render: (_: string, r) => typeTags(r) },
    { title: t('hh.monitoringStatus'), dataIndex: 'monitoringStatus', render: (_: string, r) => statusTag(r) },
    { title: t('hh.memberCount'), dataIndex: 'memberCount', align: 'right', responsive: ['md'] },
    {
      title: t('hh.riskType'),
      dataIndex: 'riskTypes',
      responsive: ['md'],
      render: (list?: string[]) => (list?.length ? list.map((c) => <Tag key={c}>{dict.label(DICT.riskType, c)}</Tag>) : '—'),
    },
    ...(exitedView
      ? [{ title: t('hh.exitedAt'), key: 'exit', render: (_: unknown, r: HouseholdListItem) => `${dict.label(DICT.exitReason, r.exitReason)} ${formatDate(r.exitDate)}` }]
      : []),
    { title: t('common.actions'), key: 'actions', fixed: 'right', responsive: ['md'], render: (_, r) => rowActions(r) },
  ];

  const handleChange = (changes: Filters) => setFilters(changes);
  const handleReset = () => setFilters(Object.fromEntries(HOUSEHOLD_FILTER_KEYS.filter((k) => k !== 'status').map((k) => [k, undefined])) as Filters);

  return (
    <>
      <PageHeader
        title={t('hh.title')}
        extra={
          <>
            <MigrantWorkMenu regionCode={filters.regionCode} writable={canWrite(user)} />
            <Button icon={<DownloadOutlined />} href={downloadUrl('/households/export.xlsx', exportQuery)}>
              {t('hh.export')}
            </Button>
            {canWrite(user) && !exitedView ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/households/new${filters.regionCode ? `?regionCode=${filters.regionCode}` : ''}`)}>
                {t('hh.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        {mobile ? null : (
          <Col xs={24} lg={6} xxl={5}>
            <Card size="small" title={t('hh.regionTree')}>
              <RegionTree selected={filters.regionCode} onSelect={(code) => setFilters({ regionCode: code })} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={18} xxl={19}>
          <Card size="small">
            {isAdmin ? (
              <Segmented
                style={{ marginBottom: 12 }}
                value={exitedView ? 'exited' : 'active'}
                onChange={(v) => setFilters({ status: v === 'exited' ? 'exited' : undefined })}
                options={[
                  { value: 'active', label: t('hh.list.active') },
                  { value: 'exited', label: t('hh.list.exited') },
                ]}
              />
            ) : null}
            <HouseholdFilters value={filters} onChange={handleChange} onReset={handleReset} />
            {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
            <ResponsiveTable<HouseholdListItem>
              aria-label={t('hh.title')}
              size="middle"
              rowKey="id"
              columns={columns}
              dataSource={data?.items ?? []}
              loading={isFetching}
              cardTitle={(r) => (
                <Space size={6} wrap>
                  <Link to={`/households/${r.id}`}>{r.headName ?? '—'}</Link>
                  <span style={{ fontFamily: 'monospace', fontWeight: 'normal', fontSize: 12 }}>{r.householdNo}</span>
                </Space>
              )}
              cardActions={(r) => rowActions(r)}
              pagination={{
                current: page,
                pageSize,
                total: data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (n) => t('common.total', { n }),
                onChange: (p, ps) => setFilters({ page: p === 1 ? undefined : String(p), pageSize: ps === 20 ? undefined : String(ps) }, { keepPage: true }),
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
