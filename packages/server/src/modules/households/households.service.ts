import {
  API_LIMITS, AppError, type HouseholdCreate, type HouseholdListItem, type HouseholdListQuery, type HouseholdUpdate, type HouseholdView, type Issue,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex, type DictIndex } from '../dictionaries/dictionaries.service.ts';
import { listHouseholdHelpers } from '../helpers/helpers.repo.ts';
import { listIncomes } from '../incomes/incomes.repo.ts';
import { listMeasures } from '../measures/measures.repo.ts';
import { listCases } from '../monitoring/monitoring.repo.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope } from '../regions/scope.ts';
import { failingHouseholdIds } from '../rules/rules.service.ts';
import { overdueHouseholdIds } from '../monitoring/monitoring.service.ts';
import { getReadableHousehold, getWritableHousehold } from './household-access.ts';
import * as repo from './households.repo.ts';
import { assertIdNumbersFree, checkPersonFields, secondHeadIssue, throwIfIssues } from './members.rules.ts';
import { developmentalCategories, toCaseView, toIncomeViews, toListItem, toMeasureView, toPersonView } from './households.views.ts';

/**
 * Lists households in the actor's scope with filters; ID and phone numbers masked unless the role may see them.
 * The total is counted up to API_LIMITS.listCountCap (`totalCapped` tells).
 * @throws AppError NOT_FOUND when `regionCode` is unknown or outside the scope
 */
export async function listHouseholds(deps: Deps, actor: Actor, q: HouseholdListQuery) {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  let ids: number[] | undefined;
  if (q.warning === 'H1') ids = await failingHouseholdIds(deps, actor, prefix);
  else if (q.warning === 'identification_overdue') ids = await overdueHouseholdIds(deps, actor, prefix);
  const filter: repo.HouseholdFilter = {
    prefix, householdType: q.householdType, monitoringType: q.monitoringType, monitoringStatus: q.monitoringStatus,
    laborCapacity: q.laborCapacity, riskType: q.riskType, q: q.q, ids,
  };
  const offset = (q.page - 1) * q.pageSize;
  const { rows, counted } = await repo.listHouseholdsPage(db, filter, q.pageSize, offset, API_LIMITS.listCountCap);
  const cap = API_LIMITS.listCountCap;
  const pii = seesPii(actor);
  const items: HouseholdListItem[] = rows.map((r) => toListItem(r, pii));
  return { items, total: Math.min(counted, cap), totalCapped: counted > cap, page: q.page, pageSize: q.pageSize };
}

/**
 * A household with members, incomes (人均纯收入, YoY), measures, monitoring cases and helpers.
 * @throws AppError NOT_FOUND when missing or out of scope
 */
export async function getHousehold(deps: Deps, actor: Actor, id: number): Promise<HouseholdView> {
  const db = deps.db.db;
  const h = await getReadableHousehold(db, actor, id);
  return buildView(db, h);
}

async function buildView(db: Conn, h: repo.HouseholdRow & { regionName: string | null }): Promise<HouseholdView> {
  const [members, incomes, measures, cases, helpers] = await Promise.all([
    repo.listMembers(db, h.id), listIncomes(db, h.id), listMeasures(db, h.id), listCases(db, h.id), listHouseholdHelpers(db, h.id),
  ]);
  const head = members.find((m) => m.isHead);
  const dev = developmentalCategories();
  return {
    id: h.id, householdNo: h.householdNo, regionCode: h.regionCode, regionName: h.regionName, householdType: h.householdType,
    monitoringType: h.monitoringType, monitoringStatus: h.monitoringStatus, riskTypes: h.riskTypes, headName: head?.name ?? null,
    headIdNumber: head?.idNumber ?? null, memberCount: members.length, phone: h.phone, housingSecure: h.housingSecure,
    waterSecure: h.waterSecure, educationSecure: h.educationSecure, medicalSecure: h.medicalSecure, address: h.address,
    liftedYear: h.liftedYear, note: h.note, createdAt: h.createdAt.toISOString(), updatedAt: h.updatedAt.toISOString(),
    members: members.map(toPersonView),
    incomes: toIncomeViews(incomes),
    measures: measures.map((m) => toMeasureView(m, dev)),
    monitoringCases: cases.map(toCaseView),
    helpers: helpers.map(({ link, helper }) => ({
      id: helper.id, helperId: helper.id, regionCode: helper.regionCode, name: helper.name, role: helper.role,
      organisation: helper.organisation, phone: helper.phone, startDate: link.startDate, endDate: link.endDate,
    })),
  };
}

/** Region of a household must be an existing village or group. */
async function checkHouseholdRegion(db: Conn, regionCode: string, issues: Issue[]): Promise<void> {
  const region = await findRegion(db, regionCode);
  if (!region || (region.level !== 'village' && region.level !== 'group')) {
    issues.push({ path: 'regionCode', value: regionCode, messageZh: `区划代码 ${regionCode} 不是已登记的行政村或村民小组`, messageEn: `region ${regionCode} is not a registered village or group` });
  }
}

function checkHouseholdFields(idx: DictIndex, h: Partial<HouseholdUpdate>, current: { householdType?: string; monitoringType?: string | null }, issues: Issue[]): void {
  checkDictCode(idx, 'household_type', h.householdType, 'householdType', issues);
  checkDictCode(idx, 'monitoring_type', h.monitoringType, 'monitoringType', issues);
  for (const [i, rt] of (h.riskTypes ?? []).entries()) checkDictCode(idx, 'risk_type', rt, `riskTypes.${i}`, issues);
  if (new Set(h.riskTypes ?? []).size !== (h.riskTypes ?? []).length) {
    issues.push({ path: 'riskTypes', messageZh: '风险类型重复', messageEn: 'risk types repeat' });
  }
  const type = h.householdType ?? current.householdType;
  const mType = h.monitoringType !== undefined ? h.monitoringType : current.monitoringType;
  if (type === 'monitored' && !mType) {
    issues.push({ path: 'monitoringType', messageZh: '监测户须填写监测对象类别', messageEn: 'a monitored household needs a monitoring type' });
  }
}

/**
 * Registers a household with its members in one transaction.
 * @throws AppError FORBIDDEN (role or region out of scope), VALIDATION_FAILED (fields, ID check digits, heads),
 *   CONFLICT (household number taken, or a member already in another household)
 */
export async function createHousehold(deps: Deps, actor: Actor, input: HouseholdCreate): Promise<HouseholdView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  await checkHouseholdRegion(db, input.regionCode, issues);
  checkHouseholdFields(idx, input, {}, issues);
  const checked = input.members.map((m, i) => checkPersonFields(idx, m, `members.${i}.`, issues));
  const heads = checked.filter((c) => c?.isHead).length;
  if (heads !== 1 && checked.every(Boolean)) {
    issues.push(heads === 0
      ? { path: 'members', field: 'relation', messageZh: '须有一名户主（与户主关系 = 户主）', messageEn: 'one member must be the head (relation 02)' }
      : secondHeadIssue('members'));
  }
  const seen = new Map<string, number>();
  checked.forEach((c, i) => {
    if (!c) return;
    if (seen.has(c.idNumber)) issues.push({ path: `members.${i}.idNumber`, value: c.idNumber, messageZh: `证件号码与第 ${(seen.get(c.idNumber) ?? 0) + 1} 名成员重复`, messageEn: `ID number repeats member ${(seen.get(c.idNumber) ?? 0) + 1}` });
    seen.set(c.idNumber, i);
  });
  throwIfIssues(issues, 'household is invalid');
  if (await repo.findHouseholdByNo(db, input.householdNo)) {
    throw new AppError('CONFLICT', `household number ${input.householdNo} exists`, { householdNo: input.householdNo });
  }
  await assertIdNumbersFree(db, [...seen.keys()]);
  try {
    const id = await db.transaction(async (tx) => {
      const { members, ...fields } = input;
      const h = await repo.insertHousehold(tx, {
        ...fields, monitoringType: fields.monitoringType ?? null,
        monitoringStatus: fields.householdType === 'monitored' ? 'monitoring' : 'none',
      });
      const persons = await repo.insertPersons(tx, members.map((m, i) => {
        const c = checked[i]!;
        return { ...m, householdId: h.id, regionCode: h.regionCode, idNumber: c.idNumber, birthDate: c.birthDate, gender: c.gender, isHead: c.isHead };
      }));
      await recordAudit(tx, actor, { action: 'create', entityType: 'household', entityId: h.id, regionCode: h.regionCode, householdId: h.id, after: { ...h, members: persons } });
      return h.id;
    });
    return getHousehold(deps, actor, id);
  } catch (err) {
    if (isUniqueViolation(err, 'households_no_uq')) throw new AppError('CONFLICT', `household number ${input.householdNo} exists`, { householdNo: input.householdNo });
    if (isUniqueViolation(err, 'persons_id_number_uq')) await assertIdNumbersFree(db, [...seen.keys()]);
    throw err;
  }
}

/**
 * Changes household fields. Moving it to another region moves its members and records too.
 * @throws AppError NOT_FOUND, FORBIDDEN (out of scope, including the new region), VALIDATION_FAILED
 */
export async function updateHousehold(deps: Deps, actor: Actor, id: number, input: HouseholdUpdate): Promise<HouseholdView> {
  const db = deps.db.db;
  const before = await getWritableHousehold(db, actor, id);
  const issues: Issue[] = [];
  if (input.regionCode && input.regionCode !== before.regionCode) {
    assertWriteScope(actor, input.regionCode);
    await checkHouseholdRegion(db, input.regionCode, issues);
  }
  checkHouseholdFields(await loadDictIndex(deps), input, before, issues);
  throwIfIssues(issues, 'household is invalid');
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const after = await repo.updateHousehold(tx, id, patch);
    if (input.regionCode && input.regionCode !== before.regionCode) await repo.moveHouseholdChildren(tx, id, input.regionCode);
    const { regionName: _r, ...b } = before;
    await recordAudit(tx, actor, { action: 'update', entityType: 'household', entityId: id, regionCode: after.regionCode, householdId: id, before: b, after });
  });
  return getHousehold(deps, actor, id);
}

/**
 * Soft-deletes a household (its records stay for the audit trail).
 * @throws AppError NOT_FOUND, FORBIDDEN
 */
export async function deleteHousehold(deps: Deps, actor: Actor, id: number): Promise<void> {
  const db = deps.db.db;
  const before = await getWritableHousehold(db, actor, id);
  await db.transaction(async (tx) => {
    await repo.softDeleteHousehold(tx, id);
    const { regionName: _r, ...b } = before;
    await recordAudit(tx, actor, { action: 'delete', entityType: 'household', entityId: id, regionCode: before.regionCode, householdId: id, before: b });
  });
}
