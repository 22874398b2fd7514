import { describe, expect, it } from 'vitest';
import { fenToWanYuanText, wanYuanTextToFen } from './wan-yuan.ts';

describe('wanYuanTextToFen', () => {
  it.each([
    ['0', 0],
    ['1', 1_000_000],
    ['123.456789', 123_456_789], // 1 234 567.89 元
    ['0.000001', 1], // 0.01 元
    ['.5', 500_000],
    ['12.', 12_000_000],
    ['0.3', 300_000], // 0.1 + 0.2 万元 in a float would be 0.30000000000000004
    ['1.005', 1_005_000],
    ['1,234.5', 1_234_500_000],
    ['１２．３', 12_300_000],
    [' 8 ', 8_000_000],
    ['99999999.999999', 99_999_999_999_999], // the largest amount numeric(14,2) holds
  ])('%s 万元 → %s 分', (text, fen) => expect(wanYuanTextToFen(text)).toBe(fen));

  it.each(['', '.', '-1', '1e3', '1.0000001', 'abc', '1.2.3', '100000000', '0x10'])('refuses %j', (text) => expect(wanYuanTextToFen(text)).toBeNull());
});

describe('fenToWanYuanText', () => {
  it.each([
    [0, '0'],
    [1, '0.000001'],
    [1_000_000, '1'],
    [123_456_789, '123.456789'],
    [1_234_500_000, '1234.5'],
    [-2_500_000, '-2.5'],
  ])('%s 分 → %s 万元', (fen, text) => expect(fenToWanYuanText(fen)).toBe(text));

  it('round-trips every text it writes', () => {
    for (const fen of [7, 10, 999_999, 1_000_001, 99_999_999_999_999]) expect(wanYuanTextToFen(fenToWanYuanText(fen))).toBe(fen);
  });
});
