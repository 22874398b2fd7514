import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { ensureFresh } from '../rules/rule-store.service.ts';
import { getDashboard } from './dashboard.service.ts';

// The count tables of migration 0005 are kept by triggers; whatever the writes, they must equal counting the rows.
let t: TestApp;
let a: RegionTree;
let admin: { cookie: string };
const year = new Date().getFullYear();
const monitored = { householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' } as const;

type Row = Record<string, string | number>;
const norm = (rows: Row[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'n' ? Number(v) : v]))).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

async function householdCounts(): Promise<{ kept: Row[]; counted: Row[] }> {
  const p = `${a.county.prefix}%`;
  const kept = rowsOf<Row>(await t.db.db.execute(sql`SELECT region_code, household_type, n FROM household_type_counts WHERE region_code LIKE ${p} AND n <> 0`));
  const counted = rowsOf<Row>(
    await t.db.db.execute(sql`SELECT region_code, household_type, count(*) AS n FROM households WHERE region_code LIKE ${p} AND deleted_at IS NULL GROUP BY 1, 2`),
  );
  return { kept: norm(kept), counted: norm(counted) };
}

async function ruleCounts(): Promise<{ kept: Row[]; counted: Row[] }> {
  const p = `${a.county.prefix}%`;
  const kept = rowsOf<Row>(await t.db.db.execute(sql`SELECT rule_id, year, region_code, status, group_code, n FROM rule_result_counts WHERE region_code LIKE ${p} AND n <> 0`));
  const counted = rowsOf<Row>(
    await t.db.db.execute(
      sql`SELECT rule_id, year, region_code, status, coalesce(group_code, '') AS group_code, count(*) AS n FROM rule_results WHERE region_code LIKE ${p} GROUP BY 1, 2, 3, 4, 5`,
    ),
  );
  return { kept: norm(kept), counted: norm(counted) };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', a.county.code);
  const v = (i: number, j: number) => a.townships[i]!.villages[j]!.code;
  for (const [i, j] of [
    [0, 0],
    [0, 0],
    [0, 1],
    [1, 0],
  ] as const)
    await buildHousehold(t, { regionCode: v(i, j), ...monitored });
  await buildHousehold(t, { regionCode: v(1, 1), householdType: 'lifted' });
  await buildHousehold(t, { regionCode: v(1, 1), householdType: 'ordinary' });
}, 240_000);
afterAll(async () => t?.close());

describe('count tables (migration 0005)', () => {
  it('household counts follow inserts, moves, type changes, exits and deletes', async () => {
    expect((await householdCounts()).counted.length).toBeGreaterThan(0);
    let c = await householdCounts();
    expect(c.kept).toEqual(c.counted);
    const v = (i: number, j: number) => a.townships[i]!.villages[j]!.code;
    const ids = rowsOf<{ id: number }>(await t.db.db.execute(sql`SELECT id FROM households WHERE region_code LIKE ${`${a.county.prefix}%`} ORDER BY id`)).map((r) => Number(r.id));
    await t.db.db.execute(sql`UPDATE households SET region_code = ${v(1, 1)} WHERE id = ${ids[0]}`);
    await t.db.db.execute(sql`UPDATE households SET household_type = 'lifted' WHERE id IN (${ids[1]}, ${ids[2]})`);
    await t.db.db.execute(sql`UPDATE households SET deleted_at = now() WHERE id = ${ids[3]}`);
    c = await householdCounts();
    expect(c.kept).toEqual(c.counted);
    // an edit that changes no region, type or exit writes no count row (saves do not queue on a village's count)
    const xmins = async () =>
      rowsOf<{ x: string }>(await t.db.db.execute(sql`SELECT xmin::text AS x FROM household_type_counts ORDER BY region_code, household_type`)).map((r) => r.x);
    const before = await xmins();
    await t.db.db.execute(sql`UPDATE households SET phone = '13800000000', version = version + 1 WHERE id IN (${ids[1]}, ${ids[2]})`);
    expect(await xmins()).toEqual(before);
    await t.db.db.execute(sql`UPDATE households SET deleted_at = NULL WHERE id = ${ids[3]}`);
    await t.db.db.execute(sql`DELETE FROM persons WHERE household_id = ${ids[5]}`);
    await t.db.db.execute(sql`DELETE FROM households WHERE id = ${ids[5]}`);
    c = await householdCounts();
    expect(c.kept).toEqual(c.counted);
  });

  it('rule counts follow full and incremental refreshes, and the dashboard reads the same figures', async () => {
    await ensureFresh(t, a.county.code, year);
    let c = await ruleCounts();
    expect(c.counted.length).toBeGreaterThan(0);
    expect(c.kept).toEqual(c.counted);
    // a measure makes one monitored household meet H1: an incremental refresh moves it from not_met to met
    const [m] = rowsOf<{ id: number; region_code: string }>(
      await t.db.db.execute(sql`SELECT id, region_code FROM households WHERE region_code LIKE ${`${a.county.prefix}%`} AND household_type = 'monitored' ORDER BY id LIMIT 1`),
    );
    await t.db.db.insert(supportMeasures).values({ householdId: Number(m!.id), regionCode: m!.region_code, category: 'industry', year });
    const report = await ensureFresh(t, a.county.code, year);
    expect(Object.keys(report.incremental).length + report.full.length).toBeGreaterThan(0);
    c = await ruleCounts();
    expect(c.kept).toEqual(c.counted);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard?regionCode=${a.county.code}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const byType = rowsOf<{ household_type: string; n: unknown }>(
      await t.db.db.execute(sql`SELECT household_type, count(*) AS n FROM households WHERE region_code LIKE ${`${a.county.prefix}%`} AND deleted_at IS NULL GROUP BY 1`),
    );
    for (const r of byType) expect(d.countsByType[r.household_type]).toBe(Number(r.n));
    const failing = rowsOf<{ rule_id: string; n: unknown }>(
      await t.db.db.execute(
        sql`SELECT rule_id, count(*) AS n FROM rule_results WHERE region_code LIKE ${`${a.county.prefix}%`} AND year = ${year} AND status = 'not_met' GROUP BY 1`,
      ),
    );
    const h1 = failing.find((f) => f.rule_id === 'H1');
    expect(d.warningTotals.H1).toBe(Number(h1?.n ?? 0));
    expect(d.warnings.filter((w: { code: string }) => w.code === 'H1')).toHaveLength(Number(h1?.n ?? 0));
    expect(d.h1.records).toEqual([]);
    expect(d.h1.total).toBe(d.rules.find((r: { ruleId: string }) => r.ruleId === 'H1').total);
  });

  it('dashboards asked for at once are built once; a write in between is seen by the next one', async () => {
    const actor = { id: 1, username: 'admin', displayName: 'admin', role: 'admin', regionCode: a.county.code, scopePrefix: a.county.prefix, requestId: 't' } as never;
    const [d1, d2, d3] = await Promise.all([getDashboard(t, actor, a.county.code), getDashboard(t, actor, a.county.code), getDashboard(t, actor, a.county.code)]);
    expect(d2).toBe(d1);
    expect(d3).toBe(d1);
    await buildHousehold(t, { regionCode: a.townships[0]!.villages[0]!.code, householdType: 'lifted' });
    const d4 = await getDashboard(t, actor, a.county.code);
    expect(d4).not.toBe(d1);
    expect(d4.countsByType.lifted).toBe((d1.countsByType.lifted ?? 0) + 1);
    // another region is another dashboard
    const d5 = await getDashboard(t, actor, a.townships[0]!.code);
    expect(d5.region.code).toBe(a.townships[0]!.code);
  });
});
