import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ListFilterBar } from '../../../ui/ListFilterBar.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListQuery } from '../../../ui/use-list-query.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { canWriteAssets } from '../asset-access.ts';
import { useAssets, useStocktakeMissing } from '../api.ts';
import { AssetFormModal } from '../components/AssetFormModal.tsx';
import { AssetImportButton } from '../components/AssetImportButton.tsx';

const KEYS = ['regionCode', 'category', 'assetClass', 'managementLevel', 'projectId', 'status', 'q'] as const;

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
  const navigate = useNavigate();
  const writable = canWriteAssets(useCurrentUser());
  const lq = useListQuery(KEYS);
  const s = lq.filters;
  const [adding, setAdding] = useState(false);
  const query = lq.query;
  const list = useAssets(query);
  const missing = useStocktakeMissing({ regionCode: s.regionCode, pageSize: 5 });

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
      <ListFilterBar
        values={s}
        set={lq.set}
        filters={[
          { kind: 'region', key: 'regionCode', label: t('assets.filter.region') },
          { kind: 'dict', key: 'category', dictCode: 'asset_category', label: t('assets.col.category') },
          { kind: 'dict', key: 'assetClass', dictCode: 'asset_class', label: t('assets.col.class') },
          { kind: 'dict', key: 'managementLevel', dictCode: 'asset_management_level', label: t('assets.col.level') },
          {
            kind: 'select',
            key: 'status',
            label: t('assets.filter.status'),
            whenEmpty: 'in_use',
            options: (['in_use', 'disposed', 'all'] as const).map((v) => ({ value: v, label: t(`assets.status.${v}`) })),
          },
          { kind: 'search', key: 'q', label: t('assets.filter.q') },
        ]}
      />
      {s.projectId ? (
        <Tag closable onClose={() => lq.set({ projectId: undefined })} style={{ marginBottom: 12 }} data-testid="asset-project-filter">
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
      <ListTable
        list={list}
        totals={(d) => t('assets.totals', { n: String(d.total), wan: wan(d.totalValueYuan) })}
        totalsTestId="asset-totals"
        rowKey="id"
        locale={{ emptyText: t('assets.empty') }}
        aria-label={t('assets.title')}
        cardTitle={(a) => <Link to={`/industry/assets/${a.id}`}>{a.name}</Link>}
        pagination={lq.pagination}
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
      <AssetFormModal open={adding} onClose={() => setAdding(false)} onSaved={(a) => navigate(`/industry/assets/${a.id}`)} />
    </>
  );
}
