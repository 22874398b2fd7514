import { sql, type SQL } from 'drizzle-orm';
import { emptyFundYear, fenToYuan, type FundFacts, type FundYear } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';

/** How many years before the judged one the facts carry ("rising" compares with the previous one). */
export const FUND_FACT_YEARS_BACK = 4;

/** Project stages that are in the library (入库) or past it: their budgets count in the library (P2). */
export const LIBRARY_STAGES = ['in_library', 'funded', 'implementing', 'accepted', 'evaluated'] as const;
/** Stages a project can receive money in (P1: 先入库后建设). */
export const FUNDABLE_STAGES = ['in_library', 'funded', 'implementing'] as const;
/** Fiscal fund kinds (F2's 财政资金 into industry projects). */
const FISCAL_KINDS = ['linkage', 'other_fiscal'] as const;
/**
 * The project subtype (dict project_type, under industry) of 水电路网 and other 配套设施: F2 counts its money as
 * specialty-industry money when the project serves a registered (specialty) industry, 001 §二(一)2 "含水电路网等配套设施".
 */
export const SUPPORTING_FACILITIES = 'supporting_facilities';

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/**
 * THE statement of the fund facts (kind 'fund'): one row per year from `year - 4` to `year` for the county (or the
 * region of `prefix`: money in, allocations by what they count for, the library's budgets, leading industries), and
 * one row per township under it and year (budgets it plans, F5). Amounts are integer 分 (bigint as text).
 * Exported for the snapshot test.
 */
export function fundFactsQuery(scope: { prefix: string; year: number }): SQL {
  const like = `${scope.prefix}%`;
  const from = scope.year - FUND_FACT_YEARS_BACK;
  const to = scope.year;
  return sql`
WITH yrs AS (SELECT generate_series(${from}::int, ${to}::int) AS year),
src AS (
  SELECT s.year,
         sum(s.amount_fen) FILTER (WHERE s.fund_kind = 'linkage') AS linkage_fen,
         sum(s.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND s.fund_level = 'city') AS city_linkage_fen
  FROM fund_sources s
  WHERE s.region_code LIKE ${like} AND s.year BETWEEN ${from} AND ${to}
  GROUP BY s.year),
alloc AS (
  SELECT a.year,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND p.project_type = 'industry') AS industry_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN (${list(FISCAL_KINDS)}) AND p.project_type = 'industry' AND p.is_specialty) AS specialty_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN (${list(FISCAL_KINDS)}) AND p.project_type = 'industry' AND NOT p.is_specialty
                                     AND p.project_subtype = ${SUPPORTING_FACILITIES} AND (p.industry_id IS NOT NULL OR p.chain_link_id IS NOT NULL)) AS specialty_support_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND p.project_type = 'industry' AND i.kind = 'leading') AS leading_chain_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN (${list(FISCAL_KINDS)}) AND p.project_type = 'industry') AS industry_project_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND s.fund_level = 'city' AND p.project_type = 'industry') AS city_industry_fen
  FROM fund_allocations a
  JOIN fund_sources s ON s.id = a.fund_source_id
  JOIN projects p ON p.id = a.project_id
  LEFT JOIN industries i ON i.id = p.industry_id
  WHERE a.region_code LIKE ${like} AND a.year BETWEEN ${from} AND ${to}
  GROUP BY a.year),
lib AS (
  SELECT p.year,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry') AS library_industry_fen,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry' AND p.is_specialty) AS library_specialty_fen
  FROM projects p
  WHERE p.region_code LIKE ${like} AND p.year BETWEEN ${from} AND ${to} AND p.stage IN (${list(LIBRARY_STAGES)})
  GROUP BY p.year),
planned AS (
  SELECT substr(p.region_code, 1, 9) AS town, p.year,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry') AS planned_industry_fen,
         sum(p.budget_fen) AS planned_total_fen
  FROM projects p
  WHERE p.region_code LIKE ${like} AND p.year BETWEEN ${from} AND ${to} AND p.stage NOT IN ('rejected', 'withdrawn')
  GROUP BY 1, 2),
lead AS (SELECT count(*)::int AS n FROM industries WHERE region_code LIKE ${like} AND kind = 'leading'),
towns AS (SELECT code, prefix FROM regions WHERE prefix LIKE ${like} AND level = 'township')
SELECT 'county' AS level, ${scope.prefix.padEnd(12, '0')} AS region_code, y.year,
       coalesce(src.linkage_fen, 0)::text AS linkage_fen, coalesce(alloc.industry_fen, 0)::text AS industry_fen,
       coalesce(alloc.specialty_fen, 0)::text AS specialty_fen, coalesce(alloc.specialty_support_fen, 0)::text AS specialty_support_fen,
       coalesce(alloc.leading_chain_fen, 0)::text AS leading_chain_fen,
       coalesce(alloc.industry_project_fen, 0)::text AS industry_project_fen, coalesce(src.city_linkage_fen, 0)::text AS city_linkage_fen,
       coalesce(alloc.city_industry_fen, 0)::text AS city_industry_fen, coalesce(lib.library_industry_fen, 0)::text AS library_industry_fen,
       coalesce(lib.library_specialty_fen, 0)::text AS library_specialty_fen, '0' AS planned_industry_fen, '0' AS planned_total_fen, lead.n AS leading_industries
FROM yrs y LEFT JOIN src ON src.year = y.year LEFT JOIN alloc ON alloc.year = y.year LEFT JOIN lib ON lib.year = y.year CROSS JOIN lead
UNION ALL
SELECT 'township', t.code, y.year, '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
       coalesce(pl.planned_industry_fen, 0)::text, coalesce(pl.planned_total_fen, 0)::text, 0
FROM towns t CROSS JOIN yrs y LEFT JOIN planned pl ON pl.town = t.prefix AND pl.year = y.year
ORDER BY 1, 2, 3`;
}

type FactRow = {
  level: 'county' | 'township';
  region_code: string;
  year: number;
  linkage_fen: string;
  industry_fen: string;
  specialty_fen: string;
  specialty_support_fen: string;
  leading_chain_fen: string;
  industry_project_fen: string;
  city_linkage_fen: string;
  city_industry_fen: string;
  library_industry_fen: string;
  library_specialty_fen: string;
  planned_industry_fen: string;
  planned_total_fen: string;
  leading_industries: number;
};

const yuan = (fen: string) => fenToYuan(Number(fen));

/** Runs {@link fundFactsQuery} and folds its rows into one {@link FundFacts} per region (amounts in 元). */
export async function gatherFundFacts(conn: Conn, scope: { prefix: string; year: number }): Promise<FundFacts[]> {
  const rows = rowsOf<FactRow>(await conn.execute(fundFactsQuery(scope)));
  const byRegion = new Map<string, FundFacts>();
  for (const r of rows) {
    let f = byRegion.get(r.region_code);
    if (!f) {
      f = { regionCode: r.region_code, level: r.level, years: {}, leadingIndustries: Number(r.leading_industries) };
      byRegion.set(r.region_code, f);
    }
    const y: FundYear = {
      ...emptyFundYear(),
      linkageFundYuan: yuan(r.linkage_fen),
      industryYuan: yuan(r.industry_fen),
      specialtyYuan: yuan(r.specialty_fen),
      specialtySupportYuan: yuan(r.specialty_support_fen),
      leadingChainYuan: yuan(r.leading_chain_fen),
      industryProjectYuan: yuan(r.industry_project_fen),
      cityLinkageFundYuan: yuan(r.city_linkage_fen),
      cityIndustryYuan: yuan(r.city_industry_fen),
      libraryIndustryYuan: yuan(r.library_industry_fen),
      librarySpecialtyYuan: yuan(r.library_specialty_fen),
      plannedIndustryYuan: yuan(r.planned_industry_fen),
      plannedTotalYuan: yuan(r.planned_total_fen),
    };
    f.years[String(r.year)] = y;
  }
  return [...byRegion.values()];
}
