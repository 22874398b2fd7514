import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../../test/factories.ts';
import { ASSET_GATHERER } from './asset.gatherers.ts';
import { assetFactsQuery, gatherAssetFacts } from './asset-facts.repo.ts';

describe('asset facts SQL', () => {
  it('every asset under the prefix with its class history and the incomes of the year and the year before', async () => {
    const { params, text } = factsSnapshot('asset facts over a county, year 2025', assetFactsQuery({ prefix: '410781', year: 2025 }));
    expect(params).toEqual([2025, 2025, '410781%']);
    await expect(text).toMatchFileSnapshot('./__snapshots__/asset-facts.sql');
  });
});

describe('asset facts on rows, and A1/A3/A4 through the rule layer', () => {
  let t: TestApp;
  let tree: RegionTree;
  let admin: { cookie: string };
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    admin = await buildUser(t, 'admin', tree.county.code);
    const v = tree.townships[0]!.villages[0]!.code;
    const far = tree.townships[1]!.villages[0]!.code;
    const ins = async (no: string, region: string, category: string, valueFen: number, assetClass: string | null) =>
      Number(
        (
          await t.db.query<{ id: number }>(
            `INSERT INTO assets (asset_no, name, region_code, category, value_fen, formed_on, management_level, asset_class) VALUES ($1, $2, $3, $4, $5, '2023-06-30', 'village_runs', $6) RETURNING id`,
            [no, `资产${no}`, region, category, valueFen, assetClass],
          )
        )[0]?.id,
      );
    // a cold store of 80 万元 earning 1.2 万 in 2025 (≥ 1.50% = 1.2 万: met); a greenhouse of 50 万 earning 3 000 (< 7 500)
    ids.store = await ins('ZC-1', v, 'operating', 80_000_000, 'consolidate');
    ids.greenhouse = await ins('ZC-2', v, 'operating', 50_000_000, 'revitalise');
    ids.road = await ins('ZC-3', v, 'public_welfare', 200_000_000, null);
    ids.far = await ins('ZC-4', far, 'operating', 10_000_000, 'upgrade');
    const income = (asset: number, region: string, year: number, half: number, fen: number) =>
      t.db.query(`INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen, stocktake_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
        asset,
        region,
        year,
        half,
        fen,
        `${year}-${half === 1 ? '07' : '12'}-20`,
      ]);
    await income(ids.store, v, 2025, 1, 500_000);
    await income(ids.store, v, 2025, 2, 700_000);
    await income(ids.greenhouse, v, 2025, 1, 300_000);
    await income(ids.greenhouse, v, 2024, 2, 100_000);
    await income(ids.greenhouse, v, 2023, 2, 100_000);
    await t.db.query(
      `INSERT INTO asset_class_changes (asset_id, region_code, from_class, to_class, reason) VALUES ($1, $2, 'consolidate', 'revitalise', '经营困难，给予租金减免')`,
      [ids.greenhouse, v],
    );
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy/active',
      headers: { cookie: admin.cookie },
      payload: { packId: 'xinxiang', countyCode: tree.county.code },
    });
    expect(put.statusCode, put.body).toBe(200);
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps the assets of the prefix with their history and the two years of incomes', async () => {
    const facts = await gatherAssetFacts(t.db.db, { prefix: tree.townships[0]!.prefix, year: 2025 }, '2026-03-01');
    expect(facts.map((f) => f.assetId).sort()).toEqual([ids.store, ids.greenhouse, ids.road].sort());
    const g = facts.find((f) => f.assetId === ids.greenhouse)!;
    expect(g).toMatchObject({ category: 'operating', valueFen: 50_000_000, formedOn: '2023-06-30', assetClass: 'revitalise', asOf: '2026-03-01' });
    expect(g.classChanges).toEqual([{ assetClass: 'revitalise', reason: '经营困难，给予租金减免' }]);
    // 2023 is outside the window (the judged year and the year before)
    expect(g.incomes).toEqual([
      { year: 2024, half: 2, incomeFen: 100_000 },
      { year: 2025, half: 1, incomeFen: 300_000 },
    ]);
    expect(ASSET_GATHERER.kind).toBe('asset');
  });

  it('A1 through the stored results: the greenhouse earns less than 1.50% of its value, the cold store does not', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/A1/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    // the far asset has no stock-take in 2025: not judged by A1 (A3's finding)
    expect([r.total, r.met, r.status]).toEqual([2, 1, 'not_met']);
    expect(r.failing.map((f: { key: string }) => Number(f.key))).toEqual([ids.greenhouse]);
    const g = r.failing[0];
    expect(g.reasonZh).toContain('低于');
  });

  it('A3 through the stored results: 2025 is judged on its 下半年, which the greenhouse and the far asset lack', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/A3/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.total, r.met]).toEqual([3, 1]);
    expect(r.failing.map((f: { key: string }) => Number(f.key)).sort()).toEqual([ids.greenhouse, ids.far].sort());
  });
});
