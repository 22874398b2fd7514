import { and, asc, eq, sql } from 'drizzle-orm';
import { monitoringLines } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type LineRow = typeof monitoringLines.$inferSelect;

export async function listLines(db: Conn, provinceCode?: string): Promise<LineRow[]> {
  return db.select().from(monitoringLines)
    .where(provinceCode ? eq(monitoringLines.provinceCode, provinceCode) : undefined)
    .orderBy(asc(monitoringLines.provinceCode), asc(monitoringLines.year));
}

export async function findLine(db: Conn, provinceCode: string, year: number): Promise<LineRow | undefined> {
  const [row] = await db.select().from(monitoringLines).where(and(eq(monitoringLines.provinceCode, provinceCode), eq(monitoringLines.year, year)));
  return row;
}

export async function upsertLine(db: Conn, values: typeof monitoringLines.$inferInsert): Promise<LineRow> {
  const [row] = await db.insert(monitoringLines).values(values)
    .onConflictDoUpdate({
      target: [monitoringLines.provinceCode, monitoringLines.year],
      set: { amountYuan: values.amountYuan, source: values.source, confirmed: values.confirmed, updatedBy: values.updatedBy, updatedAt: sql`now()` },
    })
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
