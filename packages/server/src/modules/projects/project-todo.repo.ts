import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { projectSteps, projects, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';

/** What the 待办 asks for: the stages whose next step is the user's, and the user's own proposals that came back. */
export type ProjectTodoFilter = {
  /** the actor's scope prefix */
  prefix: string;
  /** stages waiting for the actor's level (domain projectTodoStages) */
  stages: readonly string[];
  /** the actor: proposer (projects.proposed_by) or submitter (a submit step) of returned and rejected projects */
  actorId: number;
  /** a rejection older than this is no longer listed */
  rejectedSince: Date;
  limit: number;
};

/**
 * The projects under the prefix waiting for the actor (oldest step first, at most `limit`), each with its township
 * and village names, the time of the step that brought it to its stage and the count of all that match.
 */
export async function listTodoProjects(db: Conn, f: ProjectTodoFilter) {
  const village = alias(regions, 'village');
  const township = alias(regions, 'township');
  const since = sql<Date>`coalesce((SELECT max(${projectSteps.at}) FROM ${projectSteps} WHERE ${projectSteps.projectId} = ${projects.id}), ${projects.updatedAt})`;
  const mine = or(
    eq(projects.proposedBy, f.actorId),
    sql`EXISTS (SELECT 1 FROM ${projectSteps} WHERE ${projectSteps.projectId} = ${projects.id} AND ${projectSteps.action} = 'submit' AND ${projectSteps.actorId} = ${f.actorId})`,
  );
  const cameBack = or(and(eq(projects.stage, 'draft'), isNotNull(projects.returnReason)), and(eq(projects.stage, 'rejected'), sql`${since} >= ${f.rejectedSince.toISOString()}`));
  return db
    .select({
      id: projects.id,
      projectNo: projects.projectNo,
      name: projects.name,
      stage: projects.stage,
      regionCode: projects.regionCode,
      returnReason: projects.returnReason,
      villageName: village.name,
      townshipName: township.name,
      since: since.mapWith((v: string | Date) => new Date(v)),
      matching: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(projects)
    .leftJoin(village, and(eq(village.code, projects.regionCode), eq(village.level, 'village')))
    .leftJoin(township, eq(township.code, sql`substr(${projects.regionCode}, 1, 9) || '000'`))
    .where(and(scopeWhere(projects.regionCode, f.prefix), or(f.stages.length ? inArray(projects.stage, [...f.stages]) : undefined, and(mine, cameBack))))
    .orderBy(asc(since), asc(projects.id))
    .limit(f.limit);
}
