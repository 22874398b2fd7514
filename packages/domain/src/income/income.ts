import { AppError } from '../errors.ts';
import { divideFen, fenToYuan, sumFen, yuanToFen } from '../money/money.ts';

/**
 * One year's household income (收入), in 元: 工资性 wage, 生产经营性 business (gross), 生产经营性支出
 * businessExpense, 财产性 property, 转移性 transfer (domain-standards §2.5).
 */
export type IncomeInput = {
  wage: number;
  business: number;
  businessExpense: number;
  property: number;
  transfer: number;
};

/** 家庭纯收入 and 人均纯收入, both rounded to fen (2 decimals). */
export type IncomeResult = { netIncome: number; perCapita: number };

/** {@link IncomeResult} in integer 分. */
export type IncomeFen = { netIncomeFen: number; perCapitaFen: number };

/** One row of {@link incomeTrend}: the year's figures and the change against the previous calendar year. */
export type IncomeTrendRow = IncomeResult & {
  year: number;
  /** perCapita minus last year's perCapita; null when last year is not recorded */
  yoyChange: number | null;
  /** yoyChange ÷ last year's perCapita (0.1 = +10 %), 4 decimals; null when not computable */
  yoyRate: number | null;
};

/**
 * Rounds half away from zero to 2 decimals, avoiding binary artefacts such as 1.005 → 1.00. For display of a value
 * that is already a float; money arithmetic goes through integer 分 (money/money.ts) instead.
 */
export function roundYuan(n: number): number {
  return (Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-8)) / 100;
}

/**
 * Computes 家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出 and
 * 人均纯收入 = 家庭纯收入 ÷ 家庭人口数 (DOMAIN.md; domain-standards §2.5), rounded to 2 decimals.
 * @param i the year's income components in 元
 * @param memberCount household size used for 人均 (integer ≥ 1)
 * @throws AppError VALIDATION_FAILED when memberCount is not a positive integer, an amount is not finite or has
 *   more than 2 decimals
 */
export function computeIncome(i: IncomeInput, memberCount: number): IncomeResult {
  const fen = computeIncomeFen(i, memberCount);
  return { netIncome: fenToYuan(fen.netIncomeFen), perCapita: fenToYuan(fen.perCapitaFen) };
}

/**
 * {@link computeIncome} in integer 分: each component is converted once, summed exactly, and divided once
 * (half away from zero to the 分). Callers that compare or combine incomes use this, not the 元 floats.
 * @throws AppError VALIDATION_FAILED when an amount has more than 2 decimals (from yuanToFen)
 */
export function computeIncomeFen(i: IncomeInput, memberCount: number): IncomeFen {
  if (!Number.isInteger(memberCount) || memberCount < 1) {
    throw new AppError('VALIDATION_FAILED', `memberCount must be a positive integer, got ${memberCount}`, {
      issues: [{ path: 'memberCount', value: memberCount, messageZh: '家庭人口数须为正整数', messageEn: 'household size must be a positive integer' }],
    });
  }
  // no array nor inner closure: this runs for every household of a county's coverage rules (H2, H5, H6)
  if (!(Number.isFinite(i.wage) && Number.isFinite(i.business) && Number.isFinite(i.businessExpense) && Number.isFinite(i.property) && Number.isFinite(i.transfer))) {
    throw new AppError('VALIDATION_FAILED', 'income amounts must be finite numbers', {
      issues: [{ path: 'income', value: i, messageZh: '收入金额须为数字', messageEn: 'income amounts must be numbers' }],
    });
  }
  const netIncomeFen = sumFen([
    yuanToFen(i.wage, 'income.wage'),
    yuanToFen(i.business, 'income.business'),
    yuanToFen(i.property, 'income.property'),
    yuanToFen(i.transfer, 'income.transfer'),
    -yuanToFen(i.businessExpense, 'income.businessExpense'),
  ]);
  return { netIncomeFen, perCapitaFen: divideFen(netIncomeFen, memberCount) };
}

/**
 * Builds the per-year income series of a household, sorted by year, with the year-on-year change of
 * 人均纯收入. The change is computed only against the immediately previous calendar year when that year
 * is present (a gap gives null, not a change over two years).
 * @param rows one row per year (duplicate years: the last one wins)
 * @throws AppError VALIDATION_FAILED from {@link computeIncome}
 */
export function incomeTrend(rows: ReadonlyArray<{ year: number; memberCount: number } & IncomeInput>): IncomeTrendRow[] {
  const byYear = new Map<number, IncomeFen>();
  for (const r of rows) byYear.set(r.year, computeIncomeFen(r, r.memberCount));
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const cur = byYear.get(year) as IncomeFen;
      const prev = byYear.get(year - 1);
      const changeFen = prev ? cur.perCapitaFen - prev.perCapitaFen : null;
      const yoyChange = changeFen === null ? null : fenToYuan(changeFen);
      const yoyRate = prev && prev.perCapitaFen !== 0 && changeFen !== null ? Math.round((changeFen / Math.abs(prev.perCapitaFen)) * 10000) / 10000 : null;
      return { year, netIncome: fenToYuan(cur.netIncomeFen), perCapita: fenToYuan(cur.perCapitaFen), yoyChange, yoyRate };
    });
}
