import {
  AppError,
  checkIdentificationSteps,
  hasBlockingIssues,
  householdCategoryIssues,
  levelOfRole,
  type Issue,
  type MonitoringCaseCreate,
  type MonitoringCaseUpdate,
  type MonitoringCaseView,
  type MonitoringEliminate,
  type PolicyPack,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { assertWritableChild, getWritableHousehold } from '../households/household-access.ts';
import { updateHousehold } from '../households/households.repo.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { toCaseView } from './monitoring.views.ts';
import { applyCaseAction } from './monitoring-actions.service.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import * as repo from './monitoring.repo.ts';

const OPEN = new Set(['identifying', 'monitoring']);

/** Today as an ISO date. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

async function packFor(db: Conn, regionCode: string): Promise<PolicyPack> {
  return (await getActivePack(db, countyCodeOf(regionCode))).pack;
}

function checkSteps(c: MonitoringCaseCreate | repo.CaseRow, pack: PolicyPack): Issue[] {
  const issues = checkIdentificationSteps(c, pack);
  return hasBlockingIssues(issues) ? issues.filter((i) => (i.severity ?? 'error') === 'error') : [];
}

/**
 * The township and county decisions are taken by their own steps (POST …/actions); a case's dates of 乡镇审核 /
 * 县级审批 may only be typed by the county level, to record a decision taken on paper before the system.
 */
function assertDecisionDates(actor: Actor, input: { townshipReviewDate?: string | null | undefined; countyApprovalDate?: string | null | undefined }): void {
  if ((input.townshipReviewDate || input.countyApprovalDate) && levelOfRole(actor.role) !== 'county') {
    throw new AppError('FORBIDDEN', 'township and county decisions are steps of their level', {
      issues: [
        {
          path: input.countyApprovalDate ? 'countyApprovalDate' : 'townshipReviewDate',
          messageZh: input.countyApprovalDate ? '县级审批须由县级业务员或县级管理员完成' : '乡镇审核须由乡镇业务员通过“乡镇审核”办理',
          messageEn: input.countyApprovalDate ? 'the county approval must be done by a county officer or administrator' : 'the township review must be done by a township officer',
        },
      ],
    });
  }
}

/**
 * Opens a monitoring case (识别) at the village stage. A county-level user may record a case decided on paper
 * (with its 县级审批 date): the household then enters monitoring.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (dates out of the procedure), INVALID_TRANSITION (a case is open)
 */
export async function createCase(deps: Deps, actor: Actor, householdId: number, input: MonitoringCaseCreate): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  assertDecisionDates(actor, input);
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  checkDictCode(idx, 'monitoring_type', input.monitoringType, 'monitoringType', issues);
  checkDictCode(idx, 'lead_source', input.leadSource, 'leadSource', issues);
  for (const r of input.riskTypes ?? []) checkDictCode(idx, 'risk_type', r, 'riskTypes', issues);
  issues.push(...checkSteps(input, await packFor(db, h.regionCode)));
  // the category must fit the household: 脱贫不稳定户 only for a 脱贫户, 边缘易致贫户 never (domain-standards §1.2)
  if (!issues.length) {
    issues.push(
      ...householdCategoryIssues({ householdType: 'monitored', isLifted: h.isLifted, liftedCategory: h.liftedCategory, monitoringType: input.monitoringType })
        .filter((i) => i.path === 'isLifted')
        .map((i) => ({ ...i, path: 'monitoringType', field: 'monitoringType' })),
    );
  }
  throwIfIssues(issues, 'monitoring case is invalid');
  if ((await repo.listCases(db, householdId)).some((c) => OPEN.has(c.status))) {
    throw new AppError('INVALID_TRANSITION', 'the household already has an open monitoring case', {
      householdId,
      issues: [{ path: 'householdId', messageZh: '该户已有未办结的监测记录', messageEn: 'the household already has an open monitoring case' }],
    });
  }
  const stage = input.countyApprovalDate ? 'approved' : input.townshipReviewDate ? 'county_approval' : 'village';
  const status = stage === 'approved' ? 'monitoring' : 'identifying';
  const row = await db.transaction(async (tx) => {
    const c = await repo.insertCase(tx, { ...input, riskTypes: input.riskTypes ?? [], householdId, regionCode: h.regionCode, status, stage });
    const hPatch =
      status === 'monitoring'
        ? { monitoringStatus: 'monitoring', householdType: 'monitored', monitoringType: input.monitoringType, monitoringSince: input.countyApprovalDate ?? null }
        : { monitoringStatus: h.monitoringStatus === 'monitoring' ? 'monitoring' : 'identifying' };
    await updateHousehold(tx, householdId, hPatch);
    await recordAudit(tx, actor, { action: 'create', entityType: 'monitoring_case', entityId: c.id, regionCode: h.regionCode, householdId, after: c });
    return c;
  });
  return toCaseView(row);
}

const VILLAGE_FIELDS = [
  'leadDate',
  'homeVisitDate',
  'infoCheckDate',
  'villageReviewDate',
  'publicityStart',
  'publicityEnd',
  'commitmentDate',
  'riskTypes',
  'leadSource',
  'monitoringType',
] as const;

/**
 * Edits a case: the village-stage facts while the case is at the village stage, the note at any time. 乡镇审核 and
 * 县级审批 are steps of their own (POST …/actions), not dates typed here. Based on the version read: the case is
 * locked and its version compared inside the transaction.
 * @throws AppError NOT_FOUND, FORBIDDEN (a decision date), VERSION_REQUIRED, STALE_VERSION (details.current = the case
 *   as it is now), VALIDATION_FAILED, INVALID_TRANSITION (already submitted, or eliminated)
 */
export async function updateCase(deps: Deps, actor: Actor, caseId: number, input: MonitoringCaseUpdate, version: number | undefined): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findCase(db, caseId), 'monitoring case', caseId);
  if (input.townshipReviewDate !== undefined || input.countyApprovalDate !== undefined) {
    throw new AppError('FORBIDDEN', 'decisions are taken by their own step', {
      issues: [
        {
          path: 'countyApprovalDate',
          messageZh: '乡镇审核、县级审批请通过“审核/审批”操作办理，不能直接修改日期',
          messageEn: 'township review and county approval are steps of their own, not editable dates',
        },
      ],
    });
  }
  const { version: _v, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as MonitoringCaseUpdate;
  const idx = await loadDictIndex(deps);
  const pack = await packFor(db, found.regionCode);
  const row = await db.transaction(async (tx) => {
    const before = assertWritableChild(actor, await repo.lockCase(tx, caseId), 'monitoring case', caseId);
    await checkVersion(before.version, version, () => toCaseView(before));
    if (before.stage !== 'village' && VILLAGE_FIELDS.some((k) => k in patch)) {
      throw new AppError('INVALID_TRANSITION', 'the case has left the village stage', {
        caseId,
        issues: [
          {
            path: 'stage',
            value: before.stage,
            messageZh: '该户已报审或已纳入监测，村级识别信息不能再修改（如需修改请由上级退回）',
            messageEn: 'the case has been submitted: village facts can only change after a return',
          },
        ],
      });
    }
    const issues: Issue[] = [];
    checkDictCode(idx, 'monitoring_type', patch.monitoringType, 'monitoringType', issues);
    checkDictCode(idx, 'lead_source', patch.leadSource, 'leadSource', issues);
    for (const r of patch.riskTypes ?? []) checkDictCode(idx, 'risk_type', r, 'riskTypes', issues);
    issues.push(...checkSteps({ ...before, ...patch }, pack));
    throwIfIssues(issues, 'monitoring case is invalid');
    const c = await repo.updateCase(tx, caseId, patch);
    await recordAudit(tx, actor, { action: 'update', entityType: 'monitoring_case', entityId: caseId, regionCode: c.regionCode, householdId: c.householdId, before, after: c });
    return c;
  });
  return toCaseView(row);
}

/**
 * 风险消除 by the county (the elimination's 县级审批): the `elim_county_approve` step, refused with the national
 * conditions' reasons. Kept for the API's existing clients.
 * @throws AppError as applyCaseAction
 */
export async function eliminateCase(deps: Deps, actor: Actor, caseId: number, input: MonitoringEliminate, version: number | undefined): Promise<MonitoringCaseView> {
  return applyCaseAction(deps, actor, caseId, { action: 'elim_county_approve', date: input.eliminationDate, eliminationMethod: input.eliminationMethod }, version);
}

/** Open identification cases under `prefix` whose lead is older than the pack's limit, with the reason. */
export async function listOverdueIdentifications(deps: Deps, prefix: string, asOf: string = todayIso()) {
  const db = deps.db.db;
  const rows = await repo.listIdentifyingCases(db, prefix);
  const packs = new Map<string, PolicyPack>();
  const out: { householdId: number; householdNo: string; headName: string | null; regionCode: string; issue: Issue }[] = [];
  for (const r of rows) {
    const county = countyCodeOf(r.c.regionCode);
    let pack = packs.get(county);
    if (!pack) packs.set(county, (pack = await packFor(db, r.c.regionCode)));
    const overdue = checkIdentificationSteps(r.c, pack, { asOf }).find((i) => i.severity === 'warning' && i.path === 'leadDate');
    if (overdue) out.push({ householdId: r.c.householdId, householdNo: r.householdNo, headName: r.headName, regionCode: r.c.regionCode, issue: overdue });
  }
  return out;
}

/** Ids of households with an overdue identification (for `warning=identification_overdue` lists). */
export async function overdueHouseholdIds(deps: Deps, _actor: Actor, prefix: string): Promise<number[]> {
  return [...new Set((await listOverdueIdentifications(deps, prefix)).map((o) => o.householdId))];
}
