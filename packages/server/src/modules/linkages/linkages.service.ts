import {
  AppError,
  API_LIMITS,
  defaultIncomeType,
  fenToYuan,
  linkageIssues,
  yuanToFen,
  type EntityHouseholds,
  type Issue,
  type LinkageCreate,
  type LinkageList,
  type LinkageListQuery,
  type LinkageUpdate,
  type LinkageView,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { assertHouseholdActive, assertWritableChild, getWritableHousehold, lockWritableHousehold } from '../households/household-access.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { isInScope } from '../regions/scope.ts';
import { toLinkageView } from './linkages.views.ts';
import * as repo from './linkages.repo.ts';

// 联农带农 records (issue 7 §3; 002 §二(四)3 逐村逐户摸清…联农带农; 004). A linkage belongs to the household: it is
// scoped by the household's region and written only when the household is writable; the entity may be any entity of
// the household's county.

const duplicate = (): AppError =>
  new AppError('CONFLICT', 'linkage exists', {
    issues: [
      {
        path: 'mode',
        messageZh: '该主体当年以此方式带动该户的记录已存在，请编辑原记录',
        messageEn: 'this entity already drives the household this way in that year: edit that record',
      },
    ],
  });

const carriedRefusal = (what: 'edit' | 'delete'): AppError =>
  new AppError('INVALID_TRANSITION', `a carried linkage cannot be ${what === 'edit' ? 'changed' : 'deleted'}`, {
    issues: [
      {
        path: 'carriedAt',
        messageZh: what === 'edit' ? '该带动收入已计入当年收入，不能再修改年度、方式、金额或收入类型' : '该带动收入已计入当年收入，不能删除',
        messageEn:
          what === 'edit'
            ? 'the amount was carried into the year’s income: its year, mode, amount and income type can no longer change'
            : 'the amount was carried into the year’s income: it cannot be deleted',
      },
    ],
  });

/** The linkage as this actor sees it (names only; no ID number or phone is ever part of it). */
async function viewOf(db: Conn, actor: Actor, id: number): Promise<LinkageView> {
  const [row] = await repo.listLinkages(db, { prefix: actor.scopePrefix, id, withExited: true });
  if (!row) throw new AppError('NOT_FOUND', 'linkage not found', { id });
  return toLinkageView(row);
}

/** The modes of the dictionary table (administrators may add modes); read before a write's transaction. */
async function dictModes(deps: Deps): Promise<string[]> {
  return [...((await loadDictIndex(deps)).get('linkage_mode')?.keys() ?? [])];
}

/** Field checks of the domain. @throws AppError VALIDATION_FAILED */
function checkFields(modes: string[], input: Parameters<typeof linkageIssues>[0]): void {
  throwIfIssues(linkageIssues(input, modes), 'linkage is invalid');
}

/** The entity must exist and belong to the household's county. */
async function checkEntity(db: Conn, entityId: number, householdRegion: string): Promise<void> {
  const e = await repo.findEntity(db, entityId);
  const issues: Issue[] = [];
  if (!e) issues.push({ path: 'entityId', value: entityId, messageZh: '带动主体不存在', messageEn: 'the entity does not exist' });
  else if (e.regionCode.slice(0, 6) !== householdRegion.slice(0, 6))
    issues.push({ path: 'entityId', value: entityId, messageZh: '带动主体不在该户所在县（市、区）', messageEn: 'the entity is not of the household’s county' });
  throwIfIssues(issues, 'entity is invalid');
}

/** A project named by a linkage must exist in the household's county. */
async function checkProject(db: Conn, projectId: number | null | undefined, householdRegion: string): Promise<void> {
  if (projectId === null || projectId === undefined) return;
  const p = await repo.findProject(db, projectId);
  if (!p || p.regionCode.slice(0, 6) !== householdRegion.slice(0, 6))
    throwIfIssues(
      [{ path: 'projectId', value: projectId, messageZh: '所属项目不存在或不在该户所在县（市、区）', messageEn: 'the project does not exist in the household’s county' }],
      'project is invalid',
    );
}

/** `GET /linkages`: a page of the linkages of households in the scope, with totals of every matching one. */
export async function listLinkages(deps: Deps, actor: Actor, q: LinkageListQuery): Promise<LinkageList> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const f: repo.LinkageFilter = { prefix, entityId: q.entityId, householdId: q.householdId, year: q.year, mode: q.mode };
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const [rows, totals] = await Promise.all([repo.listLinkages(db, f, { limit: pageSize, offset: (q.page - 1) * pageSize }), repo.linkageTotals(db, f)]);
  return {
    items: rows.map(toLinkageView),
    total: totals.linkages,
    page: q.page,
    pageSize,
    totals: { linkages: totals.linkages, households: totals.households, amountYuan: fenToYuan(totals.fen) },
  };
}

/**
 * `POST /linkages`: records that an entity drives a household in a year.
 * @throws AppError FORBIDDEN (read-only role, household outside the scope), NOT_FOUND, RECORD_EXITED, VALIDATION_FAILED, CONFLICT (recorded)
 */
export async function createLinkage(deps: Deps, actor: Actor, input: LinkageCreate): Promise<LinkageView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, input.householdId);
  await checkEntity(db, input.entityId, h.regionCode);
  await checkProject(db, input.projectId, h.regionCode);
  checkFields(await dictModes(deps), input);
  const incomeType = input.incomeType ?? defaultIncomeType(input.mode);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const locked = await lockWritableHousehold(tx, actor, input.householdId);
      const row = await repo.insertLinkage(tx, {
        entityId: input.entityId,
        householdId: locked.id,
        regionCode: locked.regionCode,
        projectId: input.projectId ?? null,
        mode: input.mode,
        year: input.year,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        incomeFen: yuanToFen(input.amountYuan, 'amountYuan'),
        incomeType,
        note: input.note ?? null,
      });
      if (!row) throw duplicate();
      await recordAudit(tx, actor, { action: 'create', entityType: 'linkage', entityId: row.id, regionCode: row.regionCode, householdId: row.householdId, after: row });
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
  return viewOf(db, actor, id);
}

/** A linkage the actor may change: in scope, its household still in the registry. @throws NOT_FOUND, FORBIDDEN, RECORD_EXITED */
async function writableLinkage(db: Conn, actor: Actor, id: number): Promise<repo.LinkageRow> {
  const row = assertWritableChild(actor, await repo.findLinkage(db, id), 'linkage', id);
  await assertHouseholdActive(db, row.householdId);
  return row;
}

/**
 * `PATCH /linkages/:id` with the version read. Once carried into the income, only the period, project and note change.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION, VALIDATION_FAILED, CONFLICT
 */
export async function updateLinkage(deps: Deps, actor: Actor, id: number, input: LinkageUpdate, version: number | undefined): Promise<LinkageView> {
  const db = deps.db.db;
  const current = await writableLinkage(db, actor, id);
  await checkProject(db, input.projectId, current.regionCode);
  const modes = await dictModes(deps);
  const { version: _v, amountYuan, ...fields } = input;
  try {
    await db.transaction(async (tx) => {
      const before = assertWritableChild(actor, await repo.lockLinkage(tx, id), 'linkage', id);
      await checkVersion(before.version, version, () => viewOf(tx, actor, id));
      const incomeFen = amountYuan === undefined ? before.incomeFen : yuanToFen(amountYuan, 'amountYuan');
      const next = { ...before, ...stripUndefined(fields), incomeFen };
      const changesMoney = next.year !== before.year || next.mode !== before.mode || next.incomeFen !== before.incomeFen || next.incomeType !== before.incomeType;
      if (before.carriedAt && changesMoney) throw carriedRefusal('edit');
      checkFields(modes, { ...next, amountYuan: fenToYuan(next.incomeFen) });
      const after = await repo.updateLinkage(tx, id, next);
      await recordAudit(tx, actor, { action: 'update', entityType: 'linkage', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before, after });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
  return viewOf(db, actor, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * `DELETE /linkages/:id` with the version read (If-Match); refused once carried into the income.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION
 */
export async function deleteLinkage(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  await writableLinkage(db, actor, id);
  await db.transaction(async (tx) => {
    const before = assertWritableChild(actor, await repo.lockLinkage(tx, id), 'linkage', id);
    await checkVersion(before.version, version, () => viewOf(tx, actor, id));
    if (before.carriedAt) throw carriedRefusal('delete');
    await repo.deleteLinkage(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'linkage', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}

/** The significant prefix of a region code (county 6, township 9, village 12 digits; a group keeps 15). */
const prefixOf = (code: string) => (code.length === 15 ? code : code.endsWith('000000') ? code.slice(0, 6) : code.endsWith('000') ? code.slice(0, 9) : code);

/**
 * `GET /entities/:id/households`: the households the entity drives within the caller's scope, with totals by year
 * and mode. An entity is visible when it lies in the scope, is seated above it (a county entity), or drives a
 * household in it; its households outside the scope are never named.
 * @throws AppError NOT_FOUND
 */
export async function entityHouseholds(deps: Deps, actor: Actor, entityId: number, year: number | undefined): Promise<EntityHouseholds> {
  const db = deps.db.db;
  const e = await repo.findEntity(db, entityId);
  const visible = e && (isInScope(actor, e.regionCode) || actor.scopePrefix.startsWith(prefixOf(e.regionCode)) || (await repo.entityDrivesWithin(db, entityId, actor.scopePrefix)));
  if (!visible) throw new AppError('NOT_FOUND', 'entity not found', { entityId });
  const f: repo.LinkageFilter = { prefix: actor.scopePrefix, entityId, year };
  const [rows, totals] = await Promise.all([repo.listLinkages(db, f, { limit: API_LIMITS.pageSizeMax * 50, offset: 0 }), repo.entityTotals(db, f)]);
  return {
    entityId,
    items: rows.map(toLinkageView),
    totals: totals.map((t) => ({
      year: t.year,
      mode: t.mode,
      households: t.households,
      liftedHouseholds: t.lifted,
      monitoredHouseholds: t.monitored,
      amountYuan: fenToYuan(t.fen),
    })),
  };
}
