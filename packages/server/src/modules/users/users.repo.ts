import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { regions, users } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type UserRow = typeof users.$inferSelect;

export async function listUsers(db: Conn, prefix: string, q: string | undefined, limit: number, offset: number) {
  const conds: SQL[] = [scopeWhere(users.regionCode, prefix)];
  if (q) conds.push(or(ilike(users.username, `%${escapeLike(q)}%`), ilike(users.displayName, `%${escapeLike(q)}%`)) as SQL);
  const where = and(...conds);
  const rows = await db
    .select({ u: users, regionName: regions.name })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(where)
    .orderBy(asc(users.id))
    .limit(limit)
    .offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  return { rows: rows.map((r) => ({ ...r.u, regionName: r.regionName ?? undefined })), total: c?.n ?? 0 };
}

export async function insertUser(db: Conn, values: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing({ target: users.username }).returning();
  return row;
}

export async function findUser(db: Conn, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** The user row locked for the rest of the transaction (a save reads its `before` and version here). */
export async function lockUser(db: Conn, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

/** A user with the name of their region, as the admin list shows them. */
export async function findUserWithRegion(db: Conn, id: number): Promise<(UserRow & { regionName?: string }) | undefined> {
  const [row] = await db.select({ u: users, regionName: regions.name }).from(users).leftJoin(regions, eq(regions.code, users.regionCode)).where(eq(users.id, id));
  return row ? { ...row.u, regionName: row.regionName ?? undefined } : undefined;
}

/** Applies a change and moves the version on by one. */
export async function updateUser(db: Conn, id: number, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row as UserRow;
}
