import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { isAppError } from '@chanbang/domain';
import type { Actor } from '../../deps.ts';
import { assertRecordInScope, assertWriteScope, clampPrefix, isInScope, scopeWhere } from './scope.ts';

// The scoping helpers on their own, with prefixes worked out by hand (county 6 digits, township 9, village 12).
// Killed here: the mutants of scope.ts that the API tests could not see (StrykerJS, issue 6 "Tests").
const TOWNSHIP = { scopePrefix: '411272100' };
const render = (s: ReturnType<typeof scopeWhere>) => {
  const q = new PgDialect().sqlToQuery(s);
  return { sql: q.sql, params: q.params };
};
const col = sql.raw('region_code');

function thrown(f: () => unknown): { code: string; message: string; details: unknown } {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('did not throw');
}

describe('scopeWhere', () => {
  it('is `column LIKE prefix%` for an actor and for an explicit prefix', () => {
    expect(render(scopeWhere(col, TOWNSHIP))).toEqual({ sql: 'region_code LIKE $1', params: ['411272100%'] });
    expect(render(scopeWhere(col, '411272100201'))).toEqual({ sql: 'region_code LIKE $1', params: ['411272100201%'] });
    expect(render(scopeWhere(col, ''))).toEqual({ sql: 'region_code LIKE $1', params: ['%'] });
  });

  it.each(['4112%', "4112' OR 1=1", 'x411272', '411272x', '4112721002010019', '41_272'])('refuses the prefix %j (not 0–15 digits)', (bad) => {
    expect(thrown(() => scopeWhere(col, bad))).toEqual({ code: 'INTERNAL', message: `bad region prefix ${bad}`, details: undefined });
    expect(thrown(() => scopeWhere(col, { scopePrefix: bad }))).toMatchObject({ code: 'INTERNAL' });
  });
});

describe('isInScope and assertWriteScope', () => {
  it.each([
    ['411272100201', true],
    ['411272100000', true],
    ['411272100201001', true],
    ['411272101201', false],
    ['411272000000', false],
    ['', false],
  ])('%s in 411272100: %s', (code, inside) => {
    expect(isInScope(TOWNSHIP, code)).toBe(inside);
    const actor = { ...TOWNSHIP, id: 1, role: 'township_officer', regionCode: '411272100000' } as unknown as Actor;
    if (inside) expect(() => assertWriteScope(actor, code)).not.toThrow();
    else expect(thrown(() => assertWriteScope(actor, code))).toEqual({ code: 'FORBIDDEN', message: `region ${code} is outside your scope`, details: { regionCode: code } });
  });
});

describe('assertRecordInScope', () => {
  it.each([
    ['411272100201', true],
    ['411272100201001', true],
    ['411272101201', false],
    ['411272000000', false],
  ])('a record in %s for 411272100: in scope %s; outside it answers as a missing one', (regionCode, inside) => {
    const row = { id: 7, regionCode };
    const missing = thrown(() => assertRecordInScope(TOWNSHIP, undefined, 'measure', { id: 7 }));
    expect(missing).toEqual({ code: 'NOT_FOUND', message: 'measure not found', details: { id: 7 } });
    if (inside) expect(assertRecordInScope(TOWNSHIP, row, 'measure', { id: 7 })).toBe(row);
    else expect(thrown(() => assertRecordInScope(TOWNSHIP, row, 'measure', { id: 7 }))).toEqual(missing);
  });
});

describe('clampPrefix', () => {
  it.each([
    [undefined, '411272100'],
    ['411272100', '411272100'],
    ['411272100201', '411272100201'],
    ['411272100201001', '411272100201001'],
    // an ancestor (the county, the city, everything) gives the actor's own scope, never the ancestor's
    ['411272', '411272100'],
    ['4112', '411272100'],
    ['', '411272100'],
  ])('%j → %s', (requested, expected) => expect(clampPrefix(TOWNSHIP, requested)).toBe(expected));

  it.each(['411272101', '411272101201', '411273', '5'])('%s (beside or elsewhere) is NOT_FOUND naming the request', (requested) => {
    expect(thrown(() => clampPrefix(TOWNSHIP, requested))).toEqual({ code: 'NOT_FOUND', message: 'region not found', details: { regionCode: requested } });
  });
});
