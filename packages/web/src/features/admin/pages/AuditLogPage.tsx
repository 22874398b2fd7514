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

// Audit codes as the server writes them → labels (unknown codes are shown as written).
const ACTION_LABELS: Record<string, [string, string]> = {
  create: ['新增', 'Create'], update: ['修改', 'Update'], delete: ['删除', 'Delete'], login: ['登录', 'Log in'],
  export: ['导出', 'Export'], import: ['导入', 'Import'], eliminate: ['风险消除', 'Risk eliminated'],
};
const ENTITY_LABELS: Record<string, [string, string]> = {
  household: ['农户', 'Household'], households: ['农户（批量）', 'Households (bulk)'], person: ['家庭成员', 'Member'],
  user: ['用户', 'User'], support_measure: ['帮扶措施', 'Support measure'], monitoring_case: ['监测', 'Monitoring case'],
  dictionary_item: ['字典项', 'Dictionary item'], setting: ['设置', 'Setting'], household_income: ['收入', 'Income'],
  household_helper: ['帮扶责任人（户）', 'Household helper'], helper: ['帮扶责任人', 'Helper'], import_job: ['导入任务', 'Import job'],
};

/** 审计日志: filters in the URL; each row expands to the diff and the raw before/after JSON. */
export function AuditLogPage() {
  const { t, pick } = useI18n();
  const label = (map: Record<string, [string, string]>, code: string) => {
    const l = map[code];
    return l ? pick(l[0], l[1]) : code;
  };
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
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag title={v}>{label(ACTION_LABELS, v)}</Tag> },
            { title: t('audit.entityType'), dataIndex: 'entityType', render: (v: string) => <span title={v}>{label(ENTITY_LABELS, v)}</span> },
            { title: t('audit.entityId'), dataIndex: 'entityId' },
            { title: t('hh.region'), dataIndex: 'regionCode' },
          ]}
        />
      </Card>
    </>
  );
}
