import {
  API_LIMITS,
  AppError,
  defaultIsLifted,
  exitDateIssue,
  householdCategoryIssues,
  liftedYearIssue,
  memberListIssues,
  type ExitInput,
  type HouseholdCreate,
  type HouseholdListItem,
  type HouseholdListQuery,
  type HouseholdUpdate,
  type HouseholdView,
  type Issue,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex, type DictIndex } from '../dictionaries/dictionaries.service.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope } from '../regions/scope.ts';
import { checkVersion } from '../../versioning.ts';
import { endHoldingsOfLeavers } from '../posts/post-holder-exit.ts';
import { assertAdmin, getWritableHousehold, lockWritableHousehold } from './household-access.ts';
import * as repo from './households.repo.ts';
import { assertIdNumbersFree, checkPersonFields, throwHouseholdNoTaken, personColumns, throwIfIssues, todayInChina } from './household.rules.ts';
import type { HouseholdReadModel } from './household-read-model.ts';
import { toListItem } from './households.views.ts';

/**
 * Lists households in the actor's scope with filters; ID and phone numbers masked unless the role may see them.
 * The total is counted up to API_LIMITS.listCountCap (`totalCapped` tells).
 * @throws AppError NOT_FOUND when `regionCode` is unknown or outside the scope
 */
export async function listHouseholds(deps: Deps, actor: Actor, q: HouseholdListQuery, rm: HouseholdReadModel) {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  // households that left the registry are listed for the county administrator only
  if (q.status === 'exited') assertAdmin(actor);
  // the warnings need the children's facts: the read model on top answers them (ids, or a subquery of stored results)
  const warned = q.warning ? await rm.warningIds(deps, actor, prefix, q.warning) : undefined;
  const ids = Array.isArray(warned) ? warned : undefined;
  const drive = warned && !Array.isArray(warned) ? warned : undefined;
  const filter: repo.HouseholdFilter = {
    prefix,
    householdType: q.householdType,
    monitoringType: q.monitoringType,
    monitoringStatus: q.monitoringStatus,
    laborCapacity: q.laborCapacity,
    riskType: q.riskType,
    q: q.q,
    ids,
    drive,
    isLifted: q.isLifted === undefined ? undefined : q.isLifted === 'true',
    exited: q.status === 'exited',
  };
  const offset = (q.page - 1) * q.pageSize;
  const { rows, counted } = await repo.listHouseholdsPage(db, filter, q.pageSize, offset, API_LIMITS.listCountCap);
  const cap = API_LIMITS.listCountCap;
  const pii = seesPii(actor);
  const items: HouseholdListItem[] = rows.map((r) => toListItem(r, pii));
  return { items, total: Math.min(counted, cap), totalCapped: counted > cap, page: q.page, pageSize: q.pageSize };
}

/**
 * The household as the API shows it after a write (the read model's detail, masked for the actor).
 * An admin also reads one that left the registry.
 */
async function viewAfterWrite(deps: Deps, actor: Actor, rm: HouseholdReadModel, id: number): Promise<HouseholdView> {
  const db = deps.db.db;
  return rm.detail(db, (await repo.findHousehold(db, id, { withExited: true }))!, seesPii(actor));
}

/** Region of a household must be an existing village or group. */
async function checkHouseholdRegion(db: Conn, regionCode: string, issues: Issue[]): Promise<void> {
  const region = await findRegion(db, regionCode);
  if (!region || (region.level !== 'village' && region.level !== 'group')) {
    issues.push({
      path: 'regionCode',
      value: regionCode,
      messageZh: `区划代码 ${regionCode} 不是已登记的行政村或村民小组`,
      messageEn: `region ${regionCode} is not a registered village or group`,
    });
  } else if (region.retiredAt) {
    issues.push({
      path: 'regionCode',
      value: regionCode,
      messageZh: `该区划已撤销：${region.name}（${regionCode}）不能再登记新户`,
      messageEn: `region ${region.name} (${regionCode}) is retired and takes no new households`,
    });
  }
}

type CategoryState = { householdType?: string; isLifted?: boolean; liftedCategory?: string | null; monitoringType?: string | null };

/**
 * Dictionary codes, risk types, 是否脱贫户 / 户类型 / 监测对象类别 agreeing (the domain's householdCategoryIssues), and
 * a 脱贫年度 that the input sets only on a 脱贫户 (the domain's liftedYearIssue).
 */
function checkHouseholdFields(idx: DictIndex, h: Partial<HouseholdUpdate>, current: CategoryState, issues: Issue[]): void {
  checkDictCode(idx, 'household_type', h.householdType, 'householdType', issues);
  checkDictCode(idx, 'monitoring_type', h.monitoringType, 'monitoringType', issues);
  for (const [i, rt] of (h.riskTypes ?? []).entries()) checkDictCode(idx, 'risk_type', rt, `riskTypes.${i}`, issues);
  if (new Set(h.riskTypes ?? []).size !== (h.riskTypes ?? []).length) {
    issues.push({ path: 'riskTypes', messageZh: '风险类型重复', messageEn: 'risk types repeat' });
  }
  if (typeof h.liftedYear === 'number') {
    const householdType = h.householdType ?? current.householdType;
    const monitoringType = h.monitoringType !== undefined ? h.monitoringType : current.monitoringType;
    const isLifted = h.isLifted ?? current.isLifted ?? (householdType ? defaultIsLifted(householdType, monitoringType) : undefined);
    const issue = liftedYearIssue(h.liftedYear, { householdType, isLifted });
    if (issue) issues.push(issue);
  }
  // an edit that leaves the category fields alone is not held to them (records older than the rule)
  if (current.householdType !== undefined && [h.householdType, h.isLifted, h.liftedCategory, h.monitoringType].every((v) => v === undefined)) return;
  const householdType = h.householdType ?? current.householdType ?? '';
  const monitoringType = h.monitoringType !== undefined ? h.monitoringType : current.monitoringType;
  const isLifted = h.isLifted ?? current.isLifted ?? defaultIsLifted(householdType, monitoringType);
  const liftedCategory = h.liftedCategory !== undefined ? h.liftedCategory : current.liftedCategory;
  issues.push(...householdCategoryIssues({ householdType, isLifted, liftedCategory, monitoringType }));
}

/**
 * Registers a household with its members in one transaction.
 * @throws AppError FORBIDDEN (role or region out of scope), VALIDATION_FAILED (fields, ID check digits, heads),
 *   CONFLICT (household number taken, or a member already in another household)
 */
export async function createHousehold(deps: Deps, actor: Actor, input: HouseholdCreate, rm: HouseholdReadModel): Promise<HouseholdView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  await checkHouseholdRegion(db, input.regionCode, issues);
  checkHouseholdFields(idx, input, {}, issues);
  const checked = input.members.map((m, i) => checkPersonFields(idx, m, `members.${i}.`, issues));
  // one head (judged once every member's relation is known), no ID number twice: the domain's memberListIssues
  const allChecked = checked.every(Boolean);
  issues.push(...memberListIssues(checked.map((c) => ({ isHead: allChecked ? c!.isHead : undefined, idNumber: c?.idNumber }))));
  const idNumbers = [...new Set(checked.flatMap((c) => (c ? [c.idNumber] : [])))];
  throwIfIssues(issues, 'household is invalid');
  const sameNo = await repo.findHouseholdByNo(db, input.householdNo);
  if (sameNo) throwHouseholdNoTaken(actor, input.householdNo, sameNo);
  await assertIdNumbersFree(db, actor, idNumbers);
  try {
    const id = await db.transaction(async (tx) => {
      const { members, ...fields } = input;
      const h = await repo.insertHousehold(tx, {
        ...fields,
        monitoringType: fields.monitoringType ?? null,
        isLifted: fields.isLifted ?? defaultIsLifted(fields.householdType, fields.monitoringType),
        monitoringStatus: fields.householdType === 'monitored' ? 'monitoring' : 'none',
      });
      const persons = await repo.insertPersons(
        tx,
        members.map((m, i) => {
          const c = checked[i]!;
          return {
            ...personColumns(m),
            name: m.name,
            relation: m.relation,
            householdId: h.id,
            regionCode: h.regionCode,
            idType: c.idType,
            idNumber: c.idNumber,
            birthDate: c.birthDate,
            gender: c.gender,
            isHead: c.isHead,
          };
        }),
      );
      await recordAudit(tx, actor, { action: 'create', entityType: 'household', entityId: h.id, regionCode: h.regionCode, householdId: h.id, after: { ...h, members: persons } });
      return h.id;
    });
    return viewAfterWrite(deps, actor, rm, id);
  } catch (err) {
    if (isUniqueViolation(err, 'households_no_uq')) throwHouseholdNoTaken(actor, input.householdNo, await repo.findHouseholdByNo(db, input.householdNo));
    if (isUniqueViolation(err, 'persons_id_number_uq')) await assertIdNumbersFree(db, actor, idNumbers);
    throw err;
  }
}

/**
 * Changes household fields, based on the version the user read: in ONE transaction the row is locked, its version
 * compared (checkVersion), written with version + 1 and audited with that locked row as "before". Moving it to
 * another region moves its members and records too.
 * @throws AppError NOT_FOUND (missing or out of scope), FORBIDDEN (role, or a new region out of scope), RECORD_EXITED, VERSION_REQUIRED,
 *   STALE_VERSION (details.current = the household as it is now, masked for the caller), VALIDATION_FAILED
 */
export async function updateHousehold(deps: Deps, actor: Actor, id: number, input: HouseholdUpdate, version: number | undefined, rm: HouseholdReadModel): Promise<HouseholdView> {
  const db = deps.db.db;
  await getWritableHousehold(db, actor, id);
  const idx = await loadDictIndex(deps);
  const { version: _v, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const before = await lockWritableHousehold(tx, actor, id);
    await checkVersion(before.version, version, () => rm.detail(tx, before, seesPii(actor)));
    const issues: Issue[] = [];
    const moves = fields.regionCode !== undefined && fields.regionCode !== before.regionCode;
    if (moves) {
      assertWriteScope(actor, fields.regionCode!);
      await checkHouseholdRegion(tx, fields.regionCode!, issues);
    }
    checkHouseholdFields(idx, fields, before, issues);
    throwIfIssues(issues, 'household is invalid');
    const after = await repo.updateHousehold(tx, id, patch);
    if (moves) await repo.moveHouseholdChildren(tx, id, fields.regionCode!);
    const { regionName: _r, ...b } = before;
    await recordAudit(tx, actor, { action: 'update', entityType: 'household', entityId: id, regionCode: after.regionCode, householdId: id, before: b, after });
  });
  return viewAfterWrite(deps, actor, rm, id);
}

/**
 * A household is never deleted: the DELETE endpoint answers with the way to do it (自然减少).
 * @throws AppError NOT_FOUND / FORBIDDEN / RECORD_EXITED as for any write, then INVALID_TRANSITION (422)
 */
export async function refuseDeleteHousehold(deps: Deps, actor: Actor, id: number): Promise<never> {
  await getWritableHousehold(deps.db.db, actor, id);
  throw new AppError('INVALID_TRANSITION', 'households leave by 自然减少 (POST /api/v1/households/:id/exit), never by a delete', {
    issues: [
      {
        path: 'id',
        messageZh: '农户不能删除：请办理“自然减少”（死亡、迁出、嫁出、服刑、其他），记录保留备查',
        messageEn: 'a household is never deleted: record a 自然减少 (death, moved out, married out, imprisoned, other) instead; the records are kept',
      },
    ],
  });
}

/**
 * 自然减少 of a household: reason and date; the household and its members leave the registry and become
 * read-only (the records stay for the audit trail); the members' public-welfare post holdings end (有序退岗 on the
 * exit date, 就业渠道 公益性岗位 cleared). Audited in the same transaction.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED (already left), INVALID_TRANSITION (a post's month after the exit date already paid)
 */
export async function exitHousehold(deps: Deps, actor: Actor, id: number, input: ExitInput, version: number | undefined, rm: HouseholdReadModel): Promise<HouseholdView> {
  const db = deps.db.db;
  await getWritableHousehold(db, actor, id);
  throwIfIssues(
    [exitDateIssue(input.date, todayInChina())].filter((i) => i !== undefined),
    'exit date is after today',
  );
  await db.transaction(async (tx) => {
    const before = await lockWritableHousehold(tx, actor, id);
    await checkVersion(before.version, version, () => rm.detail(tx, before, seesPii(actor)));
    const after = await repo.exitHousehold(tx, id, { reason: input.reason, date: input.date, note: input.note ?? null });
    // the members' public-welfare post holdings end with their 自然减少 (a member who left before keeps their own date)
    const leavers = (await repo.listMembers(tx, id)).flatMap((m) => (m.exitReason && m.exitDate ? [{ personId: m.id, reason: m.exitReason, date: m.exitDate }] : []));
    await endHoldingsOfLeavers(tx, actor, leavers, { clearChannel: true });
    const { regionName: _r, ...b } = before;
    await recordAudit(tx, actor, { action: 'exit', entityType: 'household', entityId: id, regionCode: before.regionCode, householdId: id, before: b, after });
  });
  return viewAfterWrite(deps, actor, rm, id);
}

/**
 * Brings a household that left by 自然减少 back into the registry, with the members its exit marked (admin only).
 * @throws AppError FORBIDDEN (not an admin), NOT_FOUND (missing or out of scope), INVALID_TRANSITION (in the registry),
 *   CONFLICT (its household number was given to another household meanwhile)
 */
export async function restoreHousehold(deps: Deps, actor: Actor, id: number, version: number | undefined, rm: HouseholdReadModel): Promise<HouseholdView> {
  const db = deps.db.db;
  assertCanWrite(actor);
  assertRecordInScope(actor, await repo.findHousehold(db, id, { withExited: true }), 'household', { householdId: id });
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await lockWritableHousehold(tx, actor, id, { exited: true });
    await checkVersion(before.version, version, () => rm.detail(tx, before, seesPii(actor)));
    if (!before.deletedAt) {
      throw new AppError('INVALID_TRANSITION', 'the household is in the registry', {
        issues: [{ path: 'id', messageZh: '该户未办理自然减少，无需恢复', messageEn: 'this household has not left the registry' }],
      });
    }
    const after = await repo.restoreHousehold(tx, before);
    const { regionName: _r, ...b } = before;
    await recordAudit(tx, actor, { action: 'restore', entityType: 'household', entityId: id, regionCode: before.regionCode, householdId: id, before: b, after });
  });
  return viewAfterWrite(deps, actor, rm, id);
}
