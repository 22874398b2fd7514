import { DICT } from '../dictionaries/dictionaries.ts';
import { fenToYuan, MONEY_MAX_YUAN } from '../money/money.ts';
import { getImportField } from './import-fields.ts';
import { INCOME_COLUMNS, MEASURE_COLUMNS } from './import-fields-national.ts';
import { cellToAmount, cellToDate, cellToDigitText, cellToMonth, cellToText, cellToYear, cellToYesNo } from './cell-values.ts';
import { dictItems, fail, readDict, readText, resolveCode, splitList, type RowCheck } from './import-row-cells.ts';

// Readers of the columns of the national exports (national-exports.md §2, domain-standards §1.6–§2.5).

/** 是/否 cell; a value that is neither is an error. */
export function readYesNo(st: RowCheck, key: string): boolean | null {
  const v = cellToYesNo(st.raw[key]);
  if (v === undefined) {
    const f = getImportField(key);
    fail(st, key, cellToText(st.raw[key]), `${f.labelZh}应填“是”或“否”`, `${f.labelEn} must be 是 (yes) or 否 (no)`);
    return null;
  }
  return v;
}

/** YYYYMM (识别监测时间, 消除监测时间) or a date → ISO date (first of the month). */
export function readMonth(st: RowCheck, key: string): string | null {
  const v = cellToMonth(st.raw[key]);
  if (v === undefined) {
    const f = getImportField(key);
    fail(st, key, cellToText(st.raw[key]), `${f.labelZh}应为年月（如 202303）或日期`, `${f.labelEn} must be a month (e.g. 202303) or a date`);
    return null;
  }
  return v;
}

/** 出生日期 and other dates. */
export function readDate(st: RowCheck, key: string): string | null {
  const v = cellToDate(st.raw[key]);
  if (v === undefined) {
    const f = getImportField(key);
    fail(st, key, cellToText(st.raw[key]), `${f.labelZh}不是有效日期（如 1968-03-15）`, `${f.labelEn} is not a valid date (e.g. 1968-03-15)`);
    return null;
  }
  return v;
}

const not = (b: boolean | null) => (b === null ? null : !b);

/**
 * 三保障 and 饮水 flags (true = secure, null = not assessed): 是否危房户 / 是否住房出现安全问题 → housing, 是否解决安全饮用水
 * or 是否饮水出现安全问题 → water, 失学辍学 → education, 未参加基本医疗保险 → medical (domain-standards §1.3 block 三保障和饮水安全).
 */
export function readSecurityFlags(st: RowCheck): { housingSecure: boolean | null; waterSecure: boolean | null; educationSecure: boolean | null; medicalSecure: boolean | null } {
  const waterSolved = readYesNo(st, 'waterSolved');
  return {
    housingSecure: not(readYesNo(st, 'housingUnsafe')),
    waterSecure: waterSolved ?? not(readYesNo(st, 'waterUnsafe')),
    educationSecure: not(readYesNo(st, 'educationUnsafe')),
    medicalSecure: not(readYesNo(st, 'medicalUnsafe')),
  };
}

/** The year of the income and measure columns: 年度, else the file's default. */
export function readIncomeYear(st: RowCheck): number | null {
  const y = cellToYear(st.raw.incomeYear);
  if (y !== null && (Number.isNaN(y) || y < 2013 || y > 2100)) {
    fail(st, 'incomeYear', cellToText(st.raw.incomeYear), '年度应为 2013 年以后的年份', 'year must be 2013 or later');
    return null;
  }
  return y ?? st.ctx.options?.incomeYear ?? null;
}

/** Income columns (元): null when the row has none; a missing one of a row that has some counts as 0. */
export function readIncome(st: RowCheck): Record<string, number> | null {
  let any = false;
  const out: Record<string, number> = {};
  for (const [key, column] of INCOME_COLUMNS) {
    const v = cellToAmount(st.raw[key]);
    if (v !== null && (Number.isNaN(v) || v < 0 || v > MONEY_MAX_YUAN)) {
      const f = getImportField(key);
      const [zh, en] = Number.isNaN(v)
        ? ['应为金额（元）', 'must be an amount in yuan']
        : v < 0
          ? ['不能为负数', 'must not be negative']
          : [`不能超过 ${MONEY_MAX_YUAN} 元`, `must not exceed ${MONEY_MAX_YUAN} yuan`];
      fail(st, key, cellToText(st.raw[key]), `${f.labelZh}${zh}`, `${f.labelEn} ${en}`);
      continue;
    }
    if (v !== null) any = true;
    // a computed Excel cell (3333.3333…) is kept to the 分, as the database column would round it
    out[column] = v === null ? 0 : fenToYuan(Math.round(v * 100));
  }
  return any ? out : null;
}

const NO_MEASURE = new Set(['无', '否', '/', '-', '—', '0', '暂无']);

/** Support-measure columns: each non-empty one is a measure of its category, the cell text its description. */
export function readMeasures(st: RowCheck): { category: string; description: string }[] {
  const out: { category: string; description: string }[] = [];
  for (const [key, category] of MEASURE_COLUMNS) {
    const t = readText(st, key, 500);
    if (t !== null && !NO_MEASURE.has(t)) out.push({ category, description: t });
  }
  return out;
}

/** 务工时间（月）: whole months 0–12 of the year. */
export function readWorkMonths(st: RowCheck): number | null {
  const t = cellToText(st.raw.workMonths).replace(/\s+|个?月$/g, '');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0 || n > 12) {
    fail(st, 'workMonths', t, '务工时间（月）应为 0—12 的整数', 'months in work must be a whole number from 0 to 12');
    return null;
  }
  return n;
}

const GRADES: Record<string, string> = { 一级: '1', 二级: '2', 三级: '3', 四级: '4', '1': '1', '2': '2', '3': '3', '4': '4', 一: '1', 二: '2', 三: '3', 四: '4' };

/** 残疾等级 1–4 (GB/T 26341: 一级 is the most severe). */
export function readDisabilityGrade(st: RowCheck): string | null {
  const t = cellToText(st.raw.disabilityGrade).replace(/\s+/g, '');
  if (t === '') return null;
  const g = GRADES[t.replace(/^残疾|级残疾$/g, '')] ?? GRADES[t];
  if (!g) {
    fail(st, 'disabilityGrade', t, '残疾等级应为一级至四级', 'disability grade must be 1 to 4');
    return null;
  }
  return g;
}

/** 人口编号 (national person number). */
export function readPersonNo(st: RowCheck): string | null {
  const r = cellToDigitText(st.raw.personNo);
  if (!r.ok) {
    fail(st, 'personNo', st.raw.personNo, r.reasonZh, r.reasonEn);
    return null;
  }
  if (r.text === '') return null;
  if (!/^[0-9A-Za-z_-]{1,32}$/.test(r.text)) {
    fail(st, 'personNo', r.text, '人口编号只能含字母、数字、-、_，最多 32 位', 'person number may only contain letters, digits, - and _, at most 32');
    return null;
  }
  return r.text;
}

/** 健康状况, multi-valued in the exports ("残疾,长期慢性病"): every value, in the order written. */
export function readHealthSet(st: RowCheck): string[] {
  const text = cellToText(st.raw.healthStatus);
  if (text === '') return [];
  const items = dictItems(st.ctx, DICT.healthStatus);
  const out: string[] = [];
  const unknown: string[] = [];
  for (const part of splitList(text)) {
    const c = resolveCode(st.ctx, DICT.healthStatus, part);
    if (c === undefined) unknown.push(part);
    else if (!out.includes(c)) out.push(c);
  }
  if (unknown.length) {
    fail(
      st,
      'healthStatus',
      text,
      `“${unknown.join('、')}”不是有效的健康状况，可选：${items.map((i) => i.labelZh).join('、')}`,
      `"${unknown.join(', ')}" is not a valid health status`,
    );
    return [];
  }
  return out;
}

/** Risks of the 致贫/返贫风险1…5 columns (one per column), as dict risk_type codes. */
export function readRiskColumns(st: RowCheck): string[] {
  const out: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const c = readDict(st, `risk${n}`, DICT.riskType);
    if (c !== null && !out.includes(c)) out.push(c);
  }
  return out;
}
