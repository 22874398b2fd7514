import { findDictionary, resolveDictCode } from '../dictionaries/dictionaries.ts';
import type { DictItem, Dictionary } from '../dictionaries/dictionary.types.ts';
import type { Issue } from '../errors.ts';
import { toHalfWidth } from '../text/half-width.ts';
import { cellToDigitText, cellToText } from './cell-values.ts';
import { getImportField } from './import-fields.ts';
import type { ImportOptions } from './import-layout.ts';
import type { PlaceCells, PlaceResult } from './import-regions.ts';

/** What `checkImportRow` needs besides the row. */
export type ImportRowContext = {
  /** current dictionaries (the DB copy, so admin-added items are accepted) */
  dictionaries: Dictionary[];
  /** whether a region code exists (and is within the importer's scope) */
  isKnownRegion: (code: string) => boolean;
  /** resolves 省 市 县 乡 村 names to a village code (files without 区划代码) */
  resolvePlace?: (cells: PlaceCells) => PlaceResult;
  /** the file's defaults (household type, monitoring status, income year) */
  options?: ImportOptions;
  /** ISO date for "birth date not in the future" (default: today) */
  today?: string;
};

/** Builds an issue naming row, column (Chinese label), value and reason. */
export function importIssue(rowNumber: number, key: string, value: unknown, reasonZh: string, reasonEn: string): Issue {
  return { row: rowNumber, path: getImportField(key).labelZh, field: key, value, messageZh: reasonZh, messageEn: reasonEn };
}

/** Per-context lookups, built once per context object (a context is treated as immutable). */
type Prepared = {
  items: Map<string, DictItem[]>;
  /** dictionary code → cell text → item code (null: not an item) */
  resolved: Map<string, Map<string, string | null>>;
  idOptions: { today?: string };
};

const preparedCache = new WeakMap<ImportRowContext, Prepared>();
// cells repeat a handful of values; a bound keeps odd free text from growing the caches without limit
const CACHE_LIMIT = 20_000;

export function prepare(ctx: ImportRowContext): Prepared {
  let p = preparedCache.get(ctx);
  if (!p) {
    p = { items: new Map(), resolved: new Map(), idOptions: ctx.today ? { today: ctx.today } : {} };
    preparedCache.set(ctx, p);
  }
  return p;
}

export function dictItems(ctx: ImportRowContext, code: string): DictItem[] {
  const p = prepare(ctx);
  let items = p.items.get(code);
  if (!items) {
    items = findDictionary(code, ctx.dictionaries)?.items ?? findDictionary(code)?.items ?? [];
    p.items.set(code, items);
  }
  return items;
}

/** Dictionary code of a cell text (codes, labels or aliases), remembered per context. */
export function resolveCode(ctx: ImportRowContext, dictCode: string, text: string): string | undefined {
  const p = prepare(ctx);
  let m = p.resolved.get(dictCode);
  if (!m) p.resolved.set(dictCode, (m = new Map()));
  let c = m.get(text);
  if (c === undefined) {
    c = resolveDictCode(dictItems(ctx, dictCode), text) ?? null;
    if (m.size < CACHE_LIMIT) m.set(text, c);
  }
  return c ?? undefined;
}

/** The state of one row being checked (module-level helpers instead of per-row closures keep the loop cheap). */
export type RowCheck = { raw: Record<string, unknown>; rowNumber: number; ctx: ImportRowContext; issues: Issue[]; warnings: Issue[] };

export function fail(st: RowCheck, key: string, value: unknown, zh: string, en: string): void {
  st.issues.push(importIssue(st.rowNumber, key, value, zh, en));
}

export function missing(st: RowCheck, key: string): void {
  const f = getImportField(key);
  fail(st, key, st.raw[key] ?? '', `${f.labelZh}不能为空`, `${f.labelEn} is required`);
}

export function readDigits(st: RowCheck, key: string): string | null {
  const r = cellToDigitText(st.raw[key]);
  if (!r.ok) {
    fail(st, key, st.raw[key], r.reasonZh, r.reasonEn);
    return null;
  }
  if (r.text === '') {
    if (getImportField(key).required) missing(st, key);
    return null;
  }
  return r.text;
}

export function readText(st: RowCheck, key: string, max: number): string | null {
  const t = cellToText(st.raw[key]).replace(/\s+/g, ' ');
  if (t === '') {
    if (getImportField(key).required) missing(st, key);
    return null;
  }
  if (t.length > max) {
    const f = getImportField(key);
    fail(st, key, t, `${f.labelZh}过长（${t.length} 字，最多 ${max} 字）`, `${f.labelEn} is too long (${t.length} characters, at most ${max})`);
    return null;
  }
  return t;
}

export function readDict(st: RowCheck, key: string, dictCode: string): string | null {
  const t = cellToText(st.raw[key]);
  if (t === '') {
    if (getImportField(key).required) missing(st, key);
    return null;
  }
  const code = resolveCode(st.ctx, dictCode, t);
  if (code === undefined) {
    const f = getImportField(key);
    const sample = dictItems(st.ctx, dictCode)
      .filter((i) => !i.parentCode)
      .slice(0, 8)
      .map((i) => i.labelZh)
      .join('、');
    fail(st, key, t, `“${t}”不是有效的${f.labelZh}，可选：${sample}`, `"${t}" is not a valid ${f.labelEn.toLowerCase()}`);
    return null;
  }
  return code;
}

const LIST_SEPARATORS = /[、,，;；/／|｜\s]+/;

/** Splits a multi-valued cell on 、 , ， ; ； / | and spaces (健康状况 "残疾,长期慢性病", 风险类型). */
export function splitList(text: string): string[] {
  return toHalfWidth(text).split(LIST_SEPARATORS).filter(Boolean);
}
