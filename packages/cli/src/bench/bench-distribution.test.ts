import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, makeConfig, seedDictionariesIfEmpty, type Deps } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { cliActor } from '../commands/context.ts';
import { measureDistribution } from './bench-distribution.ts';

// The distribution figure of `chanbang bench` on a tiny bench county (PGlite): the village is built, its distribution
// proposed and confirmed into every household's income, the lines add up exactly; a second run replaces the village.
describe('bench distribution part', () => {
  it('proposes and confirms a village’s distribution and reports the figures', async () => {
    const db = await openDb({ dataDir: 'memory://' });
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-dist-test-'));
    try {
      await migrateDb(db);
      await seedDictionariesIfEmpty(db.db);
      await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 100 } });
      const deps: Deps = { config: makeConfig({ dataDir, databaseUrl: undefined, port: 0, host: '127.0.0.1', webDist: '/nonexistent' }), db };
      const actor = await cliActor(db, 'admin');
      const lines: string[] = [];
      for (let run = 0; run < 2; run++) {
        const f = await measureDistribution(deps, actor, '411272', { households: 60, year: 2025, log: (s) => lines.push(s) });
        // 60 households, all 脱贫 or 监测: every one gets a line, confirmed, adding up to the amount to the 分
        expect([f.households, f.lines, f.exact]).toEqual([60, 60, true]);
        expect(f.proposeMs).toBeGreaterThanOrEqual(0);
        expect(f.totalMs).toBe(f.proposeMs + f.confirmMs);
      }
      const [r] = await db.query<{ n: number; wage: string }>(
        `SELECT count(*)::int AS n, sum(wage + property)::text AS wage FROM household_incomes WHERE year = 2025 AND region_code = '411272998001'`,
      );
      // the bench county (411272, 三门峡) has a pack without A2: the whole 123 456 789 分 is distributed, carried into the 60
      // incomes to the 分 (the first run's households were replaced, not added to)
      expect([r!.n, Number(r!.wage)]).toEqual([60, 1234567.89]);
      expect(lines[0]).toMatch(/distribution of a 60-household village: proposed in \d+ ms, confirmed \(60 incomes\)/);
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
