import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { AssetView } from '@chanbang/domain';
import { Alert, Button, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { canWriteAssets } from '../asset-access.ts';
import { useAssets, useStocktakeMissing } from '../api.ts';
import { AssetFormModal } from '../components/AssetFormModal.tsx';
import { AssetImportButton } from '../components/AssetImportButton.tsx';

const KEYS = ['regionCode', 'category', 'assetClass', 'managementLevel', 'projectId', 'status', 'q', 'page', 'pageSize'] as const;

/** 元 → 万元 for display, at most 2 decimals. */
export const wan = (yuan: number) => (yuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
/** 2026 H1 → 2026年上半年. */
export const periodText = (year: number, half: number, pick: (zh: string, en: string) => string) => pick(`${year}年${half === 1 ? '上' : '下'}半年`, `${year} H${half}`);

/**
 * 资产管理 (issue 8 §1–2): the assets under a region with filters and paging in the URL, the value total in 万元, the
 * assets still without last half year's income (A3) on top, and 登记资产 for county and township staff.
 */
export function AssetListPage() {
  const { t, pick } = useI18n();
  const dict = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const writable = canWriteAssets(useCurrentUser());
  const [s, set] = useSearchState(KEYS);
  const [adding, setAdding] = useState(false);
  const query = {
    regionCode: s.regionCode,
    category: s.category,
    assetClass: s.assetClass,
    managementLevel: s.managementLevel,
    projectId: s.projectId,
    status: s.status,
    q: s.q,
    page: Number(s.page ?? 1),
    pageSize: Number(s.pageSize ?? 20),
  };
  const list = useAssets(query);
  const missing = useStocktakeMissing({ regionCode: s.regionCode, pageSize: 5 });
  const w = (n: number) => (mobile ? '100%' : n);

  return (
    <>
      <PageHeader
        title={t('assets.title')}
        subtitle={t('assets.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={downloadUrl('/assets/export.xlsx', { ...query, page: undefined, pageSize: undefined })}>
              {t('assets.export')}
            </Button>
            {writable ? <AssetImportButton /> : null}
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="asset-add">
                {t('assets.add')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionSelect
          value={s.regionCode}
          onChange={(v) => set({ regionCode: v })}
          placeholder={t('assets.filter.region')}
          aria-label={t('assets.filter.region')}
          style={{ width: w(220) }}
        />
        <DictSelect
          dictCode="asset_category"
          value={s.category}
          onChange={(v) => set({ category: v as string | undefined })}
          placeholder={t('assets.col.category')}
          aria-label={t('assets.col.category')}
          style={{ width: w(150) }}
        />
        <DictSelect
          dictCode="asset_class"
          value={s.assetClass}
          onChange={(v) => set({ assetClass: v as string | undefined })}
          placeholder={t('assets.col.class')}
          aria-label={t('assets.col.class')}
          style={{ width: w(150) }}
        />
        <DictSelect
          dictCode="asset_management_level"
          value={s.managementLevel}
          onChange={(v) => set({ managementLevel: v as string | undefined })}
          placeholder={t('assets.col.level')}
          aria-label={t('assets.col.level')}
          style={{ width: w(150) }}
        />
        <Select
          value={s.status ?? 'in_use'}
          onChange={(v) => set({ status: v === 'in_use' ? undefined : v })}
          aria-label={t('assets.filter.status')}
          style={{ width: w(120) }}
          options={(['in_use', 'disposed', 'all'] as const).map((v) => ({ value: v, label: t(`assets.status.${v}`) }))}
        />
        <Input.Search
          allowClear
          defaultValue={s.q}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('assets.filter.q')}
          aria-label={t('assets.filter.q')}
          style={{ width: w(220) }}
        />
      </Flex>
      {s.projectId ? (
        <Tag closable onClose={() => set({ projectId: undefined })} style={{ marginBottom: 12 }} data-testid="asset-project-filter">
          {t('assets.filter.project', { name: list.data?.items[0]?.projectName ?? pick('所选项目', 'the chosen project') })}
        </Tag>
      ) : null}
      {missing.data ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={missing.data.total ? 'warning' : 'success'}
          showIcon
          data-testid="asset-missing"
          message={
            missing.data.total
              ? t('assets.missing.hint', { period: periodText(missing.data.year, missing.data.half, pick), n: String(missing.data.total) })
              : t('assets.missing.none', { period: periodText(missing.data.year, missing.data.half, pick) })
          }
          description={
            missing.data.total ? (
              <Flex wrap gap={8}>
                {missing.data.items.map((a) => (
                  <Link key={a.id} to={`/industry/assets/${a.id}`}>
                    {a.name}（{a.regionName ?? a.regionCode}）
                  </Link>
                ))}
                {missing.data.total > missing.data.items.length ? <span>…</span> : null}
              </Flex>
            ) : undefined
          }
        />
      ) : null}
      {list.data ? (
        <Typography.Paragraph type="secondary" data-testid="asset-totals">
          {t('assets.totals', { n: String(list.data.total), wan: wan(list.data.totalValueYuan) })}
        </Typography.Paragraph>
      ) : null}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<AssetView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('assets.empty') }}
          aria-label={t('assets.title')}
          cardTitle={(a) => <Link to={`/industry/assets/${a.id}`}>{a.name}</Link>}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !mobile,
            onChange: (page, pageSize) => set({ page, pageSize }, { keepPage: true }),
          }}
          columns={[
            { title: t('assets.col.name'), dataIndex: 'name', responsive: ['md'], render: (_, a) => <Link to={`/industry/assets/${a.id}`}>{a.name}</Link> },
            { title: t('assets.col.no'), dataIndex: 'assetNo', responsive: ['md'] },
            { title: t('assets.col.region'), dataIndex: 'regionName', render: (_, a) => a.regionName ?? a.regionCode },
            { title: t('assets.col.category'), dataIndex: 'category', render: (_, a) => dict.label('asset_category', a.category) },
            { title: t('assets.col.value'), dataIndex: 'valueYuan', align: 'right', render: (v: number) => wan(v) },
            {
              title: t('assets.col.class'),
              dataIndex: 'assetClass',
              render: (_, a) =>
                a.status === 'disposed' ? <Tag>{t('assets.status.disposed')}</Tag> : a.assetClass ? <Tag color="blue">{dict.label('asset_class', a.assetClass)}</Tag> : '—',
            },
            { title: t('assets.col.level'), dataIndex: 'managementLevel', render: (_, a) => dict.label('asset_management_level', a.managementLevel) },
            {
              title: t('assets.col.project'),
              dataIndex: 'projectName',
              responsive: ['md'],
              render: (_, a) => (a.projectId ? <Link to={`/industry/projects/${a.projectId}`}>{a.projectName}</Link> : '—'),
            },
          ]}
        />
      )}
      <AssetFormModal open={adding} onClose={() => setAdding(false)} onSaved={(a) => navigate(`/industry/assets/${a.id}`)} />
    </>
  );
}
