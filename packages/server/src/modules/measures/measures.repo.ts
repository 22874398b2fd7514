import { asc, desc, eq, sql } from 'drizzle-orm';
import { supportMeasures } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type MeasureRow = typeof supportMeasures.$inferSelect;

export async function listMeasures(db: Conn, householdId: number): Promise<MeasureRow[]> {
  return db.select().from(supportMeasures).where(eq(supportMeasures.householdId, householdId)).orderBy(desc(supportMeasures.year), asc(supportMeasures.id));
}

export async function findMeasure(db: Conn, id: number): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(supportMeasures).where(eq(supportMeasures.id, id));
  return row;
}

export async function insertMeasure(db: Conn, values: typeof supportMeasures.$inferInsert): Promise<MeasureRow> {
  const [row] = await db.insert(supportMeasures).values(values).returning();
  return row as MeasureRow;
}

/** The measure locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write. */
export async function lockMeasure(tx: Conn, id: number): Promise<MeasureRow | undefined> {
  const [row] = await tx.select().from(supportMeasures).where(eq(supportMeasures.id, id)).for('update');
  return row;
}

/** Writes a measure's fields and bumps its version. */
export async function updateMeasure(db: Conn, id: number, patch: Partial<typeof supportMeasures.$inferInsert>): Promise<MeasureRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await db
    .update(supportMeasures)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${supportMeasures.version} + 1` })
    .where(eq(supportMeasures.id, id))
    .returning();
  return row as MeasureRow;
}

export async function deleteMeasure(db: Conn, id: number): Promise<void> {
  await db.delete(supportMeasures).where(eq(supportMeasures.id, id));
}
