import type { Issue } from '../errors.ts';

/**
 * The household model of national practice: 是否脱贫户 (with its category), 监测对象类别 and 监测状态 are three
 * separate facts (domain-standards §1.2, §1.6: the 2023 national 摸排 schema has 监测对象类别 `dm_jcdxlb` AND a
 * separate "是否脱贫户 Y/N"). A 脱贫户 can be a 监测对象 at the same time.
 */

/** dict lifted_category codes (domain-standards §1.2 "Related household types"). */
export const LIFTED_CATEGORIES = ['general', 'dibao', 'tekun', 'no_policy'] as const;
export type LiftedCategory = (typeof LIFTED_CATEGORIES)[number];

/** dict exit_reason codes: the reasons of 自然减少 (issue 5 §3). */
export const EXIT_REASONS = ['death', 'moved_out', 'married_out', 'imprisoned', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** Most 务工时间（月） in a year (national roster column 务工时间（月）, national-exports.md §2). */
export const MAX_WORK_MONTHS = 12;

/**
 * Whether a household is a 脱贫户 when the input does not say: a household of type 脱贫户, or a 脱贫不稳定户
 * (which by definition comes from the 脱贫户, domain-standards §1.2).
 */
export function defaultIsLifted(householdType: string, monitoringType: string | null | undefined): boolean {
  return householdType === 'lifted' || monitoringType === 'unstable';
}

// householdCategoryIssues (是否脱贫户 / 户类型 / 监测对象类别 / 监测状态 / 监测时间 agreeing) lives in household-checks.ts

/**
 * Exactly one of 文化程度 (completed education) and 在校生状况 (current schooling) is filled in.
 * Source: domain-standards §2.4 "Rule: exactly one of 文化程度 / 在校生状况 must be filled in".
 * @param requireOne false accepts neither (an old record being edited elsewhere); both filled is always refused
 */
export function educationSchoolIssue(p: { education?: string | null; schoolStatus?: string | null }, requireOne = true): Issue | undefined {
  const hasEdu = !!p.education;
  const hasSchool = !!p.schoolStatus;
  if (hasEdu && hasSchool) {
    return {
      path: 'schoolStatus',
      field: 'schoolStatus',
      messageZh: '文化程度与在校生状况只能填写其一：在校生填在校生状况，其他人填文化程度',
      messageEn: 'fill in either the education (文化程度) or the current schooling (在校生状况), not both',
    };
  }
  if (requireOne && !hasEdu && !hasSchool) {
    return {
      path: 'education',
      field: 'education',
      messageZh: '文化程度与在校生状况须填写其一',
      messageEn: 'fill in the education (文化程度) or the current schooling (在校生状况)',
    };
  }
  return undefined;
}

/** True when the health values include 残疾 (then 残疾类别/等级 may be recorded). */
export function hasDisability(healthStatuses: readonly string[] | null | undefined): boolean {
  return (healthStatuses ?? []).includes('disabled');
}

/**
 * The single 健康状况 code kept in the old `health_status` column: the most serious of the values
 * (dict health_status attrs.severity: 健康 0 < 长期慢性病 1 < 残疾 2 < 患有大病 3).
 */
export function mostSeriousHealth(healthStatuses: readonly string[] | null | undefined): string | null {
  const order = ['healthy', 'chronic', 'disabled', 'serious'];
  let best: string | null = null;
  for (const h of healthStatuses ?? []) if (best === null || order.indexOf(h) > order.indexOf(best)) best = h;
  return best;
}

/** Issue for 健康 together with an illness or disability (健康 excludes the others). */
export function healthSetIssue(healthStatuses: readonly string[] | null | undefined): Issue | undefined {
  const set = healthStatuses ?? [];
  if (set.includes('healthy') && set.length > 1) {
    return {
      path: 'healthStatuses',
      field: 'healthStatuses',
      messageZh: '健康状况选了“健康”，就不能同时选疾病或残疾',
      messageEn: '“healthy” cannot be combined with an illness or a disability',
    };
  }
  return undefined;
}

/**
 * A 自然减少 is recorded after the fact: its date cannot lie after today.
 * @param today YYYY-MM-DD (the caller's clock; the domain does no I/O)
 */
export function exitDateIssue(date: string, today: string): Issue | undefined {
  if (date <= today) return undefined;
  return {
    path: 'date',
    value: date,
    field: 'date',
    messageZh: `减少日期 ${date} 晚于今天，自然减少只能在发生后办理`,
    messageEn: `the date ${date} is after today: a 自然减少 is recorded once it has happened`,
  };
}

/** What the read-only refusal names: the reason (a dictionary label) and the date of the 自然减少. */
export type ExitFacts = { reasonLabelZh: string; reasonLabelEn: string; date: string | null };

/**
 * The refusal of a write to a record that left the registry by 自然减少 (CONVENTIONS.md: exited records are
 * read-only; an admin may restore them).
 */
export function exitedRecordIssue(kind: 'household' | 'person', f: ExitFacts): Issue {
  const date = f.date ?? '';
  return kind === 'household'
    ? {
        path: 'id',
        messageZh: `该户已自然减少（${f.reasonLabelZh}，${date}），记录只读；如需恢复请联系县级管理员`,
        messageEn: `this household left the registry (${f.reasonLabelEn}, ${date}); its records are read-only. Ask the county administrator to restore it`,
      }
    : {
        path: 'id',
        messageZh: `该成员已自然减少（${f.reasonLabelZh}，${date}），记录只读；如需恢复请联系县级管理员`,
        messageEn: `this member left the registry (${f.reasonLabelEn}, ${date}); the record is read-only. Ask the county administrator to restore it`,
      };
}
