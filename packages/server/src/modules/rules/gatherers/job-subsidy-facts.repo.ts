import { sql, type SQL } from 'drizzle-orm';
import { JOB_SUBSIDY_HOUSEHOLD_TYPES, OUT_PROVINCE_STATUS, SELF_EMPLOYED, type JobSubsidyFacts, type JobSubsidyKind } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';

/** Every household type some job subsidy is for (脱贫户, 监测户). */
const TYPES = [...new Set(Object.values(JOB_SUBSIDY_HOUSEHOLD_TYPES).flat())].sort();

/**
 * The job-subsidy facts statement (snapshot-tested): every person under `prefix` who could be a subject of J1–J3 — in the
 * registry, of a 脱贫户 or 监测户, 省外务工 or 自主创业 or with a registry employer — and every person paid a job subsidy up
 * to the judged year, with those payments. The rules judge eligibility (domain job-subsidies.ts); this only narrows.
 * The paid persons are looked up under the prefix too (a payment carries its person's region code, moved with the
 * household): a village refreshed after one edit read every payment of the county (66 ms → 6 ms, 100 000 households).
 */
export function jobSubsidyFactsQuery(scope: GatherScope): SQL {
  const types = sql.join(
    TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  return sql`
    SELECT p.id, p.household_id, p.region_code, h.household_type, p.employment_status, p.employment_channel, p.work_months, p.employer_entity_id,
      (p.exit_reason IS NOT NULL OR h.deleted_at IS NOT NULL) AS exited,
      coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'year', s.year, 'amountFen', s.amount_fen, 'entityId', s.entity_id) ORDER BY s.year, s.id)
        FROM subsidy_payments s WHERE s.person_id = p.id AND s.year <= ${scope.year}::int), '[]'::json) AS payments
    FROM persons p JOIN households h ON h.id = p.household_id
    WHERE ${scopeWhere(sql`p.region_code`, scope.prefix)}
      AND ((h.household_type IN (${types}) AND h.deleted_at IS NULL AND p.exit_reason IS NULL
          AND (p.employment_status IN (${OUT_PROVINCE_STATUS}, ${SELF_EMPLOYED}) OR p.employment_channel = ${SELF_EMPLOYED} OR p.employer_entity_id IS NOT NULL))
        OR p.id IN (SELECT s.person_id FROM subsidy_payments s WHERE ${scopeWhere(sql`s.region_code`, scope.prefix)} AND s.year <= ${scope.year}::int))`;
}

type Row = {
  id: number | string;
  household_id: number | string;
  region_code: string;
  household_type: string | null;
  employment_status: string | null;
  employment_channel: string | null;
  work_months: number | string | null;
  employer_entity_id: number | string | null;
  exited: boolean;
  payments: unknown;
};

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Job-subsidy facts (J1, J2, J3) under `scope.prefix`, in ONE statement. */
export async function gatherJobSubsidyFacts(conn: Conn, scope: GatherScope): Promise<JobSubsidyFacts[]> {
  return rowsOf<Row>(await conn.execute(jobSubsidyFactsQuery(scope))).map((r) => ({
    personId: Number(r.id),
    householdId: Number(r.household_id),
    regionCode: r.region_code,
    householdType: r.household_type,
    employmentStatus: r.employment_status,
    employmentChannel: r.employment_channel,
    workMonths: r.work_months === null ? null : Number(r.work_months),
    employerEntityId: r.employer_entity_id === null ? null : Number(r.employer_entity_id),
    exited: r.exited === true,
    payments: json<{ kind: JobSubsidyKind; year: number; amountFen: number | string; entityId: number | string | null }[]>(r.payments).map((p) => ({
      kind: p.kind,
      year: Number(p.year),
      amountFen: Number(p.amountFen),
      entityId: p.entityId === null ? null : Number(p.entityId),
    })),
  }));
}
