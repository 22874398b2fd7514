import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { industries, projectSteps, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { fundFactsQuery } from './fund-facts.repo.ts';

let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let admin: U, county: U, township: U, viewer: U, otherCounty: U;
let industryP = 0; // 产业发展, specialty, leading industry, in the library
let roadP = 0; // 乡村建设, in the library
let draftP = 0; // 产业发展, still 谋划
let seq = 0;

async function project(values: Partial<typeof projects.$inferInsert>): Promise<number> {
  const [p] = await t.db.db
    .insert(projects)
    .values({
      projectNo: `FT${Date.now()}${++seq}`,
      name: `项目${seq}`,
      regionCode: tree.townships[0]!.villages[0]!.code,
      projectType: 'industry',
      stage: 'in_library',
      year: 2023,
      ...values,
    })
    .returning();
  return p!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  const other = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  otherCounty = await buildUser(t, 'county_officer', other.county.code);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/policy/active',
    headers: { cookie: admin.cookie },
    payload: { packId: 'sanmenxia', countyCode: tree.county.code },
  });
  expect(res.statusCode, res.body).toBe(200);
  const [ind] = await t.db.db.insert(industries).values({ regionCode: tree.county.code, name: '灵宝大枣', category: 'planting', kind: 'leading' }).returning();
  industryP = await project({ name: '大枣深加工', isSpecialty: true, industryId: ind!.id, budgetFen: 800_000_000 });
  roadP = await project({ name: '乡村道路', projectType: 'rural_construction', budgetFen: 400_000_000 });
  draftP = await project({ name: '未入库项目', stage: 'draft' });
});
afterAll(async () => t?.close());

const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload ? { payload } : {}) });
const zh = (res: { json(): { error: { details: { issues: { messageZh: string }[] } } } }) =>
  res
    .json()
    .error.details.issues.map((i) => i.messageZh)
    .join('；');

async function source(year: number, amountYuan: number, fundLevel = 'central') {
  const res = await call(county, 'POST', '/api/v1/fund-sources', { regionCode: tree.county.code, year, fundLevel, fundKind: 'linkage', name: `${year}年衔接资金`, amountYuan });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; balanceYuan: number };
}
const allocate = (fundSourceId: number, projectId: number, amountYuan: number, u: U = county) =>
  call(u, 'POST', '/api/v1/fund-allocations', { fundSourceId, projectId, amountYuan });

describe('fund sources and allocations', () => {
  it('P1: a project outside the library gets no money, in the pack’s words', async () => {
    const s = await source(2021, 1000);
    const res = await allocate(s.id, draftP, 100);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect(zh(res)).toMatch(/^项目未入库，不得安排资金（先入库后建设，/);
  });

  it('never more than the unallocated balance (both figures in 元); the first allocation funds the project', async () => {
    const s = await source(2022, 10_000_000);
    const over = await allocate(s.id, industryP, 10_000_000.01);
    expect(over.statusCode).toBe(409);
    expect(zh(over)).toBe('安排金额 10000000.01 元超过资金来源未安排余额 10000000 元');
    const [before] = await t.db.db.select().from(projects).where(eq(projects.id, industryP));
    const ok = await allocate(s.id, industryP, 5_500_000);
    expect(ok.statusCode, ok.body).toBe(201);
    const [after] = await t.db.db.select().from(projects).where(eq(projects.id, industryP));
    expect(after!.stage).toBe('funded');
    expect(after!.version).toBe(before!.version + 1);
    const steps = await t.db.db.select().from(projectSteps).where(eq(projectSteps.projectId, industryP));
    expect(steps.map((x) => [x.action, x.fromStage, x.toStage, x.actorName])).toEqual([['allocate_funds', 'in_library', 'funded', '测试county_officer']]);
    const again = await allocate(s.id, industryP, 4_500_000.01);
    expect(again.statusCode).toBe(409);
    expect(zh(again)).toBe('安排金额 4500000.01 元超过资金来源未安排余额 4500000 元');
  });

  it('roles: township officers and viewers read, only county roles write; other counties see nothing', async () => {
    const s = await source(2020, 100);
    expect((await allocate(s.id, roadP, 1, township)).statusCode).toBe(403);
    expect(
      (await call(viewer, 'POST', '/api/v1/fund-sources', { regionCode: tree.county.code, year: 2020, fundLevel: 'county', fundKind: 'linkage', name: 'x', amountYuan: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await call(township, 'GET', `/api/v1/fund-sources?regionCode=${tree.county.code}`)).statusCode).toBe(200);
    expect((await call(otherCounty, 'PATCH', `/api/v1/fund-sources/${s.id}`, { name: 'y', version: 1 })).statusCode).toBe(404);
    expect(
      (await call(otherCounty, 'POST', '/api/v1/fund-sources', { regionCode: tree.county.code, year: 2020, fundLevel: 'county', fundKind: 'linkage', name: 'x', amountYuan: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('versions: PATCH without one is 428, a stale one 409; a source with allocations cannot be deleted', async () => {
    const s = await source(2019, 500);
    expect((await call(county, 'PATCH', `/api/v1/fund-sources/${s.id}`, { name: '改名' })).statusCode).toBe(428);
    expect((await call(county, 'PATCH', `/api/v1/fund-sources/${s.id}`, { name: '改名', version: 1 })).statusCode).toBe(200);
    const stale = await call(county, 'PATCH', `/api/v1/fund-sources/${s.id}`, { name: '再改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('改名');
    const a = await allocate(s.id, roadP, 200);
    expect(a.statusCode).toBe(201);
    const del = await call(county, 'DELETE', `/api/v1/fund-sources/${s.id}`, undefined, { 'if-match': '"2"' });
    expect(del.statusCode).toBe(409);
    expect((await call(county, 'PATCH', `/api/v1/fund-sources/${s.id}`, { amountYuan: 199.99, version: 2 })).statusCode).toBe(409);
    expect((await call(county, 'DELETE', `/api/v1/fund-allocations/${a.json().id}?version=1`)).statusCode).toBe(204);
    expect((await call(county, 'DELETE', `/api/v1/fund-sources/${s.id}`, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
  });
});

describe('summary, sankey and what-if', () => {
  let s2023 = 0;
  it('summary shares are exact to the 分 and F1 is judged against last year', async () => {
    s2023 = (await source(2023, 10_000_000, 'city')).id;
    expect((await allocate(s2023, industryP, 5_999_999.99)).statusCode).toBe(201);
    expect((await allocate(s2023, industryP, 0.01)).statusCode).toBe(201);
    expect((await allocate(s2023, roadP, 1_234_567.89)).statusCode).toBe(201);
    const res = await call(viewer, 'GET', `/api/v1/funds/summary?regionCode=${tree.county.code}&year=2023`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const y = body.years.find((x: { year: number }) => x.year === 2023);
    expect(y.linkageFundYuan).toBe(10_000_000);
    expect(y.industryYuan).toBe(6_000_000);
    expect(y.allocatedYuan).toBe(7_234_567.89);
    expect(y.industryShare).toBe(0.6);
    expect(y.leadingChainShare).toBe(1);
    const f1 = body.rules.find((r: { ruleId: string }) => r.ruleId === 'F1');
    expect(f1.status).toBe('met');
    expect(f1.clauseText).toContain('〔');
    expect(f1.reasons[0].reasonZh).toBe('2023 年衔接资金用于产业发展 600 万元，占衔接资金 60.0%，不低于 55%；高于上年 55.0%');
    expect(body.leadingIndustries).toBe(1);
    // F5 judges amounts in 2022 only; in 2023 the share can rise only against 2022 plans, and there are none
    expect(body.rules.find((r: { ruleId: string }) => r.ruleId === 'F5').status).toBe('not_applicable');
  });

  it('sankey: level → project type → industry, in 元', async () => {
    const res = await call(county, 'GET', `/api/v1/funds/sankey?regionCode=${tree.county.code}&year=2023`);
    expect(res.statusCode).toBe(200);
    expect(res.json().links).toEqual(
      expect.arrayContaining([
        { source: '市级衔接资金', target: '产业发展', value: 6_000_000 },
        { source: '产业发展', target: '灵宝大枣产业', value: 6_000_000 },
        { source: '市级衔接资金', target: '乡村建设行动', value: 1_234_567.89 },
      ]),
    );
  });

  it('what-if: moving 100 万 from the industry project to the road flips F1, and nothing is saved', async () => {
    const allocs = (await call(county, 'GET', `/api/v1/fund-allocations?projectId=${industryP}&year=2023`)).json().items as { id: number; amountYuan: number; version: number }[];
    const big = allocs.find((a) => a.amountYuan === 5_999_999.99)!;
    const res = await call(county, 'POST', '/api/v1/funds/what-if', {
      regionCode: tree.county.code,
      year: 2023,
      moves: [{ allocationId: big.id, toProjectId: roadP, amountYuan: 1_000_000 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.changed).toContain('F1');
    const after = body.after.find((r: { ruleId: string }) => r.ruleId === 'F1');
    expect(after.status).toBe('not_met');
    expect(after.value).toBe(0.5);
    const cat = await call(county, 'POST', '/api/v1/funds/what-if', { year: 2023, categoryMoves: [{ fromType: 'industry', toType: 'rural_construction', amountYuan: 1_000_000 }] });
    expect(cat.json().changed).toContain('F1');
    const summary = (await call(county, 'GET', `/api/v1/funds/summary?year=2023`)).json();
    expect(summary.years.find((x: { year: number }) => x.year === 2023).industryYuan).toBe(6_000_000);
    const tooMuch = await call(county, 'POST', '/api/v1/funds/what-if', { year: 2023, moves: [{ allocationId: big.id, toProjectId: roadP, amountYuan: 6_000_000 }] });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details.issues[0].path).toBe('moves.0.amountYuan');
  });

  it('what-if save applies the moves with versions in one transaction', async () => {
    const allocs = (await call(county, 'GET', `/api/v1/fund-allocations?projectId=${industryP}&year=2023`)).json().items as { id: number; amountYuan: number; version: number }[];
    const big = allocs.find((a) => a.amountYuan === 5_999_999.99)!;
    const stale = await call(county, 'POST', '/api/v1/funds/what-if/apply', {
      moves: [{ allocationId: big.id, version: big.version + 1, toProjectId: roadP, amountYuan: 1_000_000 }],
    });
    expect(stale.statusCode).toBe(409);
    const ok = await call(county, 'POST', '/api/v1/funds/what-if/apply', { moves: [{ allocationId: big.id, version: big.version, toProjectId: roadP, amountYuan: 1_000_000 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const summary = (await call(county, 'GET', `/api/v1/funds/summary?year=2023`)).json();
    const y = summary.years.find((x: { year: number }) => x.year === 2023);
    expect(y.industryYuan).toBe(5_000_000);
    expect(y.allocatedYuan).toBe(7_234_567.89);
    expect(summary.rules.find((r: { ruleId: string }) => r.ruleId === 'F1').status).toBe('not_met');
  });
});

describe('fund facts SQL', () => {
  it('one statement: county row and township rows for every year up to the judged one', async () => {
    const { sql, params } = new PgDialect({ casing: 'snake_case' }).sqlToQuery(fundFactsQuery({ prefix: '411282', year: 2024 }));
    expect(params).toContain('411282%');
    const text = `-- fund facts over a county, year 2024\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n`;
    await expect(text).toMatchFileSnapshot('./__snapshots__/fund-facts.sql');
  });
});
