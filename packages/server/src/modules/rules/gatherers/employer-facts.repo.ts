import { sql, type SQL } from 'drizzle-orm';
import type { EmployerFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import { todayInChina } from '../../households/household.rules.ts';
import type { GatherScope } from './gatherer.types.ts';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The employer facts statement (J4, snapshot-tested): every 帮扶车间 and 安置区加工园区 under `prefix` with its employee
 * count and the 脱贫人口 (persons of lifted households in the registry) working there; and, per region with public-welfare
 * posts, the holders whose holding touches the judged year with whether their household is lifted.
 */
export function employerFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT 'entity' AS kind, e.id, e.region_code, e.name, e.entity_type, e.is_relocation_park, e.status, e.employee_count,
      (SELECT count(*)::int FROM persons pe JOIN households h ON h.id = pe.household_id
        WHERE pe.employer_entity_id = e.id AND pe.exit_reason IS NULL AND h.deleted_at IS NULL AND h.household_type = 'lifted') AS lifted_employed,
      NULL::json AS holders
    FROM entities e
    WHERE ${scopeWhere(sql`e.region_code`, scope.prefix)} AND (e.entity_type = 'workshop' OR e.is_relocation_park)
    UNION ALL
    SELECT 'village_posts', NULL, p.region_code, min(r.name), NULL, NULL, NULL, NULL, NULL,
      json_agg(json_build_object('startedOn', a.started_on::text, 'endedOn', a.ended_on::text, 'lifted', h.household_type = 'lifted') ORDER BY a.id)
    FROM public_welfare_posts p
      JOIN post_appointments a ON a.post_id = p.id
      JOIN households h ON h.id = a.household_id
      LEFT JOIN regions r ON r.code = p.region_code
    WHERE ${scopeWhere(sql`p.region_code`, scope.prefix)} AND a.started_on <= make_date(${scope.year}::int, 12, 31)
      AND (a.ended_on IS NULL OR a.ended_on >= make_date(${scope.year}::int, 1, 1))
    GROUP BY p.region_code
    ORDER BY 1, 3, 2`;
}

type EmployerRow = {
  kind: 'entity' | 'village_posts';
  id: number | string | null;
  region_code: string;
  name: string | null;
  entity_type: string | null;
  is_relocation_park: boolean | null;
  status: string | null;
  employee_count: number | string | null;
  lifted_employed: number | string | null;
  holders: unknown;
};

/** J4's facts under `scope.prefix`, in ONE statement; the post holders are counted on `asOf` (today in China) or the year's end. */
export async function gatherEmployerFacts(conn: Conn, scope: GatherScope, asOf: string = todayInChina()): Promise<EmployerFacts[]> {
  return rowsOf<EmployerRow>(await conn.execute(employerFactsQuery(scope))).map((r): EmployerFacts => {
    if (r.kind === 'village_posts') {
      return {
        kind: 'village_posts',
        regionCode: r.region_code,
        name: r.name ?? r.region_code,
        holders: json<{ startedOn: string; endedOn: string | null; lifted: boolean }[]>(r.holders),
        asOf,
      };
    }
    return {
      kind: 'entity',
      entityId: Number(r.id),
      regionCode: r.region_code,
      name: r.name ?? '',
      entityType: r.entity_type ?? '',
      isRelocationPark: r.is_relocation_park === true,
      status: r.status ?? 'active',
      employeeCount: r.employee_count === null ? null : Number(r.employee_count),
      liftedEmployed: Number(r.lifted_employed ?? 0),
    };
  });
}
