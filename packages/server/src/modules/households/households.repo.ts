import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { households, persons, regions } from '@chanbang/db';
import { API_LIMITS } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { HOUSEHOLD_CHILD_TABLES, HOUSEHOLD_GRANDCHILD_TABLES } from './household-tables.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike, idArrayLiteral } from '../../sql-helpers.ts';

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

/** Filters of the household list, already resolved to a region prefix inside the actor's scope. */
export type HouseholdFilter = {
  prefix: string;
  householdType?: string | undefined;
  monitoringType?: string | undefined;
  monitoringStatus?: string | undefined;
  /** 是否脱贫户 */
  isLifted?: boolean | undefined;
  /** any member still in the registry has this labour capacity */
  laborCapacity?: string | undefined;
  riskType?: string | undefined;
  /** household number, member name prefix or ID number */
  q?: string | undefined;
  /** only these households (e.g. the ones with an overdue identification) */
  ids?: number[] | undefined;
  /**
   * only the households a driving subquery lists (the ones failing a rule, from the stored rule results): columns
   * `id` (bigint), `region` (the household's region code COLLATE "C") and `key` (the id as text), read in the list's
   * order `region, length(key), key` — so a page is cut while reading it, and the households are joined by id
   */
  drive?: SQL | undefined;
  /** households that left the registry by 自然减少 instead of the active ones */
  exited?: boolean | undefined;
};

export type HouseholdListRow = {
  id: number;
  householdNo: string;
  regionCode: string;
  regionName: string | null;
  townshipName: string | null;
  villageName: string | null;
  groupName: string | null;
  householdType: string;
  isLifted: boolean;
  liftedCategory: string | null;
  monitoringType: string | null;
  monitoringStatus: string;
  riskTypes: string[];
  phone: string | null;
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
  exitReason: string | null;
  exitDate: string | null;
};

function listWhere(f: HouseholdFilter): SQL {
  const conds: SQL[] = [scopeWhere(sql`h.region_code`, f.prefix), f.exited ? sql`h.deleted_at IS NOT NULL` : sql`h.deleted_at IS NULL`];
  if (f.householdType) conds.push(sql`h.household_type = ${f.householdType}`);
  if (f.monitoringType) conds.push(sql`h.monitoring_type = ${f.monitoringType}`);
  if (f.monitoringStatus) conds.push(sql`h.monitoring_status = ${f.monitoringStatus}`);
  if (f.isLifted !== undefined) conds.push(sql`h.is_lifted = ${f.isLifted}`);
  if (f.riskType) conds.push(sql`${f.riskType} = ANY(h.risk_types)`);
  if (f.laborCapacity) {
    conds.push(
      sql`h.id IN (SELECT p.household_id FROM persons p WHERE ${scopeWhere(sql`p.region_code`, f.prefix)} AND p.labor_capacity = ${f.laborCapacity} AND p.exit_reason IS NULL)`,
    );
  }
  if (f.q) {
    const q = f.q;
    const namePrefix = `${escapeLike(q)}%`;
    // each branch is an index lookup (households_no_prefix_idx, persons_id_number_uq, persons_name_idx); 户编号 by prefix
    conds.push(sql`h.id IN (
      SELECT id FROM households WHERE household_no LIKE ${namePrefix}
      UNION SELECT household_id FROM persons WHERE id_number = ${q.toUpperCase()}
      UNION SELECT household_id FROM persons WHERE name LIKE ${namePrefix} AND ${scopeWhere(sql`region_code`, f.prefix)})`);
  }
  if (f.ids) conds.push(f.ids.length ? sql`h.id = ANY(${idArrayLiteral(f.ids)}::bigint[])` : sql`false`);
  return sql.join(conds, sql` AND `);
}

/** A filter that only scopes (no other condition on the household): a driving subquery alone gives the count. */
function scopeOnly(f: HouseholdFilter): boolean {
  return !f.householdType && !f.monitoringType && !f.monitoringStatus && f.isLifted === undefined && !f.riskType && !f.laborCapacity && !f.q && !f.ids && !f.exited;
}

function pageCtes(f: HouseholdFilter, limit: number, offset: number): SQL {
  if (f.drive) {
    return sql`page AS (
      SELECT h.id, h.household_no, h.region_code, h.household_type, h.is_lifted, h.lifted_category, h.monitoring_type, h.monitoring_status,
        h.risk_types, h.phone, h.exit_reason, h.exit_date
      FROM (${f.drive}) d JOIN households h ON h.id = d.id
      WHERE ${listWhere(f)}
      ORDER BY d.region, length(d.key), d.key
      LIMIT ${limit} OFFSET ${offset}
    )`;
  }
  return sql`page AS (
      SELECT h.id, h.household_no, h.region_code, h.household_type, h.is_lifted, h.lifted_category, h.monitoring_type, h.monitoring_status,
        h.risk_types, h.phone, h.exit_reason, h.exit_date
      FROM households h
      WHERE ${listWhere(f)}
      ORDER BY h.region_code USING ~<~, h.id
      LIMIT ${limit} OFFSET ${offset}
    )`;
}

// per page row: the region names (regions pkey: the household's region, its township = first 9 digits + 000,
// its village = first 12 digits, its group when the code has 15), the head (persons_one_head_uq) and the count
// of members still in the registry (persons_household_idx) are index lookups; no hash join over regions or persons
const pageColumns = sql`page.id, page.household_no AS "householdNo", page.region_code AS "regionCode",
      (SELECT r.name FROM regions r WHERE r.code = page.region_code) AS "regionName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 9) || '000') AS "townshipName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 12)) AS "villageName",
      (SELECT r.name FROM regions r WHERE length(page.region_code) = 15 AND r.code = page.region_code) AS "groupName",
      page.household_type AS "householdType", page.is_lifted AS "isLifted", page.lifted_category AS "liftedCategory",
      page.monitoring_type AS "monitoringType", page.monitoring_status AS "monitoringStatus",
      page.risk_types AS "riskTypes", page.phone, hp.name AS "headName", hp.id_number AS "headIdNumber",
      (SELECT count(*)::int FROM persons pc WHERE pc.household_id = page.id AND pc.exit_reason IS NULL) AS "memberCount",
      page.exit_reason AS "exitReason", page.exit_date::text AS "exitDate"`;

const pageJoins = sql`LEFT JOIN persons hp ON hp.household_id = page.id AND hp.is_head`;

function toListRow(r: HouseholdListRow): HouseholdListRow {
  return { ...r, id: Number(r.id), riskTypes: parsePgArray(r.riskTypes), memberCount: Number(r.memberCount), isLifted: r.isLifted === true || (r.isLifted as unknown) === 't' };
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

/** The rows counted for the list's total: the driving subquery alone when nothing else filters (its rows are active households in scope). */
function matchingRows(f: HouseholdFilter): SQL {
  if (f.drive && scopeOnly(f)) return sql`SELECT 1 FROM (${f.drive}) d`;
  if (f.drive) return sql`SELECT 1 FROM (${f.drive}) d JOIN households h ON h.id = d.id WHERE ${listWhere(f)}`;
  return sql`SELECT 1 FROM households h WHERE ${listWhere(f)}`;
}

/**
 * The list endpoint's statement: one page AND the number of matching households counted up to `cap + 1`, in
 * ONE round trip. The count applies the filters only (no heads, member counts or region names): with a type
 * filter it is a households_type_idx range. Exported for the SQL snapshot test.
 */
export function listPageQuery(f: HouseholdFilter, limit: number, offset: number, cap: number = API_LIMITS.listCountCap): SQL {
  return sql`
    WITH ${pageCtes(f, limit, offset)}, matching AS (
      SELECT count(*)::int AS n FROM (${matchingRows(f)} LIMIT ${cap + 1}) t
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
export async function listHouseholdsPage(
  db: Conn,
  f: HouseholdFilter,
  limit: number,
  offset: number,
  cap: number = API_LIMITS.listCountCap,
): Promise<{ rows: HouseholdListRow[]; counted: number }> {
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
  if (typeof v === 'string' && v.startsWith('{'))
    return v === '{}'
      ? []
      : v
          .slice(1, -1)
          .split(',')
          .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/**
 * A household, any region (callers check the scope).
 * @param opts.withExited also one that left the registry by 自然减少 (deletedAt set); callers decide what it may do
 */
export async function findHousehold(db: Conn, id: number, opts: { withExited?: boolean } = {}): Promise<(HouseholdRow & { regionName: string | null }) | undefined> {
  const [row] = await db
    .select({ h: households, regionName: regions.name })
    .from(households)
    .leftJoin(regions, eq(regions.code, households.regionCode))
    .where(opts.withExited ? eq(households.id, id) : and(eq(households.id, id), isNull(households.deletedAt)));
  return row ? { ...row.h, regionName: row.regionName } : undefined;
}

/**
 * The household row locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write, read
 * inside the write's own transaction so that a concurrent save waits for it (and then meets a newer version).
 */
export async function lockHousehold(tx: Conn, id: number): Promise<(HouseholdRow & { regionName: string | null }) | undefined> {
  const [row] = await tx.select().from(households).where(eq(households.id, id)).for('update');
  if (!row) return undefined;
  const [r] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, row.regionCode));
  return { ...row, regionName: r?.name ?? null };
}

export async function findHouseholdByNo(db: Conn, householdNo: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.householdNo, householdNo));
  return row;
}

export async function insertHousehold(db: Conn, values: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [row] = await db.insert(households).values(values).returning();
  return row as HouseholdRow;
}

/** Writes household fields and bumps its version (every change of the row, a case step's too, is a new version). */
export async function updateHousehold(db: Conn, id: number, patch: Partial<typeof households.$inferInsert>): Promise<HouseholdRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await db
    .update(households)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${households.version} + 1` })
    .where(eq(households.id, id))
    .returning();
  return row as HouseholdRow;
}

/**
 * 自然减少 of a household: sets the reason, date and deletedAt, and marks its members still in the registry with
 * the same reason and date. Their updatedAt is the transaction's now(), equal to the household's deletedAt: that
 * is how a restore tells them from members who left earlier on their own.
 */
export async function exitHousehold(db: Conn, id: number, exit: { reason: string; date: string; note: string | null }): Promise<HouseholdRow> {
  const [row] = await db
    .update(households)
    .set({ exitReason: exit.reason, exitDate: exit.date, exitNote: exit.note, deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${households.version} + 1` })
    .where(eq(households.id, id))
    .returning();
  await db
    .update(persons)
    .set({ exitReason: exit.reason, exitDate: exit.date, exitNote: exit.note, updatedAt: sql`now()`, version: sql`${persons.version} + 1` })
    .where(and(eq(persons.householdId, id), isNull(persons.exitReason)));
  return row as HouseholdRow;
}

/** Undoes exitHousehold: the household and the members it marked are back in the registry. */
export async function restoreHousehold(db: Conn, h: HouseholdRow): Promise<HouseholdRow> {
  if (h.deletedAt) {
    await db
      .update(persons)
      .set({ exitReason: null, exitDate: null, exitNote: null, updatedAt: sql`now()`, version: sql`${persons.version} + 1` })
      // compared in SQL: the timestamps have microseconds, a JS Date only milliseconds
      .where(and(eq(persons.householdId, h.id), sql`${persons.updatedAt} = (SELECT deleted_at FROM households WHERE id = ${h.id})`));
  }
  const [row] = await db
    .update(households)
    .set({ exitReason: null, exitDate: null, exitNote: null, deletedAt: null, updatedAt: sql`now()`, version: sql`${households.version} + 1` })
    .where(eq(households.id, h.id))
    .returning();
  return row as HouseholdRow;
}

// ---------- persons ----------
export async function listMembers(db: Conn, householdId: number): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(sql`${persons.isHead} DESC`, asc(persons.id));
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

/** The person row locked for this transaction (`SELECT … FOR UPDATE`), the "before" of a versioned write. */
export async function lockPerson(tx: Conn, id: number): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id)).for('update');
  return row;
}

/** Writes a person's fields and bumps its version. */
export async function updatePerson(db: Conn, id: number, patch: Partial<typeof persons.$inferInsert>): Promise<PersonRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await db
    .update(persons)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${persons.version} + 1` })
    .where(eq(persons.id, id))
    .returning();
  return row as PersonRow;
}

/** Members still in the registry (not left by 自然减少). */
export function activeMembers<T extends { exitReason: string | null }>(rows: T[]): T[] {
  return rows.filter((m) => m.exitReason === null);
}

/**
 * Moves a household's children — every table of household-tables.ts, the one list — to a new region code (after
 * the household moves); each moved row of a versioned table is a new version (helper links carry none).
 */
export async function moveHouseholdChildren(db: Conn, householdId: number, regionCode: string): Promise<void> {
  for (const t of HOUSEHOLD_CHILD_TABLES) {
    const version = t.versioned ? sql`, version = version + 1` : sql``;
    await db.execute(
      sql`UPDATE ${sql.identifier(t.table)} SET ${sql.identifier(t.regionColumn)} = ${regionCode}${version} WHERE ${sql.identifier(t.householdColumn)} = ${householdId}`,
    );
  }
  for (const t of HOUSEHOLD_GRANDCHILD_TABLES) {
    const version = t.versioned ? sql`, version = version + 1` : sql``;
    await db.execute(
      sql`UPDATE ${sql.identifier(t.table)} SET ${sql.identifier(t.regionColumn)} = ${regionCode}${version}
           WHERE ${sql.identifier(t.linkColumn)} IN (SELECT id FROM ${sql.identifier(t.via)} WHERE household_id = ${householdId})`,
    );
  }
}

/** 乡镇 / 村 / 组 names of a household's region code (village 12 digits, group 15), as the list shows them. */
export async function regionNames(db: Conn, regionCode: string): Promise<{ townshipName: string | null; villageName: string | null; groupName: string | null }> {
  const codes = [`${regionCode.slice(0, 9)}000`, regionCode.slice(0, 12), regionCode.length === 15 ? regionCode : ''];
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, codes.filter(Boolean)));
  const name = (code: string) => (code ? (rows.find((r) => r.code === code)?.name ?? null) : null);
  return { townshipName: name(codes[0]!), villageName: name(codes[1]!), groupName: name(codes[2]!) };
}

/** Every household row, deleted ones included (`serve --demo` loads the demo county only into an empty database). */
export async function countAllHouseholds(db: Conn): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(households);
  return Number(row?.n ?? 0);
}
