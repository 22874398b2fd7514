import { sql } from 'drizzle-orm';
import type { H1Facts } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

function arr(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string' && v.length > 2) return v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/**
 * H1 facts of every household under `prefix` in ONE statement: type, monitoring status, members' labour
 * capacities and the year's measure categories (persons and measures aggregated once, then hash-joined).
 */
export async function gatherH1Facts(db: Conn, prefix: string, year: number): Promise<H1Facts[]> {
  const res = await db.execute(sql`
    WITH p AS (
      SELECT household_id, array_agg(labor_capacity) AS labor FROM persons
      WHERE ${scopeWhere(sql`region_code`, prefix)} AND labor_capacity IS NOT NULL GROUP BY household_id
    ), m AS (
      SELECT household_id, array_agg(category) AS cats FROM support_measures
      WHERE ${scopeWhere(sql`region_code`, prefix)} AND year = ${year} GROUP BY household_id
    )
    SELECT h.id, h.region_code, h.household_type, h.monitoring_status, p.labor, m.cats
    FROM households h
    LEFT JOIN p ON p.household_id = h.id
    LEFT JOIN m ON m.household_id = h.id
    WHERE ${scopeWhere(sql`h.region_code`, prefix)} AND h.deleted_at IS NULL`);
  return rowsOf<{ id: number; region_code: string; household_type: string; monitoring_status: string; labor: unknown; cats: unknown }>(res).map((r) => ({
    householdId: Number(r.id),
    regionCode: r.region_code,
    householdType: r.household_type,
    monitoringStatus: r.monitoring_status,
    laborCapacities: arr(r.labor),
    measureCategories: arr(r.cats),
  }));
}
