import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 收益分配: 大王村 2025 上半年 confirmed (29 400 元 to the village's 脱贫户 and 监测户, exactly, carried
// into their 2025 incomes), 北坡头村 2025 下半年 a draft (nothing carried).
let db: DbHandle;
useDemoDb('dist', 900, (d) => (db = d));

describe('distributions demo', () => {
  it('one confirmed and one draft distribution, the lines adding up to the amount to the 分', async () => {
    const rows = await db.query<{ name: string; status: string; income: string; total: string; n: number; carried: number }>(
      `SELECT r.name, d.status, d.collective_income_fen::text AS income, sum(l.amount_fen)::text AS total, count(*)::int AS n, count(l.carried_at)::int AS carried
       FROM income_distributions d JOIN regions r ON r.code = d.region_code JOIN distribution_lines l ON l.distribution_id = d.id
       WHERE d.region_code LIKE $1 GROUP BY r.name, d.id ORDER BY d.id`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(rows.map((r) => [r.name, r.status, Number(r.income), Number(r.total)])).toEqual([
      ['大王村', 'confirmed', 4_200_000, 2_940_000],
      ['北坡头村', 'draft', 4_120_000, 3_000_000],
    ]);
    expect(rows[0]!.carried).toBe(rows[0]!.n);
    expect(rows[1]!.carried).toBe(0);
  });

  it('the confirmed lines are in the households’ 2025 incomes', async () => {
    const [r] = await db.query<{ lines: string; incomes: string }>(
      `SELECT (SELECT sum(l.amount_fen) FROM distribution_lines l JOIN income_distributions d ON d.id = l.distribution_id WHERE d.status = 'confirmed' AND d.region_code LIKE $1)::text AS lines,
        (SELECT sum((i.wage + i.property) * 100) FROM household_incomes i WHERE i.year = 2025 AND i.household_id IN (
          SELECT l.household_id FROM distribution_lines l JOIN income_distributions d ON d.id = l.distribution_id WHERE d.status = 'confirmed' AND d.region_code LIKE $1))::text AS incomes`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(Number(r!.incomes)).toBeGreaterThanOrEqual(Number(r!.lines));
  });
});
