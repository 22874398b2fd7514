import { Flex, Typography } from 'antd';
import { useDict } from '../features/dictionaries/api.ts';
import { fieldDef, type FieldKind } from '../lib/field-labels.ts';
import { formatDate, formatYuan } from '../lib/format.ts';
import { useI18n, type I18n, type MessageKey } from '../lib/i18n.tsx';

export type AuditChangesProps = {
  /** audit entity type (household, person, household_income …): picks the field words */
  entityType: string;
  before: unknown;
  after: unknown;
};

export type ChangeRow = { key: string; label: string; before: string; after: string };

type Dict = ReturnType<typeof useDict>;

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** One value in words: dictionary labels, 是/否/未评估, dates, amounts; lists of records summarised by name. */
export function showValue(value: unknown, kind: FieldKind, i18n: Pick<I18n, 't' | 'pick' | 'lang'>, dict: Pick<Dict, 'label'>): string {
  const { t, pick } = i18n;
  if (kind.bool === 'secure' && (value === null || value === undefined)) return pick('未评估', 'not assessed');
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') {
    if (kind.bool === 'secure') return value ? pick('有保障', 'secure') : pick('存在问题', 'a problem');
    return value ? t('common.yes') : t('common.no');
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return value.map((v) => (kind.dict ? dict.label(kind.dict, String(v)) : String(v))).join('、');
    }
    const names = value.map((v) => asRecord(v)?.name).filter((n): n is string => typeof n === 'string');
    return pick(`${value.length} 人：${names.join('、')}`, `${value.length}: ${names.join(', ')}`);
  }
  if (typeof value === 'object') return pick('（已记录）', '(recorded)');
  if (kind.role) return t(`role.${String(value)}` as MessageKey);
  if (kind.dict) return dict.label(kind.dict, String(value));
  if (kind.date) return formatDate(String(value));
  if (kind.money) return formatYuan(Number(value), i18n.lang);
  return String(value);
}

/**
 * The changed fields of an audit entry, in words. Only fields with a known label are listed; technical fields
 * (ids, timestamps) are left out. A create lists what was recorded, a delete what was removed.
 */
export function changeRows(entityType: string, before: unknown, after: unknown, i18n: Pick<I18n, 't' | 'pick' | 'lang'>, dict: Pick<Dict, 'label'>): ChangeRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (same(before, after)) return [];
    const kind: FieldKind = {};
    return [{ key: '_value', label: i18n.pick('内容', 'Value'), before: showValue(before, kind, i18n, dict), after: showValue(after, kind, i18n, dict) }];
  }
  const keys = Array.from(new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]));
  const rows: ChangeRow[] = [];
  for (const key of keys) {
    const def = fieldDef(entityType, key);
    if (!def || def.kind.hidden) continue;
    const bv = b?.[key];
    const av = a?.[key];
    if (same(bv, av)) continue;
    // a create lists recorded values only, a delete removed values only
    if (!b && (av === null || av === undefined || av === '' || (Array.isArray(av) && av.length === 0)) && !def.kind.bool) continue;
    if (!a && (bv === null || bv === undefined || bv === '' || (Array.isArray(bv) && bv.length === 0)) && !def.kind.bool) continue;
    rows.push({
      key,
      label: i18n.pick(def.zh, def.en),
      before: b ? showValue(bv, def.kind, i18n, dict) : '',
      after: a ? showValue(av, def.kind, i18n, dict) : '',
    });
  }
  return rows;
}

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
  if (!rows.length) return <Typography.Text type="secondary">{i18n.pick('无字段变化', 'No field changed')}</Typography.Text>;
  return (
    <dl style={{ margin: 0 }} aria-label={i18n.t('history.changes')}>
      {rows.map((r) => (
        <Flex key={r.key} wrap gap={8} style={{ padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <dt style={{ minWidth: 120, fontWeight: 600 }}>{r.label}</dt>
          <dd style={{ margin: 0, flex: '1 1 200px', overflowWrap: 'anywhere' }}>
            {r.before ? <Typography.Text delete type="danger">{r.before}</Typography.Text> : null}
            {r.before && r.after ? <span aria-hidden> → </span> : null}
            {r.after ? <Typography.Text type="success">{r.after}</Typography.Text> : null}
          </dd>
        </Flex>
      ))}
    </dl>
  );
}
