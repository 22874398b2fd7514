import { and, asc, eq, sql } from 'drizzle-orm';
import { householdIncomes } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type IncomeRow = typeof householdIncomes.$inferSelect;

export async function listIncomes(db: Conn, householdId: number): Promise<IncomeRow[]> {
  return db.select().from(householdIncomes).where(eq(householdIncomes.householdId, householdId)).orderBy(asc(householdIncomes.year));
}

/** Inserts a year (the unique index refuses a year that exists). */
export async function insertIncome(db: Conn, values: typeof householdIncomes.$inferInsert): Promise<IncomeRow> {
  const [row] = await db.insert(householdIncomes).values(values).returning();
  return row as IncomeRow;
}

/** One year's row locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write. */
export async function lockIncome(tx: Conn, householdId: number, year: number): Promise<IncomeRow | undefined> {
  const [row] = await tx
    .select()
    .from(householdIncomes)
    .where(and(eq(householdIncomes.householdId, householdId), eq(householdIncomes.year, year)))
    .for('update');
  return row;
}

/** Replaces a recorded year's figures and bumps its version. */
export async function updateIncome(db: Conn, id: number, values: Partial<typeof householdIncomes.$inferInsert>): Promise<IncomeRow> {
  const { householdId: _h, year: _y, version: _v, ...rest } = values;
  const [row] = await db
    .update(householdIncomes)
    .set({ ...rest, updatedAt: sql`now()`, version: sql`${householdIncomes.version} + 1` })
    .where(eq(householdIncomes.id, id))
    .returning();
  return row as IncomeRow;
}
