import { Table, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { AuditEntry } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { JsonDiff, diffRows } from '../../../ui/JsonDiff.tsx';
import { useHouseholdHistory } from '../api.ts';

export type HistoryTabProps = { householdId: number };

const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', import: 'purple', eliminate: 'gold' };

/** 变更记录: audit entries of the household and its children; expand a row for the before/after diff. */
export function HistoryTab({ householdId }: HistoryTabProps) {
  const { t } = useI18n();
  const { data, isLoading, error, refetch } = useHouseholdHistory(householdId);
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={data ?? []}
      aria-label={t('hh.tab.history')}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} />, rowExpandable: (e) => diffRows(e.before, e.after).length > 0 }}
      columns={[
        { title: t('history.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
        { title: t('history.actor'), dataIndex: 'actorName', render: (v?: string | null, e?: AuditEntry) => v ?? e?.actorId ?? '—' },
        { title: t('history.action'), dataIndex: 'action', render: (v: string) => <Tag color={ACTION_COLOR[v] ?? 'default'}>{v}</Tag> },
        { title: t('history.entity'), key: 'entity', render: (_, e) => `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` },
        { title: t('history.changes'), key: 'n', render: (_, e) => diffRows(e.before, e.after).map((r) => r.field).slice(0, 6).join(', ') },
      ]}
    />
  );
}
