import { createHash, randomBytes } from 'node:crypto';
import { AppError, type UserView } from '@chanbang/domain';
import type { Actor, Deps, RoleCode } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import { getDummyHash, verifyPassword } from './passwords.ts';
import { sessionCache } from './session-cache.ts';

/** SHA-256 of a session token: the table never stores the raw token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Public view of a user row. */
export function toUserView(u: repo.UserWithRegion | (Omit<repo.UserWithRegion, 'scopePrefix' | 'regionName'> & { regionName?: string })): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as RoleCode,
    regionCode: u.regionCode,
    ...(u.regionName !== undefined ? { regionName: u.regionName } : {}),
    locale: u.locale,
    phone: u.phone,
    disabled: u.disabled,
  };
}

/**
 * Logs a user in: checks the password (argon2id), opens a session and audits the login.
 * @returns the user view, the raw session token for the cookie, and its expiry
 * @throws AppError UNAUTHENTICATED on a wrong user name or password, or a disabled user
 */
export async function login(deps: Deps, input: { username: string; password: string }, requestId: string): Promise<{ user: UserView; token: string; expiresAt: Date }> {
  const user = await repo.findUserByUsername(deps.db.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.disabled) throw new AppError('UNAUTHENTICATED', 'invalid user name or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + deps.config.sessionTtlHours * 3600_000);
  await deps.db.db.transaction(async (tx) => {
    await repo.insertSession(tx, hashToken(token), user.id, expiresAt);
    await recordAudit(tx, { id: user.id, displayName: user.displayName, requestId }, {
      action: 'login', entityType: 'user', entityId: user.id, regionCode: user.regionCode,
    });
  });
  return { user: toUserView(user), token, expiresAt };
}

/** Ends a session (idempotent). */
export async function logout(deps: Deps, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(deps.db.db, hashToken(token));
}

/**
 * The actor of a session token, or null when the session is unknown, expired or the user disabled.
 * Answers from the in-process session cache for up to SESSION_CACHE_TTL_MS (revoked on logout and when a
 * user's sessions are deleted), so most requests do not query the sessions table.
 */
export async function resolveActor(deps: Deps, token: string | undefined, requestId: string): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const cached = sessionCache.get(tokenHash);
  if (cached) return { ...cached, requestId };
  const startedAt = Date.now();
  const u = await repo.findSessionUser(deps.db.db, tokenHash);
  if (!u) return null;
  const actor = { id: u.id, username: u.username, displayName: u.displayName, role: u.role as RoleCode, regionCode: u.regionCode, scopePrefix: u.scopePrefix };
  sessionCache.set(tokenHash, actor, u.sessionExpiresAt, startedAt);
  return { ...actor, requestId };
}

/**
 * The current user.
 * @throws AppError UNAUTHENTICATED when the user no longer exists
 */
export async function getMe(deps: Deps, actor: Actor): Promise<UserView> {
  const u = await repo.findUserById(deps.db.db, actor.id);
  if (!u) throw new AppError('UNAUTHENTICATED', 'login required');
  return toUserView(u);
}
