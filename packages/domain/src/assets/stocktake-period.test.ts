import { describe, expect, it } from 'vitest';
import { halfYearLabel, lastCompletedHalfYear } from './stocktake-period.ts';

// A3 (004 §五 定期盘点): the half year checked on a given day — halves end on 30 June and 31 December.
describe('lastCompletedHalfYear', () => {
  it.each([
    ['2026-11-30', 2026, 1],
    ['2026-07-01', 2026, 1],
    ['2026-12-31', 2026, 1],
    ['2026-06-30', 2025, 2],
    ['2026-01-01', 2025, 2],
    ['2027-01-01', 2026, 2],
  ])('on %s the last completed half year is %i H%i', (asOf, year, half) => {
    expect(lastCompletedHalfYear(asOf)).toEqual({ year, half });
  });

  it('refuses what is not a date and words a half year', () => {
    expect(() => lastCompletedHalfYear('2026/07/01')).toThrow();
    expect(halfYearLabel({ year: 2025, half: 2 })).toEqual({ zh: '2025年下半年', en: '2025 H2' });
  });
});
