import { DICT, findDictionary, resolveDictCode } from '../dictionaries/dictionaries.ts';
import type { DictItem, Dictionary } from '../dictionaries/dictionary.types.ts';
import type { Issue } from '../errors.ts';
import { validateIdNumber } from '../id-number/id-number.ts';
import { isValidRegionCode } from '../auth/regions.ts';
import { toHalfWidth } from '../text/half-width.ts';
import { cellToDigitText, cellToText, cellToYear } from './cell-values.ts';
import { getImportField } from './import-fields.ts';

/** One valid person row of the import file, with its household fields, ready to be written. */
export type ImportPersonRow = {
  /** 1-based data row number in the file */
  rowNumber: number;
  householdNo: string;
  regionCode: string;
  /** dict household_type */
  householdType: string;
  /** dict monitoring_type; set iff householdType is `monitored` */
  monitoringType: string | null;
  headName: string | null;
  name: string;
  /** normalised 18-character ID number */
  idNumber: string;
  /** dict gender, derived from the ID number */
  gender: '1' | '2';
  birthDate: string;
  /** dict relation */
  relation: string;
  isHead: boolean;
  laborCapacity: string | null;
  healthStatus: string | null;
  education: string | null;
  employmentStatus: string | null;
  phone: string | null;
  /** dict risk_type codes, distinct, at most 5 */
  riskTypes: string[];
  liftedYear: number | null;
  address: string | null;
};

/** What {@link checkImportRow} needs besides the row. */
export type ImportRowContext = {
  /** current dictionaries (the DB copy, so admin-added items are accepted) */
  dictionaries: Dictionary[];
  /** whether a region code exists (and is within the importer's scope) */
  isKnownRegion: (code: string) => boolean;
  /** ISO date for "birth date not in the future" (default: today) */
  today?: string;
};

// domain-standards §1.3: 致贫/返贫风险1..5
const MAX_RISKS = 5;
const RISK_SEPARATORS = /[、,，;；/／|｜\s]+/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
// 脱贫攻坚 registry years (建档立卡 2013/2014 → last exits 2020)
const LIFTED_YEAR_MIN = 2013;
const LIFTED_YEAR_MAX = 2020;
const HOUSEHOLD_NO = /^[0-9A-Za-z_-]{1,32}$/;

/** Builds an issue naming row, column (Chinese label), value and reason. */
export function importIssue(rowNumber: number, key: string, value: unknown, reasonZh: string, reasonEn: string): Issue {
  return { row: rowNumber, path: getImportField(key).labelZh, field: key, value, messageZh: reasonZh, messageEn: reasonEn };
}

/** Per-context lookups, built once per context object (a context is treated as immutable). */
type Prepared = {
  items: Map<string, DictItem[]>;
  /** dictionary code → cell text → item code (null: not an item) */
  resolved: Map<string, Map<string, string | null>>;
  /** 健康状况 cell → most serious code; 风险类型 cell → distinct codes (successes only) */
  health: Map<string, string>;
  risks: Map<string, string[]>;
  idOptions: { today?: string };
};

const preparedCache = new WeakMap<ImportRowContext, Prepared>();
// cells repeat a handful of values; a bound keeps odd free text from growing the caches without limit
const CACHE_LIMIT = 20_000;

function prepare(ctx: ImportRowContext): Prepared {
  let p = preparedCache.get(ctx);
  if (!p) {
    p = { items: new Map(), resolved: new Map(), health: new Map(), risks: new Map(), idOptions: ctx.today ? { today: ctx.today } : {} };
    preparedCache.set(ctx, p);
  }
  return p;
}

function dictItems(ctx: ImportRowContext, code: string): DictItem[] {
  const p = prepare(ctx);
  let items = p.items.get(code);
  if (!items) {
    items = findDictionary(code, ctx.dictionaries)?.items ?? findDictionary(code)?.items ?? [];
    p.items.set(code, items);
  }
  return items;
}

/** Dictionary code of a cell text (codes, labels or aliases), remembered per context. */
function resolveCode(ctx: ImportRowContext, dictCode: string, text: string): string | undefined {
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
type RowCheck = { raw: Record<string, unknown>; rowNumber: number; ctx: ImportRowContext; issues: Issue[] };

function fail(st: RowCheck, key: string, value: unknown, zh: string, en: string): void {
  st.issues.push(importIssue(st.rowNumber, key, value, zh, en));
}

function missing(st: RowCheck, key: string): void {
  const f = getImportField(key);
  fail(st, key, st.raw[key] ?? '', `${f.labelZh}不能为空`, `${f.labelEn} is required`);
}

function readDigits(st: RowCheck, key: string): string | null {
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

function readText(st: RowCheck, key: string, max: number): string | null {
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

function readDict(st: RowCheck, key: string, dictCode: string): string | null {
  const t = cellToText(st.raw[key]);
  if (t === '') {
    if (getImportField(key).required) missing(st, key);
    return null;
  }
  const code = resolveCode(st.ctx, dictCode, t);
  if (code === undefined) {
    const f = getImportField(key);
    const sample = dictItems(st.ctx, dictCode).filter((i) => !i.parentCode).slice(0, 8).map((i) => i.labelZh).join('、');
    fail(st, key, t, `“${t}”不是有效的${f.labelZh}，可选：${sample}`, `"${t}" is not a valid ${f.labelEn.toLowerCase()}`);
    return null;
  }
  return code;
}

function splitList(text: string): string[] {
  return toHalfWidth(text).split(RISK_SEPARATORS).filter(Boolean);
}

/** 健康状况: the national system exports combinations such as "残疾,长期慢性病"; we keep the most serious. */
function readHealth(st: RowCheck): string | null {
  const healthText = cellToText(st.raw.healthStatus);
  if (healthText === '') return null;
  const p = prepare(st.ctx);
  const known = p.health.get(healthText);
  if (known !== undefined) return known;
  const items = dictItems(st.ctx, DICT.healthStatus);
  const codes = splitList(healthText).map((part) => resolveDictCode(items, part));
  if (codes.some((c) => c === undefined)) {
    fail(st, 'healthStatus', healthText, `“${healthText}”不是有效的健康状况，可选：${items.map((i) => i.labelZh).join('、')}`, `"${healthText}" is not a valid health status`);
    return null;
  }
  const severity = (c: string) => Number(items.find((i) => i.code === c)?.attrs?.severity ?? 0);
  const code = (codes as string[]).reduce((a, b) => (severity(b) > severity(a) ? b : a));
  if (p.health.size < CACHE_LIMIT) p.health.set(healthText, code);
  return code;
}

/** 风险类型: split on 、,，;/| and spaces, distinct, at most {@link MAX_RISKS}. */
function readRisks(st: RowCheck): string[] {
  const riskText = cellToText(st.raw.riskTypes);
  if (riskText === '') return [];
  const p = prepare(st.ctx);
  const known = p.risks.get(riskText);
  if (known) return known.slice();
  const items = dictItems(st.ctx, DICT.riskType);
  const parts = [...new Set(splitList(riskText))];
  const unknown = parts.filter((part) => resolveDictCode(items, part) === undefined);
  if (unknown.length) {
    fail(st, 'riskTypes', riskText, `无法识别的风险类型：${unknown.join('、')}`, `unknown risk type(s): ${unknown.join(', ')}`);
    return [];
  }
  const riskTypes: string[] = [];
  for (const part of parts) {
    const c = resolveDictCode(items, part) as string;
    if (!riskTypes.includes(c)) riskTypes.push(c);
  }
  if (riskTypes.length > MAX_RISKS) {
    fail(st, 'riskTypes', riskText, `风险类型最多 ${MAX_RISKS} 项，实际 ${riskTypes.length} 项`, `at most ${MAX_RISKS} risk types, got ${riskTypes.length}`);
    return riskTypes;
  }
  if (p.risks.size < CACHE_LIMIT) p.risks.set(riskText, riskTypes.slice());
  return riskTypes;
}

/**
 * Checks and converts one person row of the household import (also used by the API for the same fields).
 * Trims text; converts full-width characters; reads Excel numbers given for ID/phone/household/region numbers and
 * refuses those that lost precision (`4.10123E+17`); upper-cases the ID check character; reads 脱贫年度 from
 * numbers, text or Excel date serials; accepts dictionary codes, labels or aliases; splits 风险类型 on 、,，;/| and
 * spaces (≤ 5); requires 监测类型 iff 户类型 is 监测户; derives gender and birth date from the ID number.
 * @param raw cell values keyed by field key (the column mapping already applied)
 * @param rowNumber the row's number in the file, echoed in every issue
 * @param ctx dictionaries and region lookup
 * @returns the row (null when any issue) and every issue found, each naming row, column, value and reason
 */
export function checkImportRow(raw: Record<string, unknown>, rowNumber: number, ctx: ImportRowContext): { value: ImportPersonRow | null; issues: Issue[] } {
  const st: RowCheck = { raw, rowNumber, ctx, issues: [] };
  const { issues } = st;

  // 户编号
  let householdNo = readDigits(st, 'householdNo');
  if (householdNo !== null && !HOUSEHOLD_NO.test(householdNo)) {
    fail(st, 'householdNo', householdNo, '户编号只能含字母、数字、-、_，最多 32 位', 'household number may only contain letters, digits, - and _, at most 32');
    householdNo = null;
  }

  // 区划代码
  let regionCode = readDigits(st, 'regionCode');
  if (regionCode !== null) {
    if (!isValidRegionCode(regionCode)) {
      fail(st, 'regionCode', regionCode, '区划代码应为 12 位村级统计用区划代码（或 15 位组代码）', 'region code must be a 12-digit village code (or a 15-digit group code)');
      regionCode = null;
    } else if (!ctx.isKnownRegion(regionCode)) {
      fail(st, 'regionCode', regionCode, '区划代码不存在或不在您的管辖范围内', 'region code is unknown or outside your area');
      regionCode = null;
    }
  }

  // 户类型 / 监测类型
  const householdType = readDict(st, 'householdType', DICT.householdType);
  const monitoringType = readDict(st, 'monitoringType', DICT.monitoringType);
  const monitoringCell = cellToText(raw.monitoringType);
  if (householdType === 'monitored' && monitoringCell === '') {
    fail(st, 'monitoringType', '', '户类型为监测户时必须填写监测类型（脱贫不稳定户、边缘易致贫户、突发严重困难户）', 'monitored households need a monitoring type (unstable, marginal or sudden hardship)');
  } else if (householdType !== null && householdType !== 'monitored' && monitoringCell !== '') {
    fail(st, 'monitoringType', monitoringCell, '只有监测户填写监测类型', 'only monitored households have a monitoring type');
  }

  const headName = readText(st, 'headName', 50);
  const name = readText(st, 'name', 50);

  // 证件号码, 性别
  let idNumber: string | null = null;
  let gender: '1' | '2' | null = null;
  let birthDate: string | null = null;
  const idText = readDigits(st, 'idNumber');
  if (idText !== null) {
    const r = validateIdNumber(idText, prepare(ctx).idOptions);
    if (r.ok) ({ idNumber, gender, birthDate } = r);
    else fail(st, 'idNumber', idText, r.reasonZh, r.reasonEn);
  }
  const genderCode = readDict(st, 'gender', DICT.gender);
  if (genderCode !== null && gender !== null && genderCode !== gender) {
    fail(st, 'gender', cellToText(raw.gender), `性别与证件号码不符（证件号码第 17 位表示${gender === '1' ? '男' : '女'}）`, `gender does not match the ID number (its 17th digit means ${gender === '1' ? 'male' : 'female'})`);
  }

  // 与户主关系 and person vocabularies
  const relation = readDict(st, 'relation', DICT.relation);
  const isHead = relation !== null && dictItems(ctx, DICT.relation).find((i) => i.code === relation)?.attrs?.isHead === true;
  const laborCapacity = readDict(st, 'laborCapacity', DICT.laborCapacity);
  const education = readDict(st, 'education', DICT.education);
  const employmentStatus = readDict(st, 'employmentStatus', DICT.employmentStatus);
  const healthStatus = readHealth(st);

  // 联系电话
  let phone = readDigits(st, 'phone');
  if (phone !== null) {
    phone = phone.replace(/[()（）]/g, '');
    if (!PHONE.test(phone)) {
      fail(st, 'phone', phone, '联系电话应为 11 位手机号或带区号的固定电话', 'phone must be an 11-digit mobile or a landline with area code');
      phone = null;
    }
  }

  const riskTypes = readRisks(st);

  // 脱贫年度
  let liftedYear: number | null = null;
  const year = cellToYear(raw.liftedYear);
  if (year !== null) {
    if (Number.isNaN(year) || year < LIFTED_YEAR_MIN || year > LIFTED_YEAR_MAX) {
      fail(st, 'liftedYear', raw.liftedYear, `脱贫年度应为 ${LIFTED_YEAR_MIN}—${LIFTED_YEAR_MAX} 年之间的年份`, `year lifted must be a year from ${LIFTED_YEAR_MIN} to ${LIFTED_YEAR_MAX}`);
    } else if (householdType === 'ordinary') {
      fail(st, 'liftedYear', raw.liftedYear, '一般农户不应填写脱贫年度', 'ordinary households have no year lifted');
    } else {
      liftedYear = year;
    }
  }

  const address = readText(st, 'address', 200);

  if (issues.length > 0 || householdNo === null || regionCode === null || householdType === null || name === null || idNumber === null || relation === null) {
    return { value: null, issues };
  }
  return {
    value: {
      rowNumber,
      householdNo,
      regionCode,
      householdType,
      monitoringType: householdType === 'monitored' ? monitoringType : null,
      headName,
      name,
      idNumber,
      gender: gender as '1' | '2',
      birthDate: birthDate as string,
      relation,
      isHead,
      laborCapacity,
      healthStatus,
      education,
      employmentStatus,
      phone,
      riskTypes,
      liftedYear,
      address,
    },
    issues,
  };
}
