import { Flex, Typography } from 'antd';
import { useDict } from '../features/dictionaries/api.ts';
import { changeRows } from '../lib/audit-changes.ts';
import { useI18n } from '../lib/i18n.tsx';

export { changeRows, showValue, type ChangeRow } from '../lib/audit-changes.ts';

export type AuditChangesProps = {
  /** audit entity type (household, person, household_income …): picks the field words */
  entityType: string;
  before: unknown;
  after: unknown;
};

/** Hook form of {@link changeRows} for tables that list the changed fields' names. */
export function useChangeRows() {
  const i18n = useI18n();
  const dict = useDict();
  return (entityType: string, before: unknown, after: unknown) => changeRows(entityType, before, after, i18n, dict);
}

/** Before → after of an audit entry as field labels and values in words (never keys or JSON). */
export function AuditChanges({ entityType, before, after }: AuditChangesProps) {
  const i18n = useI18n();
  const dict = useDict();
  const rows = changeRows(entityType, before, after, i18n, dict);
  const empty = i18n.pick('（空）', '(empty)');
  if (!rows.length) return <Typography.Text type="secondary">{i18n.pick('无字段变化', 'No field changed')}</Typography.Text>;
  return (
    <dl style={{ margin: 0 }} aria-label={i18n.t('history.changes')}>
      {rows.map((r) => (
        <Flex key={r.key} wrap gap={8} style={{ padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <dt style={{ minWidth: 120, fontWeight: 600 }}>{r.label}</dt>
          <dd style={{ margin: 0, flex: '1 1 200px', overflowWrap: 'anywhere' }}>
            {r.before === '—' ? (
              <Typography.Text type="secondary">{empty}</Typography.Text>
            ) : r.before ? (
              <Typography.Text delete type="danger">
                {r.before}
              </Typography.Text>
            ) : null}
            {r.before && r.after ? <span aria-hidden> → </span> : null}
            {r.after === '—' ? <Typography.Text type="secondary">{empty}</Typography.Text> : r.after ? <Typography.Text type="success">{r.after}</Typography.Text> : null}
          </dd>
        </Flex>
      ))}
    </dl>
  );
}
