import { Button, Card, DatePicker, Flex, Input, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { AuditEntry } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { JsonDiff } from '../../../ui/JsonDiff.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { AUDIT_FILTER_KEYS, useAuditLog } from '../api.ts';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre style={{ margin: 0, maxHeight: 280, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}>{JSON.stringify(value, null, 2)}</pre>;
}

/** 审计日志: filters in the URL; each row expands to the diff and the raw before/after JSON. */
export function AuditLogPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useSearchState(AUDIT_FILTER_KEYS);
  const { data, isFetching, error, refetch } = useAuditLog(filters);
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const text = (key: 'entityType' | 'entityId' | 'actorId' | 'action', label: string) => (
    <Input.Search key={`${key}-${filters[key] ?? ''}`} aria-label={label} placeholder={label} allowClear defaultValue={filters[key]} onSearch={(v) => setFilters({ [key]: v.trim() || undefined })} style={{ width: 170 }} />
  );
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
          {text('entityType', t('audit.entityType'))}
          {text('entityId', t('audit.entityId'))}
          {text('actorId', t('audit.actor'))}
          {text('action', t('audit.action'))}
          <DatePicker.RangePicker
            aria-label={t('audit.range')}
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) => setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
          <Button onClick={() => setFilters(Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, undefined])))}>{t('common.reset')}</Button>
        </Flex>
        {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          aria-label={t('audit.title')}
          expandable={{
            expandedRowRender: (e) => (
              <>
                <JsonDiff before={e.before} after={e.after} />
                <Flex gap={12} style={{ marginTop: 8 }}>
                  <div style={{ flex: 1 }}><Typography.Text strong>{t('audit.before')}</Typography.Text><Json value={e.before} /></div>
                  <div style={{ flex: 1 }}><Typography.Text strong>{t('audit.after')}</Typography.Text><Json value={e.after} /></div>
                </Flex>
              </>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, ps) => setFilters({ page: p === 1 ? undefined : String(p), pageSize: ps === 20 ? undefined : String(ps) }, { keepPage: true }),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('audit.actorName'), dataIndex: 'actorName', render: (v: string | null | undefined, e) => v ?? e.actorId ?? '—' },
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{v}</Tag> },
            { title: t('audit.entityType'), dataIndex: 'entityType' },
            { title: t('audit.entityId'), dataIndex: 'entityId' },
            { title: t('hh.region'), dataIndex: 'regionCode' },
          ]}
        />
      </Card>
    </>
  );
}
