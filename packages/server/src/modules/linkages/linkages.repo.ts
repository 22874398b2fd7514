import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { entities, households, linkages, projects } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

// SQL of 联农带农 records. A linkage is scoped by the household's region_code (copied onto the row); the entity may
// lie anywhere in the county.

export type LinkageRow = typeof linkages.$inferSelect;
export type LinkageInsert = typeof linkages.$inferInsert;

/** A linkage with the names a list shows (entity, 户编号, 户主, village). Amounts in 分. */
export type LinkageListRow = {
  id: number;
  entityId: number;
  entityName: string;
  entityType: string;
  creditCode: string | null;
  householdId: number;
  householdNo: string;
  headName: string | null;
  householdType: string;
  regionCode: string;
  villageName: string | null;
  projectId: number | null;
  mode: string;
  year: number;
  startDate: string | null;
  endDate: string | null;
  incomeFen: number;
  incomeType: string;
  carriedAt: Date | null;
  note: string | null;
  version: number;
};

export type LinkageFilter = {
  prefix: string;
  id?: number | undefined;
  withExited?: boolean;
  entityId?: number | undefined;
  householdId?: number | undefined;
  year?: number | undefined;
  mode?: string | undefined;
};

function whereOf(f: LinkageFilter): SQL {
  const parts: SQL[] = [scopeWhere(sql`l.region_code`, f.prefix)];
  if (!f.withExited) parts.push(sql`h.deleted_at IS NULL`);
  if (f.id !== undefined) parts.push(sql`l.id = ${f.id}`);
  if (f.entityId !== undefined) parts.push(sql`l.entity_id = ${f.entityId}`);
  if (f.householdId !== undefined) parts.push(sql`l.household_id = ${f.householdId}`);
  if (f.year !== undefined) parts.push(sql`l.year = ${f.year}`);
  if (f.mode !== undefined) parts.push(sql`l.mode = ${f.mode}`);
  return sql.join(parts, sql` AND `);
}

const FROM = sql`FROM linkages l
  JOIN entities e ON e.id = l.entity_id
  JOIN households h ON h.id = l.household_id`;

const COLUMNS = sql`l.id, l.entity_id AS "entityId", e.name AS "entityName", e.entity_type AS "entityType", e.credit_code AS "creditCode",
  l.household_id AS "householdId", h.household_no AS "householdNo",
  (SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.is_head ORDER BY p.exit_reason NULLS FIRST, p.id LIMIT 1) AS "headName",
  h.household_type AS "householdType", l.region_code AS "regionCode",
  (SELECT v.name FROM regions v WHERE v.code = substr(l.region_code, 1, 12)) AS "villageName",
  l.project_id AS "projectId", l.mode, l.year, l.start_date::text AS "startDate", l.end_date::text AS "endDate",
  l.income_fen::text AS "incomeFen", l.income_type AS "incomeType", l.carried_at AS "carriedAt", l.note, l.version`;

type RawRow = Omit<LinkageListRow, 'incomeFen' | 'carriedAt'> & { incomeFen: string; carriedAt: Date | string | null };
const toRow = (r: RawRow): LinkageListRow => ({
  ...r,
  id: Number(r.id),
  entityId: Number(r.entityId),
  householdId: Number(r.householdId),
  projectId: r.projectId === null ? null : Number(r.projectId),
  year: Number(r.year),
  version: Number(r.version),
  incomeFen: Number(r.incomeFen),
  carriedAt: r.carriedAt === null ? null : new Date(r.carriedAt),
});

/** Linkages matching the filter, newest year first (a page when `limit` is given). */
export async function listLinkages(db: Conn, f: LinkageFilter, page?: { limit: number; offset: number }): Promise<LinkageListRow[]> {
  const cut = page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  const res = await db.execute(sql`SELECT ${COLUMNS} ${FROM} WHERE ${whereOf(f)} ORDER BY l.year DESC, l.entity_id, l.id ${cut}`);
  return rowsOf<RawRow>(res).map(toRow);
}

/** Totals of every matching linkage: records, distinct households, amount (分). */
export async function linkageTotals(db: Conn, f: LinkageFilter): Promise<{ linkages: number; households: number; fen: number }> {
  const res = await db.execute(sql`SELECT count(*)::int AS n, count(DISTINCT l.household_id)::int AS hh, coalesce(sum(l.income_fen), 0)::text AS fen ${FROM} WHERE ${whereOf(f)}`);
  const [r] = rowsOf<{ n: number; hh: number; fen: string }>(res);
  return { linkages: Number(r?.n ?? 0), households: Number(r?.hh ?? 0), fen: Number(r?.fen ?? 0) };
}

/** Per year and mode: households, of them 脱贫户 and 监测户, amount (分) — households in the prefix only. */
export async function entityTotals(db: Conn, f: LinkageFilter) {
  const res = await db.execute(sql`SELECT l.year, l.mode, count(DISTINCT l.household_id)::int AS households,
      count(DISTINCT l.household_id) FILTER (WHERE h.household_type = 'lifted')::int AS lifted,
      count(DISTINCT l.household_id) FILTER (WHERE h.household_type = 'monitored')::int AS monitored,
      coalesce(sum(l.income_fen), 0)::text AS fen
    ${FROM} WHERE ${whereOf(f)} GROUP BY l.year, l.mode ORDER BY l.year DESC, l.mode`);
  return rowsOf<{ year: number; mode: string; households: number; lifted: number; monitored: number; fen: string }>(res).map((r) => ({
    year: Number(r.year),
    mode: r.mode,
    households: Number(r.households),
    lifted: Number(r.lifted),
    monitored: Number(r.monitored),
    fen: Number(r.fen),
  }));
}

/** True when the entity drives at least one household within the prefix. */
export async function entityDrivesWithin(db: Conn, entityId: number, prefix: string): Promise<boolean> {
  const [r] = await db
    .select({ id: linkages.id })
    .from(linkages)
    .where(and(eq(linkages.entityId, entityId), scopeWhere(linkages.regionCode, prefix)))
    .limit(1);
  return r !== undefined;
}

export async function findEntity(db: Conn, id: number): Promise<{ id: number; regionCode: string; name: string; status: string } | undefined> {
  const [r] = await db.select({ id: entities.id, regionCode: entities.regionCode, name: entities.name, status: entities.status }).from(entities).where(eq(entities.id, id));
  return r;
}

export async function findLinkage(db: Conn, id: number): Promise<LinkageRow | undefined> {
  const [r] = await db.select().from(linkages).where(eq(linkages.id, id));
  return r;
}

/** The linkage locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write. */
export async function lockLinkage(tx: Conn, id: number): Promise<LinkageRow | undefined> {
  const [r] = await tx.select().from(linkages).where(eq(linkages.id, id)).for('update');
  return r;
}

/** The household's linkages of a year locked for the carry-over. */
export async function lockHouseholdLinkages(tx: Conn, householdId: number, year: number): Promise<LinkageRow[]> {
  return tx
    .select()
    .from(linkages)
    .where(and(eq(linkages.householdId, householdId), eq(linkages.year, year)))
    .orderBy(linkages.id)
    .for('update');
}

/** Inserts a linkage; undefined when (entity, household, mode, year) is already recorded. */
export async function insertLinkage(tx: Conn, values: LinkageInsert): Promise<LinkageRow | undefined> {
  const [r] = await tx.insert(linkages).values(values).onConflictDoNothing().returning();
  return r;
}

export async function updateLinkage(tx: Conn, id: number, patch: Partial<LinkageInsert>): Promise<LinkageRow> {
  const { id: _i, version: _v, entityId: _e, householdId: _h, regionCode: _r, ...rest } = patch;
  const [r] = await tx
    .update(linkages)
    .set({ ...rest, updatedAt: sql`now()`, version: sql`${linkages.version} + 1` })
    .where(eq(linkages.id, id))
    .returning();
  return r as LinkageRow;
}

export async function deleteLinkage(tx: Conn, id: number): Promise<void> {
  await tx.delete(linkages).where(eq(linkages.id, id));
}

/** Marks linkages carried into the income year (their version goes up: the row changed). */
export async function markCarried(tx: Conn, ids: number[]): Promise<LinkageRow[]> {
  if (ids.length === 0) return [];
  const out: LinkageRow[] = [];
  for (const id of ids) {
    const [r] = await tx
      .update(linkages)
      .set({ carriedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${linkages.version} + 1` })
      .where(eq(linkages.id, id))
      .returning();
    if (r) out.push(r);
  }
  return out;
}

/** Carried linkage amounts of a household by year and income type (分): the source shown in its income view. */
export async function carriedSums(db: Conn, householdId: number): Promise<{ year: number; incomeType: string; fen: number }[]> {
  const res = await db.execute(
    sql`SELECT year, income_type AS "incomeType", sum(income_fen)::text AS fen FROM linkages WHERE household_id = ${householdId} AND carried_at IS NOT NULL GROUP BY year, income_type`,
  );
  return rowsOf<{ year: number; incomeType: string; fen: string }>(res).map((r) => ({ year: Number(r.year), incomeType: r.incomeType, fen: Number(r.fen) }));
}

/** Households by 户编号 (the import resolves its rows with them; scope is checked by the caller). */
export async function findHouseholdsByNos(db: Conn, nos: string[]) {
  if (nos.length === 0) return [];
  return db
    .select({ id: households.id, householdNo: households.householdNo, regionCode: households.regionCode, exitReason: households.exitReason, deletedAt: households.deletedAt })
    .from(households)
    .where(inArray(households.householdNo, nos));
}

/** Entities by name or credit code (the import resolves its rows with them). */
export async function findEntitiesByNamesOrCodes(db: Conn, names: string[], codes: string[]) {
  const conds: SQL[] = [];
  if (names.length) conds.push(inArray(entities.name, names));
  if (codes.length) conds.push(inArray(entities.creditCode, codes));
  if (conds.length === 0) return [];
  return db
    .select({ id: entities.id, name: entities.name, creditCode: entities.creditCode, regionCode: entities.regionCode, status: entities.status })
    .from(entities)
    .where(or(...conds));
}

/** The linkage of (entity, household, mode, year) locked for this transaction, if recorded. */
export async function lockLinkageByKey(tx: Conn, k: { entityId: number; householdId: number; mode: string; year: number }): Promise<LinkageRow | undefined> {
  const [r] = await tx
    .select()
    .from(linkages)
    .where(and(eq(linkages.entityId, k.entityId), eq(linkages.householdId, k.householdId), eq(linkages.mode, k.mode), eq(linkages.year, k.year)))
    .for('update');
  return r;
}

export async function findProject(db: Conn, id: number): Promise<{ id: number; regionCode: string } | undefined> {
  const [r] = await db.select({ id: projects.id, regionCode: projects.regionCode }).from(projects).where(eq(projects.id, id));
  return r;
}
