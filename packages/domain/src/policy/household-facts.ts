import type { H1Facts } from './rules/h1.ts';

/**
 * A period in which a household was under monitoring (识别纳入 → 风险消除), dates `YYYY-MM-DD`; `to` null while the
 * risk is not eliminated. From its monitoring cases (county approval, else the lead date; the elimination date),
 * else from the household's own 识别监测时间 / 消除监测时间.
 */
export type MonitoringPeriod = { from: string | null; to: string | null };

/** A support measure and the years it is in force (start/end dates, else its own year). */
export type MeasurePeriod = { category: string; fromYear: number; toYear: number };

/**
 * Facts of one household for the household rules (H1 …), gathered by the server's household gatherer: a superset
 * of {@link H1Facts}. `monitoringStatus` is the status in the judged year ({@link monitoringStatusInYear}) and
 * `measureCategories` the measures in force that year ({@link measureCategoriesInYear}).
 */
export type HouseholdFacts = H1Facts & {
  householdNo: string;
  isLifted: boolean;
  monitoringType: string | null;
  /** members still in the registry */
  memberCount: number;
  monitoringPeriods: MonitoringPeriod[];
  measures: MeasurePeriod[];
};

/**
 * The categories of the measures in force in `year`: a measure counts in every year from its start to its end
 * (a 3-year 小额信贷 from 2023-03 counts in 2023, 2024 and 2025), a measure without dates in its own year.
 * @param measures the household's measures with their years
 * @param year judged year
 */
export function measureCategoriesInYear(measures: readonly MeasurePeriod[], year: number): string[] {
  return [...new Set(measures.filter((m) => m.fromYear <= year && year <= m.toYear).map((m) => m.category))];
}

/**
 * The years a measure is in force: from its start date's year (else its `year`) to its end date's year (else the
 * later of its year and its start year).
 */
export function measurePeriod(m: { category: string; year: number; startDate: string | null; endDate: string | null }): MeasurePeriod {
  const fromYear = m.startDate ? Number(m.startDate.slice(0, 4)) : m.year;
  const toYear = m.endDate ? Number(m.endDate.slice(0, 4)) : Math.max(m.year, fromYear);
  return { category: m.category, fromYear: Math.min(fromYear, toYear), toYear };
}

/**
 * The household's monitoring status in a year (past years are judged with the status of that year): under
 * monitoring in year Y when a period began by the end of Y and did not end before Y began — so a household whose
 * risk was eliminated in mid-2024 was a 监测户 in 2024, and a re-identified one (a second case) is monitored again
 * from its new period. `eliminated` when every period ended before Y, `none` when none had begun. Without any
 * dated period the household's current status is the answer.
 * @param current the household's status today (dict monitoring_status)
 * @param periods its monitoring periods
 * @param year judged year
 */
export function monitoringStatusInYear(current: string, periods: readonly MonitoringPeriod[], year: number): string {
  const dated = periods.filter((p) => p.from !== null || p.to !== null);
  if (dated.length === 0) return current;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const covers = dated.some((p) => (p.from === null || p.from <= yearEnd) && (p.to === null || p.to >= yearStart));
  if (covers) return current === 'identifying' ? current : 'monitoring';
  return dated.some((p) => p.from !== null && p.from > yearEnd) ? 'none' : 'eliminated';
}
