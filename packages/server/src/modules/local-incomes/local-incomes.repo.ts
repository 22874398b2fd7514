import { and, eq, sql } from 'drizzle-orm';
import { localFarmerIncomes } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

export type LocalIncomeRow = typeof localFarmerIncomes.$inferSelect;
export type LocalIncomeListRow = LocalIncomeRow & { regionName: string | null };

type Raw = {
  id: number | string;
  region_code: string;
  region_name: string | null;
  year: number;
  per_capita_income_fen: number | string;
  source: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

/**
 * The figures of the regions under `prefix` and of the regions above it (`ancestors`, 12-digit codes), newest year
 * first, with the region's name.
 */
export async function listLocalIncomes(db: Conn, prefix: string, ancestors: readonly string[]): Promise<LocalIncomeListRow[]> {
  const above = ancestors.length
    ? sql` OR l.region_code IN (${sql.join(
        ancestors.map((a) => sql`${a}`),
        sql`, `,
      )})`
    : sql``;
  const res = await db.execute(sql`SELECT l.id, l.region_code, r.name AS region_name, l.year, l.per_capita_income_fen, l.source, l.version, l.created_at, l.updated_at
    FROM local_farmer_incomes l LEFT JOIN regions r ON r.code = l.region_code
    WHERE (${scopeWhere(sql`l.region_code`, prefix)}${above}) ORDER BY l.year DESC, l.region_code`);
  return rowsOf<Raw>(res).map((r) => ({
    id: Number(r.id),
    regionCode: r.region_code,
    regionName: r.region_name,
    year: Number(r.year),
    perCapitaIncomeFen: Number(r.per_capita_income_fen),
    source: r.source,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

/** A region's figure of a year, locked for the save. */
export async function lockLocalIncome(tx: Conn, regionCode: string, year: number): Promise<LocalIncomeRow | undefined> {
  const [row] = await tx
    .select()
    .from(localFarmerIncomes)
    .where(and(eq(localFarmerIncomes.regionCode, regionCode), eq(localFarmerIncomes.year, year)))
    .for('update');
  return row;
}

/** A region's figure of a year, if any (no lock). */
export async function findLocalIncome(db: Conn, regionCode: string, year: number): Promise<LocalIncomeRow | undefined> {
  const [row] = await db
    .select()
    .from(localFarmerIncomes)
    .where(and(eq(localFarmerIncomes.regionCode, regionCode), eq(localFarmerIncomes.year, year)));
  return row;
}

/** Inserts a figure; undefined when another save created it first (the caller re-reads it). */
export async function insertLocalIncome(tx: Conn, v: { regionCode: string; year: number; perCapitaIncomeFen: number; source: string }): Promise<LocalIncomeRow | undefined> {
  const [row] = await tx.insert(localFarmerIncomes).values(v).onConflictDoNothing().returning();
  return row;
}

/** Changes a figure: version + 1. */
export async function updateLocalIncome(tx: Conn, id: number, v: { perCapitaIncomeFen: number; source: string }): Promise<LocalIncomeRow> {
  const [row] = await tx
    .update(localFarmerIncomes)
    .set({ ...v, version: sql`${localFarmerIncomes.version} + 1`, updatedAt: sql`now()` })
    .where(eq(localFarmerIncomes.id, id))
    .returning();
  return row!;
}
