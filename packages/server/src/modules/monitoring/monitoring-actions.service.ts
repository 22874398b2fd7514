import {
  AppError,
  assessIncome,
  checkRiskElimination,
  levelOfRole,
  levelRefusal,
  planCaseAction,
  statusOfStage,
  isCaseStage,
  type CaseActionBody,
  type CaseStage,
  type EliminationCheck,
  type Issue,
  type MonitoringCaseView,
  type PolicyPack,
  type RiskEliminationInput,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { assertWritableChild, getReadableHousehold, getWritableHousehold } from '../households/household-access.ts';
import { listMembers, updateHousehold } from '../households/households.repo.ts';
import { developmentalCategories } from '../measures/measures.views.ts';
import { toCaseView } from './monitoring.views.ts';
import { listIncomes } from '../incomes/incomes.repo.ts';
import { listMeasures } from '../measures/measures.repo.ts';
import { loadLines } from '../monitoring-lines/monitoring-lines.service.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import * as repo from './monitoring.repo.ts';
import { assertRecordInScope } from '../regions/scope.ts';
import { readAll } from '../../reads.ts';

type HouseholdRow = Awaited<ReturnType<typeof getReadableHousehold>>;

async function packFor(db: Conn, regionCode: string): Promise<PolicyPack> {
  return (await getActivePack(db, countyCodeOf(regionCode))).pack;
}

function stageOf(c: repo.CaseRow): CaseStage {
  return isCaseStage(c.stage) ? c.stage : 'village';
}

/** The facts of the household the national conditions read, for a decision on `asOf`. */
async function eliminationInput(db: Conn, h: HouseholdRow, c: repo.CaseRow, asOf: string, method: string | null): Promise<RiskEliminationInput> {
  // also read inside a step's transaction (the county's 风险消除 decision)
  const [members, incomes, measures] = await readAll(db, [() => listMembers(db, h.id), () => listIncomes(db, h.id), () => listMeasures(db, h.id)]);
  const dev = developmentalCategories();
  const sinceYear = Number((c.countyApprovalDate ?? c.leadDate ?? '0000').slice(0, 4));
  return {
    laborCapacities: members
      .filter((m) => !m.exitReason)
      .map((m) => m.laborCapacity)
      .filter((x): x is string => !!x),
    incomes: incomes.map((r) => ({
      year: r.year,
      memberCount: r.memberCount,
      wage: r.wage,
      business: r.business,
      businessExpense: r.businessExpense,
      property: r.property,
      transfer: r.transfer,
      claimIncome: r.claimIncome,
      compliantSelfPaid: r.compliantSelfPaid,
    })),
    monitoringType: c.monitoringType,
    asOf,
    provinceCode: h.regionCode.slice(0, 2),
    method,
    developmentalMeasureCount: measures.filter((m) => dev.has(m.category) && m.year >= sinceYear).length,
    housingSecure: h.housingSecure,
    waterSecure: h.waterSecure,
    educationSecure: h.educationSecure,
    medicalSecure: h.medicalSecure,
    rigidExpenseResolved: c.rigidExpenseResolved,
    noNewRisk: c.noNewRisk,
  };
}

/**
 * The national 风险消除 conditions for this case on `asOf`, as a preview (any reader of the household).
 * @throws AppError NOT_FOUND (missing or out of scope)
 */
export async function eliminationCheck(deps: Deps, actor: Actor, caseId: number, asOf: string, method?: string): Promise<EliminationCheck> {
  const db = deps.db.db;
  const c = assertRecordInScope(actor, await repo.findCase(db, caseId), 'monitoring case', { caseId });
  const h = await getReadableHousehold(db, actor, c.householdId);
  const [pack, lines] = await Promise.all([packFor(db, h.regionCode), loadLines(db, h.regionCode.slice(0, 2))]);
  const input = await eliminationInput(db, h, c, asOf, method ?? c.eliminationMethod);
  const issues = checkRiskElimination(input, lines, pack);
  const a = assessIncome(input, lines, pack.incomeStableMinMonths);
  return {
    asOf,
    ok: issues.length === 0,
    issues: issues.map((i) => ({ path: i.path, messageZh: i.messageZh, messageEn: i.messageEn })),
    line: a.line,
    judged: a.judged,
    stableMonths: a.stableMonths,
    requiredMonths: a.requiredMonths,
  };
}

const HTTP_MESSAGE: Record<string, string> = {
  FORBIDDEN: 'this step is reserved to another level',
  INVALID_TRANSITION: 'the case cannot take this step now',
  VALIDATION_FAILED: 'the step is incomplete',
};

/**
 * Takes one step of the identification or 风险消除 procedure (domain planCaseAction): checks the user's level, then
 * — on the case locked inside the transaction — the version the user read and the case's stage; writes the case
 * (version + 1), moves the household (into monitoring on 县级审批, re-assessed flags at the elimination home visit,
 * eliminated on the elimination's 县级审批), audited in the same transaction.
 * @throws AppError NOT_FOUND / FORBIDDEN (scope, or a step of a higher level, with the reason), RECORD_EXITED,
 *   VERSION_REQUIRED, STALE_VERSION (details.current = the case as it is now), INVALID_TRANSITION (wrong stage, or the
 *   national conditions refuse the elimination), VALIDATION_FAILED (missing or bad dates)
 */
export async function applyCaseAction(deps: Deps, actor: Actor, caseId: number, body: CaseActionBody, version: number | undefined): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findCase(db, caseId), 'monitoring case', caseId);
  // an exited household is read-only: its cases take no step (409 RECORD_EXITED)
  const h = await getWritableHousehold(db, actor, found.householdId);
  const level = levelOfRole(actor.role);
  // a step of a higher level is refused whatever the case's version (403 with the reason)
  const refusal = levelRefusal(body.action, level);
  if (refusal) throw new AppError('FORBIDDEN', HTTP_MESSAGE.FORBIDDEN!, { caseId, action: body.action, issues: [refusal] });
  const idx = await loadDictIndex(deps);
  const dictIssues: Issue[] = [];
  for (const r of body.riskTypes ?? []) checkDictCode(idx, 'risk_type', r, 'riskTypes', dictIssues);
  checkDictCode(idx, 'elimination_method', body.eliminationMethod, 'eliminationMethod', dictIssues);
  if (dictIssues.length) throw new AppError('VALIDATION_FAILED', 'the step is invalid', { issues: dictIssues });

  const pack = await packFor(db, h.regionCode);
  const lines = body.action === 'elim_county_approve' ? await loadLines(db, h.regionCode.slice(0, 2)) : undefined;
  const { version: _v, ...step } = body;
  const row = await db.transaction(async (tx) => {
    const before = assertWritableChild(actor, await repo.lockCase(tx, caseId), 'monitoring case', caseId);
    await checkVersion(before.version, version, () => toCaseView(before));
    const state = { ...before, stage: stageOf(before) };
    let eliminationIssues: Issue[] | undefined;
    if (lines && level === 'county' && state.stage === 'elim_county_approval' && step.date) {
      eliminationIssues = checkRiskElimination(await eliminationInput(tx, h, before, step.date, step.eliminationMethod ?? before.eliminationMethod), lines, pack);
    }
    const plan = planCaseAction(state, level, step, pack, eliminationIssues ? { eliminationIssues } : {});
    if (!plan.ok) throw new AppError(plan.code, HTTP_MESSAGE[plan.code] ?? 'refused', { caseId, action: step.action, issues: plan.issues });
    const c = await repo.updateCase(tx, caseId, {
      ...plan.patch,
      stage: plan.stage,
      status: statusOfStage(plan.stage),
      ...(plan.returned ? { returnedAt: new Date() } : {}),
    });
    const eff = plan.household;
    if (eff?.kind === 'enter_monitoring') {
      await updateHousehold(tx, h.id, {
        monitoringStatus: 'monitoring',
        householdType: 'monitored',
        monitoringType: c.monitoringType,
        monitoringSince: eff.since,
        eliminatedAt: null,
        eliminationMethod: null,
        ...(c.riskTypes.length ? { riskTypes: c.riskTypes } : {}),
      });
    } else if (eff?.kind === 'reassess') {
      await updateHousehold(tx, h.id, eff.flags);
    } else if (eff?.kind === 'eliminated') {
      await updateHousehold(tx, h.id, { monitoringStatus: 'eliminated', eliminatedAt: eff.date, eliminationMethod: eff.method });
    }
    await recordAudit(tx, actor, { action: step.action, entityType: 'monitoring_case', entityId: caseId, regionCode: c.regionCode, householdId: c.householdId, before, after: c });
    return c;
  });
  return toCaseView(row);
}
