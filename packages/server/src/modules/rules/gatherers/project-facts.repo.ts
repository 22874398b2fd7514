import { sql, type SQL } from 'drizzle-orm';
import type { ProjectFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';

/** A PostgreSQL text[] as the drivers return it (an array, or the `{a,b}` literal). */
function arr(v: unknown): string[] {
  if (Array.isArray(v)) return (v as unknown[]).map(String);
  if (typeof v === 'string' && v.length > 2)
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

/**
 * The project facts statement (snapshot-tested): every project of plan year `year` under `prefix` with its stage,
 * type, linkage modes, the four entry review checks, the 分 allocated to it (sum of fund_allocations, read by
 * fund_allocations_project_idx), whether work started, the cluster flag and the driven counts (P1, P3, P4, P6).
 */
export function projectFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT p.id, p.project_no, p.name, p.region_code, p.stage, p.project_type, p.linkage_modes,
      p.review_benefit, p.review_linkage, p.review_organisation, p.review_after_operation,
      (SELECT COALESCE(sum(a.amount_fen), 0) FROM fund_allocations a WHERE a.project_id = p.id)::bigint AS allocated_fen,
      (p.started_on IS NOT NULL OR p.stage IN ('implementing', 'accepted', 'evaluated')) AS started,
      p.is_cluster_project, p.driven_households, p.driven_persons
    FROM projects p
    WHERE ${scopeWhere(sql`p.region_code`, scope.prefix)} AND p.year = ${scope.year}`;
}

type Row = {
  id: number | string;
  project_no: string;
  name: string;
  region_code: string;
  stage: string;
  project_type: string;
  linkage_modes: unknown;
  review_benefit: boolean | null;
  review_linkage: boolean | null;
  review_organisation: boolean | null;
  review_after_operation: boolean | null;
  allocated_fen: number | string;
  started: boolean;
  is_cluster_project: boolean;
  driven_households: number | null;
  driven_persons: number | null;
};

const num = (v: number | null) => (v === null ? null : Number(v));

/** Project facts under `scope.prefix` for plan year `scope.year`, in ONE statement. */
export async function gatherProjectFacts(conn: Conn, scope: GatherScope): Promise<ProjectFacts[]> {
  const res = await conn.execute(projectFactsQuery(scope));
  return rowsOf<Row>(res).map((r) => ({
    id: Number(r.id),
    projectNo: r.project_no,
    name: r.name,
    regionCode: r.region_code,
    stage: r.stage,
    projectType: r.project_type,
    linkageModes: arr(r.linkage_modes),
    reviewChecks: { benefit: r.review_benefit, interest_linkage: r.review_linkage, organisation: r.review_organisation, after_operation: r.review_after_operation },
    allocatedFen: Number(r.allocated_fen),
    started: Boolean(r.started),
    isClusterProject: Boolean(r.is_cluster_project),
    drivenHouseholds: num(r.driven_households),
    drivenPersons: num(r.driven_persons),
  }));
}
