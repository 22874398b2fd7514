import { sql, type SQL } from 'drizzle-orm';
import { measurePeriod, monitoringStatusInYear, measureCategoriesInYear, type HouseholdFacts, type MonitoringPeriod } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';

/** A PostgreSQL text[] as the drivers return it (an array, or the `{a,b}` literal). */
function arr(v: unknown): string[] {
  if (Array.isArray(v)) return (v as unknown[]).map(String);
  if (typeof v === 'string' && v.length > 2)
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/**
 * The household facts statement (snapshot-tested): every household in the registry under `prefix`, with its
 * members' recorded labour capacities and how many members have none recorded, the measures that can be in
 * force in `year` (start year ≤ year ≤ end year, else their own year) and its monitoring periods (approved or
 * eliminated cases, and an identifying one). Per household the children are read by index
 * (persons_household_idx, support_measures_household_idx, the cases' household index).
 */
export function householdFactsQuery(scope: GatherScope): SQL {
  const y = scope.year;
  return sql`
    SELECT h.id, h.household_no, h.region_code, h.household_type, h.monitoring_status, h.monitoring_type, h.is_lifted,
      h.monitoring_since::text AS monitoring_since, h.eliminated_at::text AS eliminated_at,
      ARRAY(SELECT p.labor_capacity FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity IS NOT NULL) AS labor,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity IS NULL)::int AS unrecorded,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL)::int AS members,
      ARRAY(SELECT m.category || '|' || m.year || '|' || COALESCE(m.start_date::text, '') || '|' || COALESCE(m.end_date::text, '')
        FROM support_measures m WHERE m.household_id = h.id
          AND COALESCE(date_part('year', m.start_date)::int, m.year) <= ${y}
          AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= ${y}) AS measures,
      ARRAY(SELECT COALESCE(c.county_approval_date, c.lead_date)::text || '|' || COALESCE(c.elimination_date::text, '')
        FROM monitoring_cases c WHERE c.household_id = h.id AND c.status IN ('identifying', 'monitoring', 'eliminated')
          AND COALESCE(c.county_approval_date, c.lead_date) IS NOT NULL) AS periods
    FROM households h
    WHERE ${scopeWhere(sql`h.region_code`, scope.prefix)} AND h.deleted_at IS NULL`;
}

type Row = {
  id: number;
  household_no: string;
  region_code: string;
  household_type: string;
  monitoring_status: string;
  monitoring_type: string | null;
  is_lifted: boolean;
  monitoring_since: string | null;
  eliminated_at: string | null;
  labor: unknown;
  unrecorded: number;
  members: number;
  measures: unknown;
  periods: unknown;
};

/** The periods of a household: its cases, else its own 识别监测时间 / 消除监测时间. */
function periodsOf(r: Row): MonitoringPeriod[] {
  const cases = arr(r.periods).map((s) => {
    const [from, to] = s.split('|');
    return { from: from || null, to: to || null };
  });
  if (cases.length) return cases;
  if (r.monitoring_since || r.eliminated_at) return [{ from: r.monitoring_since, to: r.eliminated_at }];
  return [];
}

/**
 * Household facts under `scope.prefix` for `scope.year`, in ONE statement: the status in that year and the
 * measures in force that year are worked out by the domain (monitoringStatusInYear, measureCategoriesInYear).
 */
export async function gatherHouseholdFacts(conn: Conn, scope: GatherScope): Promise<HouseholdFacts[]> {
  const res = await conn.execute(householdFactsQuery(scope));
  const currentYear = new Date().getFullYear();
  return rowsOf<Row>(res).map((r) => {
    const measures = arr(r.measures).map((s) => {
      const [category, year, start, end] = s.split('|');
      return measurePeriod({ category: category!, year: Number(year), startDate: start || null, endDate: end || null });
    });
    const periods = periodsOf(r);
    // the current year is judged with today's status; a past year with the status of that year
    const status = scope.year >= currentYear ? r.monitoring_status : monitoringStatusInYear(r.monitoring_status, periods, scope.year);
    return {
      householdId: Number(r.id),
      householdNo: r.household_no,
      regionCode: r.region_code,
      householdType: r.household_type,
      monitoringStatus: status,
      monitoringType: r.monitoring_type,
      isLifted: Boolean(r.is_lifted),
      laborCapacities: arr(r.labor),
      unrecordedLabour: Number(r.unrecorded),
      memberCount: Number(r.members),
      measureCategories: measureCategoriesInYear(measures, scope.year),
      measures,
      monitoringPeriods: periods,
    };
  });
}
