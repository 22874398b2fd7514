import { AppError, canWrite, codeOfPrefix } from '@chanbang/domain';
import type { Actor } from '../../deps.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { assertWriteScope } from '../regions/scope.ts';

// Who sees and who edits an industry, a chain and its links. An industry belongs to a county, a township or a
// village: it is visible to everyone whose scope lies inside it or above it (a county's 一县一业 is read by every
// officer of the county, 000 §四(一)), and editable only within the write scope (a township officer edits the
// industries and chains of their township and its villages).

/** Stored codes of the regions above a scope prefix (province, city, county, township — those shorter than it). */
export function ancestorCodes(prefix: string): string[] {
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => codeOfPrefix(prefix.slice(0, n)));
}

/** True when a record of `regionCode` is visible from the prefix: inside its subtree, or one of the regions above it. */
export function visibleFrom(prefix: string, regionCode: string): boolean {
  return regionCode.startsWith(prefix) || ancestorCodes(prefix).includes(regionCode);
}

/** The record when the actor may read it; NOT_FOUND otherwise (an out-of-scope read by id is 404). */
export function readable<T extends { regionCode: string }>(actor: Actor, row: T | undefined, what: string, id: number): T {
  if (!row || !visibleFrom(actor.scopePrefix, row.regionCode)) throw new AppError('NOT_FOUND', `${what} not found`, { id });
  return row;
}

/**
 * The record when the actor may change it: NOT_FOUND when it cannot even be read, FORBIDDEN for a read-only role
 * or a record above the actor's write scope (a county industry for a township officer).
 */
export function writable<T extends { regionCode: string }>(actor: Actor, row: T | undefined, what: string, id: number): T {
  const r = readable(actor, row, what, id);
  assertCanWrite(actor);
  assertWriteScope(actor, r.regionCode);
  return r;
}

/** True when the actor could change a record of this region (the web shows its edit buttons). */
export function canEdit(actor: Actor, regionCode: string): boolean {
  return canWrite(actor.role) && regionCode.startsWith(actor.scopePrefix);
}
