import type { Issue } from '../errors.ts';
import { normalizeIdNumber, validateIdNumber } from '../id-number/id-number.ts';
import { toHalfWidth } from '../text/half-width.ts';

/**
 * The household and person rules, once (issue 6 "One owner per rule"). The zod schemas (api/households.schemas.ts,
 * api/common.schemas.ts) take their limits from the constants here; the API (server households/members rules), the
 * import row check (import-row.ts) and the web forms (features/households) call these functions.
 *
 * Where each rule was checked before (inventory of 2026-11-30) and what it is now:
 *
 * | rule                          | API zod / server                   | import                      | web form                 | now (here)                      |
 * |-------------------------------|------------------------------------|-----------------------------|--------------------------|---------------------------------|
 * | 证件号码, 居民身份证            | validateIdNumber (idType === '1')   | validateIdNumber (checkDigit) | validateIdNumber          | {@link checkIdNumber}           |
 * | 证件号码, other documents      | max 32, anything                   | /^[0-9A-Z()-]{4,32}$/        | max 32                   | {@link OTHER_ID_PATTERN}         |
 * | CITIZEN_ID_TYPE '1'           | household.rules.ts                 | literal '1'                 | id-check.ts               | {@link CITIZEN_ID_TYPE}          |
 * | 户主 relation (attrs.isHead)   | household.rules isHeadRelation     | import-row inline            | id-check headRelationCode | {@link isHeadRelation}           |
 * | exactly one 户主, no ID twice  | households.service inline          | household-groups (per row)   | id-check memberListProblems | {@link memberListIssues}       |
 * | 脱贫年度 range                  | zod 2013–2100, no is_lifted check   | 2013–2020, not for 一般农户    | 2013–2030                | {@link liftedYearIssue} 2013–2020 |
 * | 联系电话                        | zod PHONE_PATTERN                  | PHONE (copy), strips ()      | /^[\d\-+ *]{0,20}$/      | {@link phoneIssue}               |
 * | 户编号                          | zod HOUSEHOLD_NO_PATTERN           | HOUSEHOLD_NO (copy)          | max 32 only              | {@link householdNoIssue}         |
 * | 姓名 length                     | zod max 64 (API_LIMITS.nameMax)    | 50                          | 50                       | {@link PERSON_NAME_MAX} 50       |
 * | members per household         | zod max 30                         | none                        | none                     | {@link MAX_MEMBERS}, {@link memberCountIssue} (import: household-groups) |
 * | 风险类型 count                  | zod MAX_RISK_TYPES 5               | MAX_RISKS 5 (copy)           | maxCount 5               | {@link MAX_RISK_TYPES}           |
 * | 监测 type/status/category/dates | householdCategoryIssues (domain)   | readHouseholdKind (own copy) | form effects             | {@link householdCategoryIssues} (import calls it) |
 */

/** dict id_type code of the 居民身份证, the only document type with the GB 11643 check digit. */
export const CITIZEN_ID_TYPE = '1';
/** 证件号码: at most this many characters, whatever the document. */
export const ID_NUMBER_MAX = 32;
/** 证件号码 of a document without the GB 11643 check digit (upper case): letters, digits, brackets, -; 4–32. */
export const OTHER_ID_PATTERN = /^[0-9A-Z()-]{4,32}$/;
/** 姓名 (and 户主姓名): at most this many characters. */
export const PERSON_NAME_MAX = 50;
/** 户编号: at most this many characters. */
export const HOUSEHOLD_NO_MAX = 32;
/** 户编号: letters, digits, - and _, at most 32 characters. */
export const HOUSEHOLD_NO_PATTERN = /^[0-9A-Za-z_-]{1,32}$/;
/** 联系电话: an 11-digit mobile (1…), a landline with area code (0xxx-xxxxxxx) or a local 7–8 digit number. */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
/** 联系电话 as typed: at most this many characters (spaces and brackets included). */
export const PHONE_MAX = 32;
/** 脱贫年度: the 脱贫攻坚 registry years (建档立卡 2013/2014 → the last exits in 2020). */
export const LIFTED_YEAR_MIN = 2013;
export const LIFTED_YEAR_MAX = 2020;
/** Most risk types a household may carry (national system: 致贫/返贫风险1…5). */
export const MAX_RISK_TYPES = 5;
/** Most members one household registers at once. */
export const MAX_MEMBERS = 30;

/** A dictionary item as far as these checks need it (domain, server and web items all fit). */
type RelationItem = { code: string; labelZh?: string; attrs?: Record<string, unknown> | null };

/** True when the relation code means 户主 (dict relation attrs.isHead). */
export function isHeadRelation(relations: Iterable<RelationItem>, relation: string | null | undefined): boolean {
  if (!relation) return false;
  for (const r of relations) if (r.code === relation) return r.attrs?.isHead === true;
  return false;
}

/** The relation code that means 户主 (attrs.isHead, falling back to the label 户主). */
export function headRelationCode(relations: readonly RelationItem[]): string | undefined {
  return (relations.find((r) => r.attrs?.isHead === true) ?? relations.find((r) => r.labelZh === '户主'))?.code;
}

/** Whether a document type carries the GB 11643 check digit: its dictionary attr, else only the 居民身份证. */
export function hasCheckDigit(idType: string, attrs?: Record<string, unknown> | null): boolean {
  return typeof attrs?.checkDigit === 'boolean' ? attrs.checkDigit : idType === CITIZEN_ID_TYPE;
}

/** A 证件号码 checked: normalised, with birth date and gender when the document carries them (居民身份证). */
export type IdNumberResult = { ok: true; idNumber: string; birthDate: string | null; gender: '1' | '2' | null } | { ok: false; issue: Issue };

/**
 * Checks a 证件号码 for its document type: a document with the check digit by GB 11643 (length, characters,
 * birth date, check character); another only for its characters ({@link OTHER_ID_PATTERN}).
 * @param checkDigit whether the document carries the GB 11643 check digit ({@link hasCheckDigit})
 * @returns the normalised number, or the issue (path and field `idNumber`)
 */
export function checkIdNumber(text: string, checkDigit: boolean, options: { today?: string } = {}): IdNumberResult {
  if (checkDigit) {
    const r = validateIdNumber(text, options);
    if (r.ok) return { ok: true, idNumber: r.idNumber, birthDate: r.birthDate, gender: r.gender };
    return { ok: false, issue: { path: 'idNumber', field: 'idNumber', value: text, messageZh: r.reasonZh, messageEn: r.reasonEn } };
  }
  const id = normalizeIdNumber(text);
  if (OTHER_ID_PATTERN.test(id)) return { ok: true, idNumber: id, birthDate: null, gender: null };
  return {
    ok: false,
    issue: {
      path: 'idNumber',
      field: 'idNumber',
      value: text,
      messageZh: '证件号码只能含字母、数字、括号和 -，4—32 位',
      messageEn: 'ID number may only contain letters, digits, brackets and -, 4 to 32 characters',
    },
  };
}

/** 户编号 refused unless letters, digits, - and _, at most {@link HOUSEHOLD_NO_MAX}. */
export function householdNoIssue(householdNo: string): Issue | undefined {
  if (HOUSEHOLD_NO_PATTERN.test(householdNo)) return undefined;
  return {
    path: 'householdNo',
    field: 'householdNo',
    value: householdNo,
    messageZh: '户编号只能含字母、数字、-、_，最多 32 位',
    messageEn: 'household number may only contain letters, digits, - and _, at most 32',
  };
}

/** A phone as typed in a cell or a form: half-width, without spaces and brackets. */
export function normalizePhone(text: string): string {
  return toHalfWidth(text).replace(/[\s()（）]/g, '');
}

/** 联系电话 refused unless {@link PHONE_PATTERN} (after {@link normalizePhone}); an empty one is no issue. */
export function phoneIssue(phone: string): Issue | undefined {
  const p = normalizePhone(phone);
  if (p === '' || PHONE_PATTERN.test(p)) return undefined;
  return {
    path: 'phone',
    field: 'phone',
    value: phone,
    messageZh: '联系电话应为 11 位手机号或带区号的固定电话',
    messageEn: 'phone must be an 11-digit mobile or a landline with area code',
  };
}

/** 姓名 too long (over {@link PERSON_NAME_MAX}) or empty. */
export function personNameIssue(name: string, path = 'name'): Issue | undefined {
  const n = name.trim();
  if (n === '') return { path, field: path, value: name, messageZh: '姓名不能为空', messageEn: 'the name is required' };
  if (n.length <= PERSON_NAME_MAX) return undefined;
  return {
    path,
    field: path,
    value: name,
    messageZh: `姓名过长（${n.length} 字，最多 ${PERSON_NAME_MAX} 字）`,
    messageEn: `the name is too long (${n.length} characters, at most ${PERSON_NAME_MAX})`,
  };
}

/**
 * 脱贫年度: a year from {@link LIFTED_YEAR_MIN} to {@link LIFTED_YEAR_MAX}, and only for a 脱贫户 (an 一般农户,
 * or a household not marked 是否脱贫户, has none).
 * @param year the year (NaN: unreadable)
 * @param household what is known of the household; an unknown fact is not held against the year
 */
export function liftedYearIssue(year: number, household: { householdType?: string | null; isLifted?: boolean | null } = {}): Issue | undefined {
  const base = { path: 'liftedYear', field: 'liftedYear', value: year };
  if (!Number.isInteger(year) || year < LIFTED_YEAR_MIN || year > LIFTED_YEAR_MAX) {
    return {
      ...base,
      messageZh: `脱贫年度应为 ${LIFTED_YEAR_MIN}—${LIFTED_YEAR_MAX} 年之间的年份`,
      messageEn: `year lifted must be a year from ${LIFTED_YEAR_MIN} to ${LIFTED_YEAR_MAX}`,
    };
  }
  if (household.householdType === 'ordinary') return { ...base, messageZh: '一般农户不应填写脱贫年度', messageEn: 'ordinary households have no year lifted' };
  if (household.isLifted === false) return { ...base, messageZh: '只有脱贫户才填写脱贫年度', messageEn: 'only a lifted household has a year lifted' };
  return undefined;
}

/** Issue for a second head in one household. */
export function secondHeadIssue(path: string): Issue {
  return { path, field: 'relation', messageZh: '一户只能有一名户主', messageEn: 'a household has exactly one head' };
}

/**
 * The member list of a household: at least one member and at most {@link MAX_MEMBERS}, exactly one 户主, no
 * 证件号码 twice (compared normalised).
 * @param members in order; `isHead` from {@link isHeadRelation}, undefined when not known (no head check then)
 * @param path the list's path (`members`); a duplicate is reported at `${path}.${i}.idNumber`
 */
export function memberListIssues(members: readonly { isHead?: boolean; idNumber?: string | null }[], path = 'members'): Issue[] {
  const issues: Issue[] = [];
  if (members.length === 0) return [{ path, field: 'members', messageZh: '至少登记一名家庭成员', messageEn: 'register at least one member' }];
  if (members.length > MAX_MEMBERS) issues.push(memberCountIssue(members.length, path));
  if (members.every((m) => m.isHead !== undefined)) {
    const heads = members.filter((m) => m.isHead).length;
    if (heads === 0) issues.push({ path, field: 'relation', messageZh: '须有一名户主（与户主关系 = 户主）', messageEn: 'one member must be the head (relation 02)' });
    else if (heads > 1) issues.push(secondHeadIssue(path));
  }
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (!m.idNumber) return;
    const id = normalizeIdNumber(m.idNumber);
    if (id === '') return;
    const before = seen.get(id);
    if (before !== undefined) {
      issues.push({
        path: `${path}.${i}.idNumber`,
        field: 'idNumber',
        value: id,
        messageZh: `证件号码与第 ${before + 1} 名成员重复`,
        messageEn: `ID number repeats member ${before + 1}`,
      });
    }
    seen.set(id, i);
  });
  return issues;
}

/** Issue for a household with more than {@link MAX_MEMBERS} members (API: the member list; import: the rows of one 户编号). */
export function memberCountIssue(count: number, path = 'members'): Issue {
  return {
    path,
    field: 'members',
    value: count,
    messageZh: `一户最多登记 ${MAX_MEMBERS} 名成员（现有 ${count} 名）`,
    messageEn: `a household registers at most ${MAX_MEMBERS} members (${count} given)`,
  };
}

/**
 * The category and monitoring facts of one household: 户类型, 是否脱贫户, 脱贫户类别, 监测对象类别 and, when known,
 * 监测状态, 识别监测时间 and 消除监测时间 (YYYY-MM or YYYY-MM-DD).
 */
export type HouseholdCategoryFacts = {
  householdType: string;
  isLifted: boolean;
  liftedCategory: string | null | undefined;
  monitoringType: string | null | undefined;
  monitoringStatus?: string | null | undefined;
  monitoringSince?: string | null | undefined;
  eliminatedAt?: string | null | undefined;
};

/**
 * Checks that 是否脱贫户, 脱贫户类别, 户类型, 监测对象类别, 监测状态 and the monitoring dates agree — for the API
 * (households and monitoring services) and the import (import-row.ts, which adds its row and column).
 * Source: domain-standards §1.2 (中农组发〔2021〕7号 as reproduced by 秦安县政府): 脱贫不稳定户 are found among the
 * 脱贫户, 边缘易致贫户 among the 一般农户 (so never a 脱贫户), 突发严重困难户 among either; §1.5: only a 监测户 is
 * 监测中 or 风险已消除, and its risk is eliminated after it was identified.
 * @returns blocking issues (path = the field), empty when consistent
 */
export function householdCategoryIssues(f: HouseholdCategoryFacts): Issue[] {
  const issues: Issue[] = [];
  if (f.householdType === 'lifted' && !f.isLifted) {
    issues.push({ path: 'isLifted', field: 'isLifted', messageZh: '户类型为脱贫户时，“是否脱贫户”须为是', messageEn: 'a household of type 脱贫户 must be marked as lifted' });
  }
  if (f.householdType === 'monitored' && !f.monitoringType) {
    issues.push({
      path: 'monitoringType',
      field: 'monitoringType',
      messageZh: '监测户须填写监测对象类别（脱贫不稳定户、边缘易致贫户、突发严重困难户）',
      messageEn: 'a monitored household needs a monitoring type (unstable, marginal or sudden hardship)',
    });
  }
  if (f.monitoringType === 'unstable' && !f.isLifted) {
    issues.push({
      path: 'isLifted',
      field: 'isLifted',
      messageZh: '脱贫不稳定户须是脱贫户（“是否脱贫户”为是）',
      messageEn: 'an unstable lifted household (脱贫不稳定户) must be a lifted household',
    });
  }
  if (f.monitoringType === 'marginal' && f.isLifted) {
    issues.push({
      path: 'isLifted',
      field: 'isLifted',
      messageZh: '边缘易致贫户来自一般农户，不能是脱贫户',
      messageEn: 'a marginal household (边缘易致贫户) comes from ordinary households and cannot be a lifted household',
    });
  }
  if (f.liftedCategory && !f.isLifted) {
    issues.push({ path: 'liftedCategory', field: 'liftedCategory', messageZh: '只有脱贫户才填写脱贫户类别', messageEn: 'only a lifted household has a lifted-household category' });
  }
  if (f.householdType !== 'monitored' && (f.monitoringStatus === 'monitoring' || f.monitoringStatus === 'eliminated')) {
    issues.push({
      path: 'monitoringStatus',
      field: 'monitoringStatus',
      value: f.monitoringStatus,
      messageZh: '只有监测户才有监测状态（监测中或风险已消除）',
      messageEn: 'only a monitored household is under monitoring or has its risk eliminated',
    });
  }
  if (f.monitoringSince && f.eliminatedAt && f.eliminatedAt.slice(0, 7) < f.monitoringSince.slice(0, 7)) {
    issues.push({
      path: 'eliminatedAt',
      field: 'eliminatedAt',
      value: f.eliminatedAt,
      messageZh: `消除监测时间（${f.eliminatedAt}）早于识别监测时间（${f.monitoringSince}）`,
      messageEn: `the risk was eliminated (${f.eliminatedAt}) before it was identified (${f.monitoringSince})`,
    });
  }
  return issues;
}
