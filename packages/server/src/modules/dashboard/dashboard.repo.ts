import { and, eq, inArray, sql } from 'drizzle-orm';
import { households, persons } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

/** Number, region and head name of a few households (empty list → no query). */
export async function findHouseholdsBrief(db: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: households.id, householdNo: households.householdNo, regionCode: households.regionCode, headName: persons.name })
    .from(households)
    .leftJoin(persons, and(eq(persons.householdId, households.id), eq(persons.isHead, true)))
    .where(inArray(households.id, ids));
}

/**
 * Households not exited under `prefix` by child region (the first `childLen` characters of the code) and type,
 * from household_type_counts (migration 0005: kept by triggers, a few rows per village).
 */
export async function countHouseholdsByType(db: Conn, prefix: string, childLen: number): Promise<{ child: string; householdType: string; n: number }[]> {
  const res = await db.execute(sql`SELECT left(region_code, ${sql.raw(String(Math.trunc(childLen)))}) AS child, household_type, sum(n) AS n
    FROM household_type_counts WHERE ${scopeWhere(sql`region_code`, prefix)} GROUP BY 1, 2 HAVING sum(n) > 0`);
  return rowsOf<{ child: string; household_type: string; n: unknown }>(res).map((r) => ({ child: r.child, householdType: r.household_type, n: Number(r.n) }));
}

/**
 * A number that grows with every write to the facts the dashboard reads: each write marks its region dirty
 * (rule_dirty, migration 0004 triggers on households, persons, measures, incomes, cases, the industry tables), and
 * the marks' sequence never goes back.
 */
export async function dataVersion(db: Conn): Promise<string> {
  return String(rowsOf<{ v: string | number }>(await db.execute(sql`SELECT last_value AS v FROM rule_dirty_id_seq`))[0]?.v ?? 0);
}
