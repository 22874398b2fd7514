import { describe, expect, it } from 'vitest';
import { normalizeLabel, toHalfWidth } from './half-width.ts';

describe('toHalfWidth', () => {
  it.each([
    ['４１０１２３', '410123'],
    ['ＡＢｘ', 'ABx'],
    ['（洪涝灾害）', '(洪涝灾害)'],
    ['户\u3000主', '户 主'],
    ['脱贫户', '脱贫户'],
  ])('%s → %s', (raw, expected) => expect(toHalfWidth(raw)).toBe(expected));
});

describe('normalizeLabel', () => {
  it.each([
    [' 证件 号码 ', '证件号码'],
    ['区划代码【12位】', '区划代码(12位)'],
    ['ID Number', 'idnumber'],
  ])('%s → %s', (raw, expected) => expect(normalizeLabel(raw)).toBe(expected));
});
