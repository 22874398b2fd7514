import { DICT, findDictionary, normalizeLabel, resolveDictCode, toHalfWidth, validateIdNumber, type DictItem } from '@chanbang/domain';

// The bridge between the file and the domain rules: which column is which field, and one row's check
// expressed through the domain's primitives (ID validation, dictionary resolution, half-width text).
// The domain's HOUSEHOLD_IMPORT_FIELDS / checkImportRow / suggestMapping replace the local tables here
// once they land (see the report); nothing here decides a business rule the domain does not own.

/** An import field: key, header label (the contract in docs/ARCHITECTURE.md) and header aliases. */
export type ImportField = { key: string; labelZh: string; labelEn: string; required: boolean; household: boolean; dict?: string; aliases: string[] };

/** The import file's fields (docs/ARCHITECTURE.md "Import file"). */
export const IMPORT_FIELDS: ImportField[] = [
  { key: 'householdNo', labelZh: '户编号', labelEn: 'Household number', required: true, household: true, aliases: ['户号', '家庭编号', '户编码'] },
  { key: 'regionCode', labelZh: '区划代码', labelEn: 'Region code', required: true, household: true, aliases: ['行政区划代码', '村组代码', '所在村组代码', '区划编码'] },
  { key: 'householdType', labelZh: '户类型', labelEn: 'Household type', required: true, household: true, dict: DICT.householdType, aliases: ['户属性', '农户类型'] },
  { key: 'monitoringType', labelZh: '监测类型', labelEn: 'Monitoring type', required: false, household: true, dict: DICT.monitoringType, aliases: ['监测对象类别', '监测对象类型'] },
  { key: 'headName', labelZh: '户主姓名', labelEn: 'Head name', required: false, household: true, aliases: ['户主'] },
  { key: 'name', labelZh: '姓名', labelEn: 'Name', required: true, household: false, aliases: ['成员姓名', '人员姓名'] },
  { key: 'idNumber', labelZh: '证件号码', labelEn: 'ID number', required: true, household: false, aliases: ['身份证号码', '身份证号', '公民身份号码', '身份证'] },
  { key: 'gender', labelZh: '性别', labelEn: 'Gender', required: false, household: false, dict: DICT.gender, aliases: [] },
  { key: 'relation', labelZh: '与户主关系', labelEn: 'Relation to head', required: true, household: false, dict: DICT.relation, aliases: ['与户主的关系', '关系'] },
  { key: 'laborCapacity', labelZh: '劳动能力', labelEn: 'Labour capacity', required: false, household: false, dict: DICT.laborCapacity, aliases: ['劳动技能'] },
  { key: 'healthStatus', labelZh: '健康状况', labelEn: 'Health status', required: false, household: false, dict: DICT.healthStatus, aliases: ['健康状态'] },
  { key: 'education', labelZh: '文化程度', labelEn: 'Education', required: false, household: false, dict: DICT.education, aliases: ['学历'] },
  { key: 'employmentStatus', labelZh: '务工状况', labelEn: 'Employment status', required: false, household: false, dict: DICT.employmentStatus, aliases: ['务工状态', '就业状况'] },
  { key: 'phone', labelZh: '联系电话', labelEn: 'Phone', required: false, household: false, aliases: ['电话', '手机号码', '手机号', '联系方式'] },
  { key: 'riskTypes', labelZh: '风险类型', labelEn: 'Risk types', required: false, household: true, dict: DICT.riskType, aliases: ['致贫返贫风险类型', '主要风险', '风险类别'] },
  { key: 'liftedYear', labelZh: '脱贫年度', labelEn: 'Year lifted', required: false, household: true, aliases: ['脱贫年份', '脱贫时间'] },
  { key: 'address', labelZh: '家庭住址', labelEn: 'Address', required: false, household: true, aliases: ['住址', '地址', '家庭地址'] },
];

/** The field that groups rows into households. */
export const HOUSEHOLD_KEY_FIELD = 'householdNo';
const HOUSEHOLD_FIELDS = IMPORT_FIELDS.filter((f) => f.household && f.key !== HOUSEHOLD_KEY_FIELD).map((f) => f.key);
const BY_KEY = new Map(IMPORT_FIELDS.map((f) => [f.key, f]));
const HEADER_INDEX = new Map<string, string>();
for (const f of IMPORT_FIELDS) for (const h of [f.labelZh, f.labelEn, f.key, ...f.aliases]) HEADER_INDEX.set(normalizeLabel(h), f.key);

/** True when a header names a known field (used to find the header row). */
export function isKnownHeader(header: string): boolean {
  return HEADER_INDEX.has(normalizeLabel(header));
}

/** Suggests field → header for the headers of a file (exact label or alias, first match wins). */
export function suggestFieldMapping(headers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const key = HEADER_INDEX.get(normalizeLabel(h));
    if (key && !(key in out)) out[key] = h;
  }
  return out;
}

/** Problems of a mapping: required fields without a column, columns not in the file. */
export function checkMapping(mapping: Record<string, string>, headers: string[]): { messageZh: string; messageEn: string }[] {
  const out: { messageZh: string; messageEn: string }[] = [];
  for (const f of IMPORT_FIELDS) {
    if (f.required && !mapping[f.key]) out.push({ messageZh: `必填列“${f.labelZh}”未对应到文件中的列`, messageEn: `required field "${f.labelEn}" (${f.labelZh}) is not mapped to a column` });
  }
  for (const [key, header] of Object.entries(mapping)) {
    if (!BY_KEY.has(key)) out.push({ messageZh: `未知字段 ${key}`, messageEn: `unknown field ${key}` });
    else if (!headers.includes(header)) out.push({ messageZh: `文件中没有列“${header}”`, messageEn: `the file has no column "${header}"` });
  }
  return out;
}

/** A normalised good row, in the staging file's columns. */
export type StagedRow = {
  row_no: number; household_no: string; region_code: string; household_type: string; monitoring_type: string | null;
  riskTypes: string[]; lifted_year: number | null; address: string | null; id_number: string; name: string; gender: string;
  birth_date: string; relation: string; is_head: boolean; labor_capacity: string | null; health_status: string | null;
  education: string | null; employment_status: string | null; phone: string | null; risk_types?: never; head_name: string | null;
};

/** One cell problem of a row. */
export type RowIssue = { column: string; value: string; messageZh: string; messageEn: string };

/**
 * Merged cells: a merged block of household cells is read as its first cell followed by blanks. A row with
 * an empty 户编号, or the same 户编号 as the row above, takes the household fields it left empty from that row.
 */
export function fillDown(raw: Record<string, string>, prev: Record<string, string> | null): void {
  if (!prev) return;
  const key = (raw[HOUSEHOLD_KEY_FIELD] ?? '').trim();
  const prevKey = (prev[HOUSEHOLD_KEY_FIELD] ?? '').trim();
  if (key !== '' && key !== prevKey) return;
  if (key === '') raw[HOUSEHOLD_KEY_FIELD] = prevKey;
  for (const f of HOUSEHOLD_FIELDS) if ((raw[f] ?? '').trim() === '' && prev[f]) raw[f] = prev[f] as string;
}

function items(dict: string): DictItem[] {
  return findDictionary(dict)?.items ?? [];
}

// values repeat on almost every row (户类型, 与户主关系 …): remember each resolution
const resolved = new Map<string, string | null>();
function resolveCached(dict: string, text: string): string | undefined {
  const key = `${dict}\u0000${text}`;
  let c = resolved.get(key);
  if (c === undefined) {
    c = resolveDictCode(items(dict), text) ?? null;
    if (resolved.size < 50_000) resolved.set(key, c);
  }
  return c ?? undefined;
}

function clean(s: string | undefined): string {
  return toHalfWidth(s ?? '').trim();
}

/** Excel date serial (days since 1899-12-30) → calendar year. */
function serialYear(n: number): number {
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).getUTCFullYear();
}

/**
 * Checks one mapped row: required fields, ID number (GB 11643 via the domain; an ID stored as a number has
 * lost digits), dictionary values (codes, labels or aliases), risk types (、-separated, at most 5), year,
 * phone. Returns the normalised row when every cell is good.
 * @param kinds how the spreadsheet stored each field's cell (`number` for an ID is an error)
 */
export function checkRow(raw: Record<string, string>, kinds: Record<string, string>, rowNumber: number, today?: string): { row: StagedRow | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const bad = (key: string, value: string, zh: string, en: string) => {
    const f = BY_KEY.get(key);
    issues.push({ column: f?.labelZh ?? key, value, messageZh: `${f?.labelZh ?? key}：${zh}`, messageEn: `${f?.labelEn ?? key}: ${en}` });
  };
  const v: Record<string, string> = {};
  for (const f of IMPORT_FIELDS) {
    v[f.key] = clean(raw[f.key]);
    if (f.required && v[f.key] === '') bad(f.key, '', '不能为空', 'is required');
  }
  const code = (key: string): string | null => {
    const f = BY_KEY.get(key);
    const text = v[key] ?? '';
    if (!f?.dict || text === '') return null;
    const c = resolveCached(f.dict, text);
    if (!c) bad(key, text, `“${text}”不是允许的值（见模板“填表说明”）`, `"${text}" is not an allowed value (see the template's instructions sheet)`);
    return c ?? null;
  };
  const householdNo = v.householdNo ?? '';
  if (householdNo !== '' && !/^[0-9A-Za-z_-]{1,32}$/.test(householdNo)) bad('householdNo', householdNo, '只能由数字、字母、-、_ 组成，最长 32 位', 'only digits, letters, - and _, at most 32 characters');
  const regionCode = (v.regionCode ?? '').replace(/\s+/g, '');
  if (regionCode !== '' && !/^(\d{12}|\d{15})$/.test(regionCode)) bad('regionCode', regionCode, '应为 12 位（村）或 15 位（组）数字', 'must be 12 (village) or 15 (group) digits');
  let id: ReturnType<typeof validateIdNumber> | null = null;
  if (v.idNumber) {
    if (kinds.idNumber === 'number') {
      bad('idNumber', v.idNumber, '单元格是数字格式，Excel 只保留 15 位有效数字，末尾数字已丢失；请把该列设为“文本”后重新填写', 'the cell is a number: Excel keeps only 15 significant digits, so the last digits are lost; format the column as Text and enter it again');
    } else {
      id = validateIdNumber(v.idNumber, today ? { today } : {});
      if (!id.ok) bad('idNumber', v.idNumber, id.reasonZh, id.reasonEn);
    }
  }
  const householdType = code('householdType');
  const monitoringType = code('monitoringType');
  if (householdType === 'monitored' && !monitoringType && !issues.some((i) => i.column === '监测类型')) bad('monitoringType', '', '监测户须填写监测类型', 'is required for a monitored household');
  const relation = code('relation');
  const gender = code('gender');
  if (gender && id?.ok && gender !== id.gender) bad('gender', v.gender ?? '', '与证件号码中的性别不一致', 'does not match the gender in the ID number');
  const labor = code('laborCapacity');
  const health = code('healthStatus');
  const education = code('education');
  const employment = code('employmentStatus');
  const risks: string[] = [];
  if (v.riskTypes) {
    const parts = v.riskTypes.split(/[、,，;；/\s]+/).filter(Boolean);
    if (parts.length > 5) bad('riskTypes', v.riskTypes, `最多 5 项，实际 ${parts.length} 项`, `at most 5 items, got ${parts.length}`);
    for (const p of parts) {
      const c = resolveCached(DICT.riskType, p);
      if (!c) bad('riskTypes', p, `“${p}”不是允许的风险类型`, `"${p}" is not an allowed risk type`);
      else if (!risks.includes(c)) risks.push(c);
    }
  }
  let liftedYear: number | null = null;
  if (v.liftedYear) {
    const t = v.liftedYear;
    const n = Number(t);
    if (/^\d{4}$/.test(t)) liftedYear = n;
    else if (kinds.liftedYear === 'date' || /^\d{4}[-/.年]\d{1,2}/.test(t)) liftedYear = Number(t.slice(0, 4));
    else if (kinds.liftedYear === 'number' && n > 3_000 && n < 80_000) liftedYear = serialYear(n);
    if (liftedYear === null || liftedYear < 2013 || liftedYear > new Date().getUTCFullYear()) {
      bad('liftedYear', t, '应为 2013 年以后的四位年份', 'must be a four-digit year from 2013 on');
      liftedYear = null;
    }
  }
  const phoneText = (v.phone ?? '').replace(/[\s-]/g, '');
  if (phoneText && !/^(1[3-9]\d{9}|0\d{9,11}|\d{7,8})$/.test(phoneText)) bad('phone', v.phone ?? '', '应为 11 位手机号或带区号的固定电话', 'must be an 11-digit mobile or a landline with area code');
  if (issues.length > 0 || !id?.ok) return { row: null, issues };
  return {
    row: {
      row_no: rowNumber, household_no: householdNo, region_code: regionCode, household_type: householdType as string,
      monitoring_type: monitoringType, riskTypes: risks, lifted_year: liftedYear, address: v.address || null,
      id_number: id.idNumber, name: (v.name ?? '').replace(/\s+/g, ''), gender: id.gender, birth_date: id.birthDate,
      relation: relation as string, is_head: relation === '02', labor_capacity: labor, health_status: health, education,
      employment_status: employment, phone: phoneText || null, head_name: v.headName || null,
    },
    issues,
  };
}

/** What validation remembers per household (never its rows). */
export type GroupFacts = {
  householdNo: string;
  rows: number[];
  bad: boolean;
  heads: number;
  signature: string | null;
  signatureRow: number;
  headName?: string | null;
  conflicts: (RowIssue & { row: number })[];
};

/** Adds a good row to its household: counts heads, and notes household fields that differ from the first row. */
export function checkGroup(g: GroupFacts, r: StagedRow, rowNumber: number): void {
  if (r.is_head) {
    g.heads++;
    if (r.head_name && r.head_name.replace(/\s+/g, '') !== r.name) {
      g.conflicts.push({ row: rowNumber, column: '户主姓名', value: r.head_name, messageZh: `户主姓名“${r.head_name}”与户主行的姓名“${r.name}”不一致`, messageEn: `head name "${r.head_name}" differs from the head row's name "${r.name}"` });
    }
  }
  const sig = JSON.stringify([r.region_code, r.household_type, r.monitoring_type, r.riskTypes, r.lifted_year, r.address]);
  if (g.signature === null) {
    g.signature = sig;
    g.signatureRow = rowNumber;
  } else if (g.signature !== sig) {
    g.conflicts.push({ row: rowNumber, column: '户编号', value: r.household_no, messageZh: `同一户的户级信息（区划、户类型、监测类型、风险类型、脱贫年度、住址）与第 ${g.signatureRow} 行不一致`, messageEn: `household fields (region, type, monitoring type, risks, year lifted, address) differ from row ${g.signatureRow} of the same household` });
  }
}
