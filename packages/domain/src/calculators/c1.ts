import { AppError } from '../errors.ts';
import type { RuleConfig } from '../policy/policy.types.ts';
import { roundDiv, yuanText } from './amount-text.ts';

/** One refusal or warning of C1, naming the field it is about, worded in Chinese and English. */
export type C1Notice = { path: string; messageZh: string; messageEn: string };

/** The household a loan is for, as far as C1 looks at it. */
export type C1Household = { isLifted: boolean; monitoringType: string | null; householdType?: string | null };

export type C1Input = {
  amountFen: number;
  termMonths: number;
  /** yearly rate in hundredths of a percent (basis points): LPR 3.45 % → 345 */
  rateBp: number;
  needsAndCanRepay: boolean;
  /** the borrower's birth date (age judged on `onDate`), when known */
  borrowerBirthDate?: string | null | undefined;
  /** YYYY-MM-DD the loan starts (for the age); absent = no age check */
  onDate?: string | null | undefined;
  /** the household; absent = not judged (the calculator) */
  household?: C1Household | null | undefined;
  /** the name of the term field in the caller's form (`termYears` in the calculator, `termMonths` for a loan) */
  termPath?: string;
};

export type C1Outcome = {
  accepted: boolean;
  refusals: C1Notice[];
  warnings: C1Notice[];
  /** the part of the principal whose interest is subsidised (≤ subsidisedUpToYuan) */
  subsidisedPrincipalFen: number;
  /** the subsidy over the whole term with the usual schedule (interest through the term, principal at maturity) */
  interestSubsidyFen: number;
  stepsZh: string[];
  stepsEn: string[];
};

/** The C1 thresholds of a pack (002 §二(四)2), in 分 and months. */
export type C1Limits = {
  maxFen: number;
  maxFenIfNeeded: number;
  subsidisedUpToFen: number;
  maxTermMonths: number;
  eligibleHouseholds: string[];
  /** borrower age limits, when the pack sets them (`borrowerMinAge`, `borrowerMaxAge`) */
  minAge: number | null;
  maxAge: number | null;
};

function num(config: RuleConfig, key: string): number {
  const v = config.params[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AppError('VALIDATION_FAILED', `rule ${config.ruleId}: params.${key} must be a number`);
  return v;
}
const optNum = (config: RuleConfig, key: string): number | null => (typeof config.params[key] === 'number' ? (config.params[key] as number) : null);

/** Reads the pack's C1 params: maxAmountYuan, maxAmountYuanIfNeeded, subsidisedUpToYuan, maxTermYears, eligibleHouseholds (and the optional borrower ages). */
export function c1Limits(config: RuleConfig): C1Limits {
  const eligible = config.params.eligibleHouseholds;
  return {
    maxFen: Math.round(num(config, 'maxAmountYuan') * 100),
    maxFenIfNeeded: Math.round(num(config, 'maxAmountYuanIfNeeded') * 100),
    subsidisedUpToFen: Math.round(num(config, 'subsidisedUpToYuan') * 100),
    maxTermMonths: Math.round(num(config, 'maxTermYears') * 12),
    eligibleHouseholds: Array.isArray(eligible) ? eligible.filter((x): x is string => typeof x === 'string') : [],
    minAge: optNum(config, 'borrowerMinAge'),
    maxAge: optNum(config, 'borrowerMaxAge'),
  };
}

/** 万元 in words for an amount of 分 (5_000_000 → "5 万元", 12_345_600 → "12.3456 万元"). */
export function wanText(fen: number): string {
  const wan = fen / 1_000_000;
  return `${Number.isInteger(wan) ? wan : Number(wan.toFixed(6))} 万元`;
}

/** Whole years on `on` of a person born on `birth` (both YYYY-MM-DD). */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Is the household one C1 supports: code `lifted` = a 脱贫户 (是否脱贫户, or 户类型 脱贫户; whatever its monitoring category), any other code a 监测对象类别 (`marginal` = 边缘易致贫户). */
export function c1HouseholdEligible(h: C1Household, eligible: readonly string[]): boolean {
  return eligible.some((code) => (code === 'lifted' ? h.isLifted || h.householdType === 'lifted' : h.monitoringType === code));
}

/** Interest of the usual schedule (interest paid through the term, principal at maturity): principal × rate × months ÷ 12, to the 分. */
export function usualInterestFen(principalFen: number, rateBp: number, termMonths: number): number {
  return roundDiv(BigInt(principalFen) * BigInt(rateBp) * BigInt(termMonths), 120_000n);
}

/**
 * C1 — 脱贫人口小额信贷. Source: 002 §二(四)2 "对建档立卡脱贫户和边缘易致贫户免担保免抵押，3 年期（含）以内，5 万元（含）以下（有需求、
 * 能还款的单户脱贫人口小额信贷不超过 10 万元），以市场报价利率放贷，5 万元（含）以下财政全额贴息支持，5 万元以上部分不予贴息也不纳入
 * 风险补偿范围"; DOMAIN.md C1 (borrowers 18–65, read from the pack's `borrowerMinAge`/`borrowerMaxAge` when set).
 * Refuses: amount over the 10 万 cap; over 5 万 without 有需求、能还款; term over 3 years; a borrower outside the ages;
 * a household that is neither 脱贫户 nor 边缘易致贫户. Warns that the part above 5 万 has no subsidy nor risk
 * compensation. The subsidy of the usual schedule: min(amount, 5 万) × rate × term years, to the 分.
 */
export function checkC1(config: RuleConfig, input: C1Input): C1Outcome {
  const lim = c1Limits(config);
  const refusals: C1Notice[] = [];
  const warnings: C1Notice[] = [];
  const termPath = input.termPath ?? 'termMonths';
  const amount = `${wanText(input.amountFen)}`;
  if (input.amountFen <= 0) refusals.push({ path: 'amountYuan', messageZh: '贷款金额须大于 0', messageEn: 'the amount must be above 0' });
  if (input.amountFen > lim.maxFenIfNeeded) {
    refusals.push({
      path: 'amountYuan',
      messageZh: `贷款金额 ${amount}超过单户上限 ${wanText(lim.maxFenIfNeeded)}（有需求、能还款的单户也不超过 ${wanText(lim.maxFenIfNeeded)}）`,
      messageEn: `the amount ${yuanText(input.amountFen)} yuan is above the cap of ${yuanText(lim.maxFenIfNeeded)} yuan per household`,
    });
  } else if (input.amountFen > lim.maxFen && !input.needsAndCanRepay) {
    refusals.push({
      path: 'needsAndCanRepay',
      messageZh: `贷款金额 ${amount}超过 ${wanText(lim.maxFen)}，仅限有需求、能还款的脱贫户，且不超过 ${wanText(lim.maxFenIfNeeded)}`,
      messageEn: `above ${yuanText(lim.maxFen)} yuan only for a household that needs the loan and can repay it`,
    });
  }
  if (input.termMonths <= 0) refusals.push({ path: termPath, messageZh: '贷款期限须大于 0', messageEn: 'the term must be above 0' });
  if (input.termMonths > lim.maxTermMonths) {
    const years = Number((input.termMonths / 12).toFixed(2));
    refusals.push({
      path: termPath,
      messageZh: `贷款期限 ${years} 年超过 ${lim.maxTermMonths / 12} 年（含）`,
      messageEn: `the term of ${years} years is above ${lim.maxTermMonths / 12} years`,
    });
  }
  if (input.borrowerBirthDate && input.onDate && (lim.minAge !== null || lim.maxAge !== null)) {
    const age = ageOn(input.borrowerBirthDate, input.onDate);
    if ((lim.minAge !== null && age < lim.minAge) || (lim.maxAge !== null && age > lim.maxAge)) {
      refusals.push({
        path: 'personId',
        messageZh: `借款人放贷时 ${age} 周岁，不在 ${lim.minAge ?? 0}–${lim.maxAge ?? '∞'} 周岁之间`,
        messageEn: `the borrower is ${age} at the start of the loan, outside ${lim.minAge ?? 0}–${lim.maxAge ?? '∞'}`,
      });
    }
  }
  if (input.household && !c1HouseholdEligible(input.household, lim.eligibleHouseholds)) {
    refusals.push({
      path: 'householdId',
      messageZh: '该户既不是建档立卡脱贫户，也不是边缘易致贫户，不属于脱贫人口小额信贷支持对象',
      messageEn: 'the household is neither a lifted household nor a marginal household prone to poverty',
    });
  }
  const subsidised = Math.max(0, Math.min(input.amountFen, lim.subsidisedUpToFen));
  if (input.amountFen > lim.subsidisedUpToFen && refusals.length === 0) {
    const above = input.amountFen - lim.subsidisedUpToFen;
    warnings.push({
      path: 'amountYuan',
      messageZh: `超过 ${wanText(lim.subsidisedUpToFen)}的部分（${yuanText(above)} 元）不予贴息，也不纳入风险补偿范围`,
      messageEn: `the part above ${yuanText(lim.subsidisedUpToFen)} yuan (${yuanText(above)} yuan) gets no interest subsidy and no risk compensation`,
    });
  }
  const accepted = refusals.length === 0;
  const interest = accepted && input.termMonths > 0 ? usualInterestFen(subsidised, input.rateBp, input.termMonths) : 0;
  const rate = `${(input.rateBp / 100).toFixed(2)}%`;
  const yearsText = Number((input.termMonths / 12).toFixed(4));
  const stepsZh = accepted ? [`贴息本金 ${yuanText(subsidised)} 元 × 年利率 ${rate} × ${yearsText} 年 = ${yuanText(interest)} 元`] : [];
  const stepsEn = accepted ? [`subsidised principal ${yuanText(subsidised)} yuan × ${rate} a year × ${yearsText} years = ${yuanText(interest)} yuan`] : [];
  return { accepted, refusals, warnings, subsidisedPrincipalFen: accepted ? subsidised : 0, interestSubsidyFen: interest, stepsZh, stepsEn };
}
