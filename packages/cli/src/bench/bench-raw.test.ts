import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, seedDictionariesIfEmpty } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { ensureBenchFiles } from './bench-data.ts';
import { loadCountyByCopy, prepareRawCopy, removeRawCopy, timeRawCopy } from './bench-raw.ts';

// The raw COPY baseline streams the bench CSV into chunk files (at city size the rows exceed one JavaScript
// string: `bench --households 1000000` used to crash here) and COPYs every row into tables LIKE the real ones.
const dir = mkdtempSync(join(tmpdir(), 'cb-bench-raw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('raw COPY baseline', () => {
  it('converts a bench file in chunks, one households row per 户编号, and COPYs every row', async () => {
    const files = await ensureBenchFiles(120, dir);
    const input = await prepareRawCopy(files.csv, 50);
    expect(input.householdCount).toBe(120);
    expect(input.personCount).toBe(files.rows);
    // households are never split across chunks, so a chunk holds at least 50 rows (the last one fewer)
    expect(input.persons.length).toBeGreaterThan(1);
    expect(input.persons.length).toBeLessThanOrEqual(Math.ceil(files.rows / 50));
    const db = await openDb({ dataDir: 'memory://' });
    try {
      await migrateDb(db);
      await seedDictionariesIfEmpty(db.db);
      await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
      const ms = await timeRawCopy(db, input);
      expect(ms).toBeGreaterThan(0);
      // the baseline's tables are dropped again
      const [t] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'bench_raw_%'`);
      expect(t?.n).toBe(0);
      // the rules and list parts load the same rows into the real tables: every row, counts kept, ids continue
      await loadCountyByCopy(db, input);
      const [c] = await db.query<{ h: number; p: number; kept: number }>(
        `SELECT (SELECT count(*)::int FROM households) AS h, (SELECT count(*)::int FROM persons) AS p, (SELECT sum(n)::int FROM household_type_counts) AS kept`,
      );
      expect(c).toEqual({ h: 120, p: files.rows, kept: 120 });
      const [next] = await db.query<{ id: number | string }>(`SELECT nextval(pg_get_serial_sequence('households', 'id')) AS id`);
      const [max] = await db.query<{ id: number | string }>('SELECT max(id) AS id FROM households');
      expect(Number(next?.id)).toBeGreaterThan(Number(max?.id));
    } finally {
      await db.close();
      removeRawCopy(input);
    }
    expect(existsSync(input.dir)).toBe(false);
  }, 120_000);

  it('refuses a row the domain check refuses (the baseline stores only what the product would)', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '户编号,姓名,证件号码,与户主关系,所属村\nH1,张三,110101199003070000,户主,411272100001\n');
    await expect(prepareRawCopy(bad)).rejects.toThrow(/row 2/);
  });
});
