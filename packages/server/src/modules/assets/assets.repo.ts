import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { assetClassChanges, assetIncomes, assets, entities, projects, regions, users } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type AssetRow = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;
export type AssetIncomeRow = typeof assetIncomes.$inferSelect;

export type AssetFilter = {
  prefix: string;
  category?: string | undefined;
  assetClass?: string | undefined;
  managementLevel?: string | undefined;
  projectId?: number | undefined;
  status: 'in_use' | 'disposed' | 'all';
  q?: string | undefined;
};

function assetWhere(f: AssetFilter): SQL {
  const conds: SQL[] = [scopeWhere(assets.regionCode, f.prefix)];
  if (f.category) conds.push(eq(assets.category, f.category));
  if (f.assetClass) conds.push(eq(assets.assetClass, f.assetClass));
  if (f.managementLevel) conds.push(eq(assets.managementLevel, f.managementLevel));
  if (f.projectId) conds.push(eq(assets.projectId, f.projectId));
  if (f.status !== 'all') conds.push(eq(assets.status, f.status));
  if (f.q) conds.push(or(ilike(assets.name, `%${escapeLike(f.q)}%`), ilike(assets.assetNo, `%${escapeLike(f.q)}%`)) as SQL);
  return and(...conds) as SQL;
}

const assetColumns = { asset: assets, regionName: regions.name, projectNo: projects.projectNo, projectName: projects.name, operatorName: entities.name };
export type FoundAsset = { asset: AssetRow; regionName: string | null; projectNo: string | null; projectName: string | null; operatorName: string | null };

function selectAssets(db: Conn) {
  return db
    .select(assetColumns)
    .from(assets)
    .leftJoin(regions, eq(regions.code, assets.regionCode))
    .leftJoin(projects, eq(projects.id, assets.projectId))
    .leftJoin(entities, eq(entities.id, assets.operatorEntityId));
}

/** A page of assets in region order, the count and the sum of their value (分) over the whole filter. */
export async function listAssets(db: Conn, f: AssetFilter, limit: number, offset: number) {
  const where = assetWhere(f);
  const rows = await selectAssets(db).where(where).orderBy(asc(assets.regionCode), asc(assets.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int`, valueFen: sql<string>`coalesce(sum(${assets.valueFen}), 0)::text` })
    .from(assets)
    .where(where);
  return { rows: rows as FoundAsset[], total: c?.n ?? 0, valueFen: Number(c?.valueFen ?? 0) };
}

/** Every asset of a filter, for the export (bounded by the caller). */
export async function listAssetsForExport(db: Conn, f: AssetFilter, limit: number): Promise<FoundAsset[]> {
  return (await selectAssets(db).where(assetWhere(f)).orderBy(asc(assets.regionCode), asc(assets.id)).limit(limit)) as FoundAsset[];
}

export async function findAsset(db: Conn, id: number): Promise<FoundAsset | undefined> {
  const [row] = await selectAssets(db).where(eq(assets.id, id));
  return row as FoundAsset | undefined;
}

export async function lockAsset(tx: Conn, id: number): Promise<AssetRow | undefined> {
  const [row] = await tx.select().from(assets).where(eq(assets.id, id)).for('update');
  return row;
}

export async function findAssetByNo(db: Conn, assetNo: string): Promise<AssetRow | undefined> {
  const [row] = await db.select().from(assets).where(eq(assets.assetNo, assetNo));
  return row;
}

/** Serialises asset-number generation for one prefix until the transaction ends. */
export async function lockAssetNumbering(tx: Conn, prefix: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`asset_no:${prefix}`}))`);
}

export async function maxAssetNo(tx: Conn, prefix: string): Promise<string | null> {
  const [row] = await tx
    .select({ no: sql<string | null>`max(${assets.assetNo})` })
    .from(assets)
    // generated numbers only (prefix + 4 digits): a typed number that starts alike does not move the sequence
    .where(sql`${assets.assetNo} LIKE ${`${escapeLike(prefix)}%`} AND ${assets.assetNo} ~ ${`^${prefix}[0-9]{4}$`}`);
  return row?.no ?? null;
}

export async function insertAsset(tx: Conn, values: AssetInsert): Promise<AssetRow> {
  const [row] = await tx.insert(assets).values(values).returning();
  return row as AssetRow;
}

/** Updates the locked row and bumps its version. */
export async function updateAsset(tx: Conn, id: number, values: Partial<AssetInsert>): Promise<AssetRow> {
  const [row] = await tx
    .update(assets)
    .set({ ...values, version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(assets.id, id))
    .returning();
  return row as AssetRow;
}

export async function insertClassChange(tx: Conn, values: typeof assetClassChanges.$inferInsert) {
  const [row] = await tx.insert(assetClassChanges).values(values).returning();
  return row!;
}

/** The class history of an asset, newest first, with the name of who changed it. */
export async function listClassChanges(db: Conn, assetId: number) {
  return db
    .select({ change: assetClassChanges, changedByName: users.displayName })
    .from(assetClassChanges)
    .leftJoin(users, eq(users.id, assetClassChanges.changedBy))
    .where(eq(assetClassChanges.assetId, assetId))
    .orderBy(desc(assetClassChanges.changedAt), desc(assetClassChanges.id));
}

export async function findRegion(db: Conn, code: string) {
  const [row] = await db.select({ code: regions.code, level: regions.level, name: regions.name, retiredAt: regions.retiredAt }).from(regions).where(eq(regions.code, code));
  return row;
}

export async function findProjectBrief(db: Conn, id: number) {
  const [row] = await db.select({ id: projects.id, regionCode: projects.regionCode, stage: projects.stage, name: projects.name }).from(projects).where(eq(projects.id, id));
  return row;
}

export async function findEntityBrief(db: Conn, id: number) {
  const [row] = await db.select({ id: entities.id, regionCode: entities.regionCode, status: entities.status }).from(entities).where(eq(entities.id, id));
  return row;
}

// ---- 资产收益 per half year

export async function listIncomes(db: Conn, assetId: number): Promise<AssetIncomeRow[]> {
  return db.select().from(assetIncomes).where(eq(assetIncomes.assetId, assetId)).orderBy(desc(assetIncomes.year), desc(assetIncomes.half));
}

export async function lockIncome(tx: Conn, assetId: number, year: number, half: number): Promise<AssetIncomeRow | undefined> {
  const [row] = await tx
    .select()
    .from(assetIncomes)
    .where(and(eq(assetIncomes.assetId, assetId), eq(assetIncomes.year, year), eq(assetIncomes.half, half)))
    .for('update');
  return row;
}

export async function insertIncome(tx: Conn, values: typeof assetIncomes.$inferInsert): Promise<AssetIncomeRow> {
  const [row] = await tx.insert(assetIncomes).values(values).returning();
  return row as AssetIncomeRow;
}

export async function updateIncome(tx: Conn, id: number, values: Partial<typeof assetIncomes.$inferInsert>): Promise<AssetIncomeRow> {
  const [row] = await tx
    .update(assetIncomes)
    .set({ ...values, version: sql`${assetIncomes.version} + 1`, updatedAt: sql`now()` })
    .where(eq(assetIncomes.id, id))
    .returning();
  return row as AssetIncomeRow;
}

export async function deleteIncome(tx: Conn, id: number): Promise<void> {
  await tx.delete(assetIncomes).where(eq(assetIncomes.id, id));
}

/**
 * A3: the assets under the prefix due a stock-take for the half year ending on `end` (domain `dueStocktake`: 经营性,
 * formed by `end` or of unknown date, not disposed of before `end`) with no income row for it; a page in region
 * order, and the count.
 */
export async function listStocktakeMissing(db: Conn, prefix: string, period: { year: number; half: number }, end: string, limit: number, offset: number) {
  const missing = sql`NOT EXISTS (SELECT 1 FROM asset_incomes ai WHERE ai.asset_id = ${assets.id} AND ai.year = ${period.year} AND ai.half = ${period.half})`;
  const due = sql`(${assets.formedOn} IS NULL OR ${assets.formedOn} <= ${end}) AND (${assets.disposedOn} IS NULL OR ${assets.disposedOn} >= ${end})`;
  const where = and(scopeWhere(assets.regionCode, prefix), eq(assets.category, 'operating'), due, missing) as SQL;
  const rows = await selectAssets(db).where(where).orderBy(asc(assets.regionCode), asc(assets.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assets)
    .where(where);
  return { rows: rows as FoundAsset[], total: c?.n ?? 0 };
}

/** Moves an asset's incomes (version + 1) and class history to its new region code, in the caller's transaction. */
export async function moveAssetChildren(tx: Conn, assetId: number, regionCode: string): Promise<void> {
  await tx.execute(
    sql`UPDATE asset_incomes SET region_code = ${regionCode}, version = version + 1, updated_at = now() WHERE asset_id = ${assetId} AND region_code <> ${regionCode}`,
  );
  await tx.execute(sql`UPDATE asset_class_changes SET region_code = ${regionCode} WHERE asset_id = ${assetId} AND region_code <> ${regionCode}`);
}
