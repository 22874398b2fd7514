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
 * What the data looks like now, for sharing dashboard builds: the transaction snapshot (`pg_current_snapshot()`),
 * which changes when a write commits or starts — unlike a sequence, whose value moves before the write commits (a
 * build begun in between would read the old data under the new key). Read-only requests take no transaction id,
 * so 50 dashboards at once share one snapshot.
 */
export async function dataVersion(db: Conn): Promise<string> {
  return String(rowsOf<{ v: string }>(await db.execute(sql`SELECT pg_current_snapshot()::text AS v`))[0]?.v ?? '');
}
