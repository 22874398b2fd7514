import { DICT } from '../dictionaries/dictionaries.ts';
import { normalizeLabel } from '../text/half-width.ts';
import { NATIONAL_IMPORT_FIELDS } from './import-fields-national.ts';

/** One column of the household import file (ARCHITECTURE.md "Import file": one row per person). */
export type ImportField = {
  key: string;
  labelZh: string;
  labelEn: string;
  required: boolean;
  aliases: string[];
  /** household-level column (repeated on every member row and checked for consistency) */
  household: boolean;
  /** dictionary whose codes, labels or aliases the column accepts */
  dict?: string;
  /** where the mapping screen shows it (national-export columns); the template's own fields have none */
  group?: 'location' | 'person' | 'household' | 'monitoring' | 'income' | 'measure' | 'conditions';
};

/**
 * The columns of the import file, in template order. Household-level fields repeat on every member row.
 * Aliases are header spellings seen in national-system exports and local sheets (domain-standards §2.1).
 */
export const HOUSEHOLD_IMPORT_FIELDS: ImportField[] = [
  { key: 'householdNo', household: true, labelZh: '户编号', labelEn: 'Household number', required: true, aliases: ['户号', '家庭编号', '户编码', '农户编号'] },
  {
    key: 'regionCode',
    household: true,
    labelZh: '区划代码',
    labelEn: 'Region code',
    required: false,
    aliases: ['行政区划代码', '村代码', '区划编码', '统计用区划代码', '行政区划编码', '村组代码', '所在村组代码'],
  },
  {
    key: 'householdType',
    household: true,
    dict: DICT.householdType,
    labelZh: '户类型',
    labelEn: 'Household type',
    required: false,
    aliases: ['户属性', '农户类型', '家庭类型', '户别'],
  },
  {
    key: 'monitoringType',
    household: true,
    dict: DICT.monitoringType,
    labelZh: '监测类型',
    labelEn: 'Monitoring type',
    required: false,
    aliases: ['监测对象类别', '监测对象类型', '监测户类型', '监测类别', '易返贫致贫户类型', '易返贫致贫户(监测对象)类型'],
  },
  { key: 'headName', household: true, labelZh: '户主姓名', labelEn: 'Head of household', required: false, aliases: ['户主'] },
  { key: 'name', household: false, labelZh: '姓名', labelEn: 'Name', required: true, aliases: ['成员姓名', '人员姓名', '家庭成员姓名'] },
  {
    key: 'idNumber',
    household: false,
    labelZh: '证件号码',
    labelEn: 'ID number',
    required: true,
    aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号', '身份证', '身份证件号码', '居民身份证号码', '成员证件号码'],
  },
  { key: 'gender', household: false, dict: DICT.gender, labelZh: '性别', labelEn: 'Gender', required: false, aliases: [] },
  { key: 'relation', household: false, dict: DICT.relation, labelZh: '与户主关系', labelEn: 'Relation to head', required: true, aliases: ['与户主的关系', '家庭关系', '关系'] },
  {
    key: 'laborCapacity',
    household: false,
    dict: DICT.laborCapacity,
    labelZh: '劳动能力',
    labelEn: 'Labour capacity',
    required: false,
    aliases: ['劳动技能', '劳动力状况', '劳动能力状况'],
  },
  { key: 'healthStatus', household: false, dict: DICT.healthStatus, labelZh: '健康状况', labelEn: 'Health status', required: false, aliases: ['健康状态', '身体状况'] },
  { key: 'education', household: false, dict: DICT.education, labelZh: '文化程度', labelEn: 'Education', required: false, aliases: ['学历', '受教育程度'] },
  {
    key: 'employmentStatus',
    household: false,
    dict: DICT.employmentStatus,
    labelZh: '务工状况',
    labelEn: 'Employment status',
    required: false,
    aliases: ['务工情况', '就业状况', '就业情况', '务工状态'],
  },
  { key: 'phone', household: false, labelZh: '联系电话', labelEn: 'Phone', required: false, aliases: ['电话', '手机号', '手机号码', '户联系电话', '成员联系电话', '联系方式'] },
  {
    key: 'riskTypes',
    household: true,
    dict: DICT.riskType,
    labelZh: '风险类型',
    labelEn: 'Risk types',
    required: false,
    aliases: ['致贫返贫风险', '返贫致贫风险', '致贫/返贫风险', '风险类别', '致贫原因', '主要风险', '致贫返贫风险类型'],
  },
  { key: 'liftedYear', household: true, labelZh: '脱贫年度', labelEn: 'Year lifted', required: false, aliases: ['脱贫年份', '脱贫时间', '脱贫年'] },
  { key: 'address', household: true, labelZh: '家庭住址', labelEn: 'Address', required: false, aliases: ['住址', '地址', '家庭地址', '现住址'] },
];

/**
 * Every column the importer reads: the template's fields, then the national export's (national-exports.md §2).
 * 区划代码 and 户类型 are not required: a national file names 乡/村 instead, and its household type comes from
 * 户类型 / 是否脱贫户 / 监测对象类别 or the file's default (see {@link checkImportMapping}).
 */
export const IMPORT_FIELDS: ImportField[] = [...HOUSEHOLD_IMPORT_FIELDS, ...NATIONAL_IMPORT_FIELDS];

const FIELD_BY_KEY = new Map(IMPORT_FIELDS.map((f) => [f.key, f]));

/**
 * Looks up an import field by key.
 * @throws Error for an unknown key (a programming error)
 */
export function getImportField(key: string): ImportField {
  const f = FIELD_BY_KEY.get(key);
  if (!f) throw new Error(`unknown import field ${key}`);
  return f;
}

/** Header normalisation: half-width, no spaces, lower case, no required-marks, and a version without brackets. */
function headerKeys(header: string): string[] {
  const base = normalizeLabel(header)
    .replace(/[*＊※]/g, '')
    .replace(/[:：]$/, '');
  const noBrackets = base.replace(/\([^)]*\)/g, '').replace(/[（(].*$/, '');
  return noBrackets && noBrackets !== base ? [base, noBrackets] : [base];
}

/**
 * Proposes which header of an uploaded sheet feeds which field. Headers are compared after normalising spaces,
 * full-width characters, required marks (`*`) and bracketed notes (`证件号码（18位）`); the field key, Chinese and
 * English labels and aliases all match. Exact matches win over bracket-stripped ones; each header and field is
 * used once.
 * @param headers the sheet's header row
 * @returns field key → header as given
 */
export function suggestMapping(headers: readonly string[]): Record<string, string> {
  const spellings = new Map<string, string>();
  for (const f of IMPORT_FIELDS) {
    for (const s of [f.labelZh, f.key, f.labelEn, ...f.aliases]) {
      const k = normalizeLabel(s);
      if (!spellings.has(k)) spellings.set(k, f.key);
    }
  }
  const mapping: Record<string, string> = {};
  const usedHeaders = new Set<number>();
  for (const pass of [0, 1]) {
    headers.forEach((h, i) => {
      if (usedHeaders.has(i) || typeof h !== 'string') return;
      const key = headerKeys(h)[pass];
      const field = key ? spellings.get(key) : undefined;
      if (field && !(field in mapping)) {
        mapping[field] = h;
        usedHeaders.add(i);
      }
    });
  }
  return mapping;
}

/**
 * Whether a header names an import field (the same matching as {@link suggestMapping}); used to find the header row.
 * @param header one cell of a candidate header row
 */
export function isImportHeader(header: string): boolean {
  return Object.keys(suggestMapping([header])).length > 0;
}

/**
 * Whether a row of the sheet is its header row: it names both 姓名 and 证件号码 (national exports carry one or two
 * title rows above the header; readers look for the first row containing both, national-exports.md §1), or, for
 * a county's own sheet, at least three recognised column names.
 * @param cells the row's cells as text
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const m = suggestMapping(cells.filter((c) => c !== ''));
  return (m.name !== undefined && m.idNumber !== undefined) || Object.keys(m).length >= 3;
}

/**
 * The headers of a file that no field takes (listed to the user, never an error): unmapped or repeated ones,
 * e.g. the "风险消除后" income group that repeats the income columns.
 * @param headers the file's header row
 * @param mapping field key → header
 */
export function ignoredHeaders(headers: readonly string[], mapping: Readonly<Record<string, string>>): string[] {
  const used = new Set(Object.values(mapping));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of headers) {
    if (h === '') continue;
    if (!used.has(h) || seen.has(h)) out.push(h);
    seen.add(h);
  }
  return out;
}

/** A problem of a column mapping, for the mapping screen. */
export type MappingProblem = { path: string; messageZh: string; messageEn: string };

/**
 * Checks a column mapping against the file's headers: every required field has a column, every key is a field,
 * every mapped header is in the file.
 * @param mapping field key → header
 * @param headers the file's header row
 * @returns the problems (empty when the mapping is usable)
 */
export function checkImportMapping(mapping: Readonly<Record<string, string>>, headers: readonly string[]): MappingProblem[] {
  const out: MappingProblem[] = [];
  if (!mapping.regionCode && !mapping.village) {
    out.push({
      path: 'mapping',
      messageZh: '文件须有“区划代码”列，或“村”列（最好同时有“乡”列）',
      messageEn: 'the file needs a region code column, or a village column (preferably with a township column)',
    });
  }
  for (const f of IMPORT_FIELDS) {
    if (f.required && !mapping[f.key])
      out.push({ path: 'mapping', messageZh: `必填列“${f.labelZh}”未对应到文件中的列`, messageEn: `required field "${f.labelEn}" (${f.labelZh}) is not mapped to a column` });
  }
  for (const [key, header] of Object.entries(mapping)) {
    if (!FIELD_BY_KEY.has(key)) out.push({ path: `mapping.${key}`, messageZh: `未知字段 ${key}`, messageEn: `unknown field ${key}` });
    else if (!headers.includes(header)) out.push({ path: `mapping.${key}`, messageZh: `文件中没有列“${header}”`, messageEn: `the file has no column "${header}"` });
  }
  return out;
}

const FILLED_DOWN = IMPORT_FIELDS.filter((f) => f.household && f.key !== 'householdNo').map((f) => f.key);
const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Merged cells: a merged block of household cells reads as its first cell followed by blanks. A row whose 户编号 is
 * blank, or equal to the row above, takes the household columns it left blank from the row above (mutates `raw`).
 * @param raw the row's cells by field key
 * @param prev the row above, already filled down (null for the first row)
 */
export function fillDownHouseholdCells(raw: Record<string, unknown>, prev: Readonly<Record<string, unknown>> | null): void {
  if (!prev) return;
  const no = raw.householdNo;
  const prevNo = prev.householdNo;
  if (!isBlank(no) && String(no).trim() !== String(prevNo ?? '').trim()) return;
  if (isBlank(no)) raw.householdNo = prevNo;
  for (const key of FILLED_DOWN) if (isBlank(raw[key]) && !isBlank(prev[key])) raw[key] = prev[key];
}
