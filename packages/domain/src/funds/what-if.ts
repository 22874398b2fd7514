import { AppError } from '../errors.ts';
import { fenToYuan, yuanToFen } from '../money/money.ts';
import type { RuleResult } from '../policy/policy.types.ts';
import { emptyFundYear, type FundFacts, type FundYear } from '../policy/rules/fund-shares.ts';

/** What decides where a project's allocated money counts in the fund facts (F1–F4). */
export type ProjectMoneyTags = {
  /** dict project_type level 1 ('industry' counts for F1, F3, F4) */
  projectType: string;
  /** 优势特色产业项目 (F2) */
  isSpecialty: boolean;
  /** a 配套设施 project serving a specialty industry, not flagged 特色 itself (F2 counts it: 001 §二(一)2) */
  specialtySupport?: boolean;
  /** a project of a leading industry's chain (F4) */
  leadingChain: boolean;
};

/** Where an amount leaves or arrives: a project's tags, or a project type alone (a category move). */
export type MoveEnd = ProjectMoneyTags | { projectType: string; isSpecialty?: undefined; specialtySupport?: undefined; leadingChain?: undefined };

/** The fields of a year's money one amount of a project counts in, with the source's level (city money: F3). */
function fieldsOf(end: MoveEnd, sourceLevel: string | null): (keyof FundYear)[] {
  if (end.projectType !== 'industry') return [];
  const f: (keyof FundYear)[] = ['industryYuan', 'industryProjectYuan'];
  if (end.isSpecialty) f.push('specialtyYuan');
  else if (end.specialtySupport) f.push('specialtySupportYuan');
  if (end.leadingChain) f.push('leadingChainYuan');
  if (sourceLevel === 'city') f.push('cityIndustryYuan');
  return f;
}

/**
 * Applies one move of money to the county's facts of `year` in memory (the what-if draft; nothing is saved): the
 * amount leaves `from` and arrives at `to` (either may be null: money taken out of a project back to the source,
 * or new money from the source's balance). Amounts are added in 分 and kept to the 分.
 * @returns a new facts record (the input is not changed)
 * @throws AppError VALIDATION_FAILED when a field would become negative (more moved than counted there)
 */
export function applyFundMove(facts: FundFacts, year: number, from: MoveEnd | null, to: MoveEnd | null, amountYuan: number, sourceLevel: string | null = null): FundFacts {
  const key = String(year);
  const y: FundYear = { ...emptyFundYear(), ...facts.years[key] };
  const fen = yuanToFen(amountYuan, 'amountYuan');
  const add = (field: keyof FundYear, delta: number) => {
    const next = yuanToFen(y[field], field) + delta;
    if (next < 0) {
      throw new AppError('VALIDATION_FAILED', `move makes ${field} negative`, {
        issues: [
          { path: 'moves', value: amountYuan, messageZh: `调出金额 ${amountYuan} 元超过可调出的资金`, messageEn: `the amount ${amountYuan} yuan is more than can be moved out` },
        ],
      });
    }
    y[field] = fenToYuan(next);
  };
  if (from) for (const f of fieldsOf(from, sourceLevel)) add(f, -fen);
  if (to) for (const f of fieldsOf(to, sourceLevel)) add(f, fen);
  // money that leaves the sources or returns to them changes the 衔接资金 used in the year only when it is new
  return { ...facts, years: { ...facts.years, [key]: y } };
}

/** One rule's outcome before and after a draft. */
export type WhatIfChange = { ruleId: string; before: RuleResult['status']; after: RuleResult['status'] };

/**
 * The rules whose status differs between two evaluations of the same rules (a rule turning 未达标 is the one the
 * what-if drawer highlights).
 */
export function changedRules(before: RuleResult[], after: RuleResult[]): WhatIfChange[] {
  const out: WhatIfChange[] = [];
  for (const b of before) {
    const a = after.find((r) => r.ruleId === b.ruleId);
    if (a && a.status !== b.status) out.push({ ruleId: b.ruleId, before: b.status, after: a.status });
  }
  return out;
}
