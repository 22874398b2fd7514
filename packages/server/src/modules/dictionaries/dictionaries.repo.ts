import { and, asc, eq, sql } from 'drizzle-orm';
import { dictionaryItems } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type DictItemRow = typeof dictionaryItems.$inferSelect;

export async function listDictItems(db: Conn): Promise<DictItemRow[]> {
  return db.select().from(dictionaryItems).orderBy(asc(dictionaryItems.dictCode), asc(dictionaryItems.sort), asc(dictionaryItems.code));
}

export async function findDictItem(db: Conn, dictCode: string, code: string): Promise<DictItemRow | undefined> {
  const [row] = await db
    .select()
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.dictCode, dictCode), eq(dictionaryItems.code, code)));
  return row;
}

export async function countDictItems(db: Conn): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(dictionaryItems);
  return row?.n ?? 0;
}

/** Codes of the dictionaries that have at least one item. */
export async function listDictCodes(db: Conn): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: dictionaryItems.dictCode }).from(dictionaryItems);
  return new Set(rows.map((r) => r.code));
}

export async function insertDictItems(db: Conn, rows: (typeof dictionaryItems.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(dictionaryItems).values(rows).onConflictDoNothing();
}

export async function insertDictItem(db: Conn, row: typeof dictionaryItems.$inferInsert): Promise<DictItemRow | undefined> {
  const [created] = await db.insert(dictionaryItems).values(row).onConflictDoNothing().returning();
  return created;
}

/** The item locked for the rest of the transaction (a save reads its `before` and version here). */
export async function lockDictItem(db: Conn, dictCode: string, code: string): Promise<DictItemRow | undefined> {
  const [row] = await db
    .select()
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.dictCode, dictCode), eq(dictionaryItems.code, code)))
    .for('update');
  return row;
}

/** Applies a change and moves the version on by one. */
export async function updateDictItem(db: Conn, dictCode: string, code: string, patch: Partial<typeof dictionaryItems.$inferInsert>): Promise<DictItemRow | undefined> {
  const [row] = await db
    .update(dictionaryItems)
    .set({ ...patch, version: sql`${dictionaryItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(dictionaryItems.dictCode, dictCode), eq(dictionaryItems.code, code)))
    .returning();
  return row;
}
