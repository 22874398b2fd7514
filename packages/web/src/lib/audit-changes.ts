import { fenToYuan, findPack } from '@chanbang/domain';
import { fieldDef, type FieldKind } from './field-labels.ts';
import { formatDate, formatYuan } from './format.ts';
import type { I18n, MessageKey } from './i18n.tsx';

/** Dictionary label lookup (useDict().label). */
type Dict = { label: (dictCode: string, code: string | null | undefined) => string };

export type ChangeRow = { key: string; label: string; before: string; after: string };

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
  if (kind.fen && Number.isSafeInteger(Number(value))) return formatYuan(fenToYuan(Number(value)), i18n.lang);
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
    // the only plain-value entries are settings: the county's policy pack (by id)
    const pack = (v: unknown) => (typeof v === 'string' ? findPack(v) : undefined);
    if (entityType === 'setting' && (pack(before) || pack(after))) {
      const name = (v: unknown) => (pack(v) ? i18n.pick(pack(v)!.nameZh, pack(v)!.nameEn) : showValue(v, {}, i18n, dict));
      return [{ key: '_value', label: i18n.pick('政策包', 'Policy pack'), before: name(before), after: name(after) }];
    }
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
