import { Tag } from 'antd';
import { ACTION_LABELS, ENTITY_LABELS } from '../../../lib/field-labels.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { AuditEntry } from '../../../lib/types.ts';
import { AuditChanges, useChangeRows } from '../../../ui/AuditChanges.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useHouseholdHistory } from '../api.ts';

export type HistoryTabProps = { householdId: number };

const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', exit: 'red', restore: 'cyan', import: 'purple', eliminate: 'gold' };

/** The record's name where it has one (a member's 姓名, a measure's description), else nothing. */
function recordName(e: AuditEntry): string {
  const rec = (e.after ?? e.before) as Record<string, unknown> | null | undefined;
  const name = rec && typeof rec === 'object' ? (rec.name ?? rec.description ?? (typeof rec.year === 'number' ? String(rec.year) : undefined)) : undefined;
  return typeof name === 'string' ? name : '';
}

/** 变更记录: audit entries of the household and its records, in field labels and words (shared AuditChanges). */
export function HistoryTab({ householdId }: HistoryTabProps) {
  const { t, pick } = useI18n();
  const rowsOf = useChangeRows();
  const { data, isLoading, error, refetch } = useHouseholdHistory(householdId);
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const label = (table: Record<string, readonly [string, string]>, code: string, fallback: [string, string]) => pick(...(table[code] ?? fallback));
  return (
    <ResponsiveTable<AuditEntry>
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={data ?? []}
      aria-label={t('hh.tab.history')}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      expandable={{
        expandedRowRender: (e) => <AuditChanges entityType={e.entityType} before={e.before} after={e.after} />,
        rowExpandable: (e) => rowsOf(e.entityType, e.before, e.after).length > 0,
      }}
      columns={[
        { title: t('history.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
        { title: t('history.actor'), dataIndex: 'actorName', render: (v?: string | null) => v ?? '—' },
        {
          title: t('history.action'),
          dataIndex: 'action',
          render: (v: string) => <Tag color={ACTION_COLOR[v] ?? 'default'}>{label(ACTION_LABELS, v, ['其他操作', 'Other'])}</Tag>,
        },
        { title: t('history.entity'), key: 'entity', render: (_, e) => [label(ENTITY_LABELS, e.entityType, ['记录', 'Record']), recordName(e)].filter(Boolean).join(' · ') },
        {
          title: t('history.changes'),
          key: 'n',
          responsive: ['md'],
          render: (_, e) =>
            rowsOf(e.entityType, e.before, e.after)
              .map((r) => r.label)
              .slice(0, 6)
              .join('、') || '—',
        },
      ]}
    />
  );
}
