import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../../test/factories.ts';
import { DISTRIBUTION_GATHERER } from './distribution.gatherers.ts';
import { distributionFactsQuery, gatherDistributionFacts } from './distribution-facts.repo.ts';
import { GATHERERS } from './index.ts';

describe('distribution facts SQL', () => {
  it('per village: the collective’s asset income and confirmed distributions of the year, and what went to 脱贫/监测 households', async () => {
    const { params, text } = factsSnapshot('distribution facts over a county, year 2025', distributionFactsQuery({ prefix: '410781', year: 2025 }));
    expect(params).toEqual(['410781%', 2025, '410781%', 2025, '410781%', 2025, 'lifted', 'monitored']);
    await expect(text).toMatchFileSnapshot('./__snapshots__/distribution-facts.sql');
    expect(GATHERERS.get('distribution')).toBe(DISTRIBUTION_GATHERER);
  });
});

describe('distribution facts on rows, and A2 through the rule layer', () => {
  let t: TestApp;
  let tree: RegionTree;
  let admin: { cookie: string };
  let v1: string;
  let v2: string;
  let v3: string;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t, { townships: 1, villages: 3 });
    admin = await buildUser(t, 'admin', tree.county.code);
    [v1, v2, v3] = tree.townships[0]!.villages.map((v) => v.code) as [string, string, string];
    const asset = async (region: string, owner: string, fen: number, year = 2025) => {
      const [a] = await t.db.query<{ id: number }>(
        `INSERT INTO assets (asset_no, name, region_code, category, value_fen, owner_kind) VALUES ($1, '资产', $2, 'operating', 1000000, $3) RETURNING id`,
        [`DG${region}${owner.slice(0, 1)}${year}${fen}`, region, owner],
      );
      await t.db.query(`INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen) VALUES ($1, $2, $3, 1, $4)`, [a!.id, region, year, fen]);
    };
    // v1: 10 000 元 of collective income, a confirmed distribution paying 7 200 to 脱贫/监测 and 500 to an 一般农户, a draft ignored
    await asset(v1, 'village_collective', 1_000_000);
    await asset(v1, 'township', 9_000_000); // not the collective's
    await asset(v1, 'village_collective', 5_000_000, 2024); // another year
    const lifted = await buildHousehold(t, { regionCode: v1, householdType: 'lifted' });
    const monitored = await buildHousehold(t, { regionCode: v1, householdType: 'monitored' });
    const ordinary = await buildHousehold(t, { regionCode: v1, householdType: 'ordinary' });
    const dist = async (region: string, status: string, incomeFen: number, lines: [number, number][]) => {
      const [d] = await t.db.query<{ id: number }>(
        `INSERT INTO income_distributions (region_code, year, half, collective_income_fen, status) VALUES ($1, 2025, 1, $2, $3) RETURNING id`,
        [region, incomeFen, status],
      );
      for (const [h, fen] of lines)
        await t.db.query(`INSERT INTO distribution_lines (distribution_id, household_id, region_code, kind, amount_fen) VALUES ($1, $2, $3, 'work', $4)`, [d!.id, h, region, fen]);
    };
    await dist(v1, 'confirmed', 1_000_000, [
      [lifted.id, 400_000],
      [monitored.id, 320_000],
      [ordinary.id, 50_000],
    ]);
    await dist(v1, 'draft', 1_000_000, [[lifted.id, 999_999]]);
    // v2: asset income of 5 000 元 and nothing distributed (fails A2)
    await asset(v2, 'village_collective', 500_000);
    // v3: a confirmed distribution stating 2 000 元 with no asset income recorded, 1 390 元 to 脱贫户 (69.5 %)
    const l3 = await buildHousehold(t, { regionCode: v3, householdType: 'lifted' });
    await dist(v3, 'confirmed', 200_000, [[l3.id, 139_000]]);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy/active',
      headers: { cookie: admin.cookie },
      payload: { packId: 'xinxiang', countyCode: tree.county.code },
    });
    expect(put.statusCode, put.body).toBe(200);
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps one row per village with collective income', async () => {
    const facts = await gatherDistributionFacts(t.db.db, { prefix: tree.county.prefix, year: 2025 });
    expect(facts.map((f) => [f.regionCode, f.collectiveIncomeFen, f.toLiftedMonitoredFen])).toEqual([
      [v1, 1_000_000, 720_000],
      [v2, 500_000, 0],
      [v3, 200_000, 139_000],
    ]);
    expect(await gatherDistributionFacts(t.db.db, { prefix: tree.county.prefix, year: 2023 })).toEqual([]);
  });

  it('A2 through the stored results: v1 meets 70 %, v2 and v3 do not', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/A2/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.total, r.met, r.status]).toEqual([3, 1, 'not_met']);
    expect(r.failing.map((f: { key: string }) => f.key).sort()).toEqual([v2, v3].sort());
    expect(r.failing.find((f: { key: string }) => f.key === v3).reasonZh).toContain('69.5%');
  });
});
