import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
let officer: { cookie: string };
const ids: Record<string, number> = {};
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  officer = await buildUser(t, 'county_officer', tree.county.code);
  const [t1, t2] = tree.townships;
  const monitored = { householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' } as const;
  // township 1: one failing (labour, no measure), one met (industry measure this year), one not applicable (no labour)
  ids.fail = (await buildHousehold(t, { regionCode: t1!.villages[0]!.code, ...monitored })).id;
  ids.met = (await buildHousehold(t, { regionCode: t1!.villages[1]!.code, ...monitored })).id;
  ids.noLabor = (await buildHousehold(t, { regionCode: t1!.villages[1]!.code, ...monitored, members: [{ laborCapacity: 'lost' }] })).id;
  // township 2: failing because its only measure is last year's / not developmental
  ids.fail2 = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code, ...monitored })).id;
  ids.eliminated = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code, ...monitored, monitoringStatus: 'eliminated' })).id;
  ids.lifted = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code })).id;
  await t.db.db.insert(supportMeasures).values([
    { householdId: ids.met, regionCode: t1!.villages[1]!.code, category: 'industry', year },
    { householdId: ids.fail2, regionCode: t2!.villages[0]!.code, category: 'industry', year: year - 1 },
    { householdId: ids.fail2, regionCode: t2!.villages[0]!.code, category: 'health', year },
  ]);
});
afterAll(async () => t?.close());

describe('H1 evaluation, dashboard and warning lists', () => {
  it('evaluates H1 for the county, rolled up per township, with failing records', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/H1/evaluate?regionCode=${tree.county.code}`, headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ ruleId: 'H1', status: 'not_met', total: 3, met: 1, threshold: 1 });
    expect(r.records.sort()).toEqual([ids.fail, ids.fail2].sort());
    expect(r.byRegion).toEqual([
      { code: tree.townships[0]!.code, name: tree.townships[0]!.name, total: 2, met: 1, value: 0.5, drill: { regionCode: tree.townships[0]!.code, warning: 'H1' } },
      { code: tree.townships[1]!.code, name: tree.townships[1]!.name, total: 1, met: 0, value: 0, drill: { regionCode: tree.townships[1]!.code, warning: 'H1' } },
    ]);
  });

  it('drills from a figure to the household list with warning=H1', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/households?regionCode=${tree.townships[0]!.code}&warning=H1`, headers: { cookie: officer.cookie } });
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([ids.fail]);
  });

  it('dashboard: counts by type per child region, H1 coverage and warnings with drill parameters', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.region.code).toBe(tree.county.code);
    expect(d.countsByType).toEqual({ monitored: 5, lifted: 1, total: 6 });
    expect(d.byChild.map((c: { counts: Record<string, number> }) => c.counts)).toEqual([
      { monitored: 3, total: 3 },
      { monitored: 2, lifted: 1, total: 3 },
    ]);
    expect(d.byChild[0].drill).toEqual({ regionCode: tree.townships[0]!.code });
    expect(d.h1.byRegion).toHaveLength(2);
    expect(d.warningTotals.H1).toBe(2);
    expect(
      d.warnings
        .filter((w: { code: string }) => w.code === 'H1')
        .map((w: { householdId: number }) => w.householdId)
        .sort(),
    ).toEqual([ids.fail, ids.fail2].sort());
  });

  it('region detail counts households by type per child in one grouped query', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${tree.townships[1]!.code}`, headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: tree.townships[1]!.code, level: 'township', householdCounts: { monitored: 2, lifted: 1, total: 3 } });
    expect(res.json().children[0].householdCounts).toEqual({ monitored: 2, lifted: 1, total: 3 });
    expect(res.json().children[1].householdCounts).toEqual({ total: 0 });
    expect(res.json().path.map((p: { code: string }) => p.code)).toEqual([tree.county.code]);
  });

  it('region tree within scope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/tree?depth=2', headers: { cookie: officer.cookie } });
    const [root] = res.json();
    expect(root.code).toBe(tree.county.code);
    expect(root.children.map((c: { code: string }) => c.code)).toEqual(tree.townships.map((x) => x.code));
    expect(root.children[0].children).toHaveLength(2);
  });
});
