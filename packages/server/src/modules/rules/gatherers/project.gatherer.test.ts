import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { fundAllocations, fundSources, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildRegionTree, type RegionTree } from '../../../test/factories.ts';
import { PROJECT_GATHERER } from './project.gatherers.ts';
import { projectFactsQuery } from './project-facts.repo.ts';

describe('project facts SQL', () => {
  it('reads every project of the year under the prefix once, its allocations by index', async () => {
    const { params, text } = factsSnapshot('project facts over a county, year 2024', projectFactsQuery({ prefix: '411272', year: 2024 }));
    expect(params).toEqual(['411272%', 2024]);
    await expect(text).toMatchFileSnapshot('./__snapshots__/project-facts.sql');
  });
});

describe('project facts on rows', () => {
  let t: TestApp;
  let tree: RegionTree;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
  });
  afterAll(async () => t?.close());

  it('maps stage, modes, checks, allocated 分, started, cluster and driven counts; other years and regions are left out', async () => {
    const v = tree.townships[0]!.villages[0]!.code;
    const base = { regionCode: v, projectType: 'industry', year: 2024 };
    const [a, b] = await t.db.db
      .insert(projects)
      .values([
        {
          ...base,
          projectNo: `T${v}a`,
          name: '甲',
          stage: 'funded',
          linkageModes: ['equity_coop', 'employment'],
          reviewBenefit: true,
          reviewLinkage: true,
          isClusterProject: true,
          drivenPersons: 120,
        },
        { ...base, projectNo: `T${v}b`, name: '乙', stage: 'publicised', startedOn: '2024-05-01' },
        { ...base, projectNo: `T${v}c`, name: '丙', year: 2023 },
        { ...base, projectNo: `T${v}d`, name: '丁', regionCode: tree.townships[1]!.villages[0]!.code },
      ])
      .returning();
    const [src] = await t.db.db
      .insert(fundSources)
      .values({ regionCode: tree.county.code, year: 2024, fundLevel: 'central', fundKind: 'linkage', name: '中央衔接资金', amountFen: 100_000_000 })
      .returning();
    await t.db.db.insert(fundAllocations).values([
      { fundSourceId: src!.id, projectId: a!.id, regionCode: v, year: 2024, amountFen: 30_000_001 },
      { fundSourceId: src!.id, projectId: a!.id, regionCode: v, year: 2024, amountFen: 20_000_000 },
    ]);
    const facts = await PROJECT_GATHERER.gather(t.db.db, { prefix: tree.townships[0]!.prefix, year: 2024 });
    expect(facts.map((f) => f.name).sort()).toEqual(['乙', '甲']);
    expect(facts.find((f) => f.id === a!.id)).toMatchObject({
      stage: 'funded',
      linkageModes: ['equity_coop', 'employment'],
      reviewChecks: { benefit: true, interest_linkage: true, organisation: null, after_operation: null },
      allocatedFen: 50_000_001,
      started: false,
      isClusterProject: true,
      drivenPersons: 120,
      drivenHouseholds: null,
    });
    expect(facts.find((f) => f.id === b!.id)).toMatchObject({ allocatedFen: 0, started: true, linkageModes: [] });
  });
});
