import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { F1_RULE, SANMENXIA_PACK, emptyFundYear, fenToYuan, getRuleConfig, type FundFacts } from '@chanbang/domain';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 衔接资金 tell the F1 story of 000 §五(二): met and rising in 2022–2023, not met in 2024.
let db: DbHandle;
useDemoDb('funds', 20, (d) => (db = d), 120_000);

describe('funds demo', () => {
  it('every source is fully allocated, to library projects only', async () => {
    const rows = await db.query<{ left: string; bad: string }>(
      `SELECT (SELECT sum(amount_fen) FROM fund_sources WHERE region_code LIKE $1) - (SELECT sum(amount_fen) FROM fund_allocations WHERE region_code LIKE $1) AS left,
              (SELECT count(*) FROM fund_allocations a JOIN projects p ON p.id = a.project_id WHERE a.region_code LIKE $1 AND p.stage NOT IN ('in_library', 'funded', 'implementing')) AS bad`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(Number(rows[0]!.left)).toBe(0);
    expect(Number(rows[0]!.bad)).toBe(0);
  });

  it('F1 of the Sanmenxia pack: met in 2022 and 2023, not met in 2024', async () => {
    const rows = await db.query<{ year: number; linkage: string; industry: string }>(
      `SELECT s.year, sum(a.amount_fen)::text AS linkage, sum(a.amount_fen) FILTER (WHERE p.project_type = 'industry')::text AS industry
       FROM fund_allocations a JOIN fund_sources s ON s.id = a.fund_source_id JOIN projects p ON p.id = a.project_id WHERE a.region_code LIKE $1 GROUP BY s.year`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    const facts: FundFacts = { regionCode: DEMO_COUNTY.code, level: 'county', leadingIndustries: 2, years: {} };
    for (const r of rows) facts.years[String(r.year)] = { ...emptyFundYear(), linkageFundYuan: fenToYuan(Number(r.linkage)), industryYuan: fenToYuan(Number(r.industry)) };
    const cfg = getRuleConfig(SANMENXIA_PACK, 'F1');
    const status = (year: number) => F1_RULE.evaluate([facts], cfg, { year }).status;
    expect([status(2022), status(2023), status(2024), status(2026)]).toEqual(['met', 'met', 'not_met', 'met']);
    expect(F1_RULE.evaluate([facts], cfg, { year: 2024 }).failing[0]?.reasonZh).toBe('2024 年衔接资金用于产业发展 2912 万元，占衔接资金 52.0%，低于 55%；且未高于上年 58.0%');
  });
});
