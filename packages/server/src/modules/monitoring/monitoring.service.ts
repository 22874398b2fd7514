import {
  AppError, checkIdentificationSteps, checkRiskElimination, hasBlockingIssues, incomeTrend, type Issue, type MonitoringCaseCreate,
  type MonitoringCaseUpdate, type MonitoringCaseView, type MonitoringEliminate, type PolicyPack,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { assertWritableChild, getWritableHousehold } from '../households/household-access.ts';
import { listMembers, updateHousehold } from '../households/households.repo.ts';
import { developmentalCategories, toCaseView } from '../households/households.views.ts';
import { throwIfIssues } from '../households/members.rules.ts';
import { listIncomes } from '../incomes/incomes.repo.ts';
import { listMeasures } from '../measures/measures.repo.ts';
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
 * Opens a monitoring case (识别). With a county approval date the household enters monitoring.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (dates out of the procedure), INVALID_TRANSITION (a case is open)
 */
export async function createCase(deps: Deps, actor: Actor, householdId: number, input: MonitoringCaseCreate): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  checkDictCode(idx, 'monitoring_type', input.monitoringType, 'monitoringType', issues);
  checkDictCode(idx, 'lead_source', input.leadSource, 'leadSource', issues);
  issues.push(...checkSteps(input, await packFor(db, h.regionCode)));
  throwIfIssues(issues, 'monitoring case is invalid');
  if ((await repo.listCases(db, householdId)).some((c) => OPEN.has(c.status))) {
    throw new AppError('INVALID_TRANSITION', 'the household already has an open monitoring case', { householdId });
  }
  const status = input.countyApprovalDate ? 'monitoring' : 'identifying';
  const row = await db.transaction(async (tx) => {
    const c = await repo.insertCase(tx, { ...input, householdId, regionCode: h.regionCode, status });
    const hPatch = status === 'monitoring'
      ? { monitoringStatus: 'monitoring', householdType: 'monitored', monitoringType: input.monitoringType }
      : { monitoringStatus: h.monitoringStatus === 'monitoring' ? 'monitoring' : 'identifying' };
    await updateHousehold(tx, householdId, hPatch);
    await recordAudit(tx, actor, { action: 'create', entityType: 'monitoring_case', entityId: c.id, regionCode: h.regionCode, householdId, after: c });
    return c;
  });
  return toCaseView(row);
}

/**
 * Records identification steps; the county approval date moves the case (and household) into monitoring.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, INVALID_TRANSITION (case already eliminated)
 */
export async function updateCase(deps: Deps, actor: Actor, caseId: number, input: MonitoringCaseUpdate): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const before = assertWritableChild(actor, await repo.findCase(db, caseId), 'monitoring case', caseId);
  if (before.status === 'eliminated') throw new AppError('INVALID_TRANSITION', 'an eliminated case cannot change', { caseId, status: before.status });
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as MonitoringCaseUpdate;
  const merged = { ...before, ...patch };
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  checkDictCode(idx, 'monitoring_type', patch.monitoringType, 'monitoringType', issues);
  checkDictCode(idx, 'lead_source', patch.leadSource, 'leadSource', issues);
  issues.push(...checkSteps(merged, await packFor(db, before.regionCode)));
  throwIfIssues(issues, 'monitoring case is invalid');
  const status = merged.countyApprovalDate ? 'monitoring' : 'identifying';
  const row = await db.transaction(async (tx) => {
    const c = await repo.updateCase(tx, caseId, { ...patch, status });
    if (status !== before.status || patch.monitoringType) {
      await updateHousehold(tx, before.householdId, status === 'monitoring'
        ? { monitoringStatus: 'monitoring', householdType: 'monitored', monitoringType: c.monitoringType }
        : { monitoringStatus: 'identifying' });
    }
    await recordAudit(tx, actor, { action: 'update', entityType: 'monitoring_case', entityId: caseId, regionCode: c.regionCode, householdId: c.householdId, before, after: c });
    return c;
  });
  return toCaseView(row);
}

/**
 * 风险消除: refused with the domain's reasons unless income, guarantees, labour and measures allow it.
 * @throws AppError NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (not under monitoring, or the domain's reasons as issues)
 */
export async function eliminateCase(deps: Deps, actor: Actor, caseId: number, input: MonitoringEliminate): Promise<MonitoringCaseView> {
  const db = deps.db.db;
  const before = assertWritableChild(actor, await repo.findCase(db, caseId), 'monitoring case', caseId);
  if (before.status !== 'monitoring') {
    throw new AppError('INVALID_TRANSITION', `case is ${before.status}, only a case under monitoring can be eliminated`, { caseId, status: before.status });
  }
  const h = await getWritableHousehold(db, actor, before.householdId);
  const [members, incomes, measures, pack] = await Promise.all([listMembers(db, h.id), listIncomes(db, h.id), listMeasures(db, h.id), packFor(db, h.regionCode)]);
  const dev = developmentalCategories();
  const sinceYear = Number((before.countyApprovalDate ?? before.leadDate ?? '0000').slice(0, 4));
  const incomeStableSince = input.incomeStableSince ?? before.incomeStableSince;
  const issues = checkRiskElimination({
    laborCapacities: members.map((m) => m.laborCapacity).filter((c): c is string => !!c),
    perCapitaIncomeByYear: Object.fromEntries(incomeTrend(incomes).map((t) => [t.year, t.perCapita])),
    incomeStableSince: incomeStableSince ?? null,
    asOf: input.eliminationDate,
    provinceCode: h.regionCode.slice(0, 2),
    method: input.eliminationMethod,
    developmentalMeasureCount: measures.filter((m) => dev.has(m.category) && m.year >= sinceYear).length,
    housingSecure: h.housingSecure, waterSecure: h.waterSecure, educationSecure: h.educationSecure, medicalSecure: h.medicalSecure,
  }, pack);
  if (issues.length > 0) throw new AppError('INVALID_TRANSITION', 'risk cannot be marked eliminated', { caseId, issues });
  const row = await db.transaction(async (tx) => {
    const c = await repo.updateCase(tx, caseId, {
      status: 'eliminated', eliminationMethod: input.eliminationMethod, eliminationDate: input.eliminationDate,
      incomeStableSince: incomeStableSince ?? null, ...(input.note !== undefined ? { note: input.note } : {}),
    });
    await updateHousehold(tx, h.id, { monitoringStatus: 'eliminated' });
    await recordAudit(tx, actor, { action: 'eliminate', entityType: 'monitoring_case', entityId: caseId, regionCode: c.regionCode, householdId: c.householdId, before, after: c });
    return c;
  });
  return toCaseView(row);
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
