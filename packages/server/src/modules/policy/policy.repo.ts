import { eq, sql } from 'drizzle-orm';
import { settings } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export async function getSetting(db: Conn, key: string): Promise<unknown> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value;
}

export async function putSetting(db: Conn, key: string, value: unknown): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}
