import { sql, type SQL } from 'drizzle-orm';
import type { H1Facts } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

function arr(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string' && v.length > 2)
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/** Which households H1 reads (from the pack's H1 config, see domain `h1HouseholdScope`). */
export type H1HouseholdScope = { householdTypes: string[]; excludedMonitoringStatuses: string[] };

/** A text[] parameter of dictionary codes (letters, digits, `_`; quotes and backslashes are dropped). */
const textArray = (codes: string[]) => sql`${`{${codes.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

/**
 * The H1 facts statement (exported for the SQL snapshot test): the households under `prefix` that H1 can apply
 * to (types and statuses from the pack: a households_type_idx range), each with its members' labour capacities
 * and the year's measure categories read by index (persons_household_idx, support_measures_household_idx).
 * Cost grows with the applicable households only, not with every person and measure of the region.
 */
export function h1FactsQuery(prefix: string, year: number, scope: H1HouseholdScope): SQL {
  return sql`
    SELECT h.id, h.region_code, h.household_type, h.monitoring_status,
      ARRAY(SELECT p.labor_capacity FROM persons p WHERE p.household_id = h.id AND p.labor_capacity IS NOT NULL) AS labor,
      ARRAY(SELECT m.category FROM support_measures m WHERE m.household_id = h.id AND m.year = ${year}) AS cats
    FROM households h
    WHERE ${scopeWhere(sql`h.region_code`, prefix)} AND h.deleted_at IS NULL
      AND h.household_type = ANY(${textArray(scope.householdTypes)})
      AND NOT (h.monitoring_status = ANY(${textArray(scope.excludedMonitoringStatuses)}))`;
}

/**
 * H1 facts of the households under `prefix` that H1 can apply to, in ONE statement. Households outside the
 * pack's scope are `not_applicable` whatever their members, so they are not read at all.
 */
export async function gatherH1Facts(db: Conn, prefix: string, year: number, scope: H1HouseholdScope): Promise<H1Facts[]> {
  const res = await db.execute(h1FactsQuery(prefix, year, scope));
  return rowsOf<{ id: number; region_code: string; household_type: string; monitoring_status: string; labor: unknown; cats: unknown }>(res).map((r) => ({
    householdId: Number(r.id),
    regionCode: r.region_code,
    householdType: r.household_type,
    monitoringStatus: r.monitoring_status,
    laborCapacities: arr(r.labor),
    measureCategories: arr(r.cats),
  }));
}
