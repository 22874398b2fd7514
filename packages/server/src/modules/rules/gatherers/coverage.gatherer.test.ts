import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../../test/factories.ts';
import { COVERAGE_GATHERER } from './coverage.gatherers.ts';
import { coverageFactsQuery, gatherCoverageFacts } from './coverage-facts.repo.ts';

describe('coverage facts SQL', () => {
  it('every 脱贫户 / 监测户 under the prefix with its work, measures, linkages, posts, projects, two years of incomes and the local figure', async () => {
    const { text } = factsSnapshot('coverage facts over a county, year 2024', coverageFactsQuery({ prefix: '410781', year: 2024 }));
    await expect(text).toMatchFileSnapshot('./__snapshots__/coverage-facts.sql');
  });
});

describe('coverage facts on rows, and H3/H5/H6 through the rule layer', () => {
  let t: TestApp;
  let tree: RegionTree;
  let admin: { cookie: string };
  const ids = { linked: 0, worker: 0, idle: 0, ordinary: 0, far: 0 };
  const income = (householdId: number, region: string, year: number, wage: number, members: number, extra: { business?: number; transfer?: number } = {}) =>
    t.db.query(`INSERT INTO household_incomes (household_id, region_code, year, wage, business, transfer, member_count) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      householdId,
      region,
      year,
      wage,
      extra.business ?? 0,
      extra.transfer ?? 0,
      members,
    ]);
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    admin = await buildUser(t, 'admin', tree.county.code);
    const v = tree.townships[0]!.villages[0]!.code;
    const far = tree.townships[1]!.villages[0]!.code;
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy/active',
      headers: { cookie: admin.cookie },
      payload: { packId: 'sanmenxia', countyCode: tree.county.code },
    });
    expect(put.statusCode, put.body).toBe(200);
    // linked: a linkage of 2024 with 1 200 元; worker: a member in county work; idle: labour, nothing; ordinary: not a subject
    ids.linked = (await buildHousehold(t, { regionCode: v, householdType: 'lifted', isLifted: true })).id;
    ids.worker = (await buildHousehold(t, { regionCode: v, householdType: 'monitored', members: [{ laborCapacity: 'ordinary', employmentStatus: 'in_county' }] })).id;
    ids.idle = (await buildHousehold(t, { regionCode: v, householdType: 'lifted', isLifted: true })).id;
    ids.ordinary = (await buildHousehold(t, { regionCode: v, householdType: 'ordinary' })).id;
    ids.far = (await buildHousehold(t, { regionCode: far, householdType: 'lifted', isLifted: true })).id;
    const [entity] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', '测试合作社') RETURNING id`, [v]);
    await t.db.query(`INSERT INTO linkages (entity_id, household_id, region_code, mode, year, income_fen, income_type) VALUES ($1, $2, $3, 'employment', 2024, 120000, 'wage')`, [
      entity!.id,
      ids.linked,
      v,
    ]);
    // 脱贫户 of the village: 2 × 11 000 + 2 × 8 000 in 2024 (38 000 / 4 = 9 500) after 2 × 10 000 + 2 × 7 000 (8 500): +11.8 %
    await income(ids.linked, v, 2024, 22_000, 2);
    await income(ids.linked, v, 2023, 20_000, 2);
    await income(ids.idle, v, 2024, 16_000, 2);
    await income(ids.idle, v, 2023, 14_000, 2);
    await income(ids.worker, v, 2024, 9_000, 2);
    await income(ids.worker, v, 2023, 10_000, 2);
    // the county's figure: 15 000 → 16 200 (+8.0 %); the far village's township has its own: 15 000 → 16 800 (+12 %)
    await t.db.query(
      `INSERT INTO local_farmer_incomes (region_code, year, per_capita_income_fen, source) VALUES ($1, 2024, 1620000, '统计公报'), ($1, 2023, 1500000, '统计公报')`,
      [tree.county.code],
    );
    await t.db.query(`INSERT INTO local_farmer_incomes (region_code, year, per_capita_income_fen) VALUES ($1, 2024, 1680000), ($1, 2023, 1500000)`, [tree.townships[1]!.code]);
    await income(ids.far, far, 2024, 11_200, 1);
    await income(ids.far, far, 2023, 10_000, 1);
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps the households of the prefix with their aggregates and the nearest local figure', async () => {
    const facts = await gatherCoverageFacts(t.db.db, { prefix: tree.county.prefix, year: 2024 });
    expect(facts.map((f) => f.householdId).sort((a, b) => a - b)).toEqual([ids.linked, ids.worker, ids.idle, ids.far].sort((a, b) => a - b));
    const linked = facts.find((f) => f.householdId === ids.linked)!;
    expect(linked).toMatchObject({ linkages: 1, linkageIncomeFen: 120_000, workers: 0, publicPost: false, industryProjects: 0 });
    expect(linked.income).toMatchObject({ wage: 22_000, memberCount: 2 });
    expect(linked.prevIncome).toMatchObject({ wage: 20_000 });
    expect(linked.local).toEqual({ regionCode: tree.county.code, incomeFen: 1_620_000, prevIncomeFen: 1_500_000 });
    expect(facts.find((f) => f.householdId === ids.worker)!.workers).toBe(1);
    expect(facts.find((f) => f.householdId === ids.far)!.local).toEqual({ regionCode: tree.townships[1]!.code, incomeFen: 1_680_000, prevIncomeFen: 1_500_000 });
    expect(COVERAGE_GATHERER.kind).toBe('coverage');
  });

  const evaluate = async (rule: string, year: number) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/${rule}/evaluate?regionCode=${tree.county.code}&year=${year}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('H3 and H5 list the failing households with their reasons and labels', async () => {
    const h3 = await evaluate('H3', 2024);
    expect([h3.total, h3.met]).toEqual([4, 1]);
    const idle = h3.failing.find((f: { key: string }) => Number(f.key) === ids.idle);
    expect(idle.reasonZh).toContain('无产业项目或联农带农');
    expect(idle.link).toBe(`/households/${ids.idle}`);
    const h5 = await evaluate('H5', 2024);
    const reasons = Object.fromEntries(h5.failing.map((f: { key: string; groupCode: string }) => [Number(f.key), f.groupCode]));
    // the idle household's recorded wage income is its channel; the worker's income fell (10 000 → 9 000)
    expect(reasons).toEqual({ [ids.worker]: 'income_fell' });
    expect(h5.failing[0].reasonZh).toContain('收入较上年下降');
    const met = await t.app.inject({ method: 'GET', url: `/api/v1/rules/H5/results?regionCode=${tree.county.code}&year=2024&status=met`, headers: { cookie: admin.cookie } });
    const idleMet = met.json().items.find((i: { key: string }) => Number(i.key) === ids.idle);
    expect(idleMet.reasonZh).toContain('工资性收入');
  });

  it('H6: the village grows 11.8 % against the county 8.0 %; the far village 12.0 % is not above its township 12.0 %; a new local figure changes it', async () => {
    const h6 = await evaluate('H6', 2024);
    const byVillage = Object.fromEntries(h6.byRegion.map((r: { code: string; met: number; total: number }) => [r.code, [r.met, r.total]]));
    expect(byVillage[tree.townships[0]!.code]).toEqual([1, 1]);
    expect(byVillage[tree.townships[1]!.code]).toEqual([0, 1]);
    expect(h6.failing[0].reasonZh).toContain('不高于当地农民收入增速');
    expect(h6.failing[0].link).toBe(`/regions?code=${tree.townships[1]!.villages[0]!.code}`);
    // the township's 2024 figure corrected to 16 500 (+10 %): the county-level row's dirty mark re-judges its villages
    await t.db.query(`UPDATE local_farmer_incomes SET per_capita_income_fen = 1650000, version = version + 1 WHERE region_code = $1 AND year = 2024`, [tree.townships[1]!.code]);
    const again = await evaluate('H6', 2024);
    expect([again.total, again.met]).toEqual([2, 2]);
  });
});
