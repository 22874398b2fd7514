import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { computeIncome, incomeTrend, roundYuan } from './income.ts';

const zero = { wage: 0, business: 0, businessExpense: 0, property: 0, transfer: 0 };

describe('computeIncome — 人均纯收入 = (工资性+生产经营性+财产性+转移性−生产经营性支出)÷人数', () => {
  it.each([
    [{ wage: 20000, business: 8000, businessExpense: 3000, property: 500, transfer: 1500 }, 3, 27000, 9000],
    [{ ...zero, wage: 10000 }, 3, 10000, 3333.33],
    [{ ...zero, wage: 20000 }, 3, 20000, 6666.67],
    [{ ...zero, business: 1000, businessExpense: 5000 }, 2, -4000, -2000],
    [{ ...zero, transfer: 0.1, property: 0.2 }, 1, 0.3, 0.3],
    [zero, 4, 0, 0],
  ])('%j over %i people', (input, members, netIncome, perCapita) => {
    expect(computeIncome(input, members)).toEqual({ netIncome, perCapita });
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects memberCount %s with VALIDATION_FAILED', (n) => {
    let caught: unknown;
    try {
      computeIncome(zero, n);
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught) && caught.code).toBe('VALIDATION_FAILED');
  });

  it('rejects a non-finite amount', () => {
    expect(() => computeIncome({ ...zero, wage: Number.POSITIVE_INFINITY }, 1)).toThrow(/finite/);
  });
});

describe('roundYuan', () => {
  it.each([
    [1.005, 1.01],
    [-1.005, -1.01],
    [2.675, 2.68],
    [3333.3333, 3333.33],
  ])('%s → %s', (n, expected) => expect(roundYuan(n)).toBe(expected));
});

describe('incomeTrend', () => {
  it('sorts by year and compares with the previous calendar year only', () => {
    const rows = [
      { year: 2024, ...zero, wage: 33000, memberCount: 3 },
      { year: 2021, ...zero, wage: 24000, memberCount: 3 },
      { year: 2022, ...zero, wage: 30000, memberCount: 3 },
    ];
    expect(incomeTrend(rows)).toEqual([
      { year: 2021, netIncome: 24000, perCapita: 8000, yoyChange: null, yoyRate: null },
      { year: 2022, netIncome: 30000, perCapita: 10000, yoyChange: 2000, yoyRate: 0.25 },
      // 2023 missing: no change across the gap
      { year: 2024, netIncome: 33000, perCapita: 11000, yoyChange: null, yoyRate: null },
    ]);
  });

  it('gives a rate of null when last year was zero, and handles a falling income', () => {
    const rows = [
      { year: 2022, ...zero, memberCount: 2 },
      { year: 2023, ...zero, wage: 8000, memberCount: 2 },
      { year: 2024, ...zero, wage: 6000, memberCount: 2 },
    ];
    expect(incomeTrend(rows).map((r) => [r.yoyChange, r.yoyRate])).toEqual([
      [null, null],
      [4000, null],
      [-1000, -0.25],
    ]);
  });

  it('returns [] for no rows', () => expect(incomeTrend([])).toEqual([]));
});
