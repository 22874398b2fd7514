import { PlusOutlined } from '@ant-design/icons';
import type { DistributionPage } from '@chanbang/domain';
import { Button, Flex, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatPercent, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { distributionPeriod, useDistributions } from '../api.ts';
import { ProposeModal } from '../components/ProposeModal.tsx';

const KEYS = ['regionCode', 'year', 'status', 'page', 'pageSize'] as const;
type Item = DistributionPage['items'][number];
export const STATUS_COLOR: Record<string, string> = { draft: 'gold', confirmed: 'green', cancelled: 'default' };

/** 收益分配 (issue 8 §3): the distributions of villages under a region, filters in the URL, 拟定分配 for writers. */
export function DistributionListPage() {
  const { t, lang, pick } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writable = user.role !== 'viewer';
  const [s, set] = useSearchState(KEYS);
  const [adding, setAdding] = useState(false);
  const query = { regionCode: s.regionCode, year: s.year, status: s.status, page: Number(s.page ?? 1), pageSize: Number(s.pageSize ?? 20) };
  const list = useDistributions(query);
  const w = (n: number) => (mobile ? '100%' : n);

  return (
    <>
      <PageHeader
        title={t('dist.title')}
        subtitle={t('dist.subtitle')}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="dist-propose">
              {t('dist.propose')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionSelect
          value={s.regionCode}
          onChange={(v) => set({ regionCode: v })}
          placeholder={t('dist.filter.region')}
          aria-label={t('dist.filter.region')}
          style={{ width: w(220) }}
        />
        <InputNumber
          value={s.year ? Number(s.year) : null}
          onChange={(v) => set({ year: v ? String(v) : undefined })}
          min={2013}
          max={2100}
          placeholder={t('dist.filter.year')}
          aria-label={t('dist.filter.year')}
          style={{ width: w(120) }}
        />
        <Select
          allowClear
          value={s.status}
          onChange={(v) => set({ status: v })}
          placeholder={t('dist.filter.status')}
          aria-label={t('dist.filter.status')}
          style={{ width: w(140) }}
          options={(['draft', 'confirmed', 'cancelled'] as const).map((v) => ({ value: v, label: t(`dist.status.${v}`) }))}
        />
      </Flex>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Item>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('dist.empty') }}
          aria-label={t('dist.title')}
          cardTitle={(d) => <Link to={`/industry/distributions/${d.id}`}>{`${d.regionName ?? d.regionCode} ${distributionPeriod(d.year, d.half, pick)}`}</Link>}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !mobile,
            onChange: (page, pageSize) => set({ page, pageSize }, { keepPage: true }),
          }}
          columns={[
            {
              title: t('dist.col.village'),
              dataIndex: 'regionName',
              responsive: ['md'],
              render: (_, d) => <Link to={`/industry/distributions/${d.id}`}>{d.regionName ?? d.regionCode}</Link>,
            },
            { title: t('dist.col.period'), dataIndex: 'year', responsive: ['md'], render: (_, d) => distributionPeriod(d.year, d.half, pick) },
            { title: t('dist.col.income'), dataIndex: 'collectiveIncomeYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
            { title: t('dist.col.total'), dataIndex: 'totalYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
            {
              title: t('dist.col.share'),
              dataIndex: 'share',
              align: 'right',
              render: (_, d) => <span style={{ color: d.minShare !== null && d.share !== null && d.share < d.minShare ? '#cf1322' : undefined }}>{formatPercent(d.share)}</span>,
            },
            { title: t('dist.col.lines'), dataIndex: 'lineCount', align: 'right' },
            { title: t('dist.col.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`dist.status.${v}` as 'dist.status.draft')}</Tag> },
          ]}
        />
      )}
      <ProposeModal open={adding} regionCode={s.regionCode} onClose={() => setAdding(false)} onSaved={(d) => navigate(`/industry/distributions/${d.id}`)} />
    </>
  );
}
