import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { households, persons, regions } from '@chanbang/db';
import { API_LIMITS } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

/** Filters of the household list, already resolved to a region prefix inside the actor's scope. */
export type HouseholdFilter = {
  prefix: string;
  householdType?: string | undefined;
  monitoringType?: string | undefined;
  monitoringStatus?: string | undefined;
  laborCapacity?: string | undefined;
  riskType?: string | undefined;
  /** household number, member name prefix or ID number */
  q?: string | undefined;
  /** only these households (e.g. the ones failing H1) */
  ids?: number[] | undefined;
};

export type HouseholdListRow = {
  id: number;
  householdNo: string;
  regionCode: string;
  regionName: string | null;
  householdType: string;
  monitoringType: string | null;
  monitoringStatus: string;
  riskTypes: string[];
  phone: string | null;
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
};

function listWhere(f: HouseholdFilter): SQL {
  const conds: SQL[] = [scopeWhere(sql`h.region_code`, f.prefix), sql`h.deleted_at IS NULL`];
  if (f.householdType) conds.push(sql`h.household_type = ${f.householdType}`);
  if (f.monitoringType) conds.push(sql`h.monitoring_type = ${f.monitoringType}`);
  if (f.monitoringStatus) conds.push(sql`h.monitoring_status = ${f.monitoringStatus}`);
  if (f.riskType) conds.push(sql`${f.riskType} = ANY(h.risk_types)`);
  if (f.laborCapacity) {
    conds.push(sql`h.id IN (SELECT p.household_id FROM persons p WHERE ${scopeWhere(sql`p.region_code`, f.prefix)} AND p.labor_capacity = ${f.laborCapacity})`);
  }
  if (f.q) {
    const q = f.q;
    const namePrefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // each branch is an index lookup (households_no_uq, persons_id_number_uq, persons_name_idx)
    conds.push(sql`h.id IN (
      SELECT id FROM households WHERE household_no = ${q}
      UNION SELECT household_id FROM persons WHERE id_number = ${q.toUpperCase()}
      UNION SELECT household_id FROM persons WHERE name LIKE ${namePrefix} AND ${scopeWhere(sql`region_code`, f.prefix)})`);
  }
  if (f.ids) conds.push(f.ids.length ? sql`h.id = ANY(${`{${f.ids.join(',')}}`}::bigint[])` : sql`false`);
  return sql.join(conds, sql` AND `);
}

function pageCtes(f: HouseholdFilter, limit: number, offset: number): SQL {
  return sql`page AS (
      SELECT h.id, h.household_no, h.region_code, h.household_type, h.monitoring_type, h.monitoring_status, h.risk_types, h.phone
      FROM households h
      WHERE ${listWhere(f)}
      ORDER BY h.region_code USING ~<~, h.id
      LIMIT ${limit} OFFSET ${offset}
    )`;
}

// per page row: the region name (regions pkey), the head (persons_one_head_uq) and the member count
// (persons_household_idx) are index lookups; no hash join over regions or persons
const pageColumns = sql`page.id, page.household_no AS "householdNo", page.region_code AS "regionCode",
      (SELECT r.name FROM regions r WHERE r.code = page.region_code) AS "regionName",
      page.household_type AS "householdType", page.monitoring_type AS "monitoringType", page.monitoring_status AS "monitoringStatus",
      page.risk_types AS "riskTypes", page.phone, hp.name AS "headName", hp.id_number AS "headIdNumber",
      (SELECT count(*)::int FROM persons pc WHERE pc.household_id = page.id) AS "memberCount"`;

const pageJoins = sql`LEFT JOIN persons hp ON hp.household_id = page.id AND hp.is_head`;

function toListRow(r: HouseholdListRow): HouseholdListRow {
  return { ...r, id: Number(r.id), riskTypes: parsePgArray(r.riskTypes), memberCount: Number(r.memberCount) };
}

/**
 * One page of households: the page is cut first on an index (households_type_idx when the type is filtered,
 * else households_region_idx: region prefix range, ordered by region code then id), then heads, member counts
 * and region names are joined for those rows only.
 */
export async function listHouseholds(db: Conn, f: HouseholdFilter, limit: number, offset: number): Promise<HouseholdListRow[]> {
  const res = await db.execute(sql`
    WITH ${pageCtes(f, limit, offset)}
    SELECT ${pageColumns}
    FROM page
    ${pageJoins}
    ORDER BY page.region_code USING ~<~, page.id`);
  return rowsOf<HouseholdListRow>(res).map(toListRow);
}

/**
 * The list endpoint's statement: one page AND the number of matching households counted up to `cap + 1`, in
 * ONE round trip. The count applies the filters only (no heads, member counts or region names): with a type
 * filter it is a households_type_idx range. Exported for the SQL snapshot test.
 */
export function listPageQuery(f: HouseholdFilter, limit: number, offset: number, cap: number = API_LIMITS.listCountCap): SQL {
  return sql`
    WITH ${pageCtes(f, limit, offset)}, matching AS (
      SELECT count(*)::int AS n FROM (SELECT 1 FROM households h WHERE ${listWhere(f)} LIMIT ${cap + 1}) t
    )
    SELECT matching.n AS "counted", p.*
    FROM matching
    LEFT JOIN LATERAL (
      SELECT ${pageColumns}
      FROM page
      ${pageJoins}
    ) p ON true
    ORDER BY p."regionCode" USING ~<~, p.id`;
}

/**
 * One page plus the count of matching households up to `cap` (`counted` = cap + 1 tells the caller the cap was
 * reached), in one statement.
 */
export async function listHouseholdsPage(db: Conn, f: HouseholdFilter, limit: number, offset: number, cap: number = API_LIMITS.listCountCap): Promise<{ rows: HouseholdListRow[]; counted: number }> {
  const res = await executePrepared<HouseholdListRow & { counted: number }>(db, 'households_list', listPageQuery(f, limit, offset, cap));
  const counted = Number(res[0]?.counted ?? 0);
  return { rows: res.filter((r) => r.id !== null).map(({ counted: _c, ...r }) => toListRow(r)), counted };
}

const dialect = new PgDialect({ casing: 'snake_case' });
type PgPoolLike = { totalCount: number; query(cfg: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * On node-postgres (the root pool handle): runs `q` as a NAMED prepared statement, so each connection parses and
 * analyses it once (pgbench, this list: ~1,160 vs ~960 statements/s). Plans stay custom (the pool sets
 * plan_cache_mode=force_custom_plan): the region prefix must be planned as an index range. The name carries a
 * hash of the text because the text varies with the filters given (pg refuses one name for two texts).
 * Elsewhere (PGlite, a transaction): a plain execute.
 */
async function executePrepared<T>(db: Conn, name: string, q: SQL): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client as PgPoolLike | undefined;
  if (!client || typeof client.totalCount !== 'number') return rowsOf<T>(await db.execute(q));
  const { sql: text, params } = dialect.sqlToQuery(q);
  const hash = createHash('sha1').update(text).digest('base64url').slice(0, 16);
  return (await client.query({ name: `${name}_${hash}`, text, values: params })).rows as T[];
}

function parsePgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string' && v.startsWith('{')) return v === '{}' ? [] : v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/** A household that is not deleted, any region (callers check the scope). */
export async function findHousehold(db: Conn, id: number): Promise<(HouseholdRow & { regionName: string | null }) | undefined> {
  const [row] = await db
    .select({ h: households, regionName: regions.name })
    .from(households)
    .leftJoin(regions, eq(regions.code, households.regionCode))
    .where(and(eq(households.id, id), isNull(households.deletedAt)));
  return row ? { ...row.h, regionName: row.regionName } : undefined;
}

export async function findHouseholdByNo(db: Conn, householdNo: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.householdNo, householdNo));
  return row;
}

export async function insertHousehold(db: Conn, values: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [row] = await db.insert(households).values(values).returning();
  return row as HouseholdRow;
}

export async function updateHousehold(db: Conn, id: number, patch: Partial<typeof households.$inferInsert>): Promise<HouseholdRow> {
  const [row] = await db.update(households).set({ ...patch, updatedAt: sql`now()` }).where(eq(households.id, id)).returning();
  return row as HouseholdRow;
}

export async function softDeleteHousehold(db: Conn, id: number): Promise<void> {
  await db.update(households).set({ deletedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(households.id, id));
}

// ---------- persons ----------
export async function listMembers(db: Conn, householdId: number): Promise<PersonRow[]> {
  return db.select().from(persons).where(eq(persons.householdId, householdId)).orderBy(sql`${persons.isHead} DESC`, asc(persons.id));
}

export async function findPerson(db: Conn, id: number): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

/** Persons holding any of the ID numbers, with their household number (for CONFLICT messages). */
export async function findPersonsByIdNumbers(db: Conn, idNumbers: string[]): Promise<(PersonRow & { householdNo: string })[]> {
  if (idNumbers.length === 0) return [];
  const rows = await db
    .select({ p: persons, householdNo: households.householdNo })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(inArray(persons.idNumber, idNumbers));
  return rows.map((r) => ({ ...r.p, householdNo: r.householdNo }));
}

export async function insertPersons(db: Conn, values: (typeof persons.$inferInsert)[]): Promise<PersonRow[]> {
  if (values.length === 0) return [];
  return db.insert(persons).values(values).returning();
}

export async function updatePerson(db: Conn, id: number, patch: Partial<typeof persons.$inferInsert>): Promise<PersonRow> {
  const [row] = await db.update(persons).set({ ...patch, updatedAt: sql`now()` }).where(eq(persons.id, id)).returning();
  return row as PersonRow;
}

export async function deletePerson(db: Conn, id: number): Promise<void> {
  await db.delete(persons).where(eq(persons.id, id));
}

/** Moves a household's children to a new region code (after the household moves). */
export async function moveHouseholdChildren(db: Conn, householdId: number, regionCode: string): Promise<void> {
  for (const table of ['persons', 'household_incomes', 'support_measures', 'monitoring_cases', 'household_helpers']) {
    await db.execute(sql`UPDATE ${sql.identifier(table)} SET region_code = ${regionCode} WHERE household_id = ${householdId}`);
  }
}
