import {
  PROJECT_TODO_STEP,
  REJECTED_NOTICE_DAYS,
  isProjectStage,
  projectLevelOfRole,
  projectTodoLabel,
  projectTodoStages,
  type ProjectTodoItem,
  type ProjectTodoReason,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { listTodoProjects } from './project-todo.repo.ts';

/** At most this many projects in one 待办 (the oldest); `matching` counts them all. */
export const PROJECT_TODO_LIMIT = 200;

/**
 * The projects of the 待办 (先入库后建设 workflow, domain project-todo.ts): within the user's scope, those whose next
 * step is the user's level — township: 乡镇审核, 公示, 开工实施; county (county officer, admin): 审定入库, 验收, 绩效评价 —
 * and the user's own proposals returned for revision (until submitted again) or rejected in the last
 * REJECTED_NOTICE_DAYS days, with the reason. Oldest step first. A viewer has none.
 */
export async function listProjectTodo(deps: Deps, actor: Actor, now: Date = new Date()): Promise<{ items: ProjectTodoItem[]; matching: number }> {
  const level = projectLevelOfRole(actor.role);
  if (!level) return { items: [], matching: 0 };
  const rows = await listTodoProjects(deps.db.db, {
    prefix: actor.scopePrefix,
    stages: projectTodoStages(level),
    actorId: actor.id,
    rejectedSince: new Date(now.getTime() - REJECTED_NOTICE_DAYS * 86_400_000),
    limit: PROJECT_TODO_LIMIT,
  });
  const items = rows.flatMap((r): ProjectTodoItem[] => {
    if (!isProjectStage(r.stage)) return [];
    const reason: ProjectTodoReason = r.stage === 'draft' ? 'returned' : r.stage === 'rejected' ? 'rejected' : 'step';
    const label = projectTodoLabel(reason, r.stage);
    return [
      {
        kind: 'project',
        projectId: r.id,
        projectNo: r.projectNo,
        name: r.name,
        stage: r.stage,
        reason,
        nextAction: reason === 'returned' ? 'submit' : (PROJECT_TODO_STEP[r.stage] ?? null),
        labelZh: label.zh,
        labelEn: label.en,
        regionCode: r.regionCode,
        townshipName: r.townshipName,
        villageName: r.villageName,
        returnReason: reason === 'step' ? null : r.returnReason,
        waitingSince: r.since.toISOString(),
        link: `/industry/projects/${r.id}`,
      },
    ];
  });
  return { items, matching: rows[0]?.matching ?? 0 };
}
