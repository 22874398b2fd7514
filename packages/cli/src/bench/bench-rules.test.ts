import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_PACKS, findRule, isRuleInForce } from '@chanbang/domain';
import { migrateDb, openDb } from '@chanbang/db';
import { GATHERERS, hashPassword, makeConfig, seedDictionariesIfEmpty, startServer, type Deps } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { cliActor } from '../commands/context.ts';
import { loadBenchMeasures } from './bench-data.ts';
import { loadRulesData, loginCookie, measureRules, measureRulesLoad } from './bench-rules.ts';

const COUNTY = '411272000000';
/** Facts kinds the server gathers (modules/rules/gatherers): a rule of another kind is not stored. */
// the facts kinds the server has a gatherer for: every rule of those kinds is evaluated by the bench
const GATHERED = new Set<string>(GATHERERS.keys());

// The rules part of `chanbang bench` on a tiny bench county (PGlite): it completes for every built-in pack, reports
// every figure, and leaves stored results for every implemented rule of the county's pack.
describe('bench rules part', () => {
  it('measures every pack and the loaded endpoints, and stores every implemented rule', async () => {
    const db = await openDb({ dataDir: 'memory://' });
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-rules-test-'));
    try {
      await migrateDb(db);
      await seedDictionariesIfEmpty(db.db);
      await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 300 } });
      const measures = await db.rawTransaction((tx) => loadBenchMeasures(tx, 300));
      expect(measures).toBeGreaterThan(0);
      const industry = await loadRulesData(db, '411272', { entities: 30, linkages: 200, projects: 80, allocations: 200 });
      expect(industry.linkages).toBe(200);
      // issue 8's facts: posts with holders and paid months, trainings, assets with incomes, a distribution per village
      expect(industry.employment.appointments).toBeGreaterThan(0);
      expect(industry.employment.postPayments).toBe(industry.employment.appointments * 10);
      expect(industry.employment.participants).toBeGreaterThan(0);
      expect(industry.employment.distributionLines).toBeGreaterThan(0);
      expect(industry.employment.householdIncomes).toBeGreaterThan(0);
      const config = makeConfig({ dataDir, databaseUrl: undefined, port: 0, host: '127.0.0.1', webDist: '/nonexistent' });
      const deps: Deps = { config, db };
      const actor = await cliActor(db, 'admin');
      const year = new Date().getFullYear();
      const lines: string[] = [];
      const packs = await measureRules(deps, actor, COUNTY, { year, log: (s) => lines.push(s) });

      expect(packs.map((p) => p.packId)).toEqual(POLICY_PACKS.map((p) => p.id));
      for (const p of packs) {
        const pack = POLICY_PACKS.find((x) => x.id === p.packId)!;
        const expected = pack.rules.filter((c) => GATHERED.has(findRule(c.ruleId)?.factsKind ?? '') && isRuleInForce(c, year)).map((c) => c.ruleId);
        expect(p.full.failed).toEqual([]);
        expect(p.full.rules.map((r) => r.ruleId).sort()).toEqual([...new Set(expected)].sort());
        expect(p.full.rules.length).toBeGreaterThan(0);
        for (const r of p.full.rules) expect(r.ms).toBeGreaterThan(0);
        expect(p.full.ms).toBeGreaterThan(0);
        expect(p.incremental).toHaveLength(2);
        // the linkage edit re-gathers its village for the village-level rules, not the county
        const linkage = p.incremental[0]!;
        expect(linkage.ms).toBeGreaterThan(0);
        expect(linkage.rules).toBeGreaterThan(0);
        expect(linkage.prefixes).toBeGreaterThan(0);
        expect(linkage.failed).toEqual([]);
        expect(p.whatIf.runs).toBe(10);
        expect(p.whatIf.medianMs).toBeGreaterThan(0);
      }
      expect(lines.some((l) => l.includes('(a) full evaluation') && l.includes('target < 1000 ms'))).toBe(true);

      // the county's own pack is back, with a stored evaluation and results for each of its rules
      const [chosen] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM settings WHERE key = $1`, [`policy_pack:${COUNTY}`]);
      expect(chosen?.n).toBe(1);
      const evals = await db.query<{ rule_id: string }>('SELECT rule_id FROM rule_evaluations WHERE county_code = $1 AND year = $2', [COUNTY, year]);
      const own = packs.find((p) => p.packId === POLICY_PACKS.find((x) => x.provinceCode === '41')!.id)!;
      expect(evals.map((e) => e.rule_id).sort()).toEqual(own.full.rules.map((r) => r.ruleId).sort());
      // (rules of the other packs keep their rows: reads go by the county's pack)
      const withResults = new Set(
        (await db.query<{ rule_id: string }>('SELECT DISTINCT rule_id FROM rule_results WHERE year = $1 AND region_code LIKE $2', [year, '411272%'])).map((r) => r.rule_id),
      );
      const counted = own.full.rules.filter((r) => r.met + r.notMet + r.listed > 0).map((r) => r.ruleId);
      expect(counted).toContain('H1');
      for (const id of counted) expect(withResults.has(id)).toBe(true);

      // (d) on the in-process server: the dashboard and the warning=H1 list answer 2xx under a little load
      const { app, url } = await startServer(config, { db });
      try {
        const cookie = await loginCookie(url);
        const load = await measureRulesLoad(url, cookie, COUNTY, { connections: 2, durationSec: 1, log: (s) => lines.push(s) });
        for (const l of [load.dashboard, load.listH1]) {
          expect(l.requests).toBeGreaterThan(0);
          expect(l.non2xx).toBe(0);
          expect(l.errors).toBe(0);
        }
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
