import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F2_RULE, XUCHANG_PACK, getRuleConfig } from '@chanbang/domain';
import { industries, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { gatherFundFacts } from './fund-facts.repo.ts';

// F2 (001 §二(一)2): 特色产业资金总量（含水电路网等配套设施）÷ 当年投入产业项目资金总量. A 配套设施 project that
// serves a registered specialty industry counts even when it is not flagged 特色 itself; one serving no industry,
// a plain industry project and a 乡村建设 road do not.
let t: TestApp;
let tree: RegionTree;
let county: { cookie: string };
let seq = 0;

async function project(values: Partial<typeof projects.$inferInsert>): Promise<number> {
  const [p] = await t.db.db
    .insert(projects)
    .values({
      projectNo: `FF${Date.now()}${++seq}`,
      name: `项目${seq}`,
      regionCode: tree.townships[0]!.villages[0]!.code,
      projectType: 'industry',
      stage: 'in_library',
      year: 2024,
      ...values,
    })
    .returning();
  return p!.id;
}

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: county.cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  const [ind] = await t.db.db.insert(industries).values({ regionCode: tree.county.code, name: '许昌腐竹', category: 'processing', kind: 'traditional' }).returning();
  const src = await call('POST', '/api/v1/fund-sources', {
    regionCode: tree.county.code,
    year: 2024,
    fundLevel: 'central',
    fundKind: 'linkage',
    name: '2024年衔接资金',
    amountYuan: 20_000_000,
  });
  expect(src.statusCode, src.body).toBe(201);
  const plan: [Partial<typeof projects.$inferInsert>, number][] = [
    [{ name: '腐竹加工车间', isSpecialty: true, industryId: ind!.id, projectSubtype: 'processing_distribution' }, 6_000_000],
    [{ name: '腐竹园区水电路', projectSubtype: 'supporting_facilities', industryId: ind!.id }, 1_000_000.01],
    [{ name: '无主产业配套', projectSubtype: 'supporting_facilities' }, 1_000_000],
    [{ name: '一般种植项目', projectSubtype: 'production', industryId: ind!.id }, 1_999_999.99],
    [{ name: '通村道路', projectType: 'rural_construction', projectSubtype: 'infrastructure', industryId: ind!.id }, 3_000_000],
  ];
  for (const [values, amountYuan] of plan) {
    const id = await project(values);
    const res = await call('POST', '/api/v1/fund-allocations', { fundSourceId: src.json().id, projectId: id, amountYuan });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => t?.close());

describe('fund facts: specialty money with its 配套设施 (F2)', () => {
  it('counts the 配套设施 serving a specialty industry apart, to the 分', async () => {
    const facts = await gatherFundFacts(t.db.db, { prefix: tree.county.prefix, year: 2024 });
    const y = facts.find((f) => f.level === 'county')!.years['2024']!;
    expect(y.industryProjectYuan).toBe(10_000_000); // 600 万 + 100.0001 万 + 100 万 + 199.9999 万; the road is not an industry project
    expect(y.specialtyYuan).toBe(6_000_000);
    expect(y.specialtySupportYuan).toBe(1_000_000.01);
  });

  it('F2 of the Xuchang pack: (600 万 + 100.0001 万) ÷ 1000 万 = 70.0% met; 不含配套 would be 60.0%', async () => {
    const facts = await gatherFundFacts(t.db.db, { prefix: tree.county.prefix, year: 2024 });
    const config = getRuleConfig(XUCHANG_PACK, 'F2');
    const r = F2_RULE.evaluate(facts, config, { year: 2024 });
    expect(r.status).toBe('met');
    expect(r.value).toBe(0.7);
    expect(r.records?.[0]?.reasonZh).toBe('2024 年投入特色产业资金（含配套设施） 700 万元，占产业项目资金 70.0%，不低于 50%；无 2023 年数据，未判断逐年提升');
    const without = F2_RULE.evaluate(facts, { ...config, params: { ...config.params, includeSupportingFacilities: false } }, { year: 2024 });
    expect(without.value).toBe(0.6);
    expect(without.records?.[0]?.reasonZh).toContain('投入特色产业资金（不含配套设施） 600 万元');
  });

  it('the funds summary shows the same specialty money and share', async () => {
    const res = await call('GET', `/api/v1/funds/summary?regionCode=${tree.county.code}&year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    const y = res.json().years.find((x: { year: number }) => x.year === 2024);
    expect(y.specialtyYuan).toBe(7_000_000.01);
    expect(y.specialtyShare).toBe(0.7);
  });
});
