import { sql } from 'drizzle-orm';
import type { Conn } from '../deps.ts';

/**
 * What a write changed that some process may hold in a cache. Sessions: one token (logout) or every session of
 * a user (disabled, new password, role or region); dictionaries: any item. (Regions need no event: the only
 * region cache holds a code's prefix, which never changes; names are read from the database every time.)
 */
export type CacheEvent =
  | { kind: 'session'; tokenHash: string }
  | { kind: 'user'; userId: number }
  | { kind: 'dictionaries' }
  /** everything: a lost LISTEN connection may have missed events */
  | { kind: 'all' };

/** The PostgreSQL NOTIFY channel the servers of one database share. */
export const CACHE_CHANNEL = 'chanbang_cache';

const handlers = new Set<(e: CacheEvent) => void>();

/** Registers a cache's reaction to events (each cache module registers itself once, when loaded). */
export function onCacheEvent(handler: (e: CacheEvent) => void): void {
  handlers.add(handler);
}

/** Applies an event to this process's caches. */
export function applyCacheEvent(e: CacheEvent): void {
  for (const h of handlers) h(e);
}

/** Parses a NOTIFY payload; undefined for anything that is not an event of ours. */
export function parseCacheEvent(payload: string): CacheEvent | undefined {
  try {
    const e = JSON.parse(payload) as { kind?: unknown; tokenHash?: unknown; userId?: unknown };
    if (e.kind === 'session' && typeof e.tokenHash === 'string') return { kind: 'session', tokenHash: e.tokenHash };
    if (e.kind === 'user' && (typeof e.userId === 'number' || typeof e.userId === 'string') && Number.isSafeInteger(Number(e.userId))) {
      return { kind: 'user', userId: Number(e.userId) };
    }
    if (e.kind === 'dictionaries' || e.kind === 'all') return { kind: e.kind };
  } catch {
    // not ours
  }
  return undefined;
}

/**
 * Announces a change from inside the write's transaction: this process's caches forget at once, and a
 * `pg_notify` tells every other server on the same PostgreSQL database when the transaction commits (nothing
 * is sent if it rolls back). On PGlite there is one process; the NOTIFY has no listener and costs one statement.
 */
export async function announceCacheChange(conn: Conn, e: CacheEvent): Promise<void> {
  applyCacheEvent(e);
  await conn.execute(sql`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify(e)})`);
}
