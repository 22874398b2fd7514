import { sql, type SQL } from 'drizzle-orm';
import { A2_HOUSEHOLD_TYPES, type VillageDistributionFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';

/**
 * The distribution facts statement (A2, snapshot-tested): per village under `prefix` with collective industry income
 * in the year, that income — the larger of the year's income of the assets the village collective owns in the village
 * and the collective income its confirmed distributions of the year state (a village that earned and paid out nothing
 * to its 脱贫/监测 households fails; one that distributed more than its recorded asset income is judged on what it
 * stated) — and what its confirmed distributions of the year paid to 脱贫户 and 监测户 (the household's type now).
 */
export function distributionFactsQuery(scope: GatherScope): SQL {
  const types = sql.join(
    A2_HOUSEHOLD_TYPES.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`
    WITH asset_income AS (
      SELECT a.region_code AS village, sum(i.income_fen) AS fen
      FROM asset_incomes i JOIN assets a ON a.id = i.asset_id
      WHERE ${scopeWhere(sql`i.region_code`, scope.prefix)} AND i.year = ${scope.year} AND a.owner_kind = 'village_collective'
      GROUP BY a.region_code),
    distributed AS (
      SELECT d.region_code AS village, sum(d.collective_income_fen) AS income_fen
      FROM income_distributions d
      WHERE ${scopeWhere(sql`d.region_code`, scope.prefix)} AND d.year = ${scope.year} AND d.status = 'confirmed'
      GROUP BY d.region_code),
    paid AS (
      SELECT d.region_code AS village, sum(l.amount_fen) AS lm_fen
      FROM income_distributions d JOIN distribution_lines l ON l.distribution_id = d.id JOIN households h ON h.id = l.household_id
      WHERE ${scopeWhere(sql`d.region_code`, scope.prefix)} AND d.year = ${scope.year} AND d.status = 'confirmed' AND h.household_type IN (${types})
      GROUP BY d.region_code)
    SELECT v AS region_code, r.name, greatest(coalesce(ai.fen, 0), coalesce(ds.income_fen, 0))::text AS collective_income_fen, coalesce(p.lm_fen, 0)::text AS lm_fen
    FROM (SELECT village AS v FROM asset_income UNION SELECT village FROM distributed) x
    LEFT JOIN asset_income ai ON ai.village = x.v LEFT JOIN distributed ds ON ds.village = x.v LEFT JOIN paid p ON p.village = x.v JOIN regions r ON r.code = x.v AND r.level = 'village'
    ORDER BY x.v`;
}

/** A2's facts under `scope.prefix`, in ONE statement (see {@link distributionFactsQuery}). */
export async function gatherDistributionFacts(conn: Conn, scope: GatherScope): Promise<VillageDistributionFacts[]> {
  return rowsOf<{ region_code: string; name: string | null; collective_income_fen: string; lm_fen: string }>(await conn.execute(distributionFactsQuery(scope))).map((r) => ({
    regionCode: r.region_code,
    ...(r.name ? { name: r.name } : {}),
    collectiveIncomeFen: Number(r.collective_income_fen),
    toLiftedMonitoredFen: Number(r.lm_fen),
  }));
}
