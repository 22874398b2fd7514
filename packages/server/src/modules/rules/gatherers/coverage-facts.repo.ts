import { sql, type SQL } from 'drizzle-orm';
import type { CoverageFacts, CoverageIncomeYear } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';
import { factLine, lineArray, lineList, lineNumber, readFactLines } from './fact-lines.repo.ts';
import { textArray } from './household-facts.repo.ts';

/** Household types the 三有一持续 rules read when no rule narrows them (脱贫户, 监测户). */
const DEFAULT_TYPES = ['lifted', 'monitored'];

/** Project stages from which an industry project counts as the household's (money arranged or further). */
const PROJECT_STAGES = ['funded', 'implementing', 'accepted', 'evaluated'];

/** The fields of a coverage facts line, in order (see fact-lines.repo.ts); {@link gatherCoverageFacts} reads them by position. */
const LINE_COLUMNS: SQL[] = [
  sql`hh.id`,
  sql`hh.region_code`,
  sql`hh.household_type`,
  sql`hh.is_lifted`,
  lineArray(sql`pp.labor`),
  sql`pp.unrecorded`,
  sql`pp.workers`,
  lineArray(sql`mm.measures`),
  sql`pb.n`,
  sql`lk.n`,
  sql`lk.fen`,
  sql`pa.household_id IS NOT NULL`,
  ...(['ic', 'ip'] as const).flatMap((t) => ['wage', 'business', 'business_expense', 'property', 'transfer', 'member_count'].map((c) => sql.raw(`${t}.${c}`))),
  sql`lf.local_region`,
  sql`lf.local_fen`,
  sql`lf.local_prev_fen`,
];

/**
 * The coverage facts statement (snapshot-tested): every 脱贫户 / 监测户 in the registry under `prefix` with, for
 * `year`, its members' labour and work, its 产业 measures in force (start year ≤ year ≤ end year, as H1), its industry
 * projects (funded or later, planned by `year`), its linkages of the year with their money, a 公益性岗位 held during the
 * year, its incomes of the year and the year before, and 当地农民人均可支配收入 of the nearest region above its village
 * with a figure for the year (township, county, city, province) with that region's figure of the year before. Children
 * (incomes too: household_incomes_region_idx, migration 0011) are read once under the prefix by their region indexes and aggregated per household (no probe per household); the
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
    ), ic AS (
      SELECT i.* FROM household_incomes i WHERE i.year = ${y} AND ${under(sql`i.region_code`)}
    ), ip AS (
      SELECT i.* FROM household_incomes i WHERE i.year = ${y}::int - 1 AND ${under(sql`i.region_code`)}
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
    SELECT ${factLine(LINE_COLUMNS)} AS l
    FROM households hh
      LEFT JOIN pp ON pp.household_id = hh.id
      LEFT JOIN mm ON mm.household_id = hh.id
      LEFT JOIN lk ON lk.household_id = hh.id
      LEFT JOIN pa ON pa.household_id = hh.id
      LEFT JOIN pb ON pb.household_id = hh.id
      LEFT JOIN ic ON ic.household_id = hh.id
      LEFT JOIN ip ON ip.household_id = hh.id
      LEFT JOIN lf ON lf.village = left(hh.region_code, 12)
    WHERE ${under(sql`hh.region_code`)} AND hh.deleted_at IS NULL AND hh.household_type = ANY(${textArray(types)})`;
}

/** A recorded year of household_incomes from the six fields at `at` (numeric 元 as text), or null (member count NULL: no row). */
function incomeYear(f: string[], at: number): CoverageIncomeYear | null {
  if (!f[at + 5]) return null;
  return {
    wage: lineNumber(f[at], 0),
    business: lineNumber(f[at + 1], 0),
    businessExpense: lineNumber(f[at + 2], 0),
    property: lineNumber(f[at + 3], 0),
    transfer: lineNumber(f[at + 4], 0),
    memberCount: Number(f[at + 5]),
  };
}

/** Coverage facts under `scope.prefix` for `scope.year`, in ONE statement (one text line per household, fact-lines.repo.ts). */
export async function gatherCoverageFacts(conn: Conn, scope: GatherScope): Promise<CoverageFacts[]> {
  const lines = await readFactLines(conn, coverageFactsQuery(scope));
  return lines.map((f) => ({
    householdId: Number(f[0]),
    regionCode: f[1]!,
    householdType: f[2]!,
    isLifted: f[3] === 'true',
    laborCapacities: lineList(f[4]),
    unrecordedLabour: lineNumber(f[5], 0),
    measureCategories: lineList(f[7]),
    industryProjects: lineNumber(f[8], 0),
    linkages: lineNumber(f[9], 0),
    linkageIncomeFen: lineNumber(f[10], 0),
    workers: lineNumber(f[6], 0),
    publicPost: f[11] === 'true',
    income: incomeYear(f, 12),
    prevIncome: incomeYear(f, 18),
    local: f[24] ? { regionCode: f[24], incomeFen: Number(f[25]), prevIncomeFen: lineNumber(f[26], null) } : null,
  }));
}
