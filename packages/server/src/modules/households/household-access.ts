import { AppError, DICT, dictLabelEn, dictLabelZh, exitedRecordIssue, getDictItems } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { assertRecordInScope } from '../regions/scope.ts';
import { findHousehold, lockHousehold } from './households.repo.ts';

/**
 * A household the actor may read. One that left the registry by 自然减少 is visible to an admin only (read-only).
 * @throws AppError NOT_FOUND when it does not exist, has left the registry (non-admin), or lies outside the scope
 */
export async function getReadableHousehold(db: Conn, actor: Actor, id: number) {
  return assertRecordInScope(actor, await findHousehold(db, id, { withExited: actor.role === 'admin' }), 'household', { householdId: id });
}

/**
 * A household the actor may change.
 * @throws AppError FORBIDDEN for read-only roles, NOT_FOUND when it does not exist or lies outside the scope,
 *   RECORD_EXITED when it left the registry by 自然减少 (read-only until an admin restores it)
 */
export async function getWritableHousehold(db: Conn, actor: Actor, id: number) {
  assertCanWrite(actor);
  const h = assertRecordInScope(actor, await findHousehold(db, id, { withExited: true }), 'household', { householdId: id });
  assertNotExited('household', h);
  return h;
}

/**
 * Inside a write's transaction: the household locked (`FOR UPDATE`) and checked again as getWritableHousehold does,
 * because it may have left the registry or moved since the first check. Its row is the audit's "before".
 * @throws AppError NOT_FOUND (missing or out of scope), RECORD_EXITED (unless `opts.exited`: restore reads a household that left)
 */
export async function lockWritableHousehold(tx: Conn, actor: Actor, id: number, opts: { exited?: boolean } = {}) {
  const h = assertRecordInScope(actor, await lockHousehold(tx, id), 'household', { householdId: id });
  if (!opts.exited) assertNotExited('household', h);
  return h;
}

/**
 * Refuses a write to a record that left the registry (a household with deletedAt, a person with exitReason).
 * @throws AppError RECORD_EXITED (409) naming the reason and date
 */
export function assertNotExited(kind: 'household' | 'person', r: { id: number; exitReason: string | null; exitDate: string | null; deletedAt?: Date | null }): void {
  if (r.exitReason === null && !r.deletedAt) return;
  const items = getDictItems(DICT.exitReason);
  const code = r.exitReason ?? 'other';
  throw new AppError('RECORD_EXITED', `${kind} ${r.id} left the registry`, {
    [kind === 'household' ? 'householdId' : 'personId']: r.id,
    issues: [
      exitedRecordIssue(kind, {
        reasonLabelZh: r.exitReason ? dictLabelZh(items, code) : '已删除',
        reasonLabelEn: r.exitReason ? dictLabelEn(items, code) : 'deleted',
        date: r.exitDate,
      }),
    ],
  });
}

/**
 * Checks a child record (person, measure, case) for a write: a writing role, the record exists and lies in scope.
 * @throws AppError FORBIDDEN (read-only role), NOT_FOUND (missing or out of scope)
 */
export function assertWritableChild<T extends { regionCode: string }>(actor: Actor, row: T | undefined, what: string, id: number): T {
  assertCanWrite(actor);
  return assertRecordInScope(actor, row, what, { id });
}

/**
 * A child record's household must still be in the registry.
 * @throws AppError RECORD_EXITED
 */
export async function assertHouseholdActive(db: Conn, householdId: number): Promise<void> {
  const h = await findHousehold(db, householdId, { withExited: true });
  if (h) assertNotExited('household', h);
}

/** @throws AppError FORBIDDEN unless the actor is the county administrator */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'admin only', {
      issues: [{ path: 'role', messageZh: '只有县级管理员可以恢复自然减少的记录', messageEn: 'only the county administrator can restore records that left the registry' }],
    });
  }
}
