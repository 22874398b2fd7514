import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { findRule, POLICY_PACKS, type RuleDefinition, type RuleRecord } from '@chanbang/domain';
import { householdIncomes, supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { KEPT_KINDS } from './facts-cache.ts';
import { FactsSource } from './facts-source.ts';
import { refreshPrefix, refreshPrefixLength, type RefreshPhases } from './refresh-prefix.ts';

let t: TestApp;
let tree: RegionTree;
const year = new Date().getFullYear();
const sanmenxia = POLICY_PACKS.find((p) => p.id === 'sanmenxia')!;
const villages = () => tree.townships.flatMap((tp) => tp.villages.map((v) => v.code));
const byKey = (rs: readonly RuleRecord[]) => [...rs].sort((a, b) => (a.key < b.key ? -1 : 1));
const phases = (): RefreshPhases => ({ factsMs: 0, evaluateMs: 0, storeMs: 0 });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  // households of every kind the rules tell apart, in every village: monitored and lifted, workers, a migrant, a
  // self-employed member, incomes of two years (one falling), an industry measure
  for (const [i, v] of villages().entries()) {
    const a = await buildHousehold(t, {
      regionCode: v,
      householdType: 'lifted',
      members: [
        { laborCapacity: 'ordinary', employmentStatus: 'out_province', wantsWork: true, skills: ['电工'], idNumber: makeTestIdNumber({ birth: '19850315' }) },
        { relation: '10', laborCapacity: 'ordinary', employmentChannel: 'self_employed', idNumber: makeTestIdNumber({ birth: '19900601' }) },
        { relation: '20', laborCapacity: 'ordinary', wantsWork: true, wantsTraining: true, idNumber: makeTestIdNumber({ birth: '19950101' }) },
      ],
    });
    const b = await buildHousehold(t, { regionCode: v, householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' });
    await t.db.db.insert(householdIncomes).values([
      { householdId: a.id, regionCode: v, year: year - 1, wage: 20000, business: 3000, memberCount: 2 },
      { householdId: a.id, regionCode: v, year, wage: i % 2 ? 15000 : 26000, business: 3000, memberCount: 2 },
    ]);
    await t.db.db.insert(supportMeasures).values({ householdId: b.id, regionCode: v, category: 'industry', year });
  }
}, 240_000);
afterAll(async () => t?.close());

describe('a prefix refreshed village by village', () => {
  it('gives every rule on kept facts refreshed by village the same records as one evaluation of the county', async () => {
    const checked: string[] = [];
    for (const cfg of sanmenxia.rules) {
      const rule = findRule(cfg.ruleId);
      if (!rule || !KEPT_KINDS.has(rule.factsKind) || refreshPrefixLength(rule) !== 12) continue;
      const facts = await new FactsSource().get(t.db.db, { rule, cfg, prefix: tree.county.prefix, year });
      const whole = rule.evaluate(facts, cfg, { year }).records ?? [];
      const perVillage = villages().flatMap(
        (v) =>
          rule.evaluate(
            facts.filter((f) => (f as { regionCode: string }).regionCode.startsWith(v)),
            cfg,
            { year },
          ).records ?? [],
      );
      expect(byKey(perVillage), rule.id).toEqual(byKey(whole));
      if (whole.length) checked.push(rule.id);
    }
    // the household, coverage, worker and job-subsidy rules of the pack, each with subjects
    expect(checked.sort()).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'J1', 'J2'].filter((id) => sanmenxia.rules.some((r) => r.ruleId === id)).sort());
  });

  it('evaluates the prefix whole when a village’s records lie in another village, and stores them all', async () => {
    const [v1, v2] = villages();
    // a made-up rule on household facts whose every record is counted in the first village
    const h1 = findRule('H1')!;
    const rule: RuleDefinition<unknown> = {
      ...h1,
      id: 'T1',
      evaluate: (facts) => ({
        ruleId: 'T1',
        clause: '',
        status: 'met',
        total: facts.length,
        met: facts.length,
        value: 1,
        threshold: 1,
        failing: [],
        records: facts.map((f) => ({ key: String((f as { householdId: number }).householdId), regionCode: v1!, met: true, reasonZh: '是', reasonEn: 'yes' })),
      }),
    };
    const cfg = { ruleId: 'T1', clause: '', params: sanmenxia.rules.find((r) => r.ruleId === 'H1')?.params ?? {} };
    const source = {
      get: async () => [
        { regionCode: v1, householdId: 1 },
        { regionCode: v2, householdId: 2 },
      ],
    } as unknown as FactsSource;
    await refreshPrefix(t.db.db, rule, cfg, year, tree.county.prefix, source, phases());
    const stored = rowsOf<{ k: string; r: string }>(
      await t.db.db.execute(sql`SELECT subject_key AS k, region_code AS r FROM rule_results WHERE rule_id = 'T1' AND year = ${year} ORDER BY 1`),
    );
    expect(stored).toEqual([
      { k: '1', r: v1 },
      { k: '2', r: v1 },
    ]);
    await t.db.db.execute(sql`DELETE FROM rule_results WHERE rule_id = 'T1'`);
  });
});
