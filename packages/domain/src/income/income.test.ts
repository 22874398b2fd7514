import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { computeIncome, computeIncomeFen, incomeTrend, roundYuan } from './income.ts';

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

describe('computeIncome in integer 分 — values worked by hand', () => {
  it.each([
    // 0.1 + 0.2 as floats is 0.30000000000000004; in 分 10 + 20 = 30
    [{ ...zero, wage: 0.1, transfer: 0.2 }, 1, 0.3, 0.3, 30, 30],
    // 10 元 shared by 3: 1000 分 ÷ 3 = 333.3… → 333 分
    [{ ...zero, wage: 10 }, 3, 10, 3.33, 1000, 333],
    // 2.01 ÷ 2 = 1.005 元 = 100.5 分 → 101 分 (Math.round(1.005 × 100) / 100 gives 1.00)
    [{ ...zero, wage: 2.01 }, 2, 2.01, 1.01, 201, 101],
    // negative half: (1 − 3.01) ÷ 2 = −201 分 ÷ 2 = −100.5 → −101 分 (away from zero)
    [{ ...zero, business: 1, businessExpense: 3.01 }, 2, -2.01, -1.01, -201, -101],
    // 0.1 + 0.2 + 0.3 + 0.4 − 0.07 = 93 分; ÷ 4 = 23.25 → 23 分
    [{ wage: 0.1, business: 0.2, property: 0.3, transfer: 0.4, businessExpense: 0.07 }, 4, 0.93, 0.23, 93, 23],
    // 19.99 × 100 is 1998.9999999999998 as a float: 1999 + 435 + 1 = 2435 分; ÷ 7 = 347.857… → 348 分
    [{ ...zero, wage: 19.99, property: 4.35, transfer: 0.01 }, 7, 24.35, 3.48, 2435, 348],
    // large: 999 999 999.99 + 0.01 = 1 000 000 000 元; ÷ 6 = 16 666 666 666.67 分 → 16 666 666 667 分
    [{ ...zero, wage: 999_999_999.99, transfer: 0.01 }, 6, 1_000_000_000, 166_666_666.67, 100_000_000_000, 16_666_666_667],
  ])('%j over %i people → %s / %s 元', (input, members, netIncome, perCapita, netIncomeFen, perCapitaFen) => {
    expect(computeIncome(input, members)).toEqual({ netIncome, perCapita });
    expect(computeIncomeFen(input, members)).toEqual({ netIncomeFen, perCapitaFen });
  });

  it('keeps a 0.01 元 year-on-year change exact (float 1 − 0.99 is 0.010000000000000009)', () => {
    const rows = Array.from({ length: 101 }, (_, k) => ({ year: 2000 + k, ...zero, wage: 0.01 * k, memberCount: 1 }));
    const last = incomeTrend(rows).at(-1);
    // year 2100 is k = 100: 0.01 × 100 = 1 元; change against 2099 (0.99 元) is exactly 0.01 元, rate 0.0101
    expect(last).toEqual({ year: 2100, netIncome: 1, perCapita: 1, yoyChange: 0.01, yoyRate: 0.0101 });
  });

  it('refuses an amount with more than 2 decimals, naming the component', () => {
    try {
      computeIncome({ ...zero, transfer: 1.005 }, 1);
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.code).toBe('VALIDATION_FAILED');
      expect(isAppError(err) && err.details?.issues?.[0]?.path).toBe('income.transfer');
    }
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
