import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { seedDictionariesIfEmpty } from './dictionaries.service.ts';

// A database seeded by an earlier version lacks the dictionaries added since (证件类型, 民族, 在校生状况, 残疾类别 of
// the national export): start-up adds a missing dictionary whole and leaves the ones an admin has alone.
describe('seedDictionariesIfEmpty on a database seeded before', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ dataDir: mkdtempSync(join(tmpdir(), 'cb-dict-seed-')) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds a missing dictionary and keeps an edited one', async () => {
    await t.db.query(`DELETE FROM dictionary_items WHERE dict_code IN ('ethnicity', 'id_type')`);
    await t.db.query(`UPDATE dictionary_items SET label_zh = '男性' WHERE dict_code = 'gender' AND code = '1'`);
    await t.db.query(`DELETE FROM dictionary_items WHERE dict_code = 'gender' AND code = '2'`);
    expect(await seedDictionariesIfEmpty(t.db.db)).toBe(58 + 6);
    const rows = await t.db.query<{ dict_code: string; n: number }>(
      `SELECT dict_code, count(*)::int AS n FROM dictionary_items WHERE dict_code IN ('ethnicity', 'id_type', 'gender') GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { dict_code: 'ethnicity', n: 58 },
      { dict_code: 'gender', n: 1 },
      { dict_code: 'id_type', n: 6 },
    ]);
    const [g] = await t.db.query<{ label_zh: string }>(`SELECT label_zh FROM dictionary_items WHERE dict_code = 'gender' AND code = '1'`);
    expect(g?.label_zh).toBe('男性');
    expect(await seedDictionariesIfEmpty(t.db.db)).toBe(0);
  });
});
