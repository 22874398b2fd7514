import { onCacheEvent } from '../../cluster/cache-events.ts';
import type { Actor } from '../../deps.ts';

/** A session's actor as cached (without the per-request id). */
export type CachedActor = Omit<Actor, 'requestId'>;

/**
 * How long a resolved session is trusted without asking the database again. Every API request resolves its
 * session; caching it for a few seconds saves one query per request (the household list under 50 clients).
 */
export const SESSION_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

type Entry = { actor: CachedActor; until: number; userId: number };

/**
 * In-process cache of session token hash → actor, with revocation.
 *
 * Revoking (logout, or a user's sessions ending because of a new password, role, region or disabling) drops the
 * cached entries AND refuses to cache that token / user for one TTL afterwards: a lookup that raced the
 * revoking transaction (read the old row before it committed) cannot put a stale actor back. Several servers on
 * one PostgreSQL database tell each other with NOTIFY (cluster/cache-events.ts): the other processes revoke the
 * same way when the revoking transaction commits; after a lost LISTEN connection they revoke everything. The TTL
 * bounds what a silently broken listener could miss.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly revoked = new Map<string, number>();
  /** when every entry was last revoked (revokeAll), or -Infinity */
  private allRevokedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ttlMs: number = SESSION_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached actor of a token hash, or undefined (missing or stale). */
  get(tokenHash: string): CachedActor | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.until <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e.actor;
  }

  /**
   * Caches a looked-up actor until `min(now + ttl, sessionExpiresAt)`.
   * @param lookupStartedAt when the database lookup began (entries revoked since then are not cached)
   */
  set(tokenHash: string, actor: CachedActor, sessionExpiresAt: Date, lookupStartedAt: number): void {
    const now = this.now();
    if (this.isRevokedSince(`t:${tokenHash}`, lookupStartedAt, now) || this.isRevokedSince(`u:${actor.id}`, lookupStartedAt, now)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { actor, userId: actor.id, until: Math.min(now + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  /** Forgets one session (logout). */
  revokeToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
    this.markRevoked(`t:${tokenHash}`);
  }

  /** Forgets every session of a user (their sessions were deleted). */
  revokeUser(userId: number): void {
    for (const [k, e] of this.entries) if (e.userId === userId) this.entries.delete(k);
    this.markRevoked(`u:${userId}`);
  }

  /** Forgets every session, refusing entries from lookups that began up to one TTL before (missed events). */
  revokeAll(): void {
    this.entries.clear();
    this.allRevokedAt = this.now();
  }

  clear(): void {
    this.entries.clear();
    this.revoked.clear();
    this.allRevokedAt = Number.NEGATIVE_INFINITY;
  }

  private markRevoked(key: string): void {
    const now = this.now();
    if (this.revoked.size >= MAX_ENTRIES) for (const [k, at] of this.revoked) if (at + this.ttlMs <= now) this.revoked.delete(k);
    this.revoked.set(key, now);
  }

  /** Revoked at or after the lookup began, or within the last TTL (the revoking transaction may not have committed yet). */
  private isRevokedSince(key: string, lookupStartedAt: number, now: number): boolean {
    if (this.allRevokedAt + this.ttlMs > now || this.allRevokedAt >= lookupStartedAt) return true;
    const at = this.revoked.get(key);
    if (at === undefined) return false;
    if (at + this.ttlMs <= now && at < lookupStartedAt) {
      this.revoked.delete(key);
      return false;
    }
    return true;
  }
}

/** The server's session cache (one per process; token hashes are unique across databases). */
export const sessionCache = new SessionCache();

onCacheEvent((e) => {
  if (e.kind === 'session') sessionCache.revokeToken(e.tokenHash);
  else if (e.kind === 'user') sessionCache.revokeUser(e.userId);
  else if (e.kind === 'all') sessionCache.revokeAll();
});
