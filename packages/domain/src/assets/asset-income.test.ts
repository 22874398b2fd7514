import { describe, expect, it } from 'vitest';
import { assetsMissingStocktake, benchmarkIncomeFen, dueStocktake, incomePeriodIssue, rateToPpm, type StocktakeAsset } from './asset-income.ts';

// 004 §五: 每半年开展一次帮扶产业收益集中盘点 (A3); 运营收益不低于同期银行基准利率 (A1).

describe('incomePeriodIssue: a half year is taken stock of after it ends', () => {
  it.each([
    ['2024-07-01', 2024, 1, null],
    ['2024-06-30', 2024, 1, '2024年上半年尚未结束（2024-06-30 结束），结束后方可盘点登记收益'],
    ['2024-12-31', 2024, 2, '2024年下半年尚未结束（2024-12-31 结束），结束后方可盘点登记收益'],
    ['2025-01-01', 2024, 2, null],
    ['2025-03-01', 2023, 1, null],
  ] as const)('on %s, %i H%i → %s', (asOf, year, half, zh) => {
    expect(incomePeriodIssue({ year, half }, asOf)?.messageZh ?? null).toBe(zh);
  });
});

describe('A3: assets missing the last half year’s stock-take', () => {
  const asset = (assetId: number, over: Partial<StocktakeAsset> = {}): StocktakeAsset => ({ assetId, category: 'operating', formedOn: '2023-05-01', incomes: [], ...over });
  const assets = [
    asset(1, { incomes: [{ year: 2024, half: 1 }] }), // taken stock of
    asset(2, { incomes: [{ year: 2023, half: 2 }] }), // only the half before
    asset(3), // none
    asset(4, { category: 'public_welfare' }), // earns no income
    asset(5, { formedOn: '2024-07-15' }), // formed after the half year ended
    asset(6, { disposedOn: '2024-03-01' }), // disposed of before it ended
    asset(7, { formedOn: null }), // formation day unknown: due
  ];

  it('on 2024-11-30 the half year is 2024 上半年: assets 2, 3 and 7 lack it', () => {
    const r = assetsMissingStocktake(assets, '2024-11-30');
    expect(r.period).toEqual({ year: 2024, half: 1 });
    expect(r.missing.map((a) => a.assetId)).toEqual([2, 3, 7]);
  });

  it('on 2024-06-30 the half year is still 2023 下半年: asset 2 has it, 5 was not formed yet, 6 was still held then', () => {
    const r = assetsMissingStocktake(assets, '2024-06-30');
    expect(r.period).toEqual({ year: 2023, half: 2 });
    expect(r.missing.map((a) => a.assetId)).toEqual([1, 3, 6, 7]);
  });

  it('an asset formed on the last day of the half year is due it', () => {
    expect(dueStocktake(asset(8, { formedOn: '2024-06-30' }), { year: 2024, half: 1 })).toBe(true);
    expect(dueStocktake(asset(8, { formedOn: '2024-07-01' }), { year: 2024, half: 1 })).toBe(false);
  });
});

describe('benchmarkIncomeFen: value × rate over the months, to the 分', () => {
  it.each([
    // 80 万元 at the PBoC one-year deposit rate 1.50 %: 1.2 万元 a year, 6 000 元 for a half year
    [80_000_000, 0.015, 12, 1_200_000],
    [80_000_000, 0.015, 6, 600_000],
    // 1 元 × 1.50 % = 1.5 分 → 2 分 (half up); 3 元 → 4.5 分 → 5 分; 0.33 元 → 0.495 分 → 0
    [100, 0.015, 12, 2],
    [300, 0.015, 12, 5],
    [33, 0.015, 12, 0],
    // 2.75 % (the rate before 2015-03-01) on 12 345 678.91 元 = 339 506.170025 元 → 339 506.17 元
    [1_234_567_891, 0.0275, 12, 33_950_617],
    [0, 0.015, 12, 0],
  ])('%i 分 at %f over %i months → %i 分', (valueFen, rate, months, due) => {
    expect(benchmarkIncomeFen(valueFen, rate, months)).toBe(due);
  });

  it('reads a rate as parts per million and refuses one outside 0..1', () => {
    expect(rateToPpm(0.015)).toBe(15_000);
    expect(rateToPpm(0.0135)).toBe(13_500);
    expect(() => rateToPpm(1.5)).toThrow(RangeError);
  });
});
