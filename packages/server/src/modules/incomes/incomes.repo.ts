import { asc, eq, sql } from 'drizzle-orm';
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

/** Inserts or replaces the household's income of one year. */
export async function upsertIncome(db: Conn, values: typeof householdIncomes.$inferInsert): Promise<IncomeRow> {
  const { householdId: _h, year: _y, ...rest } = values;
  const [row] = await db
    .insert(householdIncomes)
    .values(values)
    .onConflictDoUpdate({ target: [householdIncomes.householdId, householdIncomes.year], set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return row as IncomeRow;
}
