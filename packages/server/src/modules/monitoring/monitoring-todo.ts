import { isCaseStage, levelOfRole, type CaseStage, type MonitoringTodo } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { listTodoCases } from './monitoring.repo.ts';

/** The stages whose next step belongs to each level (待办). */
export const TODO_STAGES: Record<'village' | 'township' | 'county', CaseStage[]> = {
  village: ['village', 'elim_village'],
  township: ['township_review', 'elim_township_review'],
  county: ['county_approval', 'elim_county_approval'],
};

/**
 * 待办: the cases within the user's scope that wait for the user's level — village officers: the village stages
 * (including cases returned with the reason); township: 乡镇审核 of identification and elimination; county (admin,
 * county officer): 县级审批 of both. Oldest first. A viewer has none.
 */
export async function listTodo(deps: Deps, actor: Actor): Promise<MonitoringTodo> {
  const level = levelOfRole(actor.role);
  if (!level) return { items: [], total: 0 };
  const rows = await listTodoCases(deps.db.db, actor.scopePrefix, TODO_STAGES[level]);
  const items = rows.map((r) => ({
    caseId: r.c.id,
    householdId: r.c.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    regionCode: r.c.regionCode,
    villageName: r.villageName,
    townshipName: r.townshipName,
    monitoringType: r.c.monitoringType,
    stage: isCaseStage(r.c.stage) ? r.c.stage : ('village' as const),
    returnReason: r.c.returnReason,
    waitingSince: r.c.updatedAt.toISOString(),
  }));
  return { items, total: items.length };
}
