import { describe, expect, it } from 'vitest';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, seedDictionariesIfEmpty } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { loadBenchIndustry } from './bench-industry.ts';

// The bench's industry system: the counts asked for are written, linkages point at distinct households of the
// county, and every allocation goes to a project in the library from a linkage fund of the project's year.
describe('bench industry data', () => {
  it('writes the asked counts, consistently', async () => {
    const db = await openDb({ dataDir: 'memory://' });
    try {
      await migrateDb(db);
      await seedDictionariesIfEmpty(db.db);
      await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 300 } });
      const counts = await db.rawTransaction((tx) => loadBenchIndustry(tx, '411272', { entities: 40, linkages: 250, projects: 60, allocations: 180 }));
      expect(counts).toEqual({ industries: 8, entities: 40, linkages: 250, projects: 60, fundSources: 20, allocations: 180 });
      const [odd] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM fund_allocations a JOIN projects p ON p.id = a.project_id JOIN fund_sources s ON s.id = a.fund_source_id
          WHERE p.stage NOT IN ('in_library', 'funded', 'implementing', 'accepted', 'evaluated') OR s.year <> p.year OR s.fund_kind <> 'linkage'`,
      );
      expect(odd?.n).toBe(0);
      const [hh] = await db.query<{ n: number }>('SELECT count(DISTINCT household_id)::int AS n FROM linkages');
      expect(hh?.n).toBe(250);
    } finally {
      await db.close();
    }
  }, 120_000);
});
