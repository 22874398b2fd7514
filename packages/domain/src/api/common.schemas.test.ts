import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_NO_PATTERN, IsoDateSchema, PHONE_PATTERN, isCalendarDate } from './common.schemas.ts';

describe('isCalendarDate / IsoDateSchema', () => {
  it.each([
    ['2024-02-29', true], ['2000-02-29', true], ['2024-12-31', true], ['1900-01-01', true],
    ['2023-02-29', false], ['1900-02-29', false], ['2024-02-30', false], ['2024-04-31', false], ['2023-13-01', false],
    ['2023-00-10', false], ['2023-01-00', false], ['0999-01-01', false], ['2024-2-1', false], ['2024-02-29T00:00', false],
  ])('%s → %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
    expect(IsoDateSchema.safeParse(s).success).toBe(ok);
  });
});

describe('phone and household number patterns', () => {
  it.each(['13800138000', '0371-12345678', '037112345678', '010-1234567', '87654321'])('phone %s is accepted', (p) => expect(PHONE_PATTERN.test(p)).toBe(true));
  it.each(['12345', '+8613800138000', '138 0013 8000', '1380013800a', '23800138000'])('phone %s is refused', (p) => expect(PHONE_PATTERN.test(p)).toBe(false));
  it('household numbers are letters, digits, - and _', () => {
    expect(['H0001', 'RET-1', 'a_b', '4112010001'].every((n) => HOUSEHOLD_NO_PATTERN.test(n))).toBe(true);
    expect(['H 01#', '户1', '', 'x'.repeat(33)].some((n) => HOUSEHOLD_NO_PATTERN.test(n))).toBe(false);
  });
});
