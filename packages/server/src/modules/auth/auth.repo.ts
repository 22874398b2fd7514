import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { regions, sessions, users } from '@chanbang/db';
import { announceCacheChange } from '../../cluster/cache-events.ts';
import type { Conn } from '../../deps.ts';
import { sessionCache } from './session-cache.ts';

/** A user row joined with its region (for the scope prefix). */
export type UserWithRegion = typeof users.$inferSelect & { scopePrefix: string; regionName: string };

const userWithRegion = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  role: users.role,
  regionCode: users.regionCode,
  locale: users.locale,
  phone: users.phone,
  disabled: users.disabled,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
  scopePrefix: regions.prefix,
  regionName: regions.name,
};

export async function findUserByUsername(db: Conn, username: string): Promise<UserWithRegion | undefined> {
  const [row] = await db.select(userWithRegion).from(users).innerJoin(regions, eq(regions.code, users.regionCode)).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Conn, id: number): Promise<UserWithRegion | undefined> {
  const [row] = await db.select(userWithRegion).from(users).innerJoin(regions, eq(regions.code, users.regionCode)).where(eq(users.id, id));
  return row;
}

/** The user of a live session (not expired, user not disabled), with the session's expiry. */
export async function findSessionUser(db: Conn, tokenHash: string): Promise<(UserWithRegion & { sessionExpiresAt: Date }) | undefined> {
  const [row] = await db
    .select({ ...userWithRegion, sessionExpiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(users.disabled, false)));
  return row;
}

export async function insertSession(db: Conn, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
  // housekeeping: drop this user's expired sessions
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
}

/** Deletes a session; the session cache of this process and (at commit, by NOTIFY) of every other server forgets it. */
export async function deleteSession(db: Conn, tokenHash: string): Promise<void> {
  sessionCache.revokeToken(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await announceCacheChange(db, { kind: 'session', tokenHash });
}

/** Deletes every session of a user (new password, role, region, disabled); every server's session cache forgets them. */
export async function deleteUserSessions(db: Conn, userId: number): Promise<void> {
  sessionCache.revokeUser(userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await announceCacheChange(db, { kind: 'user', userId });
}

/** Deletes every session of a user but one (own password change); every server's session cache forgets the user's sessions. */
export async function deleteOtherSessions(db: Conn, userId: number, keepTokenHash: string): Promise<void> {
  sessionCache.revokeUser(userId);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
  await announceCacheChange(db, { kind: 'user', userId });
}

/** Stores a new password hash. */
export async function updatePasswordHash(db: Conn, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}
