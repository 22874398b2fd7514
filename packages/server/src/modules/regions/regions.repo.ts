import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { households, regions, type DbHandle } from '@chanbang/db';
import type { NamedRegion } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from './scope.ts';

export type RegionRow = typeof regions.$inferSelect;
export type RegionInsert = typeof regions.$inferInsert;

export async function findRegion(db: Conn, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Adds regions (one statement) and returns the rows as stored. */
export async function insertRegions(db: Conn, values: readonly RegionInsert[]): Promise<RegionRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(regions)
    .values([...values])
    .returning();
}

/** The region locked for the rest of the transaction (a save reads its `before` and version here). */
export async function lockRegion(db: Conn, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).for('update');
  return row;
}

/** Changes a region (rename, retire, restore, 城乡分类) and moves its version on by one. */
export async function updateRegion(db: Conn, code: string, set: Partial<Pick<typeof regions.$inferInsert, 'name' | 'retiredAt' | 'urbanRuralCode'>>): Promise<RegionRow> {
  const [row] = await db
    .update(regions)
    .set({ ...set, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(regions.code, code))
    .returning();
  return row as RegionRow;
}

/** Regions under a prefix (inclusive) at the given levels, ordered for tree building. */
export async function listRegionsUnder(db: Conn, prefix: string, levels: readonly string[]): Promise<RegionRow[]> {
  if (levels.length === 0) return [];
  return db
    .select()
    .from(regions)
    .where(and(scopeWhere(regions.prefix, prefix), inArray(regions.level, [...levels])))
    .orderBy(asc(regions.sort), asc(regions.code));
}

export async function listChildren(db: Conn, code: string): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.parentCode, code)).orderBy(asc(regions.sort), asc(regions.code));
}

/** Ancestors of a region (root first), by one recursive CTE. */
export async function listAncestors(db: Conn, code: string): Promise<Pick<RegionRow, 'code' | 'name' | 'level' | 'prefix'>[]> {
  const rows = await db.execute<{ code: string; name: string; level: string; prefix: string; depth: number }>(sql`
    WITH RECURSIVE up AS (
      SELECT code, parent_code, name, level, prefix, 0 AS depth FROM regions WHERE code = ${code}
      UNION ALL
      SELECT r.code, r.parent_code, r.name, r.level, r.prefix, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code
    )
    SELECT code, name, level, prefix, depth FROM up WHERE depth > 0 ORDER BY depth DESC`);
  return rowsOf(rows);
}

/**
 * Household counts by type, grouped by the first `childLen` characters of the region code — one statement
 * over the households_region_idx range of `prefix`.
 */
export async function countHouseholdsByPrefix(db: Conn, prefix: string, childLen: number): Promise<{ child: string; householdType: string; n: number }[]> {
  // a literal (not a parameter) so that SELECT and GROUP BY hold the same expression
  const child = sql<string>`substr(${households.regionCode}, 1, ${sql.raw(String(Math.trunc(childLen)))})`;
  return db
    .select({ child, householdType: households.householdType, n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(scopeWhere(households.regionCode, prefix), isNull(households.deletedAt)))
    .groupBy(child, households.householdType);
}

/** Every region code under a prefix (retired ones included): the codes an import row may name. */
export async function listRegionCodesUnder(db: Pick<DbHandle, 'query'>, prefix: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>('SELECT code FROM regions WHERE code LIKE $1', [`${prefix}%`]);
  return rows.map((r) => r.code);
}

/** Regions an import row may name: the scope's county and all under it (retired ones left out), and its province / city. */
export async function listNamedRegions(db: Pick<DbHandle, 'query'>, scopePrefix: string): Promise<NamedRegion[]> {
  return db.query<NamedRegion>(
    `SELECT code, name, level, parent_code AS "parentCode" FROM regions
      WHERE retired_at IS NULL AND (code LIKE $1 OR (level IN ('province', 'city') AND $2 LIKE prefix || '%'))`,
    [`${scopePrefix.slice(0, 6)}%`, scopePrefix],
  );
}

/** `db.execute` returns rows (pg: result.rows, PGlite: result.rows) — normalise. */
export function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}
