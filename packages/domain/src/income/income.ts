import { AppError } from '../errors.ts';

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

/** One row of {@link incomeTrend}: the year's figures and the change against the previous calendar year. */
export type IncomeTrendRow = IncomeResult & {
  year: number;
  /** perCapita minus last year's perCapita; null when last year is not recorded */
  yoyChange: number | null;
  /** yoyChange ÷ last year's perCapita (0.1 = +10 %), 4 decimals; null when not computable */
  yoyRate: number | null;
};

/** Rounds half away from zero to 2 decimals, avoiding binary artefacts such as 1.005 → 1.00. */
export function roundYuan(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-8) / 100;
}

/**
 * Computes 家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出 and
 * 人均纯收入 = 家庭纯收入 ÷ 家庭人口数 (DOMAIN.md; domain-standards §2.5), rounded to 2 decimals.
 * @param i the year's income components in 元
 * @param memberCount household size used for 人均 (integer ≥ 1)
 * @throws AppError VALIDATION_FAILED when memberCount is not a positive integer or an amount is not finite
 */
export function computeIncome(i: IncomeInput, memberCount: number): IncomeResult {
  if (!Number.isInteger(memberCount) || memberCount < 1) {
    throw new AppError('VALIDATION_FAILED', `memberCount must be a positive integer, got ${memberCount}`, {
      issues: [{ path: 'memberCount', value: memberCount, messageZh: '家庭人口数须为正整数', messageEn: 'household size must be a positive integer' }],
    });
  }
  const parts = [i.wage, i.business, i.businessExpense, i.property, i.transfer];
  if (parts.some((n) => !Number.isFinite(n))) {
    throw new AppError('VALIDATION_FAILED', 'income amounts must be finite numbers', {
      issues: [{ path: 'income', value: i, messageZh: '收入金额须为数字', messageEn: 'income amounts must be numbers' }],
    });
  }
  const net = i.wage + i.business + i.property + i.transfer - i.businessExpense;
  return { netIncome: roundYuan(net), perCapita: roundYuan(net / memberCount) };
}

/**
 * Builds the per-year income series of a household, sorted by year, with the year-on-year change of
 * 人均纯收入. The change is computed only against the immediately previous calendar year when that year
 * is present (a gap gives null, not a change over two years).
 * @param rows one row per year (duplicate years: the last one wins)
 * @throws AppError VALIDATION_FAILED from {@link computeIncome}
 */
export function incomeTrend(rows: ReadonlyArray<{ year: number; memberCount: number } & IncomeInput>): IncomeTrendRow[] {
  const byYear = new Map<number, IncomeResult>();
  for (const r of rows) byYear.set(r.year, computeIncome(r, r.memberCount));
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const cur = byYear.get(year) as IncomeResult;
      const prev = byYear.get(year - 1);
      const yoyChange = prev ? roundYuan(cur.perCapita - prev.perCapita) : null;
      const yoyRate = prev && prev.perCapita !== 0 && yoyChange !== null ? Math.round((yoyChange / Math.abs(prev.perCapita)) * 10000) / 10000 : null;
      return { year, ...cur, yoyChange, yoyRate };
    });
}
