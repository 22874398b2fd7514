import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '@chanbang/domain';
import type { Actor } from '../../deps.ts';

/** A region prefix is digits only, so it is safe inside a LIKE pattern without escaping. */
function assertPrefix(prefix: string): string {
  if (!/^\d{0,15}$/.test(prefix)) throw new AppError('INTERNAL', `bad region prefix ${prefix}`);
  return prefix;
}

/**
 * THE scoping predicate: `column LIKE prefix || '%'`, served by the varchar_pattern_ops indexes.
 * Every repo that reads or writes household data filters with it.
 * @param column a region_code column
 * @param scope the actor (its `scopePrefix`) or an explicit prefix already clamped to the actor's scope
 */
export function scopeWhere(column: AnyPgColumn | SQL, scope: Pick<Actor, 'scopePrefix'> | string): SQL {
  const prefix = assertPrefix(typeof scope === 'string' ? scope : scope.scopePrefix);
  return sql`${column} LIKE ${`${prefix}%`}`;
}

/** True when `regionCode` lies within the actor's scope. */
export function isInScope(actor: Pick<Actor, 'scopePrefix'>, regionCode: string): boolean {
  return regionCode.startsWith(actor.scopePrefix);
}

/**
 * Throws FORBIDDEN when the request itself names a region outside the actor's scope (the `regionCode` of a body
 * that creates or moves a record). A record addressed by id is checked with `assertRecordInScope` instead.
 * @throws AppError FORBIDDEN
 */
export function assertWriteScope(actor: Actor, regionCode: string): void {
  if (!isInScope(actor, regionCode)) {
    throw new AppError('FORBIDDEN', `region ${regionCode} is outside your scope`, { regionCode });
  }
}

/**
 * A record addressed by id, for a read or a write: one outside the actor's scope answers exactly as one that does
 * not exist (404 with the same message and details, no region code, no name), so a refusal never tells that the
 * record exists nor where.
 * @param what the record's name in the message (`${what} not found`)
 * @param details the not-found details (the id as the route names it)
 * @throws AppError NOT_FOUND
 */
export function assertRecordInScope<T extends { regionCode: string }>(
  actor: Pick<Actor, 'scopePrefix'>,
  row: T | null | undefined,
  what: string,
  details: Record<string, unknown>,
): T {
  if (!row || !isInScope(actor, row.regionCode)) throw new AppError('NOT_FOUND', `${what} not found`, details);
  return row;
}

/**
 * Narrows a requested region prefix to the actor's scope: a region inside the scope keeps its prefix, an
 * ancestor of the scope gives the scope, anything else is NOT_FOUND.
 * @throws AppError NOT_FOUND
 */
export function clampPrefix(actor: Pick<Actor, 'scopePrefix'>, requestedPrefix: string | undefined): string {
  if (requestedPrefix === undefined) return actor.scopePrefix;
  if (requestedPrefix.startsWith(actor.scopePrefix)) return requestedPrefix;
  if (actor.scopePrefix.startsWith(requestedPrefix)) return actor.scopePrefix;
  throw new AppError('NOT_FOUND', 'region not found', { regionCode: requestedPrefix });
}
