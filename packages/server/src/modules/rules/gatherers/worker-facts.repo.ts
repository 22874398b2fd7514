import { sql, type SQL } from 'drizzle-orm';
import { WORKING_AGE, type WorkerFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';
import { textArray } from './household-facts.repo.ts';

/**
 * The worker facts statement (snapshot-tested): every person in the registry under `prefix` (household and person
 * not left by 自然减少) whose age reached in the judged year (year − birth year) is of working age
 * ({@link WORKING_AGE}, domain-standards §2.2), of the household types the rule asks for (`filter.householdTypes`),
 * with: labour capacity, 就业意愿, 培训意愿; a job (务工状况 other than 未务工, a 就业渠道 recorded — the same test as the
 * coverage gatherer's workers, so H4 and H2/H3 agree on who has a job — or a 公益性岗位 appointment on post at some time
 * in the year); skills (掌握技能 and the skills of trainings completed by the year's end); the number of
 * trainings taken part in that started in the year.
 */
export function workerFactsQuery(scope: GatherScope): SQL {
  const from = `${scope.year}-01-01`;
  const to = `${scope.year}-12-31`;
  const types = scope.filter?.householdTypes;
  const under = (col: SQL) => scopeWhere(col, scope.prefix);
  // set-based: the appointments and the training participations under the prefix are each read once by their region
  // index and aggregated per person (a participation and an appointment carry their person's region code, moved with
  // the household), not probed per person (three index probes per person: 3 s of 8 on 139 000 persons)
  return sql`
    WITH pa AS (
      SELECT DISTINCT a.person_id FROM post_appointments a
      WHERE ${under(sql`a.region_code`)} AND a.started_on <= ${to}::date AND (a.ended_on IS NULL OR a.ended_on >= ${from}::date)
    ), tr AS (
      SELECT tp.person_id,
        array_agg(DISTINCT t.skill) FILTER (WHERE tp.completed AND t.skill IS NOT NULL AND t.starts_on <= ${to}::date) AS skills,
        count(*) FILTER (WHERE t.starts_on BETWEEN ${from}::date AND ${to}::date)::int AS trainings
      FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
      WHERE ${under(sql`tp.region_code`)}
      GROUP BY tp.person_id
    )
    SELECT p.id, p.household_id, p.region_code, h.household_type,
      (${scope.year}::int - extract(year FROM p.birth_date)::int) AS age,
      p.labor_capacity, p.wants_work, p.wants_training,
      (coalesce(p.employment_status, 'not_working') <> 'not_working' OR p.employment_channel IS NOT NULL OR pa.person_id IS NOT NULL) AS has_job,
      CASE WHEN tr.skills IS NULL AND cardinality(p.skills) = 0 THEN '{}'::text[]
        ELSE ARRAY(SELECT DISTINCT s FROM unnest(p.skills || coalesce(tr.skills, '{}'::text[])) s WHERE btrim(s) <> '' ORDER BY s) END AS skills,
      coalesce(tr.trainings, 0) AS trainings
    FROM persons p
    JOIN households h ON h.id = p.household_id
    LEFT JOIN pa ON pa.person_id = p.id
    LEFT JOIN tr ON tr.person_id = p.id
    WHERE ${under(sql`p.region_code`)}
      AND p.exit_reason IS NULL AND h.exit_reason IS NULL
      AND p.birth_date BETWEEN make_date(${scope.year}::int - ${WORKING_AGE.max}::int, 1, 1) AND make_date(${scope.year}::int - ${WORKING_AGE.min}::int, 12, 31)
      ${types ? sql`AND h.household_type = ANY(${textArray(types)})` : sql``}`;
}

type WorkerRow = {
  id: number | string;
  household_id: number | string;
  region_code: string;
  household_type: string;
  age: number | string | null;
  labor_capacity: string | null;
  wants_work: boolean | null;
  wants_training: boolean | null;
  has_job: boolean;
  skills: string[] | string | null;
  trainings: number | string;
};

/** `{a,"b c"}` as PGlite may hand a text[] back. */
function parseTextArray(v: string[] | string | null): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  if (!inner) return [];
  return (inner.match(/"((?:[^"\\]|\\.)*)"|[^,]+/g) ?? []).map((s) => (s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s));
}

/** Worker facts (H4, H7) under `scope.prefix`, in ONE statement. */
export async function gatherWorkerFacts(conn: Conn, scope: GatherScope): Promise<WorkerFacts[]> {
  return rowsOf<WorkerRow>(await conn.execute(workerFactsQuery(scope))).map((r) => ({
    personId: Number(r.id),
    householdId: Number(r.household_id),
    regionCode: r.region_code,
    householdType: r.household_type,
    age: r.age === null ? null : Number(r.age),
    laborCapacity: r.labor_capacity,
    wantsWork: r.wants_work,
    wantsTraining: r.wants_training,
    hasJob: Boolean(r.has_job),
    skills: parseTextArray(r.skills),
    trainingsThisYear: Number(r.trainings),
  }));
}
