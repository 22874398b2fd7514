// A3 资产收益定期集中盘点 (004 §五 "定期开展资产收益集中盘点"): an operating asset must have its income recorded for
// the last half year completed before the day of the check.

/** A half year: 1 = January–June, 2 = July–December. */
export type HalfYear = { year: number; half: 1 | 2 };

/**
 * The last half year that ended before `asOf` (YYYY-MM-DD): on 2026-07-01 … 2026-12-31 it is 2026 H1, on
 * 2026-01-01 … 2026-06-30 it is 2025 H2 (a half year ends on 30 June or 31 December, so that day still belongs to it).
 */
export function lastCompletedHalfYear(asOf: string): HalfYear {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(asOf);
  if (!m) throw new Error(`not a date: ${asOf}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 7 ? { year, half: 1 } : { year: year - 1, half: 2 };
}

/** 2026 H1 → 2026年上半年 / 2026 H1. */
export function halfYearLabel(p: HalfYear): { zh: string; en: string } {
  return { zh: `${p.year}年${p.half === 1 ? '上' : '下'}半年`, en: `${p.year} H${p.half}` };
}
