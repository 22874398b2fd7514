import { DICT } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';
import { isValidRegionCode } from '../auth/regions.ts';
import { cellToText, cellToYear } from './cell-values.ts';
import { getImportField } from './import-fields.ts';
import {
  CITIZEN_ID_TYPE,
  checkIdNumber,
  hasCheckDigit,
  householdCategoryIssues,
  householdNoIssue,
  isHeadRelation,
  liftedYearIssue,
  MAX_RISK_TYPES,
  normalizePhone,
  PERSON_NAME_MAX,
  phoneIssue,
  type IdNumberResult,
} from './household-checks.ts';
import {
  dictItems,
  fail,
  importIssue,
  missing,
  prepare,
  readDict,
  readDigits,
  readText,
  resolveCode,
  splitList,
  type ImportRowContext,
  type RowCheck,
} from './import-row-cells.ts';
import {
  readDate,
  readDisabilityGrade,
  readHealthSet,
  readIncome,
  readIncomeYear,
  readMeasures,
  readMonth,
  readPersonNo,
  readRiskColumns,
  readSecurityFlags,
  readWorkMonths,
  readYesNo,
} from './import-row-national.ts';

export { importIssue, type ImportRowContext } from './import-row-cells.ts';

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
  /** 是否脱贫户, kept apart from the monitoring category (a 脱贫户 can be a 监测对象) */
  isLifted: boolean;
  /** dict lifted_category, for 脱贫户 */
  liftedCategory: string | null;
  /** none | monitoring | eliminated */
  monitoringStatus: string;
  monitoringSince: string | null;
  eliminatedAt: string | null;
  /** dict elimination_method */
  eliminationMethod: string | null;
  /** 三保障 + 饮水: null = not assessed (no column) */
  housingSecure: boolean | null;
  waterSecure: boolean | null;
  educationSecure: boolean | null;
  medicalSecure: boolean | null;
  /** year of `income` and `measures` */
  incomeYear: number | null;
  /** household_incomes columns (wage, business, …) in 元, or null when the file has none */
  income: Record<string, number> | null;
  measures: { category: string; description: string }[];
  headName: string | null;
  name: string;
  /** normalised ID number (18 characters for a 居民身份证) */
  idNumber: string;
  /** dict id_type */
  idType: string;
  personNo: string | null;
  /** dict gender, derived from the ID number */
  gender: '1' | '2';
  birthDate: string;
  /** dict relation */
  relation: string;
  isHead: boolean;
  laborCapacity: string | null;
  /** first value of healthStatuses */
  healthStatus: string | null;
  healthStatuses: string[];
  education: string | null;
  schoolStatus: string | null;
  ethnicity: string | null;
  workMonths: number | null;
  disabilityType: string | null;
  disabilityGrade: string | null;
  employmentStatus: string | null;
  phone: string | null;
  /** dict risk_type codes, distinct, at most 5 */
  riskTypes: string[];
  liftedYear: number | null;
  address: string | null;
};

// the rules of 户编号, 证件号码, 联系电话, 脱贫年度, 户主, name length and risk count are household-checks.ts's
const MAX_RISKS = MAX_RISK_TYPES;

/** Reports a household-checks issue as an import issue of this row (the check's field names the column). */
function failWith(st: RowCheck, issue: Issue, value: unknown): void {
  fail(st, issue.field ?? issue.path, value, issue.messageZh, issue.messageEn);
}

/** 风险类型 (split on 、,，;/| and spaces) and 致贫/返贫风险1…5, distinct, at most {@link MAX_RISKS}. */
function readRisks(st: RowCheck): string[] {
  const riskText = cellToText(st.raw.riskTypes);
  const riskTypes: string[] = [];
  if (riskText !== '') {
    const parts = [...new Set(splitList(riskText))];
    const unknown = parts.filter((part) => resolveCode(st.ctx, DICT.riskType, part) === undefined);
    if (unknown.length) {
      fail(st, 'riskTypes', riskText, `无法识别的风险类型：${unknown.join('、')}`, `unknown risk type(s): ${unknown.join(', ')}`);
      return [];
    }
    for (const part of parts) {
      const c = resolveCode(st.ctx, DICT.riskType, part) as string;
      if (!riskTypes.includes(c)) riskTypes.push(c);
    }
  }
  for (const c of readRiskColumns(st)) if (!riskTypes.includes(c)) riskTypes.push(c);
  if (riskTypes.length > MAX_RISKS) {
    fail(
      st,
      'riskTypes',
      riskText || riskTypes.join('、'),
      `风险类型最多 ${MAX_RISKS} 项，实际 ${riskTypes.length} 项`,
      `at most ${MAX_RISKS} risk types, got ${riskTypes.length}`,
    );
  }
  return riskTypes;
}

/** 区划代码, else 省 市 县 乡 村 names resolved within the importer's scope. */
function readRegion(st: RowCheck): string | null {
  const { raw, ctx } = st;
  const hasPlace = ['village', 'township'].some((k) => cellToText(raw[k]) !== '');
  if (cellToText(raw.regionCode) === '' && hasPlace && ctx.resolvePlace) {
    const r = ctx.resolvePlace({
      province: cellToText(raw.province),
      city: cellToText(raw.city),
      county: cellToText(raw.county),
      township: cellToText(raw.township),
      village: cellToText(raw.village),
    });
    if (r.ok) return r.code;
    fail(st, r.column, cellToText(raw[r.column]), r.reasonZh, r.reasonEn);
    return null;
  }
  const regionCode = readDigits(st, 'regionCode');
  if (regionCode === null) {
    if (cellToText(raw.regionCode) === '') fail(st, 'regionCode', '', '区划代码不能为空（或填写乡、村）', 'region code is required (or give township and village)');
    return null;
  }
  if (!isValidRegionCode(regionCode)) {
    fail(st, 'regionCode', regionCode, '区划代码应为 12 位村级统计用区划代码（或 15 位组代码）', 'region code must be a 12-digit village code (or a 15-digit group code)');
    return null;
  }
  if (!ctx.isKnownRegion(regionCode)) {
    fail(st, 'regionCode', regionCode, '区划代码不存在或不在您的管辖范围内', 'region code is unknown or outside your area');
    return null;
  }
  return regionCode;
}

type HouseholdKind = Pick<
  ImportPersonRow,
  'householdType' | 'monitoringType' | 'isLifted' | 'liftedCategory' | 'monitoringStatus' | 'monitoringSince' | 'eliminatedAt' | 'eliminationMethod'
>;

/**
 * Household type (domain-standards §1.2): 监测对象类别 filled → 监测户 of that category; else 户类型; else the file's
 * default. 是否脱贫户 is kept apart: the column, else 户类型 says 脱贫, else 脱贫不稳定户 (from 脱贫户), else the
 * default. 风险是否已消除 / 风险消除方式 / 消除监测时间 give the status of a 监测户 (§1.5).
 */
function readHouseholdKind(st: RowCheck): HouseholdKind | null {
  const opts = st.ctx.options;
  const typeText = cellToText(st.raw.householdType);
  const typeCode = readDict(st, 'householdType', DICT.householdType);
  const monitoringType = readDict(st, 'monitoringType', DICT.monitoringType);
  const liftedCell = readYesNo(st, 'isLifted');
  const householdType = monitoringType !== null ? 'monitored' : (typeCode ?? (typeText === '' ? (opts?.householdType ?? null) : null));
  if (householdType === null) {
    if (typeText === '') missing(st, 'householdType');
    return null;
  }
  const isLifted =
    liftedCell ??
    (typeCode === 'lifted'
      ? true
      : typeCode === 'ordinary'
        ? false
        : monitoringType === 'unstable'
          ? true
          : monitoringType === 'marginal'
            ? false
            : opts?.householdType === 'lifted');
  const liftedCategory = isLifted ? ((typeText !== '' ? resolveCode(st.ctx, 'lifted_category', typeText) : undefined) ?? opts?.liftedCategory ?? null) : null;
  const eliminated = readYesNo(st, 'riskEliminated');
  const eliminatedAt = readMonth(st, 'eliminatedAt');
  const eliminationMethod = readDict(st, 'eliminationMethod', DICT.eliminationMethod);
  const monitoringSince = readMonth(st, 'monitoringSince');
  let monitoringStatus = 'none';
  if (householdType === 'monitored') {
    monitoringStatus = eliminated === true ? 'eliminated' : eliminated === false ? 'monitoring' : (opts?.monitoringStatus ?? 'monitoring');
  }
  const isEliminated = monitoringStatus === 'eliminated';
  const kind: HouseholdKind = {
    householdType,
    monitoringType: householdType === 'monitored' ? monitoringType : null,
    isLifted,
    liftedCategory,
    monitoringStatus,
    monitoringSince: householdType === 'monitored' ? monitoringSince : null,
    eliminatedAt: isEliminated ? eliminatedAt : null,
    eliminationMethod: isEliminated ? eliminationMethod : null,
  };
  // the API's check, on the row; an unreadable 监测对象类别 was reported by readDict already
  for (const issue of householdCategoryIssues(kind)) {
    if (issue.path === 'monitoringType' && cellToText(st.raw.monitoringType) !== '') continue;
    const column = KIND_COLUMN[issue.path]?.(st.raw) ?? issue.path;
    fail(st, column, cellToText(st.raw[column]), issue.messageZh, issue.messageEn);
  }
  return kind;
}

/** The column a household-category issue names: the cell that set the value (是否脱贫户 derived from 户类型 names 户类型). */
const KIND_COLUMN: Record<string, (raw: Record<string, unknown>) => string> = {
  isLifted: (raw) => (cellToText(raw.isLifted) !== '' ? 'isLifted' : cellToText(raw.householdType) !== '' ? 'householdType' : 'monitoringType'),
  liftedCategory: () => 'householdType',
  monitoringType: () => 'monitoringType',
  monitoringStatus: () => 'riskEliminated',
  eliminatedAt: () => 'eliminatedAt',
};

type Identity = { idNumber: string; idType: string; gender: '1' | '2'; birthDate: string };

/**
 * 证件号码 with its 证件类型: a 居民身份证 is checked by GB 11643 (check digit, birth date, gender); another document
 * only for its characters (it must still be unique), with 性别 and 出生日期 from their columns. Where 出生日期
 * disagrees with the ID number, the row gets a warning and the ID number wins.
 */
function readIdentity(st: RowCheck): Identity | null {
  const { raw, ctx } = st;
  const idType = readDict(st, 'idType', DICT.idType) ?? CITIZEN_ID_TYPE;
  const item = dictItems(ctx, DICT.idType).find((i) => i.code === idType);
  const checkDigit = hasCheckDigit(idType, item?.attrs);
  const birthCell = readDate(st, 'birthDate');
  const genderCode = readDict(st, 'gender', DICT.gender);
  const idText = readDigits(st, 'idNumber');
  if (idText === null) return null;
  const r: IdNumberResult = checkIdNumber(idText, checkDigit, prepare(ctx).idOptions);
  if (!r.ok) {
    failWith(st, r.issue, idText);
    return null;
  }
  if (!checkDigit) {
    const id = r.idNumber;
    if (genderCode === null)
      fail(st, 'gender', '', `证件类型为“${item?.labelZh ?? idType}”时须填写性别`, 'gender is required when the ID document is not a resident identity card');
    if (birthCell === null && cellToText(raw.birthDate) === '')
      fail(st, 'birthDate', '', `证件类型为“${item?.labelZh ?? idType}”时须填写出生日期`, 'date of birth is required when the ID document is not a resident identity card');
    if (genderCode === null || birthCell === null) return null;
    return { idNumber: id, idType, gender: genderCode as '1' | '2', birthDate: birthCell };
  }
  // a document with the check digit carries both
  const gender = r.gender as '1' | '2';
  const birthDate = r.birthDate as string;
  if (genderCode !== null && genderCode !== gender) {
    fail(
      st,
      'gender',
      cellToText(raw.gender),
      `性别与证件号码不符（证件号码第 17 位表示${gender === '1' ? '男' : '女'}）`,
      `gender does not match the ID number (its 17th digit means ${gender === '1' ? 'male' : 'female'})`,
    );
  }
  if (birthCell !== null && birthCell !== birthDate) {
    st.warnings.push(
      importIssue(
        st.rowNumber,
        'birthDate',
        cellToText(raw.birthDate) || birthCell,
        `出生日期 ${birthCell} 与证件号码中的 ${birthDate} 不符，以证件号码为准`,
        `date of birth ${birthCell} differs from ${birthDate} in the ID number; the ID number is used`,
      ),
    );
  }
  return { idNumber: r.idNumber, idType, gender, birthDate };
}

/**
 * Checks and converts one person row of the household import, in our template's layout or a national export's.
 * Trims text; converts full-width characters; reads Excel numbers given for ID/phone/household/region numbers and
 * refuses those that lost precision (`4.10123E+17`); reads dates, YYYYMM months, 是/否, amounts; accepts dictionary
 * codes, labels or aliases; keeps every value of multi-valued cells (健康状况, 风险类型 ≤ 5); resolves 乡/村 names
 * when there is no 区划代码; derives gender and birth date from a 居民身份证.
 * @param raw cell values keyed by field key (the column mapping already applied)
 * @param rowNumber the row's number in the file, echoed in every issue
 * @param ctx dictionaries, region lookups and the file's defaults
 * @returns the row (null when any issue), every issue (each naming row, column, value and reason) and warnings
 *   (the row is still imported)
 */
export function checkImportRow(raw: Record<string, unknown>, rowNumber: number, ctx: ImportRowContext): { value: ImportPersonRow | null; issues: Issue[]; warnings: Issue[] } {
  const st: RowCheck = { raw, rowNumber, ctx, issues: [], warnings: [] };
  const { issues, warnings } = st;

  let householdNo = readDigits(st, 'householdNo');
  const noIssue = householdNo === null ? undefined : householdNoIssue(householdNo);
  if (noIssue) {
    failWith(st, noIssue, householdNo);
    householdNo = null;
  }
  const regionCode = readRegion(st);
  const kind = readHouseholdKind(st);
  const headName = readText(st, 'headName', PERSON_NAME_MAX);
  const name = readText(st, 'name', PERSON_NAME_MAX);
  const identity = readIdentity(st);
  const personNo = readPersonNo(st);

  const relation = readDict(st, 'relation', DICT.relation);
  const isHead = isHeadRelation(dictItems(ctx, DICT.relation), relation);
  const laborCapacity = readDict(st, 'laborCapacity', DICT.laborCapacity);
  const education = readDict(st, 'education', DICT.education);
  const schoolStatus = readDict(st, 'schoolStatus', DICT.schoolStatus);
  const ethnicity = readDict(st, 'ethnicity', DICT.ethnicity);
  const employmentStatus = readDict(st, 'employmentStatus', DICT.employmentStatus);
  const disabilityType = readDict(st, 'disabilityType', DICT.disabilityType);
  const disabilityGrade = readDisabilityGrade(st);
  const workMonths = readWorkMonths(st);
  const healthStatuses = readHealthSet(st);

  let phone = readDigits(st, 'phone');
  if (phone !== null) {
    phone = normalizePhone(phone);
    const issue = phoneIssue(phone);
    if (issue) {
      failWith(st, issue, phone);
      phone = null;
    }
  }

  const riskTypes = readRisks(st);
  const flags = readSecurityFlags(st);
  const incomeYear = readIncomeYear(st);
  const income = readIncome(st);
  const measures = readMeasures(st);

  let liftedYear: number | null = null;
  const year = cellToYear(raw.liftedYear);
  if (year !== null) {
    const issue = liftedYearIssue(year, { householdType: kind?.householdType, isLifted: kind?.isLifted });
    if (issue) failWith(st, issue, raw.liftedYear);
    else liftedYear = year;
  }
  const address = readText(st, 'address', 200);

  if (issues.length > 0 || householdNo === null || regionCode === null || kind === null || name === null || identity === null || relation === null) {
    return { value: null, issues, warnings };
  }
  return {
    value: {
      rowNumber,
      householdNo,
      regionCode,
      ...kind,
      ...flags,
      incomeYear: income || measures.length ? incomeYear : null,
      income,
      measures,
      headName,
      name,
      ...identity,
      personNo,
      relation,
      isHead,
      laborCapacity,
      healthStatus: healthStatuses[0] ?? null,
      healthStatuses,
      education,
      schoolStatus,
      ethnicity,
      workMonths,
      disabilityType,
      disabilityGrade,
      employmentStatus,
      phone,
      riskTypes,
      liftedYear,
      address,
    },
    issues,
    warnings,
  };
}

/** The Chinese label of an import field (for messages outside the row check). */
export function importFieldLabel(key: string): string {
  return getImportField(key).labelZh;
}
