import { AppError, type UserCreate, type UserUpdate, type UserView } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { deleteUserSessions } from '../auth/auth.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { toUserView } from '../auth/auth.service.ts';
import { assertPasswordRules, hashPassword } from '../auth/passwords.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope, isInScope } from '../regions/scope.ts';
import { checkVersion } from '../../versioning.ts';
import * as repo from './users.repo.ts';

/** Audit-safe copy of a user row (no password hash). */
function safe(u: repo.UserRow) {
  const { passwordHash: _p, ...rest } = u;
  return rest;
}

async function assertRegion(deps: Deps, regionCode: string): Promise<void> {
  if (!(await findRegion(deps.db.db, regionCode))) {
    throw new AppError('VALIDATION_FAILED', 'region not found', { issues: [{ path: 'regionCode', value: regionCode, messageZh: '区划不存在', messageEn: 'region not found' }] });
  }
}

/** Users in the admin's scope. @throws AppError FORBIDDEN for non-admins */
export async function listUsers(deps: Deps, actor: Actor, q: { q?: string | undefined; page: number; pageSize: number }) {
  assertAdmin(actor);
  const prefix = await resolvePrefix(deps.db.db, actor, undefined);
  const { rows, total } = await repo.listUsers(deps.db.db, prefix, q.q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((u) => toUserView(u)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Creates a user (password hashed with argon2id).
 * @throws AppError FORBIDDEN (non-admin, region outside scope), VALIDATION_FAILED (unknown region), CONFLICT (user name taken)
 */
export async function createUser(deps: Deps, actor: Actor, input: UserCreate): Promise<UserView> {
  assertAdmin(actor);
  assertWriteScope(actor, input.regionCode);
  await assertRegion(deps, input.regionCode);
  assertPasswordRules(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const row = await deps.db.db.transaction(async (tx) => {
    const { password: _p, ...fields } = input;
    const u = await repo.insertUser(tx, { ...fields, phone: fields.phone ?? null, passwordHash });
    if (!u) throw new AppError('CONFLICT', `user name ${input.username} is taken`, { username: input.username });
    await recordAudit(tx, actor, { action: 'create', entityType: 'user', entityId: u.id, regionCode: u.regionCode, after: safe(u) });
    return u;
  });
  return toUserView(row);
}

/**
 * Changes a user; a new password, role, region or disabling ends their sessions. The admin sends the version
 * they read (`version`): it is compared with the row locked inside the transaction, whose `before` is audited.
 * @throws AppError FORBIDDEN, NOT_FOUND, VALIDATION_FAILED, VERSION_REQUIRED (none sent), STALE_VERSION (with the user as now)
 */
export async function updateUser(deps: Deps, actor: Actor, id: number, input: UserUpdate, version: number | undefined): Promise<UserView> {
  assertAdmin(actor);
  const found = await repo.findUser(deps.db.db, id);
  if (!found || !isInScope(actor, found.regionCode)) throw new AppError('NOT_FOUND', 'user not found', { id });
  if (input.regionCode) {
    assertWriteScope(actor, input.regionCode);
    await assertRegion(deps, input.regionCode);
  }
  const { password, version: _v, ...fields } = input;
  const patch: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // the user name never changes, so the rules and the (slow) hash can run before the transaction
  if (password) assertPasswordRules(password, found.username);
  if (password) patch.passwordHash = await hashPassword(password);
  const row = await deps.db.db.transaction(async (tx) => {
    const before = await repo.lockUser(tx, id);
    if (!before || !isInScope(actor, before.regionCode)) throw new AppError('NOT_FOUND', 'user not found', { id });
    await checkVersion(before.version, version, async () => toUserView((await repo.findUserWithRegion(tx, id))!));
    if (id === actor.id && (input.disabled === true || (input.role && input.role !== before.role))) {
      throw new AppError('VALIDATION_FAILED', 'you cannot disable or demote yourself', {
        issues: [{ path: 'role', messageZh: '不能停用自己或修改自己的角色', messageEn: 'you cannot disable or demote yourself' }],
      });
    }
    const u = await repo.updateUser(tx, id, patch);
    if (password || input.disabled || input.role || input.regionCode) await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      regionCode: u.regionCode,
      before: safe(before),
      after: { ...safe(u), passwordChanged: !!password },
    });
    return u;
  });
  return toUserView(row);
}
