import {
  AppError,
  API_LIMITS,
  entityIssues,
  maskPersonalFields,
  maskPhone,
  type EntityClose,
  type EntityCreate,
  type EntityListQuery,
  type EntityPage,
  type EntityPatch,
  type EntityView,
  type Issue,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope, isInScope } from '../regions/scope.ts';
import { checkVersion } from '../../versioning.ts';
import * as repo from './entities.repo.ts';
import { readAll } from '../../reads.ts';

/** 经营主体 (issue 7 §2): list, register, edit with versions, close/reopen (no hard delete), history. */

type Found = NonNullable<Awaited<ReturnType<typeof repo.findEntity>>>;

/** An entity as a role sees it: the contact phone masked unless the role sees personal data. */
export function toEntityView(f: { entity: repo.EntityRow; regionName: string | null }, industries: repo.EntityIndustryRow[], backboneCount: number, pii: boolean): EntityView {
  const e = f.entity;
  return {
    id: e.id,
    regionCode: e.regionCode,
    regionName: f.regionName,
    entityType: e.entityType,
    name: e.name,
    creditCode: e.creditCode,
    level: e.level,
    partyLed: e.partyLed,
    isRelocationPark: e.isRelocationPark,
    employeeCount: e.employeeCount,
    legalPerson: e.legalPerson,
    contactName: e.contactName,
    contactPhone: e.contactPhone === null || pii ? e.contactPhone : maskPhone(e.contactPhone),
    address: e.address,
    establishedOn: e.establishedOn,
    servedRegionCodes: e.servedRegionCodes,
    industries: industries.filter((i) => i.entityId === e.id).map((i) => ({ id: i.id, name: i.name, kind: i.kind })),
    backboneCount,
    status: e.status === 'closed' ? 'closed' : 'active',
    closedOn: e.closedOn,
    closedReason: e.closedReason,
    note: e.note,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function viewsOf(db: Conn, rows: Found[], pii: boolean): Promise<EntityView[]> {
  const ids = rows.map((r) => r.entity.id);
  const [inds, counts] = await readAll(db, [() => repo.industriesOf(db, ids), () => repo.backboneCounts(db, ids)]);
  return rows.map((r) => toEntityView(r, inds, counts.get(r.entity.id) ?? 0, pii));
}

async function viewOf(db: Conn, actor: Actor, id: number): Promise<EntityView> {
  const found = await repo.findEntity(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'entity not found', { id });
  return (await viewsOf(db, [found], seesPii(actor)))[0]!;
}

/** The list filter of a query, clamped to the scope. @throws AppError NOT_FOUND for an out-of-scope region */
export async function entityFilter(deps: Deps, actor: Actor, q: Omit<EntityListQuery, 'page' | 'pageSize'>): Promise<repo.EntityFilter> {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  return { prefix, entityType: q.entityType, level: q.level, partyLed: q.partyLed, industryId: q.industryId, industryKind: q.industryKind, status: q.status ?? 'active', q: q.q };
}

export async function listEntities(deps: Deps, actor: Actor, q: EntityListQuery): Promise<EntityPage> {
  const db = deps.db.db;
  const f = await entityFilter(deps, actor, q);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total } = await repo.listEntities(db, f, pageSize, (q.page - 1) * pageSize);
  return { items: await viewsOf(db, rows, seesPii(actor)), total, page: q.page, pageSize };
}

/**
 * An entity the actor may read: seated in the scope or serving a village of it.
 * @throws AppError NOT_FOUND when absent or out of scope
 */
export async function getReadableEntity(db: Conn, actor: Actor, id: number): Promise<Found> {
  const found = await repo.findEntity(db, id);
  if (!found || !(await repo.entityReadable(db, id, actor.scopePrefix))) throw new AppError('NOT_FOUND', 'entity not found', { id });
  return found;
}

export async function getEntity(deps: Deps, actor: Actor, id: number): Promise<EntityView> {
  const found = await getReadableEntity(deps.db.db, actor, id);
  return (await viewsOf(deps.db.db, [found], seesPii(actor)))[0]!;
}

/**
 * An entity the actor may change: readable, seated in the scope, a writing role.
 * @throws AppError NOT_FOUND (unreadable), FORBIDDEN (read-only role or seat outside the scope)
 */
export async function getWritableEntity(db: Conn, actor: Actor, id: number): Promise<Found> {
  const found = await getReadableEntity(db, actor, id);
  assertCanWrite(actor);
  assertWriteScope(actor, found.entity.regionCode);
  return found;
}

type Checked = { creditCode: string | null; industryIds: number[] | undefined };

/**
 * The domain's field checks plus what needs the database: seat and served villages exist, the industries exist
 * and lie in the scope, the credit code is not another entity's.
 */
export async function checkEntity(db: Conn, actor: Actor, merged: EntityCreate, selfId?: number): Promise<Checked> {
  const { issues, creditCode } = entityIssues(merged);
  const served = merged.servedRegionCodes ?? [];
  const codes = [...new Set([merged.regionCode, ...served])];
  const found = new Map((await repo.existingRegions(db, codes)).map((r) => [r.code, r.level]));
  if (!found.has(merged.regionCode))
    issues.push({ path: 'regionCode', value: merged.regionCode, messageZh: '所在地区划不存在或已撤并', messageEn: 'the seat region does not exist or was retired' });
  else if (!['county', 'township', 'village'].includes(found.get(merged.regionCode)!)) {
    issues.push({ path: 'regionCode', value: merged.regionCode, messageZh: '所在地应为县、乡镇或行政村', messageEn: 'the seat must be a county, township or village' });
  }
  const missing = served.filter((c) => found.get(c) !== 'village');
  if (missing.length)
    issues.push({
      path: 'servedRegionCodes',
      value: missing,
      messageZh: `带动村不存在或不是行政村：${missing.join('、')}`,
      messageEn: `served villages not found: ${missing.join(', ')}`,
    });
  const industryIds = merged.industryIds ? [...new Set(merged.industryIds)] : undefined;
  if (industryIds?.length) {
    const inds = await repo.findIndustries(db, industryIds);
    const ok = new Set(inds.filter((i) => isInScope(actor, i.regionCode) || actor.scopePrefix.startsWith(i.regionCode.replace(/0+$/, ''))).map((i) => i.id));
    const bad = industryIds.filter((i) => !ok.has(i));
    if (bad.length) issues.push({ path: 'industryIds', value: bad, messageZh: '所属产业不存在或不在您的管辖范围内', messageEn: 'industries not found in your scope' });
  }
  if (creditCode) {
    const other = await repo.findEntityByCreditCode(db, creditCode);
    if (other && other.id !== selfId) {
      const named = isInScope(actor, other.regionCode) ? `「${other.name}」` : '其他地区的经营主体';
      issues.push({ path: 'creditCode', value: creditCode, messageZh: `该统一社会信用代码已由${named}登记`, messageEn: 'this unified social credit code is already registered' });
    }
  }
  throwIfIssues(issues as Issue[], 'entity is invalid');
  return { creditCode, industryIds };
}

function columnsOf(input: EntityCreate, creditCode: string | null) {
  return {
    regionCode: input.regionCode,
    entityType: input.entityType,
    name: input.name.trim(),
    creditCode,
    level: input.level || null,
    partyLed: input.partyLed ?? false,
    // J4's fields only when sent (an import row without them leaves a stored record's as they are)
    ...(input.isRelocationPark !== undefined ? { isRelocationPark: input.isRelocationPark } : {}),
    ...(input.employeeCount !== undefined ? { employeeCount: input.employeeCount } : {}),
    legalPerson: input.legalPerson ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone?.trim() || null,
    address: input.address ?? null,
    establishedOn: input.establishedOn ?? null,
    servedRegionCodes: [...new Set(input.servedRegionCodes ?? [])],
    note: input.note ?? null,
  };
}

/** @throws AppError FORBIDDEN (role, seat outside the scope), VALIDATION_FAILED */
export async function createEntity(deps: Deps, actor: Actor, input: EntityCreate): Promise<EntityView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const { creditCode, industryIds } = await checkEntity(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertEntity(tx, columnsOf(input, creditCode));
    if (industryIds) await repo.setEntityIndustries(tx, row.id, industryIds);
    await recordAudit(tx, actor, { action: 'create', entityType: 'entity', entityId: row.id, regionCode: row.regionCode, after: { ...row, industryIds: industryIds ?? [] } });
    return row.id;
  });
  return viewOf(db, actor, id);
}

function mergedOf(row: repo.EntityRow, patch: EntityPatch, industryIds: number[]): EntityCreate {
  const keep = <K extends keyof EntityPatch>(k: K, v: unknown) => (patch[k] !== undefined ? patch[k] : v);
  return {
    regionCode: keep('regionCode', row.regionCode) as string,
    entityType: keep('entityType', row.entityType) as string,
    name: keep('name', row.name) as string,
    creditCode: keep('creditCode', row.creditCode) as string | null,
    level: keep('level', row.level) as string | null,
    partyLed: keep('partyLed', row.partyLed) as boolean,
    isRelocationPark: keep('isRelocationPark', row.isRelocationPark) as boolean,
    employeeCount: keep('employeeCount', row.employeeCount) as number | null,
    legalPerson: keep('legalPerson', row.legalPerson) as string | null,
    contactName: keep('contactName', row.contactName) as string | null,
    contactPhone: keep('contactPhone', row.contactPhone) as string | null,
    address: keep('address', row.address) as string | null,
    establishedOn: keep('establishedOn', row.establishedOn) as string | null,
    servedRegionCodes: keep('servedRegionCodes', row.servedRegionCodes) as string[],
    industryIds: keep('industryIds', industryIds) as number[],
    note: keep('note', row.note) as string | null,
  };
}

/**
 * PATCH: the fields sent, checked as a whole record; a closed entity is read-only.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function patchEntity(deps: Deps, actor: Actor, id: number, patch: EntityPatch, version: number | undefined): Promise<EntityView> {
  const db = deps.db.db;
  await getWritableEntity(db, actor, id);
  if (patch.regionCode !== undefined) assertWriteScope(actor, patch.regionCode);
  await db.transaction(async (tx) => {
    const row = await repo.lockEntity(tx, id);
    if (!row) throw new AppError('NOT_FOUND', 'entity not found', { id });
    assertWriteScope(actor, row.regionCode);
    await checkVersion(row.version, version, () => viewOf(tx, actor, id));
    assertOpen(row);
    const currentIndustries = (await repo.industriesOf(tx, [id])).map((i) => i.id);
    const merged = mergedOf(row, patch, currentIndustries);
    const { creditCode, industryIds } = await checkEntity(tx, actor, merged, id);
    const after = await repo.updateEntity(tx, id, columnsOf(merged, creditCode));
    if (patch.industryIds !== undefined && industryIds) await repo.setEntityIndustries(tx, id, industryIds);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'entity',
      entityId: id,
      regionCode: after.regionCode,
      before: { ...row, industryIds: currentIndustries },
      after: { ...after, industryIds: industryIds ?? currentIndustries },
    });
  });
  return viewOf(db, actor, id);
}

function assertOpen(row: repo.EntityRow): void {
  if (row.status === 'closed') {
    throw new AppError('RECORD_EXITED', 'the entity is closed', {
      issues: [{ path: 'status', messageZh: '该经营主体已注销（停业），不能修改；如需修改请先恢复', messageEn: 'The entity is closed and read-only; reopen it first' }],
    });
  }
}

/**
 * 注销/停业 (close, kept with its history) or 恢复 (reopen). Closing a closed entity, or reopening an active one, is
 * 409 INVALID_TRANSITION.
 */
export async function setEntityStatus(
  deps: Deps,
  actor: Actor,
  id: number,
  to: 'closed' | 'active',
  input: Partial<EntityClose>,
  version: number | undefined,
): Promise<EntityView> {
  const db = deps.db.db;
  await getWritableEntity(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await repo.lockEntity(tx, id);
    if (!row) throw new AppError('NOT_FOUND', 'entity not found', { id });
    await checkVersion(row.version, version, () => viewOf(tx, actor, id));
    if (row.status === to) {
      const [zh, en] =
        to === 'closed' ? ['该经营主体已注销（停业），不能再次注销', 'the entity is already closed'] : ['该经营主体正常经营，无需恢复', 'the entity is active: nothing to reopen'];
      throw new AppError('INVALID_TRANSITION', en, { issues: [{ path: 'status', messageZh: zh, messageEn: en }] });
    }
    const values =
      to === 'closed' ? { status: 'closed', closedOn: input.date ?? null, closedReason: input.reason ?? null } : { status: 'active', closedOn: null, closedReason: null };
    const after = await repo.updateEntity(tx, id, values);
    await recordAudit(tx, actor, { action: to === 'closed' ? 'close' : 'reopen', entityType: 'entity', entityId: id, regionCode: row.regionCode, before: row, after });
  });
  return viewOf(db, actor, id);
}

/** 历史: audit entries of the entity and its backbones, phones masked for masked roles. */
export async function entityHistory(deps: Deps, actor: Actor, id: number) {
  const db = deps.db.db;
  await getReadableEntity(db, actor, id);
  const backbones = await repo.listEntityBackbones(db, id);
  const rows = await repo.entityHistory(
    db,
    id,
    backbones.map((b) => b.backbone.id),
  );
  const pii = seesPii(actor);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.entityType === 'entity' ? r.action : `backbone_${r.action}`,
      actorName: r.actorName,
      before: pii ? r.before : maskPersonalFields(r.before),
      after: pii ? r.after : maskPersonalFields(r.after),
    })),
  };
}
