import { sql, type SQL } from 'drizzle-orm';
import type { CoverageFacts, CoverageIncomeYear } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';
import { arr, textArray } from './household-facts.repo.ts';

/** Household types the 三有一持续 rules read when no rule narrows them (脱贫户, 监测户). */
const DEFAULT_TYPES = ['lifted', 'monitored'];

/** Project stages from which an industry project counts as the household's (money arranged or further). */
const PROJECT_STAGES = ['funded', 'implementing', 'accepted', 'evaluated'];

/**
 * The coverage facts statement (snapshot-tested): every 脱贫户 / 监测户 in the registry under `prefix` with, for
 * `year`, its members' labour and work, its 产业 measures in force (start year ≤ year ≤ end year, as H1), its industry
 * projects (funded or later, planned by `year`), its linkages of the year with their money, a 公益性岗位 held during the
 * year, its incomes of the year and the year before, and 当地农民人均可支配收入 of the nearest region above its village
 * with a figure for the year (township, county, city, province) with that region's figure of the year before. Children
 * are read once under the prefix by their region indexes and aggregated per household (no probe per household); the
 * local figure is looked up once per village (the villages from `regions`). The households are read in the main query,
 * not a CTE referenced twice: a CTE scan has no statistics, and the planner's estimate of the joins then ran to 10^11
 * rows and switched on JIT (3–4 s of compilation on 100 000 households).
 */
export function coverageFactsQuery(scope: GatherScope): SQL {
  const y = scope.year;
  const types = scope.filter?.householdTypes ?? DEFAULT_TYPES;
  const under = (col: SQL) => scopeWhere(col, scope.prefix);
  const yearStart = `${y}-01-01`;
  const yearEnd = `${y}-12-31`;
  return sql`
    WITH pp AS (
      SELECT p.household_id, array_agg(p.labor_capacity) FILTER (WHERE p.labor_capacity IS NOT NULL) AS labor,
        count(*) FILTER (WHERE p.labor_capacity IS NULL)::int AS unrecorded,
        count(*) FILTER (WHERE (p.employment_status IS NOT NULL AND p.employment_status <> 'not_working') OR p.employment_channel IS NOT NULL)::int AS workers
      FROM persons p WHERE ${under(sql`p.region_code`)} AND p.exit_reason IS NULL GROUP BY p.household_id
    ), mm AS (
      SELECT m.household_id, array_agg(DISTINCT m.category) AS measures
      FROM support_measures m WHERE ${under(sql`m.region_code`)}
        AND COALESCE(date_part('year', m.start_date)::int, m.year) <= ${y}
        AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= ${y}
      GROUP BY m.household_id
    ), lk AS (
      SELECT l.household_id, count(*)::int AS n, sum(l.income_fen)::bigint AS fen
      FROM linkages l WHERE ${under(sql`l.region_code`)} AND l.year = ${y} GROUP BY l.household_id
    ), pa AS (
      SELECT DISTINCT a.household_id FROM post_appointments a
      WHERE ${under(sql`a.region_code`)} AND a.started_on <= ${yearEnd}::date AND (a.ended_on IS NULL OR a.ended_on >= ${yearStart}::date)
    ), pb AS (
      SELECT b.household_id, count(DISTINCT b.project_id)::int AS n
      FROM project_beneficiaries b JOIN projects pr ON pr.id = b.project_id
      WHERE ${under(sql`b.region_code`)} AND pr.project_type = 'industry' AND pr.stage = ANY(${textArray(PROJECT_STAGES)}) AND pr.year <= ${y}
      GROUP BY b.household_id
    ), vv AS (
      SELECT r.code AS village FROM regions r WHERE ${under(sql`r.code`)} AND r.level = 'village'
    ), lf AS (
      SELECT vv.village, l.region_code AS local_region, l.per_capita_income_fen AS local_fen,
        (SELECT l0.per_capita_income_fen FROM local_farmer_incomes l0 WHERE l0.region_code = l.region_code AND l0.year = ${y}::int - 1) AS local_prev_fen
      FROM vv JOIN LATERAL (
        SELECT x.region_code, x.per_capita_income_fen FROM local_farmer_incomes x
        WHERE x.year = ${y} AND x.region_code IN (rpad(left(vv.village, 9), 12, '0'), rpad(left(vv.village, 6), 12, '0'), rpad(left(vv.village, 4), 12, '0'), rpad(left(vv.village, 2), 12, '0'))
        ORDER BY length(rtrim(x.region_code, '0')) DESC LIMIT 1
      ) l ON true
    )
    SELECT hh.id, hh.region_code, hh.household_type, hh.is_lifted, pp.labor, COALESCE(pp.unrecorded, 0) AS unrecorded, COALESCE(pp.workers, 0) AS workers,
      mm.measures, COALESCE(pb.n, 0) AS projects, COALESCE(lk.n, 0) AS linkages, COALESCE(lk.fen, 0) AS linkage_fen, (pa.household_id IS NOT NULL) AS public_post,
      ic.wage, ic.business, ic.business_expense, ic.property, ic.transfer, ic.member_count,
      ip.wage AS prev_wage, ip.business AS prev_business, ip.business_expense AS prev_business_expense, ip.property AS prev_property, ip.transfer AS prev_transfer,
      ip.member_count AS prev_member_count, lf.local_region, lf.local_fen, lf.local_prev_fen
    FROM households hh
      LEFT JOIN pp ON pp.household_id = hh.id
      LEFT JOIN mm ON mm.household_id = hh.id
      LEFT JOIN lk ON lk.household_id = hh.id
      LEFT JOIN pa ON pa.household_id = hh.id
      LEFT JOIN pb ON pb.household_id = hh.id
      LEFT JOIN household_incomes ic ON ic.household_id = hh.id AND ic.year = ${y}
      LEFT JOIN household_incomes ip ON ip.household_id = hh.id AND ip.year = ${y}::int - 1
      LEFT JOIN lf ON lf.village = left(hh.region_code, 12)
    WHERE ${under(sql`hh.region_code`)} AND hh.deleted_at IS NULL AND hh.household_type = ANY(${textArray(types)})`;
}

type Num = number | string | null;
type Row = {
  id: Num;
  region_code: string;
  household_type: string;
  is_lifted: boolean;
  labor: unknown;
  unrecorded: Num;
  workers: Num;
  measures: unknown;
  projects: Num;
  linkages: Num;
  linkage_fen: Num;
  public_post: boolean;
  local_region: string | null;
  local_fen: Num;
  local_prev_fen: Num;
} & Record<`${'' | 'prev_'}${'wage' | 'business' | 'business_expense' | 'property' | 'transfer' | 'member_count'}`, Num>;

/** A recorded year of household_incomes (numeric 元 as the driver gives it), or null. */
function incomeYear(r: Row, p: '' | 'prev_'): CoverageIncomeYear | null {
  if (r[`${p}member_count`] === null || r[`${p}member_count`] === undefined) return null;
  return {
    wage: Number(r[`${p}wage`] ?? 0),
    business: Number(r[`${p}business`] ?? 0),
    businessExpense: Number(r[`${p}business_expense`] ?? 0),
    property: Number(r[`${p}property`] ?? 0),
    transfer: Number(r[`${p}transfer`] ?? 0),
    memberCount: Number(r[`${p}member_count`]),
  };
}

/** Coverage facts under `scope.prefix` for `scope.year`, in ONE statement. */
export async function gatherCoverageFacts(conn: Conn, scope: GatherScope): Promise<CoverageFacts[]> {
  const rows = rowsOf<Row>(await conn.execute(coverageFactsQuery(scope)));
  return rows.map((r) => ({
    householdId: Number(r.id),
    regionCode: r.region_code,
    householdType: r.household_type,
    isLifted: Boolean(r.is_lifted),
    laborCapacities: arr(r.labor),
    unrecordedLabour: Number(r.unrecorded ?? 0),
    measureCategories: arr(r.measures),
    industryProjects: Number(r.projects ?? 0),
    linkages: Number(r.linkages ?? 0),
    linkageIncomeFen: Number(r.linkage_fen ?? 0),
    workers: Number(r.workers ?? 0),
    publicPost: Boolean(r.public_post),
    income: incomeYear(r, ''),
    prevIncome: incomeYear(r, 'prev_'),
    local: r.local_region ? { regionCode: r.local_region, incomeFen: Number(r.local_fen), prevIncomeFen: r.local_prev_fen === null ? null : Number(r.local_prev_fen) } : null,
  }));
}
