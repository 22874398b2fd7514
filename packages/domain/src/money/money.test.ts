import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { divideFen, fenToYuan, MONEY_MAX_YUAN, moneyIssue, sumFen, yuanToFen } from './money.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isAppError(err) ? err.code : 'not an AppError';
  }
  return undefined;
}

describe('yuanToFen', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.01, 1],
    [0.1 + 0.2, 30], // 0.30000000000000004: a binary artefact of 0.30
    [1.1 * 3, 330], // 3.3000000000000003
    [19.99, 1999], // 19.99 × 100 = 1998.9999999999998
    [4.35, 435], // 4.35 × 100 = 434.99999999999994
    [-12.34, -1234],
    [3333.33, 333333],
    [999_999_999_999.99, 99_999_999_999_999],
  ])('%s 元 → %s 分', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  it.each([1.005, 0.001, 2.675, 12.345, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000])('refuses %s with VALIDATION_FAILED', (yuan) => {
    expect(codeOf(() => yuanToFen(yuan))).toBe('VALIDATION_FAILED');
  });

  it('words the refusal in Chinese and English and names the field', () => {
    try {
      yuanToFen(1.005, 'wage');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.details?.issues?.[0]).toMatchObject({
        path: 'wage',
        value: 1.005,
        messageZh: '金额 1.005 最多保留两位小数（到分）',
        messageEn: 'the amount 1.005 has more than 2 decimals (fen)',
      });
    }
  });
});

describe('fenToYuan', () => {
  it.each([
    [0, 0],
    [30, 0.3],
    [333, 3.33],
    [-1, -0.01],
    [99_999_999_999_999, 999_999_999_999.99],
  ])('%s 分 → %s 元', (fen, yuan) => expect(fenToYuan(fen)).toBe(yuan));

  it('refuses a fractional 分', () => expect(codeOf(() => fenToYuan(0.5))).toBe('VALIDATION_FAILED'));
});

describe('sumFen', () => {
  it('adds 0.1 元 a thousand times to exactly 100 元 (float 元 gives 99.9999999999986)', () => {
    let floatSum = 0;
    for (let k = 0; k < 1000; k++) floatSum += 0.1;
    expect(floatSum).not.toBe(100); // the drift the convention avoids
    expect(sumFen(Array.from({ length: 1000 }, () => yuanToFen(0.1)))).toBe(10_000);
  });
  it('adds 0.1 + 0.2 + 0.3 to 60 分 (float: 0.6000000000000001)', () => expect(sumFen([10, 20, 30])).toBe(60));
  it('returns 0 for nothing', () => expect(sumFen([])).toBe(0));
  it('refuses a fractional amount', () => expect(codeOf(() => sumFen([1, 0.5]))).toBe('VALIDATION_FAILED'));
});

describe('divideFen — half away from zero to the 分', () => {
  it.each([
    [1000, 3, 333], // 10 元 ÷ 3 = 3.333… → 3.33
    [2000, 3, 667], // 20 元 ÷ 3 = 6.666… → 6.67
    [5, 2, 3], // 2.5 分 → 3
    [-5, 2, -3], // −2.5 分 → −3 (away from zero)
    [7, -2, -4], // −3.5 分 → −4
    [-1000, 3, -333],
    [1, 3, 0],
    [0, 7, 0],
    [3, 2, 2], // 1.5 → 2
    [99_999_999_999_999, 99, 1_010_101_010_101], // 99 × 1 010 101 010 101 = 99 999 999 999 999: exact on integers
    [99_999_999_999_950, 100, 1_000_000_000_000], // 999 999 999 999.5 → 1 000 000 000 000
  ])('%s ÷ %s = %s', (fen, n, expected) => expect(divideFen(fen, n)).toBe(expected));

  it.each([0, 1.5, Number.NaN])('refuses divisor %s', (n) => expect(codeOf(() => divideFen(100, n))).toBe('VALIDATION_FAILED'));
});

describe('moneyIssue — the API money rule', () => {
  it.each([0, 0.01, 12.3, 0.1 + 0.2, MONEY_MAX_YUAN])('accepts %s', (v) => expect(moneyIssue(v, 'wage')).toBeNull());
  it.each([
    [-0.01, '金额不能为负数'],
    [1.005, '金额最多保留两位小数（到分）'],
    [1_000_000_000_000, '金额不能超过 999999999999.99 元'],
    [Number.NaN, '金额须为数字'],
    ['12', '金额须为数字'],
  ])('refuses %s: %s', (v, zh) => expect(moneyIssue(v, 'wage')).toMatchObject({ path: 'wage', messageZh: zh }));
  it('allows a negative amount when asked, and a smaller maximum', () => {
    expect(moneyIssue(-5.5, 'net', { allowNegative: true })).toBeNull();
    expect(moneyIssue(1_000_000.01, 'line', { maxYuan: 1_000_000 })?.messageEn).toBe('the amount must not exceed 1000000 yuan');
  });
});
