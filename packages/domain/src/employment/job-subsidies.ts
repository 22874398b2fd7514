import { AppError } from '../errors.ts';
import { yuanText } from '../calculators/amount-text.ts';
import { yuanToFen } from '../money/money.ts';
import { numberParam } from '../policy/coverage.ts';
import type { Issue } from '../errors.ts';
import type { RuleConfig } from '../policy/policy.types.ts';

/**
 * 就业补助 (issue 8 §5): who may get the J1 一次性交通补助, the J2 一次性创业补助 and the J3 一次性吸纳就业补贴, and how much.
 * Pure: the facts come from the person's record (household type, 务工状况, 就业渠道, 务工时间（月）, 务工企业); the
 * figures come from the county's policy pack (J1 params.maxYuan, J2 params.amountYuan, J3 params.minStableMonths).
 */

/** subsidy_payments.kind: travel (J1), startup (J2), hiring (J3). */
export type JobSubsidyKind = 'travel' | 'startup' | 'hiring';

export const JOB_SUBSIDY_KINDS: readonly JobSubsidyKind[] = ['travel', 'startup', 'hiring'];

/** The catalogue rule of each kind. */
export const JOB_SUBSIDY_RULE: Readonly<Record<JobSubsidyKind, 'J1' | 'J2' | 'J3'>> = { travel: 'J1', startup: 'J2', hiring: 'J3' };

export const JOB_SUBSIDY_LABELS: Readonly<Record<JobSubsidyKind, { zh: string; en: string }>> = {
  travel: { zh: '一次性交通补助', en: 'one-off travel subsidy' },
  startup: { zh: '一次性创业补助', en: 'one-off start-up subsidy' },
  hiring: { zh: '一次性吸纳就业补贴', en: 'one-off hiring subsidy' },
};

/**
 * The household types each kind is for. J1 and J3: 脱贫人口和监测对象 (003 §二(三)2 "对跨省就业的脱贫人口和监测对象" /
 * "吸纳脱贫人口和监测对象稳定就业6个月以上的"); J2: 脱贫个体经营户 only (003 §二(二)2 "对符合要求的脱贫个体经营户"; the pack's
 * `beneficiary: 'lifted_individual_business'`).
 */
export const JOB_SUBSIDY_HOUSEHOLD_TYPES: Readonly<Record<JobSubsidyKind, readonly string[]>> = {
  travel: ['lifted', 'monitored'],
  startup: ['lifted'],
  hiring: ['lifted', 'monitored'],
};

/** dict employment_status 省外务工 (J1: 跨省就业). */
export const OUT_PROVINCE_STATUS = 'out_province';
/** dict employment_status and employment_channel 自主创业 (J2: 个体经营). */
export const SELF_EMPLOYED = 'self_employed';

/** The facts of one person the three kinds are judged on (their record as it stands; no I/O). */
export type JobSubsidyPerson = {
  /** dict household_type of the person's household */
  householdType: string | null;
  /** dict employment_status (务工状况): out_province = 省外务工, self_employed = 自主创业 … */
  employmentStatus: string | null;
  /** dict employment_channel (就业渠道): self_employed = 自主创业 … */
  employmentChannel: string | null;
  /** 务工时间（月） */
  workMonths: number | null;
  /** 务工企业: the registry entity employing the person (J3) */
  employerEntityId: number | null;
  /** the person or the household left the registry (自然减少) */
  exited?: boolean;
};

/** The pack's terms of one kind: its clause and figures in 分 / months. */
export type JobSubsidyTerms = {
  kind: JobSubsidyKind;
  ruleId: 'J1' | 'J2' | 'J3';
  clause: string;
  /** J1: the cap (不超过); the default amount of a payment */
  maxFen: number | null;
  /** J2: the fixed amount */
  amountFen: number | null;
  /** J3: months of stable work required */
  minStableMonths: number | null;
};

/**
 * Reads the pack's terms of a kind from its rule config.
 * @throws AppError VALIDATION_FAILED when the pack leaves out the figure the kind needs
 */
export function jobSubsidyTerms(kind: JobSubsidyKind, config: RuleConfig): JobSubsidyTerms {
  const ruleId = JOB_SUBSIDY_RULE[kind];
  if (config.ruleId !== ruleId) throw new AppError('VALIDATION_FAILED', `job subsidy ${kind} reads rule ${ruleId}, not ${config.ruleId}`);
  const base = { kind, ruleId, clause: config.clause, maxFen: null, amountFen: null, minStableMonths: null };
  // 003 §二(三)2 "按照不超过300元的标准": params.maxYuan
  if (kind === 'travel') return { ...base, maxFen: yuanToFen(numberParam(config, 'maxYuan'), 'maxYuan') };
  // 003 §二(二)2 "一次性创业补助5000元": params.amountYuan
  if (kind === 'startup') return { ...base, amountFen: yuanToFen(numberParam(config, 'amountYuan'), 'amountYuan') };
  // 003 §二(三)2 "稳定就业6个月以上": params.minStableMonths
  return { ...base, minStableMonths: numberParam(config, 'minStableMonths') };
}

/** A reason a person is not eligible, in both languages. */
export type JobSubsidyReason = { code: string; zh: string; en: string };

const HOUSEHOLD_WORDS: Record<string, string> = { lifted: '脱贫户', monitored: '监测户', ordinary: '一般农户' };

function householdReason(kind: JobSubsidyKind, type: string | null): JobSubsidyReason | null {
  const allowed = JOB_SUBSIDY_HOUSEHOLD_TYPES[kind];
  if (type && allowed.includes(type)) return null;
  const is = type ? `（${HOUSEHOLD_WORDS[type] ?? type}）` : '（户类型未填）';
  return kind === 'startup'
    ? { code: 'not_lifted', zh: `非脱贫户${is}`, en: 'not a lifted (脱贫) household' }
    : { code: 'not_lifted_or_monitored', zh: `非脱贫户/监测户${is}`, en: 'not a lifted or monitored household' };
}

/**
 * Why a person may not get a kind of subsidy; empty = eligible.
 * - J1 (003 §二(三)2 "对跨省就业的脱贫人口和监测对象"): a 脱贫户 or 监测户 member whose 务工状况 is 省外务工 (out_province).
 * - J2 (003 §二(二)2 "支持脱贫人口…从事个体经营…对符合要求的脱贫个体经营户"): a 脱贫户 member who is 自主创业 (就业渠道 or
 *   务工状况 self_employed).
 * - J3 (003 §二(三)2 "本地各类市场经营主体吸纳脱贫人口和监测对象稳定就业6个月以上的"): a 脱贫户 or 监测户 member whose 务工企业 is a
 *   registry entity, with 务工时间（月） ≥ terms.minStableMonths (computed from the months, never a typed flag).
 */
export function jobSubsidyIneligibility(kind: JobSubsidyKind, p: JobSubsidyPerson, terms: JobSubsidyTerms): JobSubsidyReason[] {
  const out: JobSubsidyReason[] = [];
  if (p.exited) out.push({ code: 'exited', zh: '人员已自然减少', en: 'the person has left the registry' });
  const h = householdReason(kind, p.householdType);
  if (h) out.push(h);
  if (kind === 'travel' && p.employmentStatus !== OUT_PROVINCE_STATUS) out.push({ code: 'not_out_province', zh: '非省外务工（跨省就业）', en: 'not working outside the province' });
  if (kind === 'startup' && p.employmentChannel !== SELF_EMPLOYED && p.employmentStatus !== SELF_EMPLOYED) {
    out.push({ code: 'not_self_employed', zh: '非自主创业（个体经营）', en: 'not self-employed' });
  }
  if (kind === 'hiring') {
    const min = terms.minStableMonths ?? 0;
    if (p.employerEntityId === null) out.push({ code: 'no_employer', zh: '未登记务工企业（经营主体）', en: 'no employing entity recorded' });
    if ((p.workMonths ?? 0) < min) {
      out.push({
        code: 'too_few_months',
        zh: `务工不满 ${min} 个月（${p.workMonths === null ? '务工时间未填' : `已务工 ${p.workMonths} 个月`}）`,
        en: `worked fewer than ${min} months`,
      });
    }
  }
  return out;
}

/** True when {@link jobSubsidyIneligibility} finds nothing. */
export function isJobSubsidyEligible(kind: JobSubsidyKind, p: JobSubsidyPerson, terms: JobSubsidyTerms): boolean {
  return jobSubsidyIneligibility(kind, p, terms).length === 0;
}

/**
 * The amount a payment is prefilled with: J1 the cap (003 §二(三)2 不超过 300 元; the pack's maxYuan), J2 the fixed
 * amount (003 §二(二)2 5000 元), J3 none — "按规定给予一次性吸纳就业补贴" gives no figure, so the county types it.
 */
export function defaultJobSubsidyFen(terms: JobSubsidyTerms): number | null {
  return terms.kind === 'travel' ? terms.maxFen : terms.kind === 'startup' ? terms.amountFen : null;
}

/**
 * The issue with a payment's amount, or null: more than 0; J1 no more than the cap; J2 exactly the pack's amount; J3
 * any positive amount the county sets (the seed gives none). `cite`: the clause as shown (文号 + section; default the raw clause).
 */
export function jobSubsidyAmountIssue(terms: JobSubsidyTerms, amountFen: number, cite: string = terms.clause): Issue | null {
  const path = 'amountYuan';
  if (amountFen <= 0) return { path, messageZh: '发放金额须大于 0', messageEn: 'the amount must be more than 0' };
  if (terms.kind === 'travel' && terms.maxFen !== null && amountFen > terms.maxFen) {
    return {
      path,
      messageZh: `一次性交通补助不超过 ${yuanText(terms.maxFen)} 元（${cite}），本次 ${yuanText(amountFen)} 元`,
      messageEn: `the travel subsidy is at most ${yuanText(terms.maxFen)} yuan`,
    };
  }
  if (terms.kind === 'startup' && terms.amountFen !== null && amountFen !== terms.amountFen) {
    return {
      path,
      messageZh: `一次性创业补助为 ${yuanText(terms.amountFen)} 元（${cite}），本次 ${yuanText(amountFen)} 元`,
      messageEn: `the start-up subsidy is ${yuanText(terms.amountFen)} yuan`,
    };
  }
  return null;
}

/**
 * A payment already made that blocks another: J1 one per person and year, J2 one per household (003 §二(二)2 "对符合要求的
 * 脱贫个体经营户": the 个体经营户 is the household; migration 0008 subsidy_payments_startup_household_uq), J3 one per
 * (entity, person).
 */
export type JobSubsidyPaid = { kind: JobSubsidyKind; year: number; personId: number; householdId: number; entityId: number | null };

/** True when `paid` is the same payment slot as a new one (the partial unique indexes). */
export function sameJobSubsidySlot(paid: JobSubsidyPaid, next: JobSubsidyPaid): boolean {
  if (paid.kind !== next.kind) return false;
  if (paid.kind === 'startup') return paid.householdId === next.householdId;
  if (paid.personId !== next.personId) return false;
  if (paid.kind === 'travel') return paid.year === next.year;
  return paid.entityId === next.entityId;
}

/** The reason a member of a household already paid J2 (to another member) is not listed as eligible. */
export const HOUSEHOLD_PAID_STARTUP: JobSubsidyReason = { code: 'household_paid', zh: '本户已发放', en: 'paid to another member of the household (once per household)' };

/** The words of a refused second payment (also when the database's unique index refuses it under a race). */
export function duplicateJobSubsidyIssue(kind: JobSubsidyKind, year: number): Issue {
  const zh =
    kind === 'travel'
      ? `该人员 ${year} 年已发放一次性交通补助，每年只发放一次，不能重复发放`
      : kind === 'startup'
        ? '该户已发放一次性创业补助（每户一次），不能重复发放'
        : '该经营主体吸纳该人员已发放一次性吸纳就业补贴，不能重复发放';
  const en =
    kind === 'travel'
      ? `the travel subsidy of ${year} has been paid to this person (once a year)`
      : kind === 'startup'
        ? 'the start-up subsidy has been paid to this household (once per household)'
        : 'the hiring subsidy has been paid to this entity for this person (once)';
  return { path: 'personId', messageZh: zh, messageEn: en };
}
