import { eq, sql } from 'drizzle-orm';
import { settings } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type SettingRow = typeof settings.$inferSelect;

export async function getSetting(db: Conn, key: string): Promise<unknown> {
  return (await findSetting(db, key))?.value;
}

export async function findSetting(db: Conn, key: string): Promise<SettingRow | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row;
}

/** The setting locked for the rest of the transaction (a save reads its `before` and version here). */
export async function lockSetting(db: Conn, key: string): Promise<SettingRow | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).for('update');
  return row;
}

/** Creates a setting at version 1; undefined when another transaction created it first. */
export async function insertSetting(db: Conn, key: string, value: unknown): Promise<SettingRow | undefined> {
  const [row] = await db.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key }).returning();
  return row;
}

/** Changes a setting's value and moves its version on by one. */
export async function updateSetting(db: Conn, key: string, value: unknown): Promise<SettingRow> {
  const [row] = await db
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: sql`now()` })
    .where(eq(settings.key, key))
    .returning();
  return row as SettingRow;
}
