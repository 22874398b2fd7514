import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HOUSEHOLD_NO_PATTERN, IsoDateSchema, MoneySchema, PHONE_PATTERN, isCalendarDate, moneySchema } from './common.schemas.ts';
import { IncomeUpsertSchema, MeasureCreateSchema } from './households.schemas.ts';
import { MonitoringLineUpsertSchema } from './monitoring.schemas.ts';

describe('isCalendarDate / IsoDateSchema', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2024-12-31', true],
    ['1900-01-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2024-02-30', false],
    ['2024-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['0999-01-01', false],
    ['2024-2-1', false],
    ['2024-02-29T00:00', false],
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

describe('MoneySchema — 元 with at most 2 decimals, worded by the domain (moneyIssue)', () => {
  it.each([0, 0.01, 0.1 + 0.2, 12345.67, 999_999_999_999.99])('accepts %s', (v) => expect(MoneySchema.safeParse(v).success).toBe(true));
  it.each([
    [1.005, 'the amount may have at most 2 decimals (fen) (金额最多保留两位小数（到分）)'],
    [-0.01, 'the amount must not be negative (金额不能为负数)'],
    [1_000_000_000_000, 'the amount must not exceed 999999999999.99 yuan (金额不能超过 999999999999.99 元)'],
  ])('refuses %s', (v, message) => {
    const r = MoneySchema.safeParse(v);
    expect(r.success ? null : r.error.issues.map((i) => i.message)).toEqual([message]);
  });
  it('is the money rule of incomes, measures and monitoring lines', () => {
    expect(IncomeUpsertSchema.safeParse({ wage: 100.125 }).success).toBe(false);
    expect(IncomeUpsertSchema.safeParse({ wage: 100.12, transfer: 0.1 }).success).toBe(true);
    expect(MeasureCreateSchema.safeParse({ category: 'x', year: 2024, amountYuan: 0.001 }).error?.issues.some((i) => i.path.join('.') === 'amountYuan')).toBe(true);
    expect(MonitoringLineUpsertSchema.safeParse({ amountYuan: 7300.555, source: 's', confirmed: true }).success).toBe(false);
    expect(MonitoringLineUpsertSchema.safeParse({ amountYuan: 0, source: 's', confirmed: true }).success).toBe(false);
    expect(MonitoringLineUpsertSchema.safeParse({ amountYuan: 1_000_000.01, source: 's', confirmed: true }).success).toBe(false);
    expect(MonitoringLineUpsertSchema.safeParse({ amountYuan: 7300.5, source: 's', confirmed: true }).success).toBe(true);
  });
  it('documents its bounds in the JSON schema', () => {
    expect(z.toJSONSchema(MoneySchema)).toMatchObject({ type: 'number', minimum: 0, maximum: 999_999_999_999.99 });
    expect(z.toJSONSchema(moneySchema({ allowNegative: true, maxYuan: 10 }))).toMatchObject({ minimum: -10, maximum: 10 });
  });
});
