import { sql, type SQL } from 'drizzle-orm';
import type { PostFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import { todayInChina } from '../../households/household.rules.ts';
import type { GatherScope } from './gatherer.types.ts';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The post facts statement (J5, snapshot-tested): every 公益性岗位 under `prefix` with its holdings (oldest first), each
 * with the holder's name and 自然减少 (reason, date), its dates, its exit reason and the months paid to it.
 */
export function postFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT p.id, p.region_code, p.name, p.status, (p.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS created_on, p.closed_on::text AS closed_on,
      coalesce((SELECT json_agg(json_build_object('appointmentId', a.id, 'personName', pe.name, 'startedOn', a.started_on::text, 'endedOn', a.ended_on::text,
          'exitReason', a.exit_reason, 'holderExitReason', pe.exit_reason, 'holderExitDate', pe.exit_date::text,
          'paidMonths', coalesce((SELECT json_agg(to_char(pp.month, 'YYYY-MM') ORDER BY pp.month) FROM post_payments pp WHERE pp.appointment_id = a.id), '[]'::json))
        ORDER BY a.started_on, a.id)
        FROM post_appointments a JOIN persons pe ON pe.id = a.person_id WHERE a.post_id = p.id), '[]'::json) AS holdings
    FROM public_welfare_posts p
    WHERE ${scopeWhere(sql`p.region_code`, scope.prefix)}
    ORDER BY p.id`;
}

type PostRow = { id: number | string; region_code: string; name: string; status: string; created_on: string; closed_on: string | null; holdings: unknown };
type Holding = {
  appointmentId: number | string;
  personName: string;
  startedOn: string;
  endedOn: string | null;
  exitReason: string | null;
  holderExitReason: string | null;
  holderExitDate: string | null;
  paidMonths: string[];
};

/** J5's facts under `scope.prefix`, in ONE statement; judged on `asOf` (today in China: 在岗未领补 counts ended months). */
export async function gatherPostFacts(conn: Conn, scope: GatherScope, asOf: string = todayInChina()): Promise<PostFacts[]> {
  return rowsOf<PostRow>(await conn.execute(postFactsQuery(scope))).map((r) => ({
    postId: Number(r.id),
    regionCode: r.region_code,
    name: r.name,
    status: r.status,
    createdOn: r.created_on,
    closedOn: r.closed_on,
    holdings: json<Holding[]>(r.holdings).map((h) => ({ ...h, appointmentId: Number(h.appointmentId) })),
    asOf,
  }));
}
