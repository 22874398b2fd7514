import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { supportMeasures } from '@chanbang/db';
import { gate, lockWaiters } from '../../test/concurrency.ts';
import { choosePack } from '../../test/policy.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { insertResults, storedDigests, type StoredResult } from './rule-store.repo.ts';
import { resultDigestText } from './result-digest.ts';
import { ensureFresh, refreshPrefixLength, storableRule } from './rule-store.service.ts';

let t: TestApp;
let a: RegionTree;
let b: RegionTree;
let adminA: { cookie: string };
const hh: Record<string, number> = {};
const year = new Date().getFullYear();
const monitored = { householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' } as const;

async function stored(county: RegionTree, y = year): Promise<{ subject_key: string; status: string; region_code: string }[]> {
  return rowsOf(
    await t.db.db.execute(
      sql`SELECT subject_key, status, region_code FROM rule_results WHERE rule_id = 'H1' AND year = ${y} AND region_code LIKE ${`${county.county.prefix}%`} ORDER BY length(subject_key), subject_key`,
    ),
  );
}
async function evaluations(county: RegionTree): Promise<{ rule_id: string; year: number; pack_id: string }[]> {
  return rowsOf(await t.db.db.execute(sql`SELECT rule_id, year, pack_id FROM rule_evaluations WHERE county_code = ${county.county.code} AND rule_id = 'H1' ORDER BY year`));
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildRegionTree(t);
  b = await buildRegionTree(t);
  adminA = await buildUser(t, 'admin', a.county.code);
  hh.a1 = (await buildHousehold(t, { regionCode: a.townships[0]!.villages[0]!.code, ...monitored })).id;
  hh.a2 = (await buildHousehold(t, { regionCode: a.townships[1]!.villages[1]!.code, ...monitored })).id;
  hh.b1 = (await buildHousehold(t, { regionCode: b.townships[0]!.villages[0]!.code, ...monitored })).id;
  const put = await t.app.inject({ method: 'PUT', url: '/api/v1/policy/active', headers: { cookie: adminA.cookie }, payload: { packId: 'jincheng', countyCode: a.county.code } });
  expect(put.statusCode, put.body).toBe(200);
}, 240_000);
afterAll(async () => t?.close());

describe('ensureFresh (ADR 0004)', () => {
  it('evaluates in full once per county with the county’s own pack, then nothing while nothing changed', async () => {
    const first = await ensureFresh(t, a.county.code, year, ['H1']);
    expect(first).toMatchObject({ packId: 'jincheng', incremental: {}, failed: [] });
    expect(first.full).toContain('H1');
    expect((await stored(a)).map((r) => [Number(r.subject_key), r.status])).toEqual([
      [hh.a1, 'not_met'],
      [hh.a2, 'not_met'],
    ]);
    // read without the lock (one round trip): the pack is still the county's own choice
    const again = await ensureFresh(t, a.county.code, year, ['H1']);
    expect(again).toMatchObject({ full: [], incremental: {}, packId: 'jincheng' });
    // county B has its own pack (the province default) and its own results
    const other = await ensureFresh(t, b.county.code, year, ['H1']);
    expect(other.packId).toBe('sanmenxia');
    expect((await stored(b)).map((r) => Number(r.subject_key))).toEqual([hh.b1]);
    expect(await evaluations(a)).toEqual([{ rule_id: 'H1', year, pack_id: 'jincheng' }]);
    expect(await evaluations(b)).toEqual([{ rule_id: 'H1', year, pack_id: 'sanmenxia' }]);
  });

  it('re-gathers only the village of an edited household, and consumes the marks', async () => {
    const village = a.townships[0]!.villages[0]!.code;
    await t.db.db.insert(supportMeasures).values({ householdId: hh.a1!, regionCode: village, category: 'industry', year });
    const r = await ensureFresh(t, a.county.code, year, ['H1']);
    expect(r).toMatchObject({ full: [], incremental: { H1: [village] } });
    expect((await stored(a)).map((x) => [Number(x.subject_key), x.status])).toEqual([
      [hh.a1, 'met'],
      [hh.a2, 'not_met'],
    ]);
    expect(await ensureFresh(t, a.county.code, year, ['H1'])).toMatchObject({ full: [], incremental: {} });
    // county B was not touched by A's edit
    expect(await ensureFresh(t, b.county.code, year, ['H1'])).toMatchObject({ full: [], incremental: {} });
  });

  it('a past year is stored apart; an edit consumed for this year makes the past year evaluate in full again', async () => {
    expect((await ensureFresh(t, a.county.code, year - 1, ['H1'])).full).toContain('H1');
    expect((await stored(a, year - 1)).map((x) => x.status)).toEqual(['not_met', 'not_met']);
    await t.db.db.insert(supportMeasures).values({ householdId: hh.a2!, regionCode: a.townships[1]!.villages[1]!.code, category: 'employment', year: year - 1 });
    expect((await ensureFresh(t, a.county.code, year, ['H1'])).incremental.H1).toEqual([a.townships[1]!.villages[1]!.code]);
    expect((await evaluations(a)).map((e) => e.year)).toEqual([year]);
    expect((await ensureFresh(t, a.county.code, year - 1, ['H1'])).full).toContain('H1');
    expect((await stored(a, year - 1)).map((x) => [Number(x.subject_key), x.status])).toEqual([
      [hh.a1, 'not_met'],
      [hh.a2, 'met'],
    ]);
  });

  it('a pack change (PUT /policy/active) invalidates the county’s stored evaluations', async () => {
    const active = (await t.app.inject({ method: 'GET', url: `/api/v1/policy/active?countyCode=${a.county.code}`, headers: { cookie: adminA.cookie } })).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy/active',
      headers: { cookie: adminA.cookie },
      payload: { packId: 'xuchang', countyCode: a.county.code, version: active.version },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await evaluations(a)).toEqual([]);
    const r = await ensureFresh(t, a.county.code, year, ['H1']);
    expect([r.packId, r.full.includes('H1')]).toEqual(['xuchang', true]);
  });

  it('a full re-evaluation writes only the subjects whose result changed, and deletes the ones gone', async () => {
    const c = await buildRegionTree(t);
    const admin = await buildUser(t, 'admin', c.county.code);
    const v = c.townships[0]!.villages[0]!.code;
    const ids = [(await buildHousehold(t, { regionCode: v, ...monitored })).id, (await buildHousehold(t, { regionCode: v, ...monitored })).id];
    const gone = (await buildHousehold(t, { regionCode: v, ...monitored })).id;
    expect((await ensureFresh(t, c.county.code, year, ['H1'])).full).toContain('H1');
    // xmin: the transaction that wrote the row version
    const versions = async () =>
      new Map(
        rowsOf<{ k: string; x: string }>(
          await t.db.db.execute(
            sql`SELECT subject_key AS k, xmin::text AS x FROM rule_results WHERE rule_id = 'H1' AND year = ${year} AND region_code LIKE ${`${c.county.prefix}%`}`,
          ),
        ).map((r) => [Number(r.k), r.x]),
      );
    const first = await versions();
    expect([...first.keys()].sort((x, y) => x - y)).toEqual([...ids, gone]);
    // a pack change forgets the evaluations: the same results are not written again
    const put = (packId: string) => choosePack(t, admin.cookie, c.county.code, packId);
    await put('xuchang');
    expect((await ensureFresh(t, c.county.code, year, ['H1'])).full).toContain('H1');
    expect(await versions()).toEqual(first);
    // one household gets an industry measure, one leaves the registry (自然减少): only those two rows are written
    await t.db.db.insert(supportMeasures).values({ householdId: ids[0]!, regionCode: v, category: 'industry', year });
    await t.db.query(`UPDATE households SET deleted_at = now(), exit_reason = 'moved_out', exit_date = current_date WHERE id = $1`, [gone]);
    // the edits' dirty marks are taken by this full evaluation: they make the kept facts of the village stale (ADR 0005)
    await put('jincheng');
    expect((await ensureFresh(t, c.county.code, year, ['H1'])).full).toContain('H1');
    const after = await versions();
    expect(after.has(gone)).toBe(false);
    expect(after.get(ids[0]!)).not.toBe(first.get(ids[0]!));
    expect(after.get(ids[1]!)).toBe(first.get(ids[1]!));
    expect((await stored(c)).map((r) => [Number(r.subject_key), r.status])).toEqual([
      [ids[0], 'met'],
      [ids[1], 'not_met'],
    ]);
  });

  it('compares villages by their digests: a result written by any other statement is compared again, a moved household leaves both villages right', async () => {
    const c = await buildRegionTree(t);
    const [v1, v2] = [c.townships[0]!.villages[0]!.code, c.townships[0]!.villages[1]!.code];
    const h1 = (await buildHousehold(t, { regionCode: v1, ...monitored })).id;
    const h2 = (await buildHousehold(t, { regionCode: v2, ...monitored })).id;
    const digests = async () =>
      rowsOf<{ v: string }>(
        await t.db.db.execute(
          sql`SELECT village_code AS v FROM rule_result_digests WHERE rule_id = 'H1' AND year = ${year} AND village_code LIKE ${`${c.county.prefix}%`} ORDER BY 1`,
        ),
      ).map((r) => r.v);
    const rows = async () =>
      rowsOf<{ k: string; v: string; zh: string; x: string }>(
        await t.db.db.execute(
          sql`SELECT subject_key AS k, region_code AS v, reason_zh AS zh, xmin::text AS x FROM rule_results WHERE rule_id = 'H1' AND year = ${year} AND region_code LIKE ${`${c.county.prefix}%`} ORDER BY 1`,
        ),
      );
    const full = async () => {
      await t.db.query('DELETE FROM rule_evaluations WHERE county_code = $1', [c.county.code]);
      expect((await ensureFresh(t, c.county.code, year, ['H1'])).full).toContain('H1');
    };
    expect((await ensureFresh(t, c.county.code, year, ['H1'])).full).toContain('H1');
    expect(await digests()).toEqual([v1, v2]);
    const before = await rows();
    // a statement outside the rule layer changes a stored result: the trigger forgets that village's digest
    await t.db.query(`UPDATE rule_results SET reason_zh = '改过' WHERE rule_id = 'H1' AND year = $1 AND subject_key = $2`, [year, String(h1)]);
    expect(await digests()).toEqual([v2]);
    await full();
    const repaired = await rows();
    expect(repaired.map((r) => r.zh)).toEqual(before.map((r) => r.zh));
    // v2 was not read row by row nor written
    expect(repaired.find((r) => r.k === String(h2))?.x).toBe(before.find((r) => r.k === String(h2))?.x);
    expect(await digests()).toEqual([v1, v2]);
    // the household moves to v2 (its marks name both villages): its result moves along, and both digests are right
    await t.db.query('UPDATE households SET region_code = $1 WHERE id = $2', [v2, h1]);
    await t.db.query('UPDATE persons SET region_code = $1 WHERE household_id = $2', [v2, h1]);
    await ensureFresh(t, c.county.code, year, ['H1']);
    const moved = await rows();
    expect(moved.map((r) => [Number(r.k), r.v])).toEqual([
      [h1, v2],
      [h2, v2],
    ]);
    expect(await digests()).toEqual([v2]);
    // a full evaluation now finds every village equal: nothing is written
    await full();
    expect((await rows()).map((r) => r.x)).toEqual(moved.map((r) => r.x));
  });

  // two connections at once: PGlite has one, and serialises transactions
  it.runIf(!!process.env.TEST_DATABASE_URL)('a mark committed while a refresh runs is kept for the next one, even when its id is lower than one read', async () => {
    const d = await buildRegionTree(t);
    const [v1, v2] = [d.townships[0]!.villages[0]!.code, d.townships[1]!.villages[0]!.code];
    const h1 = (await buildHousehold(t, { regionCode: v1, ...monitored })).id;
    const h2 = (await buildHousehold(t, { regionCode: v2, ...monitored })).id;
    expect((await ensureFresh(t, d.county.code, year, ['H1'])).full).toContain('H1');
    // a writer gives h2 an industry measure: its trigger draws a mark id now, the writer commits later
    const [written, writerGo] = [gate(), gate()];
    const writer = t.db.rawTransaction(async (tx) => {
      await tx.query(`INSERT INTO support_measures (household_id, region_code, category, year) VALUES ($1, $2, 'industry', $3)`, [h2, v2, year]);
      written.open();
      await writerGo.opened;
    });
    await written.opened;
    // a later mark (a higher id) is committed before the refresh reads the marks
    await t.db.query(`INSERT INTO rule_dirty (kind, region_code) VALUES ('household', $1)`, [v1]);
    // the refresh is held before its end by a row lock on the evaluation it records
    const [locked, lockGo] = [gate(), gate()];
    const locker = t.db.rawTransaction(async (tx) => {
      await tx.query(`SELECT 1 FROM rule_evaluations WHERE county_code = $1 AND rule_id = 'H1' AND year = $2 FOR UPDATE`, [d.county.code, year]);
      locked.open();
      await lockGo.opened;
    });
    await locked.opened;
    const refresh = ensureFresh(t, d.county.code, year, ['H1']);
    await lockWaiters(t);
    writerGo.open();
    await writer;
    lockGo.open();
    await locker;
    expect((await refresh).incremental).toEqual({ H1: [v1] });
    // the writer's mark is still there, and the next read re-judges its household
    expect(await t.db.query(`SELECT kind FROM rule_dirty WHERE region_code = $1 AND kind = 'household'`, [v2])).toHaveLength(1);
    expect((await ensureFresh(t, d.county.code, year, ['H1'])).incremental).toEqual({ H1: [v2] });
    expect((await stored(d)).map((r) => [Number(r.subject_key), r.status])).toEqual([
      [h1, 'not_met'],
      [h2, 'met'],
    ]);
  });

  it('a stored figure digests as the same result built in JavaScript (numeric(18, 4): 1 is 1.0000, 2/3 is 0.6667)', async () => {
    const v = a.townships[0]!.villages[0]!.code;
    const rows: StoredResult[] = [
      [1, 0.5],
      [2 / 3, 0.7],
      [1e-7, null],
      [-0.00001, 12_345_678.125],
    ].map(([value, threshold], i) => ({
      ruleId: 'E1',
      year: 1990,
      subjectKey: `digest-${i}`,
      regionCode: v,
      status: 'met',
      value: value!,
      threshold: threshold ?? null,
      groupCode: null,
      reasonZh: '理由',
      reasonEn: 'reason',
    }));
    await insertResults(t.db.db, rows);
    const digests = await storedDigests(t.db.db, 'E1', 1990, v);
    expect(rows.map((r) => digests.get(r.subjectKey))).toEqual(rows.map((r) => ({ digest: createHash('md5').update(resultDigestText(r)).digest('hex'), village: v.slice(0, 12) })));
    await t.db.query(`DELETE FROM rule_results WHERE year = 1990`);
  });

  it('stores no rule outside its years, and refreshes by the subject level’s region', () => {
    expect(storableRule({ ruleId: 'H1', clause: '', params: {}, years: [2023] }, 2024)).toBeUndefined();
    expect(storableRule({ ruleId: 'H1', clause: '', params: {}, years: [2023] }, 2023)?.id).toBe('H1');
    expect(storableRule({ ruleId: 'K2', clause: '', params: {} }, 2023)).toBeUndefined();
    expect([
      refreshPrefixLength({}),
      refreshPrefixLength({ subjectLevel: 'village' }),
      refreshPrefixLength({ subjectLevel: 'township' }),
      refreshPrefixLength({ subjectLevel: 'county' }),
      refreshPrefixLength({ subjectLevel: 'record', refreshLevel: 'county' }),
      refreshPrefixLength({ subjectLevel: 'record', refreshLevel: 'township' }),
    ]).toEqual([12, 12, 9, 6, 6, 9]);
  });
});
