import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { loadDemo } from './demo-loader.ts';

/**
 * Test scaffold of a demo stage test: before the file's tests, a migrated PGlite in a private temporary folder with the
 * whole demo loaded for a county of `households` (`set` receives the handle); after them, the database closed and the
 * folder removed.
 */
export function useDemoDb(name: string, households: number, set: (db: DbHandle) => void, timeoutMs = 180_000): void {
  let dir = '';
  let db: DbHandle | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `chanbang-${name}-demo-`));
    db = await openDb({ dataDir: join(dir, 'pg') });
    await migrateDb(db);
    expect((await loadDemo(db, { hashPassword: async () => 'x', county: { households } })).loaded).toBe(true);
    set(db);
  }, timeoutMs);
  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
