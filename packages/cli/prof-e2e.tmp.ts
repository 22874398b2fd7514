import { openDb, migrateDb } from '@chanbang/db';
import { sql } from 'drizzle-orm';
import { loadDemo } from './src/demo/demo-loader.ts';
import { gatherH1Facts } from '../server/src/modules/rules/rules.repo.ts';
const h = await openDb({ dataDir: 'memory://' });
await migrateDb(h);
await loadDemo(h, { hashPassword: async () => 'x' });
for (const p of ['411272', '411272100']) {
  let t = Date.now(); await gatherH1Facts(h.db as any, p, 2026); console.log('h1 facts', p, Date.now() - t, 'ms');
}
const r: any = await h.db.execute(sql.raw(`EXPLAIN ANALYZE WITH p AS (SELECT household_id, array_agg(labor_capacity) AS labor FROM persons WHERE region_code LIKE '411272%' AND labor_capacity IS NOT NULL GROUP BY household_id), m AS (SELECT household_id, array_agg(category) AS cats FROM support_measures WHERE region_code LIKE '411272%' AND year = 2026 GROUP BY household_id) SELECT h.id, p.labor, m.cats FROM households h LEFT JOIN p ON p.household_id = h.id LEFT JOIN m ON m.household_id = h.id WHERE h.region_code LIKE '411272%' AND h.deleted_at IS NULL`));
console.log((r.rows ?? r).map((x: any) => x['QUERY PLAN']).join('\n'));
await h.db.execute(sql.raw('ANALYZE'));
let t = Date.now(); await gatherH1Facts(h.db as any, '411272', 2026); console.log('after ANALYZE h1 facts', Date.now() - t, 'ms');
