import type { Issue } from '../errors.ts';
import { isIncomeGenerating } from './asset-codes.ts';
import { halfYearLabel, lastCompletedHalfYear, type HalfYear } from './stocktake-period.ts';

// 资产收益: income recorded per asset per half year (004 §五 "每半年开展一次帮扶产业收益集中盘点"), and the bank
// benchmark it is held against (004 §五 "确保产业资产运营收益不低于同期银行基准利率获得收益").

/** The last day of a half year (YYYY-MM-DD). */
export function halfYearEnd(h: HalfYear): string {
  return `${h.year}-${h.half === 1 ? '06-30' : '12-31'}`;
}

/** Orders half years (negative: a before b). */
export function compareHalfYears(a: HalfYear, b: HalfYear): number {
  return a.year !== b.year ? a.year - b.year : a.half - b.half;
}

/**
 * The problem with recording a half year's income on `asOf`, or null: a stock-take is of a half year that has ended
 * (004 §五 每半年集中盘点: the income of a half year is taken stock of after it), so a half year still running is
 * refused with its end date.
 */
export function incomePeriodIssue(period: HalfYear, asOf: string): Issue | null {
  if (compareHalfYears(period, lastCompletedHalfYear(asOf)) <= 0) return null;
  const t = halfYearLabel(period);
  return {
    path: 'half',
    value: period.half,
    messageZh: `${t.zh}尚未结束（${halfYearEnd(period)} 结束），结束后方可盘点登记收益`,
    messageEn: `${t.en} has not ended yet (it ends on ${halfYearEnd(period)}); record its income after it ends`,
  };
}

/** What A3 reads of an asset: whether it earns income, when it was formed and disposed of, and its stock-takes. */
export type StocktakeAsset = {
  assetId: number;
  category: string;
  /** 形成（验收）日期; null = not known (then the asset is expected to have every half year's stock-take) */
  formedOn: string | null;
  /** 处置日期; null = still held */
  disposedOn?: string | null;
  /** the half years that have an income record */
  incomes: readonly HalfYear[];
};

/**
 * Whether an asset is due a stock-take for a half year (A3, 004 §五): an 经营性资产 formed by the end of that half year
 * and not disposed of before it ended.
 */
export function dueStocktake(a: StocktakeAsset, period: HalfYear): boolean {
  if (!isIncomeGenerating(a.category)) return false;
  const end = halfYearEnd(period);
  if (a.formedOn && a.formedOn > end) return false;
  if (a.disposedOn && a.disposedOn < end) return false;
  return true;
}

/** True when the asset has an income record for the half year. */
export function hasStocktake(a: Pick<StocktakeAsset, 'incomes'>, period: HalfYear): boolean {
  return a.incomes.some((i) => i.year === period.year && i.half === period.half);
}

/**
 * A3 (004 §五 每半年开展一次帮扶产业收益集中盘点): the assets that lack the income stock-take of the last half year that has
 * ended on `asOf` ({@link lastCompletedHalfYear}), among those due one ({@link dueStocktake}), in the given order.
 */
export function assetsMissingStocktake<A extends StocktakeAsset>(assets: readonly A[], asOf: string): { period: HalfYear; missing: A[] } {
  const period = lastCompletedHalfYear(asOf);
  return { period, missing: assets.filter((a) => dueStocktake(a, period) && !hasStocktake(a, period)) };
}

/** A yearly rate as parts per million (1.50 % → 15 000), so the benchmark income is computed on integers. */
export function rateToPpm(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`rate ${rate} is not a share between 0 and 1`);
  return Math.round(rate * 1_000_000);
}

/**
 * A1's benchmark income in 分 (004 §五 "运营收益不低于同期银行基准利率获得收益"): value × yearly rate × months ÷ 12, rounded
 * half up to the 分, computed on integers (BigInt). 同期 = the period the income covers: a year with both half years
 * taken stock of is judged against 12 months, a year with one against 6.
 * @param valueFen the asset's value in 分
 * @param rate yearly rate as a share (0.015 for 1.50 %)
 * @param months months covered (6 or 12)
 */
export function benchmarkIncomeFen(valueFen: number, rate: number, months = 12): number {
  const num = BigInt(valueFen) * BigInt(rateToPpm(rate)) * BigInt(months);
  const den = 1_000_000n * 12n;
  return Number((2n * num + den) / (2n * den));
}
