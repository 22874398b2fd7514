import { createHash, randomBytes } from 'node:crypto';
import { AppError, type UserView } from '@chanbang/domain';
import type { Actor, Deps, RoleCode } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { assertPasswordRules, getDummyHash, hashPassword, verifyPassword } from './passwords.ts';
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
    version: u.version,
  };
}

/** Where a login attempt comes from, for the throttle and the audit log. */
export type LoginContext = { requestId: string; address: string; throttle: LoginThrottle };

/** Audits one failed login (user name, address, reason; never the password) in its own transaction. */
async function auditLoginFailure(deps: Deps, ctx: LoginContext, username: string, user: repo.UserWithRegion | undefined, reason: string): Promise<void> {
  await deps.db.db.transaction(async (tx) => {
    await recordAudit(tx, user ? { id: user.id, displayName: user.displayName, requestId: ctx.requestId } : null, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      regionCode: user?.regionCode ?? null,
      after: { username, address: ctx.address, reason, requestId: ctx.requestId },
    });
  });
}

/** @throws AppError RATE_LIMITED (with `retryAfterSeconds`) when the user name or the address must wait */
async function assertNotThrottled(deps: Deps, ctx: LoginContext, username: string, user: repo.UserWithRegion | undefined): Promise<void> {
  const wait = ctx.throttle.retryAfterSeconds(username, ctx.address);
  if (wait === 0) return;
  await auditLoginFailure(deps, ctx, username, user, 'rate_limited');
  throw new AppError('RATE_LIMITED', `too many failed logins; retry after ${wait} s`, {
    retryAfterSeconds: wait,
    issues: [{ path: '', messageZh: `登录失败次数过多，请 ${wait} 秒后再试`, messageEn: `too many failed logins; try again in ${wait} s` }],
  });
}

/**
 * Logs a user in: checks the throttle and the password (argon2id), opens a session and audits the login.
 * Every failure is counted by the throttle and audited.
 * @returns the user view, the raw session token for the cookie, and its expiry
 * @throws AppError RATE_LIMITED after too many failures; UNAUTHENTICATED on a wrong user name or password, or a disabled user
 */
export async function login(deps: Deps, input: { username: string; password: string }, ctx: LoginContext): Promise<{ user: UserView; token: string; expiresAt: Date }> {
  const user = await repo.findUserByUsername(deps.db.db, input.username);
  await assertNotThrottled(deps, ctx, input.username, user);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.disabled) {
    ctx.throttle.recordFailure(input.username, ctx.address);
    await auditLoginFailure(deps, ctx, input.username, user, !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled');
    throw new AppError('UNAUTHENTICATED', 'invalid user name or password');
  }
  ctx.throttle.recordSuccess(input.username);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + deps.config.sessionTtlHours * 3600_000);
  await deps.db.db.transaction(async (tx) => {
    await repo.insertSession(tx, hashToken(token), user.id, expiresAt);
    await recordAudit(
      tx,
      { id: user.id, displayName: user.displayName, requestId: ctx.requestId },
      {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
        regionCode: user.regionCode,
        after: { address: ctx.address },
      },
    );
  });
  return { user: toUserView(user), token, expiresAt };
}

/** Ends a session (idempotent); audited when it belonged to a logged-in actor. */
export async function logout(deps: Deps, token: string | undefined, actor: Actor | null): Promise<void> {
  if (!token) return;
  await deps.db.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    if (actor) await recordAudit(tx, actor, { action: 'logout', entityType: 'user', entityId: actor.id, regionCode: actor.regionCode });
  });
}

/**
 * Changes the actor's own password: checks the current one (a wrong one counts as a failed login for the
 * throttle), applies the password rules, and ends every OTHER session of the user. Audited.
 * @throws AppError VALIDATION_FAILED (wrong current password, rules broken), RATE_LIMITED, UNAUTHENTICATED
 */
export async function changePassword(deps: Deps, actor: Actor, token: string, input: { currentPassword: string; newPassword: string }, ctx: LoginContext): Promise<void> {
  const user = await repo.findUserById(deps.db.db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', 'login required');
  await assertNotThrottled(deps, ctx, user.username, user);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    ctx.throttle.recordFailure(user.username, ctx.address);
    await auditLoginFailure(deps, ctx, user.username, user, 'wrong_current_password');
    throw new AppError('VALIDATION_FAILED', 'the current password is wrong', {
      issues: [{ path: 'currentPassword', messageZh: '当前密码不正确', messageEn: 'the current password is wrong' }],
    });
  }
  assertPasswordRules(input.newPassword, user.username, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'the new password equals the current one', {
      issues: [{ path: 'newPassword', messageZh: '新密码不能与当前密码相同', messageEn: 'the new password must differ from the current one' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, passwordHash);
    await repo.deleteOtherSessions(tx, user.id, hashToken(token));
    await recordAudit(tx, actor, { action: 'password_change', entityType: 'user', entityId: user.id, regionCode: user.regionCode, after: { address: ctx.address } });
  });
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
