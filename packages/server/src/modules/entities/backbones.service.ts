import {
  AppError,
  maskPhone,
  phoneIssue,
  type BackboneCreate,
  type BackboneListQuery,
  type BackbonePage,
  type BackbonePatch,
  type BackboneView,
  type EntityBackboneCreate,
  type Issue,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope, isInScope } from '../regions/scope.ts';
import { checkVersion } from '../../versioning.ts';
import * as repo from './entities.repo.ts';
import { getReadableEntity, getWritableEntity } from './entities.service.ts';

/**
 * 科技人员/技术骨干 (000 §五(二)): of a cooperative or other entity (entity_id) or of a village only (entity_id
 * null). `region_code` is the village served: it scopes reads and writes of the backbone itself.
 */

type Found = NonNullable<Awaited<ReturnType<typeof repo.findBackbone>>>;

function toView(f: Found, pii: boolean): BackboneView {
  const b = f.backbone;
  return {
    id: b.id,
    entityId: b.entityId,
    entityName: f.entityName,
    regionCode: b.regionCode,
    regionName: f.regionName,
    name: b.name,
    kind: b.kind,
    specialty: b.specialty,
    title: b.title,
    phone: b.phone === null || pii ? b.phone : maskPhone(b.phone),
    active: b.active,
    version: b.version,
  };
}

async function viewOf(db: Conn, actor: Actor, id: number): Promise<BackboneView> {
  const f = await repo.findBackbone(db, id);
  if (!f) throw new AppError('NOT_FOUND', 'backbone not found', { id });
  return toView(f, seesPii(actor));
}

async function checkFields(deps: Deps, input: { kind?: string | undefined; phone?: string | null | undefined; regionCode?: string | undefined }): Promise<void> {
  const issues: Issue[] = [];
  if (input.kind !== undefined) checkDictCode(await loadDictIndex(deps), 'backbone_kind', input.kind, 'kind', issues);
  if (input.phone) {
    const p = phoneIssue(input.phone);
    if (p) issues.push(p);
  }
  if (input.regionCode !== undefined) {
    const [r] = await repo.existingRegions(deps.db.db, [input.regionCode]);
    if (r?.level !== 'village') issues.push({ path: 'regionCode', value: input.regionCode, messageZh: '服务村不存在或不是行政村', messageEn: 'the village served does not exist' });
  }
  throwIfIssues(issues, 'backbone is invalid');
}

export async function listEntityBackbones(deps: Deps, actor: Actor, entityId: number): Promise<{ items: BackboneView[] }> {
  const db = deps.db.db;
  await getReadableEntity(db, actor, entityId);
  const pii = seesPii(actor);
  return { items: (await repo.listEntityBackbones(db, entityId)).map((b) => toView(b, pii)) };
}

/** Backbones serving villages under the region (the village's own and the entities'), a page in village order. */
export async function listBackbones(deps: Deps, actor: Actor, q: BackboneListQuery): Promise<BackbonePage> {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  const pii = seesPii(actor);
  const { rows, total } = await repo.listBackbones(deps.db.db, { prefix, owner: q.owner ?? 'all', kind: q.kind, q: q.q }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((b) => toView(b, pii)), total, page: q.page, pageSize: q.pageSize };
}

/** A backbone of an entity; the village served defaults to the entity's seat when that is a village. */
export async function createEntityBackbone(deps: Deps, actor: Actor, entityId: number, input: EntityBackboneCreate): Promise<BackboneView> {
  const db = deps.db.db;
  const e = await getWritableEntity(db, actor, entityId);
  if (e.entity.status === 'closed') {
    throw new AppError('RECORD_EXITED', 'the entity is closed', {
      issues: [{ path: 'entityId', messageZh: '该经营主体已注销（停业），不能添加技术骨干', messageEn: 'The entity is closed' }],
    });
  }
  const regionCode = input.regionCode ?? (/^\d{12}$/.test(e.entity.regionCode) && !e.entity.regionCode.endsWith('000') ? e.entity.regionCode : undefined);
  if (!regionCode) {
    throw new AppError('VALIDATION_FAILED', 'regionCode required', {
      issues: [{ path: 'regionCode', messageZh: '主体不在行政村，请选择技术骨干服务的村', messageEn: 'the entity is not seated in a village: name the village served' }],
    });
  }
  assertWriteScope(actor, regionCode);
  return insert(deps, actor, { ...input, regionCode }, entityId);
}

/** A village's own backbone (no entity). */
export async function createVillageBackbone(deps: Deps, actor: Actor, input: BackboneCreate): Promise<BackboneView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  return insert(deps, actor, input, null);
}

async function insert(deps: Deps, actor: Actor, input: BackboneCreate, entityId: number | null): Promise<BackboneView> {
  await checkFields(deps, input);
  const db = deps.db.db;
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertBackbone(tx, {
      entityId,
      regionCode: input.regionCode,
      name: input.name,
      kind: input.kind ?? 'backbone',
      specialty: input.specialty ?? null,
      title: input.title ?? null,
      phone: input.phone?.trim() || null,
      active: input.active ?? true,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'entity_backbone', entityId: row.id, regionCode: row.regionCode, after: row });
    return row.id;
  });
  return viewOf(db, actor, id);
}

/** @throws AppError NOT_FOUND (out of scope), FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION */
export async function patchBackbone(deps: Deps, actor: Actor, id: number, patch: BackbonePatch, version: number | undefined): Promise<BackboneView> {
  const db = deps.db.db;
  const f = await repo.findBackbone(db, id);
  if (!f || !isInScope(actor, f.backbone.regionCode)) throw new AppError('NOT_FOUND', 'backbone not found', { id });
  assertCanWrite(actor);
  if (patch.regionCode !== undefined) assertWriteScope(actor, patch.regionCode);
  await checkFields(deps, patch);
  await db.transaction(async (tx) => {
    const row = await repo.lockBackbone(tx, id);
    if (!row) throw new AppError('NOT_FOUND', 'backbone not found', { id });
    await checkVersion(row.version, version, () => viewOf(tx, actor, id));
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.specialty !== undefined ? { specialty: patch.specialty } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone?.trim() || null } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.regionCode !== undefined ? { regionCode: patch.regionCode } : {}),
    };
    const after = await repo.updateBackbone(tx, id, values);
    await recordAudit(tx, actor, { action: 'update', entityType: 'entity_backbone', entityId: id, regionCode: after.regionCode, before: row, after });
  });
  return viewOf(db, actor, id);
}

/**
 * Removes a backbone (a person who left; 在岗 off keeps them listed), based on the version read; the audit entry
 * keeps the row. A backbone of a closed entity stays with the entity's record (409 RECORD_EXITED).
 * @throws AppError NOT_FOUND (out of scope), FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function deleteBackbone(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const f = await repo.findBackbone(db, id);
  if (!f || !isInScope(actor, f.backbone.regionCode)) throw new AppError('NOT_FOUND', 'backbone not found', { id });
  assertCanWrite(actor);
  assertWriteScope(actor, f.backbone.regionCode);
  await db.transaction(async (tx) => {
    const row = await repo.lockBackbone(tx, id);
    // the locked row is judged again: moved out of the scope meanwhile, it is not found
    if (!row || !isInScope(actor, row.regionCode)) throw new AppError('NOT_FOUND', 'backbone not found', { id });
    await checkVersion(row.version, version, () => viewOf(tx, actor, id));
    if (row.entityId !== null) {
      const owner = await repo.lockEntity(tx, row.entityId);
      if (owner?.status === 'closed') {
        throw new AppError('RECORD_EXITED', 'the entity is closed', {
          issues: [{ path: 'id', messageZh: '该经营主体已注销（停业），其技术骨干不能删除', messageEn: 'The entity is closed: its backbones cannot be removed' }],
        });
      }
    }
    await repo.deleteBackbone(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'entity_backbone', entityId: id, regionCode: row.regionCode, before: row });
  });
}
