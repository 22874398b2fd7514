import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 当地农民人均可支配收入 for the last three years (H6) and the 产业帮扶 measures of last year (H2, H3).
let db: DbHandle;
const year = new Date().getUTCFullYear();
useDemoDb('coverage', 900, (d) => (db = d), 120_000);

describe('coverage demo', () => {
  it('enters the county’s figure of each of the last three years in 分, with a source that says it is demo data', async () => {
    const rows = await db.query<{ year: number; per_capita_income_fen: string; source: string }>(
      `SELECT year, per_capita_income_fen, source FROM local_farmer_incomes WHERE region_code = $1 ORDER BY year`,
      [DEMO_COUNTY.code],
    );
    expect(rows.map((r) => [r.year, Number(r.per_capita_income_fen)])).toEqual([
      [year - 3, 1_786_000],
      [year - 2, 1_879_000],
      [year - 1, 1_950_000],
    ]);
    expect(rows.every((r) => r.source.includes('演示数据'))).toBe(true);
  });

  it('gives last year’s 产业帮扶 measures to households with business income and no linkage, never the first three of a village', async () => {
    const [m] = await db.query<{ n: string; linked: string; first: string }>(
      `WITH ranked AS (SELECT h.id, row_number() OVER (PARTITION BY left(h.region_code, 12) ORDER BY h.household_no) AS rn FROM households h WHERE h.region_code LIKE $1)
       SELECT count(*) AS n,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM linkages l WHERE l.household_id = s.household_id AND l.year = $2)) AS linked,
         count(*) FILTER (WHERE r.rn <= 3) AS first
       FROM support_measures s JOIN ranked r ON r.id = s.household_id
       WHERE s.region_code LIKE $1 AND s.category = 'industry' AND s.year = $2 AND s.description IN ('发展庭院经济，落实产业奖补', '特色种养产业奖补')`,
      [`${DEMO_COUNTY.prefix}%`, year - 1],
    );
    expect(Number(m!.n)).toBeGreaterThan(20);
    expect(Number(m!.linked)).toBe(0);
    expect(Number(m!.first)).toBe(0);
  });
});
