import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/test-app.ts';
import type { Conn } from './deps.ts';
import { readAll } from './reads.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

/** Two reads that note when each starts and ends; the first waits a little before it ends. */
function reads(log: string[]) {
  const read = (name: string, ms: number) => async () => {
    log.push(`${name} starts`);
    await new Promise((r) => setTimeout(r, ms));
    log.push(`${name} ends`);
    return name;
  };
  return [read('a', 30), read('b', 0)] as const;
}

describe('readAll', () => {
  it('runs the reads at once on the pool, one after the other inside a transaction, and keeps their order', async () => {
    const pool: string[] = [];
    expect(await readAll(t.db.db, reads(pool))).toEqual(['a', 'b']);
    expect(pool.slice(0, 2)).toEqual(['a starts', 'b starts']);
    const inTx: string[] = [];
    const got = await t.db.db.transaction((tx: Conn) => readAll(tx, reads(inTx)));
    expect(got).toEqual(['a', 'b']);
    expect(inTx).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });
});
