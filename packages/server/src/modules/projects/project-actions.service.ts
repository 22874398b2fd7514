import { AppError, entryPolicyOf, planProjectAction, projectLevelOfRole, projectLevelRefusal, type ProjectActionBody, type ProjectView } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { todayInChina } from '../households/household.rules.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { assertRecordInScope } from '../regions/scope.ts';
import * as repo from './projects.repo.ts';
import { buildProjectView, getWritableProject } from './projects.service.ts';
import { stageOf } from './projects.views.ts';

const HTTP_MESSAGE: Record<string, string> = {
  FORBIDDEN: 'this step is reserved to another level',
  INVALID_TRANSITION: 'the project cannot take this step now',
  VALIDATION_FAILED: 'the step is incomplete',
};

/**
 * Takes one step of the project library workflow (domain planProjectAction): the user's level first (403 with the
 * reason whatever the version), then — on the project locked in the transaction — the version read, the stage,
 * the step's conditions (入库: the four checks of 004 §六 and ≥ N linkage modes for an industry project), the
 * project columns (version + 1), a project_steps row naming the user, and the audit entry.
 * @throws AppError NOT_FOUND / FORBIDDEN / VERSION_REQUIRED / STALE_VERSION / INVALID_TRANSITION / VALIDATION_FAILED
 */
export async function applyProjectAction(deps: Deps, actor: Actor, id: number, body: ProjectActionBody, version: number | undefined): Promise<ProjectView> {
  const db = deps.db.db;
  const found = await getWritableProject(db, actor, id);
  const level = projectLevelOfRole(actor.role);
  const refusal = projectLevelRefusal(body.action, level);
  if (refusal) throw new AppError('FORBIDDEN', HTTP_MESSAGE.FORBIDDEN!, { id, action: body.action, issues: [refusal] });
  if (body.action === 'allocate_funds') {
    throw new AppError('VALIDATION_FAILED', 'funds are allocated by the funds module', {
      issues: [{ path: 'action', value: body.action, messageZh: '资金安排请在资金管理中办理', messageEn: 'allocate funds in the funds module' }],
    });
  }
  const policy = entryPolicyOf((await getActivePack(db, countyCodeOf(found.regionCode))).pack);
  const { version: _v, ...step } = body;
  const row = await db.transaction(async (tx) => {
    const before = assertRecordInScope(actor, await repo.lockProject(tx, id), 'project', { id });
    await checkVersion(before.version, version, () => buildProjectView(tx, actor, before));
    const from = stageOf(before);
    const plan = planProjectAction({ ...before, stage: from, linkageModes: before.linkageModes ?? [] }, level, step, policy, todayInChina());
    if (!plan.ok) throw new AppError(plan.code, HTTP_MESSAGE[plan.code] ?? 'refused', { id, action: step.action, issues: plan.issues });
    const after = await repo.updateProject(tx, id, plan.patch);
    await repo.insertStep(tx, {
      projectId: id,
      action: step.action,
      fromStage: from,
      toStage: plan.patch.stage,
      actorId: actor.id,
      actorName: actor.displayName,
      reason: plan.stepReason,
    });
    await recordAudit(tx, actor, { action: `project_${step.action}`, entityType: 'project', entityId: id, regionCode: after.regionCode, before, after });
    return after;
  });
  return buildProjectView(db, actor, row);
}
