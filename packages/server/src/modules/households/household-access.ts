import { AppError } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { assertWriteScope, isInScope } from '../regions/scope.ts';
import { findHousehold } from './households.repo.ts';

/**
 * A household the actor may read.
 * @throws AppError NOT_FOUND when it does not exist, is deleted, or lies outside the scope
 */
export async function getReadableHousehold(db: Conn, actor: Actor, id: number) {
  const h = await findHousehold(db, id);
  if (!h || !isInScope(actor, h.regionCode)) throw new AppError('NOT_FOUND', 'household not found', { householdId: id });
  return h;
}

/**
 * A household the actor may change.
 * @throws AppError FORBIDDEN for read-only roles or out-of-scope households, NOT_FOUND when it does not exist
 */
export async function getWritableHousehold(db: Conn, actor: Actor, id: number) {
  assertCanWrite(actor);
  const h = await findHousehold(db, id);
  if (!h) throw new AppError('NOT_FOUND', 'household not found', { householdId: id });
  assertWriteScope(actor, h.regionCode);
  return h;
}

/**
 * Checks a child record (person, measure, case) for a write: it exists and its region is in scope.
 * @throws AppError NOT_FOUND / FORBIDDEN
 */
export function assertWritableChild<T extends { regionCode: string }>(actor: Actor, row: T | undefined, what: string, id: number): T {
  assertCanWrite(actor);
  if (!row) throw new AppError('NOT_FOUND', `${what} not found`, { id });
  assertWriteScope(actor, row.regionCode);
  return row;
}
