import { sql, type SQL } from 'drizzle-orm';
import { measurePeriod, monitoringStatusInYear, measureCategoriesInYear, type HouseholdFacts, type MonitoringPeriod } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import { textArrayLiteral } from '../../../sql-helpers.ts';
import type { GatherScope } from './gatherer.types.ts';

/** A text[] parameter of dictionary codes (quotes and backslashes dropped). */
export const textArray = (codes: readonly string[]) => sql`${textArrayLiteral(codes)}::text[]`;

/** A PostgreSQL text[] as the drivers return it (an array, or the `{a,b}` literal). */
export function arr(v: unknown): string[] {
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
 * force in `year` (start year ≤ year ≤ end year, else their own year) and its monitoring periods (cases with an
 * approval or lead date). Set-based: persons, measures and cases are each read once under the prefix (their
 * region indexes; a child row carries its household's region code) and aggregated per household, then joined —
 * not one index probe per household and child table.
 */
export function householdFactsQuery(scope: GatherScope): SQL {
  const y = scope.year;
  const types = scope.filter?.householdTypes;
  // H1 and the like read one household type: the children of the other households are not aggregated at all
  const ofType = (col: SQL) =>
    types ? sql` AND ${col} IN (SELECT hx.id FROM households hx WHERE ${scopeWhere(sql`hx.region_code`, scope.prefix)} AND hx.household_type = ANY(${textArray(types)}))` : sql``;
  const under = (col: SQL) => scopeWhere(col, scope.prefix);
  return sql`
    WITH pp AS (
      SELECT p.household_id, array_agg(p.labor_capacity) FILTER (WHERE p.labor_capacity IS NOT NULL) AS labor,
        count(*) FILTER (WHERE p.labor_capacity IS NULL)::int AS unrecorded, count(*)::int AS members
      FROM persons p WHERE ${under(sql`p.region_code`)} AND p.exit_reason IS NULL${ofType(sql`p.household_id`)} GROUP BY p.household_id
    ), mm AS (
      SELECT m.household_id, array_agg(m.category || '|' || m.year || '|' || COALESCE(m.start_date::text, '') || '|' || COALESCE(m.end_date::text, '')) AS measures
      FROM support_measures m WHERE ${under(sql`m.region_code`)}${ofType(sql`m.household_id`)}
        AND COALESCE(date_part('year', m.start_date)::int, m.year) <= ${y}
        AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= ${y}
      GROUP BY m.household_id
    ), cc AS (
      SELECT c.household_id, array_agg(COALESCE(c.county_approval_date, c.lead_date)::text || '|' || COALESCE(c.elimination_date::text, '')) AS periods
      FROM monitoring_cases c WHERE ${under(sql`c.region_code`)}${ofType(sql`c.household_id`)} AND c.status IN ('identifying', 'monitoring', 'eliminated')
        AND COALESCE(c.county_approval_date, c.lead_date) IS NOT NULL
      GROUP BY c.household_id
    )
    SELECT h.id, h.household_no, h.region_code, h.household_type, h.monitoring_status, h.monitoring_type, h.is_lifted,
      h.monitoring_since::text AS monitoring_since, h.eliminated_at::text AS eliminated_at,
      pp.labor, COALESCE(pp.unrecorded, 0) AS unrecorded, COALESCE(pp.members, 0) AS members, mm.measures, cc.periods
    FROM households h
      LEFT JOIN pp ON pp.household_id = h.id
      LEFT JOIN mm ON mm.household_id = h.id
      LEFT JOIN cc ON cc.household_id = h.id
    WHERE ${under(sql`h.region_code`)} AND h.deleted_at IS NULL${types ? sql` AND h.household_type = ANY(${textArray(types)})` : sql``}`;
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
