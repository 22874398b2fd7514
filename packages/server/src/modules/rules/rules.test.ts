import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
let officer: { cookie: string };
let viewer: { cookie: string };
const ids: Record<string, number> = {};
const year = new Date().getFullYear();
const get = (url: string, cookie = officer.cookie) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  officer = await buildUser(t, 'county_officer', tree.county.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  const [t1, t2] = tree.townships;
  const monitored = { householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' } as const;
  // township 1: failing (labour, no measure), met (industry measure this year), not applicable (no labour),
  // labour not recorded (failing: labour_unknown), weak/half labour only (listed, not counted)
  ids.fail = (await buildHousehold(t, { regionCode: t1!.villages[0]!.code, ...monitored })).id;
  ids.met = (await buildHousehold(t, { regionCode: t1!.villages[1]!.code, ...monitored })).id;
  ids.noLabor = (await buildHousehold(t, { regionCode: t1!.villages[1]!.code, ...monitored, members: [{ laborCapacity: 'lost' }] })).id;
  ids.unknown = (await buildHousehold(t, { regionCode: t1!.villages[0]!.code, ...monitored, members: [{ laborCapacity: null }, { laborCapacity: 'lost' }] })).id;
  ids.weak = (await buildHousehold(t, { regionCode: t1!.villages[0]!.code, ...monitored, members: [{ laborCapacity: 'weak' }] })).id;
  // township 2: failing because its only measure is last year's / not developmental
  ids.fail2 = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code, ...monitored })).id;
  ids.eliminated = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code, ...monitored, monitoringStatus: 'eliminated' })).id;
  ids.lifted = (await buildHousehold(t, { regionCode: t2!.villages[0]!.code })).id;
  await t.db.db.insert(supportMeasures).values([
    { householdId: ids.met, regionCode: t1!.villages[1]!.code, category: 'industry', year },
    { householdId: ids.fail2, regionCode: t2!.villages[0]!.code, category: 'industry', year: year - 1 },
    { householdId: ids.fail2, regionCode: t2!.villages[0]!.code, category: 'health', year },
  ]);
}, 240_000);
afterAll(async () => t?.close());

describe('GET /rules/:ruleId/evaluate (stored results)', () => {
  it('evaluates H1 for the county per township, with failing households, labels, links and groups', async () => {
    const res = await get(`/api/v1/rules/H1/evaluate?regionCode=${tree.county.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    // counted: fail, met, unknown (township 1), fail2 (township 2); weak is listed apart
    expect(r).toMatchObject({
      ruleId: 'H1',
      status: 'not_met',
      total: 4,
      met: 1,
      value: 0.25,
      threshold: 1,
      unit: 'share',
      thresholdUnit: 'share',
      year,
      factsKind: 'household',
      failingTotal: 3,
    });
    expect(r.clauseText).toContain('中农组发〔2021〕7号');
    expect(r.records).toEqual([ids.fail, ids.unknown, ids.fail2].sort((a, b) => a! - b!));
    expect(r.byRegion).toEqual([
      {
        code: tree.townships[0]!.code,
        name: tree.townships[0]!.name,
        total: 3,
        met: 1,
        value: 0.3333,
        unit: 'share',
        status: 'not_met',
        drill: { regionCode: tree.townships[0]!.code, warning: 'H1' },
      },
      {
        code: tree.townships[1]!.code,
        name: tree.townships[1]!.name,
        total: 1,
        met: 0,
        value: 0,
        unit: 'share',
        status: 'not_met',
        drill: { regionCode: tree.townships[1]!.code, warning: 'H1' },
      },
    ]);
    expect(r.groups).toEqual([
      { code: 'labour_unknown', labelZh: '劳动能力未采集', labelEn: 'labour capacity not recorded', count: 1 },
      { code: 'no_measure', labelZh: '有劳动能力未落实开发式帮扶措施', labelEn: 'labour capacity, no development-type measure', count: 2 },
      { code: 'weak_labour', labelZh: '弱劳力半劳力：创造条件探索落实', labelEn: 'weak or half labour only: explore where conditions allow', count: 1 },
    ]);
    const unknown = r.failing.find((f: { key: string }) => f.key === String(ids.unknown));
    expect(unknown).toMatchObject({ groupCode: 'labour_unknown', link: `/households/${ids.unknown}`, regionName: tree.townships[0]!.villages[0]!.name, status: 'not_met' });
    expect(unknown.label).toMatch(/^T\S+ 成员\d+$/);
    expect(unknown.reasonZh).toContain('劳动能力未采集');
  });

  it('answers 404 for an unknown rule or one the pack does not set, 400 for a malformed id', async () => {
    expect((await get('/api/v1/rules/Z9/evaluate')).statusCode).toBe(404);
    expect((await get('/api/v1/rules/h1/evaluate')).statusCode).toBe(400);
    expect((await get(`/api/v1/rules/H1/evaluate?regionCode=${tree.county.code.replace(/^41/, '42')}`)).statusCode).toBe(404);
  });
});

describe('GET /rules and /rules/:ruleId/results', () => {
  it('lists every rule of the county’s pack with its status; H1 carries its figure and sandbox example', async () => {
    const res = await get(`/api/v1/rules?regionCode=${tree.townships[0]!.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ countyCode: tree.county.code, packId: 'sanmenxia', year });
    const h1 = body.rules.find((r: { ruleId: string }) => r.ruleId === 'H1');
    expect(h1).toMatchObject({
      status: 'not_met',
      total: 3,
      met: 1,
      unit: 'share',
      thresholdUnit: 'share',
      inForce: true,
      implemented: true,
      sandbox: { example: { householdType: 'monitored' } },
    });
    expect(h1.paramsTextZh).toContain('覆盖率不低于 100%');
    const k2 = body.rules.find((r: { ruleId: string }) => r.ruleId === 'K2');
    expect(k2).toMatchObject({ status: 'not_implemented', implemented: false, total: 0 });
    // a rule set for other years only is not evaluated this year
    for (const r of body.rules.filter((x: { years: number[] | null }) => x.years && !x.years.includes(year))) {
      expect([r.ruleId, r.inForce, r.total]).toEqual([r.ruleId, false, 0]);
      expect(['not_in_force', 'not_implemented']).toContain(r.status);
      if (r.implemented) {
        const ev = await get(`/api/v1/rules/${r.ruleId}/evaluate`);
        expect([ev.statusCode, ev.json().error.details.reason]).toEqual([409, 'not_in_force']);
      }
    }
  });

  it('pages the failing subjects, and lists the weak-labour households apart', async () => {
    const page1 = (await get(`/api/v1/rules/H1/results?regionCode=${tree.county.code}&pageSize=2`)).json();
    expect([page1.total, page1.items.length]).toEqual([3, 2]);
    const page2 = (await get(`/api/v1/rules/H1/results?regionCode=${tree.county.code}&pageSize=2&page=2`)).json();
    expect([...page1.items, ...page2.items].map((i: { key: string }) => Number(i.key)).sort()).toEqual([ids.fail, ids.unknown, ids.fail2].sort());
    const listed = (await get(`/api/v1/rules/H1/results?status=listed`)).json();
    expect(listed.items.map((i: { key: string; groupCode: string }) => [Number(i.key), i.groupCode])).toEqual([[ids.weak, 'weak_labour']]);
    const byGroup = (await get(`/api/v1/rules/H1/results?group=labour_unknown`, viewer.cookie)).json();
    expect(byGroup.items.map((i: { key: string }) => Number(i.key))).toEqual([ids.unknown]);
  });
});

describe('POST /rules/:ruleId/check (policy sandbox)', () => {
  const check = (ruleId: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/rules/${ruleId}/check`, headers: { cookie: viewer.cookie }, payload });
  const household = { householdType: 'monitored', monitoringStatus: 'monitoring', laborCapacities: ['ordinary'], measureCategories: ['health'] };

  it('judges one household given by value (002 §二(一)1)', async () => {
    const no = await check('H1', { packId: 'jincheng', year: 2023, facts: household });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json()).toMatchObject({
      status: 'not_met',
      clause: '002 §二(一)1',
      clauseText: '晋市农发〔2023〕52号 二(一)1',
      value: 0,
      threshold: 1,
      unit: 'share',
      thresholdUnit: 'share',
    });
    expect(no.json().reasonZh).toContain('未落实开发式帮扶措施');
    const yes = (await check('H1', { packId: 'jincheng', year: 2023, facts: { ...household, measureCategories: ['industry'] } })).json();
    expect(yes).toMatchObject({ status: 'met' });
    const weak = (await check('H1', { packId: 'jincheng', year: 2023, facts: { ...household, laborCapacities: ['weak'] } })).json();
    expect(weak.status).toBe('not_applicable');
  });

  it('names the unit of each figure: a subsidy in 元, linkage modes as a count, a county’s share, F5’s share against an amount', async () => {
    const figure = async (ruleId: string, packId: string, year: number, facts: unknown) => {
      const res = await check(ruleId, { packId, year, facts });
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json();
      return [a.value, a.threshold, a.unit, a.thresholdUnit];
    };
    // 002 §二(二)2: 日光温室 2.5 亩 × 3 万元
    expect(await figure('S1', 'jincheng', 2023, { kind: 'solar_greenhouse', areaMu: 2.5 })).toEqual([75_000, 75_000, 'yuan', 'yuan']);
    // 004 §六: 2 modes of at least 2
    expect(await figure('P3', 'xinxiang', 2024, { projectType: 'industry', linkageModes: ['股份合作', 'employment'] })).toEqual([2, 2, 'count', 'count']);
    // 000 §五(二): 5 600 000 of 10 000 000 against 55 %
    expect(await figure('F1', 'sanmenxia', 2022, { years: { '2022': { linkageFundYuan: 10_000_000, industryYuan: 5_600_000 } } })).toEqual([0.56, 0.55, 'share', 'share']);
    // 003 §二(一): the township's industry share 60 %, the 2022 floor 1000 万元
    const f5 = { years: { '2022': { plannedIndustryYuan: 12_000_000, plannedTotalYuan: 20_000_000 } } };
    expect(await figure('F5', 'sanmenxia', 2022, f5)).toEqual([0.6, 10_000_000, 'share', 'yuan']);
  });

  it('A1 and A2 (004 §五) are judged by value before any asset is stored: the pack’s benchmark rate, the 70 % share', async () => {
    const judge = async (ruleId: string, facts: unknown) => {
      const res = await check(ruleId, { packId: 'xinxiang', year: 2024, facts });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // 80 万元 × 1.50 % (PBoC one-year deposit benchmark, the pack's rate for 2024) = 1.2 万元
    expect(await judge('A1', { assetValueYuan: 800_000, yearIncomeYuan: 12_000 })).toMatchObject({
      status: 'met',
      value: 12_000,
      threshold: 12_000,
      unit: 'yuan',
      clauseText: '新农字〔2024〕34号 五',
    });
    const low = await judge('A1', { assetValueYuan: 800_000, yearIncomeYuan: 11_999.99 });
    expect(low).toMatchObject({ status: 'not_met', value: 11_999.99, threshold: 12_000 });
    expect(low.reasonZh).toContain('低于资产价值 800,000 元 × 同期银行基准利率 1.50% = 12,000 元');
    expect(await judge('A2', { collectiveIncomeYuan: 100_000, toLiftedMonitoredYuan: 70_000 })).toMatchObject({ status: 'met', value: 0.7, threshold: 0.7, unit: 'share' });
    expect(await judge('A2', { collectiveIncomeYuan: 100_000, toLiftedMonitoredYuan: 69_999.99 })).toMatchObject({ status: 'not_met', threshold: 0.7 });
    const bad = await check('A2', { packId: 'xinxiang', year: 2024, facts: { collectiveIncomeYuan: 100, toLiftedMonitoredYuan: 101 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['facts.toLiftedMonitoredYuan']);
  });

  it('400 names the field of facts; 404 for an unknown pack, a rule the pack lacks, a rule without sandbox', async () => {
    const bad = await check('H1', { packId: 'jincheng', year: 2023, facts: { ...household, laborCapacities: 'ordinary' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('facts.laborCapacities');
    expect((await check('H1', { packId: 'nowhere', year: 2023, facts: household })).statusCode).toBe(404);
    expect((await check('F3', { packId: 'xuchang', year: 2023, facts: {} })).statusCode).toBe(404);
    expect((await check('K2', { packId: 'jincheng', year: 2023, facts: {} })).statusCode).toBe(404);
    expect((await check('H1', { packId: 'jincheng', facts: household })).statusCode).toBe(400);
  });
});

describe('lists, dashboard and refresh from stored results', () => {
  it('drills from a figure to the household list with warning=H1; a rule that is no household rule is 400', async () => {
    const res = await get(`/api/v1/households?regionCode=${tree.townships[0]!.code}&warning=H1`);
    expect(
      res
        .json()
        .items.map((i: { id: number }) => i.id)
        .sort(),
    ).toEqual([ids.fail, ids.unknown].sort());
    // county-wide: the total, the list's order (region, then id) and paging come from the stored results
    const all = (await get(`/api/v1/households?regionCode=${tree.county.code}&warning=H1`)).json();
    expect(all.total).toBe(3);
    const plain = (await get(`/api/v1/households?regionCode=${tree.county.code}&pageSize=100`)).json();
    const order = plain.items.map((i: { id: number }) => i.id).filter((id: number) => [ids.fail, ids.unknown, ids.fail2].includes(id));
    expect(all.items.map((i: { id: number }) => i.id)).toEqual(order);
    const page2 = (await get(`/api/v1/households?regionCode=${tree.county.code}&warning=H1&pageSize=2&page=2`)).json();
    expect([page2.total, page2.items.map((i: { id: number }) => i.id)]).toEqual([3, order.slice(2)]);
    // with another filter the households are joined: a type none of them has, a name only one has
    const lifted = (await get(`/api/v1/households?regionCode=${tree.county.code}&warning=H1&householdType=lifted`)).json();
    expect([lifted.total, lifted.items]).toEqual([0, []]);
    const detail = (await get(`/api/v1/households/${ids.fail2}`)).json();
    const byNo = (await get(`/api/v1/households?regionCode=${tree.county.code}&warning=H1&q=${encodeURIComponent(detail.householdNo)}`)).json();
    expect([byNo.total, byNo.items.map((i: { id: number }) => i.id)]).toEqual([1, [ids.fail2]]);
    expect((await get('/api/v1/households?warning=K2')).statusCode).toBe(400);
    expect((await get('/api/v1/households?warning=h1')).statusCode).toBe(400);
    // a rule of the pack that judges no household (H3: the county's coverage) is no list warning either
    expect((await get('/api/v1/households?warning=H3')).statusCode).toBe(400);
    expect((await get('/api/v1/households?warning=identification_overdue')).statusCode).toBe(200);
  });

  it('dashboard: counts by type, every rule of the pack, H1 per child region and warnings per rule', async () => {
    const res = await get('/api/v1/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.region.code).toBe(tree.county.code);
    expect(d.countsByType).toEqual({ monitored: 7, lifted: 1, total: 8 });
    expect(d.byChild[0].drill).toEqual({ regionCode: tree.townships[0]!.code });
    expect(d.h1.byRegion).toHaveLength(2);
    expect(d.rules.find((r: { ruleId: string }) => r.ruleId === 'H1')).toMatchObject({ status: 'not_met', total: 4, met: 1 });
    expect(d.warningTotals).toMatchObject({ H1: 3, identification_overdue: 0 });
    const h1Warnings = d.warnings.filter((w: { code: string }) => w.code === 'H1');
    expect(h1Warnings.map((w: { householdId: number }) => w.householdId).sort()).toEqual([ids.fail, ids.unknown, ids.fail2].sort());
    expect(h1Warnings.find((w: { householdId: number }) => w.householdId === ids.unknown).messageZh).toContain('劳动能力未采集');
  });

  it('an edit is seen at the next read: a development measure added to a failing household', async () => {
    await t.db.db.insert(supportMeasures).values({ householdId: ids.fail!, regionCode: tree.townships[0]!.villages[0]!.code, category: 'employment', year });
    const r = (await get(`/api/v1/rules/H1/evaluate?regionCode=${tree.county.code}`)).json();
    expect([r.total, r.met, r.records]).toEqual([4, 2, [ids.unknown, ids.fail2].sort((a, b) => a! - b!)]);
    const list = (await get(`/api/v1/households?regionCode=${tree.townships[0]!.code}&warning=H1`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([ids.unknown]);
  });
});
