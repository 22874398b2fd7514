import { AppError, computeS1, fenToYuan, formatClause, type SubsidyCreate, type SubsidyView } from '@chanbang/domain';
import type { Actor, Deps, Tx } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { assertHouseholdActive, assertWritableChild, getReadableHousehold, getWritableHousehold } from '../households/household-access.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { assertRecordInScope } from '../regions/scope.ts';
import { ruleOf } from './calculators.service.ts';
import * as repo from './subsidies.repo.ts';

export function toSubsidyView(s: repo.SubsidyRow): SubsidyView {
  return {
    id: s.id,
    projectId: s.projectId,
    householdId: s.householdId,
    regionCode: s.regionCode,
    kind: s.kind,
    areaMu: Number(s.areaMu),
    amountYuan: fenToYuan(s.amountFen),
    packId: s.packId,
    year: s.year,
    version: s.version,
  };
}

type Owner = { projectId: number } | { householdId: number };

/**
 * Computes a subsidy by S1 with the active pack of the owner's county and stores it (one transaction with its
 * audit). Refused (409 CONFLICT, the reason as an issue) when the pack has no S1 or the facility is not eligible.
 */
async function create(deps: Deps, actor: Actor, owner: Owner, regionCode: string, input: SubsidyCreate, lock?: (tx: Tx) => Promise<void>) {
  const db = deps.db.db;
  const { pack } = await getActivePack(db, countyCodeOf(regionCode));
  const cfg = ruleOf(pack, 'S1', 'CONFLICT');
  const r = computeS1(cfg, { kind: input.kind, areaMu: input.areaMu, claimedYuanPerMu: input.claimedYuanPerMu });
  if (!r.eligible) throw new AppError('CONFLICT', 'S1: not eligible', { ruleId: 'S1', issues: [{ path: 'areaMu', messageZh: r.reasonZh, messageEn: r.reasonEn }] });
  const row = await db.transaction(async (tx) => {
    if (lock) await lock(tx);
    const s = await repo.insertSubsidy(tx, {
      ...owner,
      regionCode,
      kind: input.kind,
      areaMu: input.areaMu,
      amountFen: r.amountFen,
      packId: pack.id,
      year: input.year ?? new Date().getFullYear(),
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'facility_subsidy', entityId: s.id, regionCode, householdId: s.householdId, after: s });
    return s;
  });
  return { ...toSubsidyView(row), steps: r.stepsZh, clause: formatClause(pack, cfg.clause) };
}

async function writableProject(deps: Deps, actor: Actor, projectId: number) {
  assertCanWrite(actor);
  return assertRecordInScope(actor, await repo.findProjectRegion(deps.db.db, projectId), 'project', { projectId });
}

/** POST /projects/:id/subsidies */
export async function createProjectSubsidy(deps: Deps, actor: Actor, projectId: number, input: SubsidyCreate) {
  const p = await writableProject(deps, actor, projectId);
  return create(deps, actor, { projectId }, p.regionCode, input, async (tx) => {
    assertRecordInScope(actor, await repo.lockProjectRegion(tx, projectId), 'project', { projectId });
  });
}

/** POST /households/:id/subsidies */
export async function createHouseholdSubsidy(deps: Deps, actor: Actor, householdId: number, input: SubsidyCreate) {
  const h = await getWritableHousehold(deps.db.db, actor, householdId);
  return create(deps, actor, { householdId }, h.regionCode, input);
}

/** GET /projects/:id/subsidies (404 out of scope) */
export async function listProjectSubsidies(deps: Deps, actor: Actor, projectId: number): Promise<{ items: SubsidyView[] }> {
  assertRecordInScope(actor, await repo.findProjectRegion(deps.db.db, projectId), 'project', { projectId });
  return { items: (await repo.listSubsidies(deps.db.db, { projectId })).map(toSubsidyView) };
}

/** GET /households/:id/subsidies (404 out of scope) */
export async function listHouseholdSubsidies(deps: Deps, actor: Actor, householdId: number): Promise<{ items: SubsidyView[] }> {
  await getReadableHousehold(deps.db.db, actor, householdId);
  return { items: (await repo.listSubsidies(deps.db.db, { householdId })).map(toSubsidyView) };
}

/** DELETE /facility-subsidies/:id (If-Match or ?version=) */
export async function deleteSubsidy(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findSubsidy(db, id), 'facility subsidy', id);
  if (found.householdId !== null) await assertHouseholdActive(db, found.householdId);
  await db.transaction(async (tx) => {
    const before = assertWritableChild(actor, await repo.lockSubsidy(tx, id), 'facility subsidy', id);
    await checkVersion(before.version, version, () => toSubsidyView(before));
    await repo.deleteSubsidy(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'facility_subsidy', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}
