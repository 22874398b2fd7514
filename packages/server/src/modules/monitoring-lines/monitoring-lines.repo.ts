import { and, asc, eq, sql } from 'drizzle-orm';
import { monitoringLines } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type LineRow = typeof monitoringLines.$inferSelect;

export async function listLines(db: Conn, provinceCode?: string): Promise<LineRow[]> {
  return db
    .select()
    .from(monitoringLines)
    .where(provinceCode ? eq(monitoringLines.provinceCode, provinceCode) : undefined)
    .orderBy(asc(monitoringLines.provinceCode), asc(monitoringLines.year));
}

export async function findLine(db: Conn, provinceCode: string, year: number): Promise<LineRow | undefined> {
  const [row] = await db
    .select()
    .from(monitoringLines)
    .where(and(eq(monitoringLines.provinceCode, provinceCode), eq(monitoringLines.year, year)));
  return row;
}

/** The line locked for the rest of the transaction (a save reads its `before` and version here). */
export async function lockLine(db: Conn, provinceCode: string, year: number): Promise<LineRow | undefined> {
  const [row] = await db
    .select()
    .from(monitoringLines)
    .where(and(eq(monitoringLines.provinceCode, provinceCode), eq(monitoringLines.year, year)))
    .for('update');
  return row;
}

/** Creates a line at version 1; undefined when another transaction created it first. */
export async function insertLine(db: Conn, values: typeof monitoringLines.$inferInsert): Promise<LineRow | undefined> {
  const [row] = await db
    .insert(monitoringLines)
    .values(values)
    .onConflictDoNothing({ target: [monitoringLines.provinceCode, monitoringLines.year] })
    .returning();
  return row;
}

/** Changes a line and moves its version on by one. */
export async function updateLine(
  db: Conn,
  provinceCode: string,
  year: number,
  set: Pick<typeof monitoringLines.$inferInsert, 'amountYuan' | 'source' | 'confirmed' | 'updatedBy'>,
): Promise<LineRow> {
  const [row] = await db
    .update(monitoringLines)
    .set({ ...set, version: sql`${monitoringLines.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(monitoringLines.provinceCode, provinceCode), eq(monitoringLines.year, year)))
    .returning();
  return row as LineRow;
}

export async function deleteLine(db: Conn, provinceCode: string, year: number): Promise<void> {
  await db.delete(monitoringLines).where(and(eq(monitoringLines.provinceCode, provinceCode), eq(monitoringLines.year, year)));
}

export async function countLines(db: Conn): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(monitoringLines);
  return row?.n ?? 0;
}

export async function insertLines(db: Conn, rows: (typeof monitoringLines.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(monitoringLines).values(rows).onConflictDoNothing();
}
