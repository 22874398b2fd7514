import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 帮扶项目资产: three formed by accepted library projects, the operator of the market from the entity
// registry (the entities demo needs ≥ 200 lifted households: 900), the class history of the 温室大棚, half-year incomes in 分, and the one asset A3 lists for 2026 H1.
let db: DbHandle;
useDemoDb('assets', 900, (d) => (db = d), 120_000);

describe('assets demo', () => {
  it('registers five operating assets, three from accepted or evaluated projects, with their operator and class', async () => {
    const rows = await db.query<{ name: string; value_fen: string; stage: string | null; operator: string | null; asset_class: string }>(
      `SELECT a.name, a.value_fen, p.stage, e.name AS operator, a.asset_class FROM assets a LEFT JOIN projects p ON p.id = a.project_id
       LEFT JOIN entities e ON e.id = a.operator_entity_id WHERE a.region_code LIKE $1 ORDER BY a.id`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(rows.map((r) => [r.name, Number(r.value_fen), r.stage, r.operator, r.asset_class])).toEqual([
      ['北坡头村苹果冷藏库', 110_000_000, 'accepted', null, 'consolidate'],
      ['东营村红枣晾晒场及加工厂房', 45_000_000, 'accepted', null, 'upgrade'],
      ['阳店村果品交易市场', 210_000_000, 'evaluated', '三门峡阳店果业有限公司', 'consolidate'],
      ['大王村村级光伏电站', 120_000_000, null, null, 'consolidate'],
      ['枣园村温室大棚', 68_000_000, null, null, 'revitalise'],
    ]);
  });

  it('keeps the greenhouse’s class history and its 2025 income below 1.5 % of its value; A3 finds the 红枣 plant for 2026 H1', async () => {
    const history = await db.query<{ from_class: string | null; to_class: string }>(
      `SELECT c.from_class, c.to_class FROM asset_class_changes c JOIN assets a ON a.id = c.asset_id WHERE a.name = '枣园村温室大棚' ORDER BY c.changed_at`,
    );
    expect(history).toEqual([
      { from_class: null, to_class: 'consolidate' },
      { from_class: 'consolidate', to_class: 'revitalise' },
    ]);
    const [g] = await db.query<{ income: string; value_fen: string }>(
      `SELECT sum(i.income_fen) AS income, a.value_fen FROM asset_incomes i JOIN assets a ON a.id = i.asset_id WHERE a.name = '枣园村温室大棚' AND i.year = 2025 GROUP BY a.value_fen`,
    );
    expect(Number(g!.income)).toBe(930_000);
    expect(Number(g!.income) * 1000).toBeLessThan(Number(g!.value_fen) * 15);
    const missing = await db.query<{ name: string }>(
      `SELECT a.name FROM assets a WHERE a.region_code LIKE $1 AND NOT EXISTS (SELECT 1 FROM asset_incomes i WHERE i.asset_id = a.id AND i.year = 2026 AND i.half = 1)`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(missing.map((m) => m.name)).toEqual(['东营村红枣晾晒场及加工厂房']);
  });
});
