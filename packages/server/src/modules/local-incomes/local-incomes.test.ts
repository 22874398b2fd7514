import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

describe('当地农民人均可支配收入 (local-incomes)', () => {
  let t: TestApp;
  let tree: RegionTree;
  let other: RegionTree;
  let county: { cookie: string };
  let township: { cookie: string };
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    other = await buildRegionTree(t);
    county = await buildUser(t, 'county_officer', tree.county.code);
    township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  }, 240_000);
  afterAll(async () => t?.close());

  const put = (who: { cookie: string }, year: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/local-incomes/${year}`, headers: { cookie: who.cookie, ...headers }, payload });

  it('county staff enter a figure in 元, stored in 分, audited; the list gives the growth over the year before', async () => {
    expect((await put(county, 2023, { regionCode: tree.county.code, perCapitaIncomeYuan: 15000, source: '2023年统计公报' })).statusCode).toBe(200);
    const res = await put(county, 2024, { regionCode: tree.county.code, perCapitaIncomeYuan: 16200.5, source: '2024年统计公报' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2024, perCapitaIncomeYuan: 16200.5, version: 1, growth: 0.08 });
    const [row] = await t.db.query<{ per_capita_income_fen: string }>(`SELECT per_capita_income_fen FROM local_farmer_incomes WHERE region_code = $1 AND year = 2024`, [
      tree.county.code,
    ]);
    expect(Number(row!.per_capita_income_fen)).toBe(1_620_050);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE entity_type = 'local_farmer_income' AND region_code = $1`, [tree.county.code]);
    expect(audit.length).toBe(2);
    // a township officer reads the county's figures (the region above it)
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/local-incomes', headers: { cookie: township.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().writable).toBe(false);
    expect(list.json().items.map((i: { year: number; growth: number | null }) => [i.year, i.growth])).toEqual([
      [2024, 0.08],
      [2023, null],
    ]);
  });

  it('a change needs the version read: none 428, stale 409, current 200', async () => {
    const body = { regionCode: tree.county.code, perCapitaIncomeYuan: 16300, source: '修正' };
    expect((await put(county, 2024, body)).statusCode).toBe(428);
    expect((await put(county, 2024, { ...body, version: 7 })).json().error.code).toBe('STALE_VERSION');
    const ok = await put(county, 2024, body, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
  });

  it('refusals: a township officer 403, a region outside the scope 403, a village 400, a year not begun 400, no source 400', async () => {
    const body = { regionCode: tree.county.code, perCapitaIncomeYuan: 1000, source: '公报' };
    const byTownship = await put(township, 2022, body);
    expect(byTownship.statusCode).toBe(403);
    expect(byTownship.json().error.details.issues[0].messageZh).toContain('县级业务人员');
    expect((await put(county, 2022, { ...body, regionCode: other.county.code })).statusCode).toBe(403);
    const village = await put(county, 2022, { ...body, regionCode: tree.townships[0]!.villages[0]!.code });
    expect(village.statusCode).toBe(400);
    expect(village.json().error.details.issues[0].path).toBe('regionCode');
    const future = await put(county, 2100, body);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0].path).toBe('year');
    expect((await put(county, 2022, { ...body, source: ' ' })).statusCode).toBe(400);
    expect((await put(county, 2022, { ...body, perCapitaIncomeYuan: 0 })).statusCode).toBe(400);
  });
});
