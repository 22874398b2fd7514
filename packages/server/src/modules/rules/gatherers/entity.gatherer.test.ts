import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { entities, entityBackbones, entityIndustries, households, industries, linkages, regions } from '@chanbang/db';
import { E1_RULE, E2_RULE, E3_RULE, E4_RULE, findPack } from '@chanbang/domain';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildRegionTree, type RegionTree } from '../../../test/factories.ts';
import { COUNTY_ENTERPRISE_GATHERER, VILLAGE_GATHERER } from './entity.gatherers.ts';
import { countyFactsQuery, villageFactsQuery } from './entity-facts.repo.ts';

const dialect = new PgDialect({ casing: 'snake_case' });
const snap = (label: string, q: ReturnType<typeof villageFactsQuery>) => {
  const { sql, params } = dialect.sqlToQuery(q);
  return `-- ${label}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n`;
};

describe('entity facts SQL', () => {
  it('village facts: one statement over the villages under the prefix', async () => {
    await expect(snap('village facts over a county, year 2024', villageFactsQuery({ prefix: '411272', year: 2024 }))).toMatchFileSnapshot('./__snapshots__/village-facts.sql');
  });
  it('county facts: one statement over the county of the prefix', async () => {
    await expect(snap('county facts (E5) of a township prefix', countyFactsQuery({ prefix: '411272100', year: 2025 }))).toMatchFileSnapshot(
      './__snapshots__/county-enterprise-facts.sql',
    );
  });
});

describe('entity facts on rows', () => {
  let t: TestApp;
  let tree: RegionTree;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  }, 180_000);
  afterAll(async () => t?.close());

  it('cooperatives seated or serving, backbones, party-led, drivers (seat, served, linkage of the year); retired villages and closed entities left out', async () => {
    const [v1, v2] = tree.townships[0]!.villages.map((v) => v.code) as [string, string];
    const [v3, v4] = tree.townships[1]!.villages.map((v) => v.code) as [string, string];
    const retired = `${tree.townships[0]!.prefix}299`;
    await t.db.db.insert(regions).values({ code: retired, prefix: retired, level: 'village', name: '撤并村', parentCode: tree.townships[0]!.code, retiredAt: new Date() });
    const rows = await t.db.db
      .insert(entities)
      .values([
        { regionCode: v1, entityType: 'cooperative', name: '甲社', partyLed: true },
        { regionCode: v1, entityType: 'cooperative', name: '乙社', servedRegionCodes: [v2] },
        { regionCode: tree.county.code, entityType: 'leading_enterprise', name: '龙头公司', level: 'city', servedRegionCodes: [v3] },
        { regionCode: v4, entityType: 'cooperative', name: '注销社', status: 'closed' },
        { regionCode: v2, entityType: 'collective', name: '乙村集体', partyLed: true },
        { regionCode: tree.townships[1]!.code, entityType: 'leading_enterprise', name: '联结公司', level: 'county' },
      ])
      .returning();
    const id = (name: string) => rows.find((r) => r.name === name)!.id;
    await t.db.db.insert(entityBackbones).values([
      { entityId: id('甲社'), regionCode: v1, name: '骨干甲' },
      { entityId: null, regionCode: v2, name: '村骨干' },
      { entityId: id('乙社'), regionCode: v2, name: '停用骨干', active: false },
    ]);
    await t.db.db.insert(regions).values({ code: `${v4}001`, prefix: `${v4}001`, level: 'group', name: '一组', parentCode: v4 });
    const [h] = await t.db.db
      .insert(households)
      .values({ householdNo: `G${v4}`, regionCode: `${v4}001`, householdType: 'lifted' })
      .returning();
    await t.db.db.insert(linkages).values([
      { entityId: id('联结公司'), householdId: h!.id, regionCode: `${v4}001`, mode: 'employment', year: 2024 },
      { entityId: id('联结公司'), householdId: h!.id, regionCode: `${v4}001`, mode: 'order_production', year: 2023 },
    ]);

    const facts = await VILLAGE_GATHERER.gather(t.db.db, { prefix: tree.county.prefix, year: 2024 });
    expect(facts.map((f) => f.regionCode)).toEqual([v1, v2, v3, v4]);
    const by = new Map(facts.map((f) => [f.regionCode, f]));
    expect(by.get(v1)).toMatchObject({
      cooperatives: [
        { name: '甲社', backbones: 1 },
        { name: '乙社', backbones: 0 },
      ],
      villageBackbones: 1,
      partyLedCollectives: ['甲社'],
      drivenBy: ['甲社', '乙社'],
    });
    expect(by.get(v2)).toMatchObject({ cooperatives: [{ name: '乙社', backbones: 0 }], villageBackbones: 1, partyLedCollectives: ['乙村集体'], drivenBy: ['乙社'] });
    expect(by.get(v3)).toMatchObject({ cooperatives: [], villageBackbones: 0, partyLedCollectives: [], drivenBy: ['龙头公司'] });
    expect(by.get(v4)).toMatchObject({ cooperatives: [], drivenBy: ['联结公司'] });
    expect((await VILLAGE_GATHERER.gather(t.db.db, { prefix: tree.county.prefix, year: 2022 })).find((f) => f.regionCode === v4)!.drivenBy).toEqual([]);
    expect((await VILLAGE_GATHERER.gather(t.db.db, { prefix: tree.townships[1]!.prefix, year: 2024 })).map((f) => f.regionCode)).toEqual([v3, v4]);

    // the rules on these rows: E1 2 of 4 villages, E2 names 乙社, E3 2 of 4 (50 % ≥ 40 % in 2022), E4 4 of 4
    const pack = findPack('sanmenxia')!;
    const cfg = (rid: string) => pack.rules.find((r) => r.ruleId === rid)!;
    expect(E1_RULE.evaluate(facts, cfg('E1'), { year: 2024 })).toMatchObject({ total: 4, met: 2 });
    expect(E2_RULE.evaluate(facts, cfg('E2'), { year: 2024 }).failing.map((f) => f.reasonZh)).toEqual([
      '合作社「乙社」无农业技术骨干',
      '合作社「乙社」无农业技术骨干',
      '本村无农业技术骨干',
      '本村无农业技术骨干',
    ]);
    expect(E3_RULE.evaluate(facts, cfg('E3'), { year: 2022 })).toMatchObject({ status: 'met', value: 0.5 });
    expect(E4_RULE.evaluate(facts, cfg('E4'), { year: 2022 })).toMatchObject({ status: 'met', value: 1 });
  });

  it('county facts: city-or-above enterprises and the leading industries each backs', async () => {
    const own = await buildRegionTree(t, { townships: 1, villages: 1 });
    const [apple, fungi, tour] = await t.db.db
      .insert(industries)
      .values([
        { regionCode: own.county.code, name: '苹果', category: 'fruit', kind: 'leading' },
        { regionCode: own.townships[0]!.code, name: '食用菌', category: 'fruit', kind: 'leading' },
        { regionCode: own.county.code, name: '乡村旅游', category: 'fruit', kind: 'emerging' },
      ])
      .returning();
    const [big, small] = await t.db.db
      .insert(entities)
      .values([
        { regionCode: own.county.code, entityType: 'leading_enterprise', name: '省级龙头', level: 'provincial' },
        { regionCode: own.county.code, entityType: 'leading_enterprise', name: '县级龙头', level: 'county' },
        { regionCode: own.county.code, entityType: 'leading_enterprise', name: '停业龙头', level: 'national', status: 'closed' },
      ])
      .returning();
    await t.db.db.insert(entityIndustries).values([
      { entityId: big!.id, industryId: apple!.id },
      { entityId: small!.id, industryId: fungi!.id },
      { entityId: big!.id, industryId: tour!.id },
    ]);
    const facts = await COUNTY_ENTERPRISE_GATHERER.gather(t.db.db, { prefix: own.townships[0]!.prefix, year: 2025 });
    expect(facts).toEqual([
      {
        regionCode: own.county.code,
        cityOrAbove: [{ id: big!.id, name: '省级龙头', level: 'provincial' }],
        leadingIndustries: [
          { id: apple!.id, name: '苹果', backedBy: ['省级龙头'] },
          { id: fungi!.id, name: '食用菌', backedBy: [] },
        ],
      },
    ]);
  });
});
