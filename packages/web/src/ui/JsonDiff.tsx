import { Table, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';

export type JsonDiffProps = { before: unknown; after: unknown };

type Row = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Field-by-field before/after of an audit entry; only changed fields. */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = Array.from(new Set([...Object.keys(b), ...Object.keys(a)]));
  return keys
    .filter((k) => show(b[k]) !== show(a[k]) && k !== 'updatedAt')
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

export function JsonDiff({ before, after }: JsonDiffProps) {
  const { t } = useI18n();
  const rows = diffRows(before, after);
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('history.field'), dataIndex: 'field', width: 180 },
        { title: t('history.before'), dataIndex: 'before', render: (v: string) => <Typography.Text delete={!!v} type="danger">{v}</Typography.Text> },
        { title: t('history.after'), dataIndex: 'after', render: (v: string) => <Typography.Text type="success">{v}</Typography.Text> },
      ]}
    />
  );
}
