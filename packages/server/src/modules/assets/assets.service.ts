import {
  AppError,
  API_LIMITS,
  assetIssues,
  fenToYuan,
  PROJECT_STAGE_LABELS,
  isProjectStage,
  levelOfRole,
  regionPrefix,
  yuanToFen,
  type AssetClassChange,
  type AssetCreate,
  type AssetDetail,
  type AssetDispose,
  type AssetListQuery,
  type AssetPage,
  type AssetPatch,
  type Issue,
  type ProjectStage,
} from '@chanbang/domain';
import { isUniqueViolation } from '../../db-errors.ts';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope, isInScope } from '../regions/scope.ts';
import * as repo from './assets.repo.ts';
import { toAssetView, toClassChangeView } from './assets.views.ts';

// 帮扶项目资产 (issue 8 §1; 004 §五, 国办函〔2021〕51号): register (from an accepted project or not), edit with versions,
// 四个一批 class changes with their history, 处置 (the record stays). County and township staff write; a village
// officer and a viewer read.

/** Stages from which a project's assets may be registered: 已验收 and later (004 §五: 项目验收后及时确权登记). */
export const ASSET_PROJECT_STAGES: readonly ProjectStage[] = ['accepted', 'evaluated'];

const CLASS_ZH: Record<string, string> = { consolidate: '巩固一批', upgrade: '升级一批', revitalise: '盘活一批', adjust: '调整一批' };

const bad = (issues: Issue[]): never => {
  throw new AppError('VALIDATION_FAILED', 'the asset is invalid', { issues });
};

/**
 * Writes are for county and township staff: a village officer reads only (004 §五 县级统管、乡镇辖管: registration
 * and changes are the township's and the county's), a viewer reads only.
 * @throws AppError FORBIDDEN
 */
export function assertAssetWriter(actor: Actor): void {
  assertCanWrite(actor);
  if (levelOfRole(actor.role) === 'village') {
    throw new AppError('FORBIDDEN', 'a village officer may only read assets', {
      role: actor.role,
      issues: [
        {
          path: 'role',
          messageZh: '村级账号只能查看资产；资产登记、修改和收益填报由乡镇或县级业务员办理',
          messageEn: 'Village accounts read assets only; township or county staff record them',
        },
      ],
    });
  }
}

/** @throws AppError NOT_FOUND (missing or out of scope) */
export async function getReadableAsset(db: Conn, actor: Actor, id: number): Promise<repo.FoundAsset> {
  const found = await repo.findAsset(db, id);
  assertRecordInScope(actor, found?.asset, 'asset', { id });
  return found!;
}

export async function assetDetail(db: Conn, actor: Actor, id: number): Promise<AssetDetail> {
  const found = await getReadableAsset(db, actor, id);
  const changes = await repo.listClassChanges(db, id);
  return { ...toAssetView(found), classChanges: changes.map(toClassChangeView) };
}

export async function getAsset(deps: Deps, actor: Actor, id: number): Promise<AssetDetail> {
  return assetDetail(deps.db.db, actor, id);
}

export async function assetFilter(deps: Deps, actor: Actor, q: Omit<AssetListQuery, 'page' | 'pageSize'>): Promise<repo.AssetFilter> {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  return { prefix, category: q.category, assetClass: q.assetClass, managementLevel: q.managementLevel, projectId: q.projectId, status: q.status ?? 'in_use', q: q.q };
}

export async function listAssets(deps: Deps, actor: Actor, q: AssetListQuery): Promise<AssetPage> {
  const db = deps.db.db;
  const f = await assetFilter(deps, actor, q);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total, valueFen } = await repo.listAssets(db, f, pageSize, (q.page - 1) * pageSize);
  return { items: rows.map(toAssetView), total, page: q.page, pageSize, totalValueYuan: fenToYuan(valueFen) };
}

/**
 * An entity may run an asset when the user may read it — in the scope, or seated above it (a county enterprise running
 * a village's asset) — and it is of the asset's county; another township's entity is answered like a missing one
 * (its name would come back as the operator). The service and the 资产台账 import use this one rule.
 */
export function operatorFits(actor: Actor, entityRegion: string, assetRegion: string): boolean {
  const readable = isInScope(actor, entityRegion) || actor.scopePrefix.startsWith(regionPrefix(entityRegion));
  return readable && entityRegion.startsWith(assetRegion.slice(0, 6));
}

type Fields = Omit<AssetCreate, 'assetNo' | 'assetClass' | 'classReason'>;

/** The checks that need the database (region, project stage, operator) and the category's consistency. */
async function checkAsset(db: Conn, actor: Actor, a: Fields & { assetClass?: string | null | undefined }, before?: repo.AssetRow): Promise<void> {
  const issues: Issue[] = [];
  const region = await repo.findRegion(db, a.regionCode);
  if (!region || region.retiredAt || !['county', 'township', 'village'].includes(region.level)) {
    issues.push({
      path: 'regionCode',
      value: a.regionCode,
      messageZh: '资产所在地须为在用的县、乡镇或行政村',
      messageEn: 'the place must be an active county, township or village',
    });
  }
  if (a.projectId && a.projectId !== before?.projectId) {
    const p = await repo.findProjectBrief(db, a.projectId);
    if (!p || !isInScope(actor, p.regionCode)) {
      issues.push({ path: 'projectId', value: a.projectId, messageZh: '所选项目不存在或不在您的管辖范围内', messageEn: 'no such project in your scope' });
    } else if (!(ASSET_PROJECT_STAGES as readonly string[]).includes(p.stage)) {
      const at = isProjectStage(p.stage) ? PROJECT_STAGE_LABELS[p.stage] : { zh: p.stage, en: p.stage };
      throw new AppError('INVALID_TRANSITION', 'assets are registered from an accepted project', {
        issues: [
          {
            path: 'projectId',
            value: a.projectId,
            messageZh: `项目“${p.name}”处于“${at.zh}”阶段，须验收后才能登记其形成的资产`,
            messageEn: `the project is ${at.en}: register its assets after acceptance`,
          },
        ],
      });
    }
  }
  if (a.operatorEntityId && a.operatorEntityId !== before?.operatorEntityId) {
    const e = await repo.findEntityBrief(db, a.operatorEntityId);
    if (!e || !operatorFits(actor, e.regionCode, a.regionCode)) {
      issues.push({ path: 'operatorEntityId', value: a.operatorEntityId, messageZh: '所选经营主体不存在或不在您的管辖范围内', messageEn: 'no such entity in your scope' });
    }
  }
  // category, owner and operation: the one check of the domain (the import uses it too)
  issues.push(...assetIssues(a));
  if (issues.length) bad(issues);
}

function columnsOf(a: Fields): Partial<repo.AssetInsert> {
  return {
    name: a.name.trim(),
    projectId: a.projectId ?? null,
    regionCode: a.regionCode,
    category: a.category,
    valueFen: yuanToFen(a.valueYuan, 'valueYuan'),
    formedOn: a.formedOn ?? null,
    location: a.location ?? null,
    ownerKind: a.ownerKind ?? null,
    ownerName: a.ownerName ?? null,
    confirmedOn: a.confirmedOn ?? null,
    managementLevel: a.managementLevel ?? null,
    operatorEntityId: a.operatorEntityId ?? null,
    operatingMode: a.operatingMode ?? null,
    note: a.note ?? null,
  };
}

/** The next generated asset number: ZC + the 9-digit township prefix + a 4-digit sequence. */
async function nextAssetNo(tx: Conn, regionCode: string): Promise<string> {
  const prefix = `ZC${regionCode.slice(0, 9)}`;
  await repo.lockAssetNumbering(tx, prefix);
  const max = await repo.maxAssetNo(tx, prefix);
  const seq = max && /^\d{4}$/.test(max.slice(prefix.length)) ? Number(max.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}

/**
 * The words for an asset number held by a record the user may not see: the same for create, PATCH and the import
 * (assets.import.ts), so that no answer confirms that the number exists outside the user's area.
 */
export const ASSET_NO_UNAVAILABLE = { messageZh: '资产编号不可用，请核对编号', messageEn: 'this asset number cannot be used: check it' } as const;

/**
 * 409 for a number already held: named as taken when the holder is in the actor's scope, in the import's neutral
 * words when it is not, or not known (a concurrent insert caught by the unique index).
 */
function noTaken(actor: Actor, assetNo: string, holder: { regionCode: string } | undefined): never {
  if (holder && isInScope(actor, holder.regionCode)) {
    throw new AppError('CONFLICT', 'asset number taken', {
      issues: [{ path: 'assetNo', value: assetNo, messageZh: `资产编号 ${assetNo} 已存在`, messageEn: `asset number ${assetNo} already exists` }],
    });
  }
  throw new AppError('CONFLICT', 'asset number unavailable', { issues: [{ path: 'assetNo', value: assetNo, ...ASSET_NO_UNAVAILABLE }] });
}

/**
 * 登记资产: in the writer's scope; from a project only when it is accepted (409 INVALID_TRANSITION with the stage
 * otherwise); a class given at once needs its reason and starts the class history.
 * @throws AppError FORBIDDEN, VALIDATION_FAILED, INVALID_TRANSITION, CONFLICT
 */
export async function createAsset(deps: Deps, actor: Actor, input: AssetCreate): Promise<AssetDetail> {
  assertAssetWriter(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const { assetNo, assetClass, classReason, ...fields } = input;
  if (assetClass && !classReason?.trim()) bad([{ path: 'classReason', messageZh: '确定“四个一批”分类须填写理由', messageEn: 'a class needs its reason' }]);
  await checkAsset(db, actor, { ...fields, assetClass });
  const id = await db.transaction(async (tx) => {
    const holder = assetNo ? await repo.findAssetByNo(tx, assetNo) : undefined;
    if (assetNo && holder) noTaken(actor, assetNo, holder);
    const no = assetNo ?? (await nextAssetNo(tx, fields.regionCode));
    const row = await repo
      .insertAsset(tx, {
        ...(columnsOf(fields) as repo.AssetInsert),
        assetNo: no,
        assetClass: assetClass ?? null,
        classReason: assetClass ? classReason!.trim() : null,
      })
      .catch((err: unknown) => (isUniqueViolation(err, 'assets_no_uq') ? noTaken(actor, no, undefined) : Promise.reject(err)));
    if (assetClass)
      await repo.insertClassChange(tx, { assetId: row.id, regionCode: row.regionCode, fromClass: null, toClass: assetClass, reason: classReason!.trim(), changedBy: actor.id });
    await recordAudit(tx, actor, { action: 'create', entityType: 'asset', entityId: row.id, regionCode: row.regionCode, after: row });
    return row.id;
  });
  return assetDetail(db, actor, id);
}

function assertInUse(row: repo.AssetRow): void {
  if (row.status === 'disposed') {
    throw new AppError('RECORD_EXITED', 'the asset is disposed', {
      issues: [{ path: 'status', messageZh: '该资产已处置，记录保留但不能再修改', messageEn: 'The asset is disposed: its record is kept read-only' }],
    });
  }
}

/**
 * An asset the actor may change, locked in the transaction, at the version sent, still in use.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function lockWritableAsset(tx: Conn, actor: Actor, id: number, version: number | undefined, versioned = true): Promise<repo.AssetRow> {
  const row = assertRecordInScope(actor, await repo.lockAsset(tx, id), 'asset', { id });
  if (versioned) await checkVersion(row.version, version, () => assetDetail(tx, actor, id));
  assertInUse(row);
  return row;
}

/** Scope (404) before role (403): an out-of-scope id answers as a missing one. */
async function writableFirst(db: Conn, actor: Actor, id: number): Promise<void> {
  await getReadableAsset(db, actor, id);
  assertAssetWriter(actor);
}

/**
 * PATCH: the fields sent, checked as a whole record.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, INVALID_TRANSITION, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED, CONFLICT
 */
export async function patchAsset(deps: Deps, actor: Actor, id: number, patch: AssetPatch, version: number | undefined): Promise<AssetDetail> {
  const db = deps.db.db;
  await writableFirst(db, actor, id);
  if (patch.regionCode !== undefined) assertWriteScope(actor, patch.regionCode);
  await db.transaction(async (tx) => {
    const row = await lockWritableAsset(tx, actor, id, version);
    const keep = <K extends keyof AssetPatch>(k: K, v: unknown) => (patch[k] !== undefined ? patch[k] : v);
    const merged = {
      name: keep('name', row.name),
      projectId: keep('projectId', row.projectId),
      regionCode: keep('regionCode', row.regionCode),
      category: keep('category', row.category),
      valueYuan: patch.valueYuan ?? fenToYuan(row.valueFen),
      formedOn: keep('formedOn', row.formedOn),
      location: keep('location', row.location),
      ownerKind: keep('ownerKind', row.ownerKind),
      ownerName: keep('ownerName', row.ownerName),
      confirmedOn: keep('confirmedOn', row.confirmedOn),
      managementLevel: keep('managementLevel', row.managementLevel),
      operatorEntityId: keep('operatorEntityId', row.operatorEntityId),
      operatingMode: keep('operatingMode', row.operatingMode),
      note: keep('note', row.note),
    } as Fields;
    await checkAsset(tx, actor, { ...merged, assetClass: row.assetClass }, row);
    const values: Partial<repo.AssetInsert> = { ...columnsOf(merged), valueFen: patch.valueYuan === undefined ? row.valueFen : yuanToFen(patch.valueYuan, 'valueYuan') };
    if (patch.assetNo !== undefined && patch.assetNo !== row.assetNo) {
      const other = await repo.findAssetByNo(tx, patch.assetNo);
      if (other) noTaken(actor, patch.assetNo, other);
      values.assetNo = patch.assetNo;
    }
    const after = await repo
      .updateAsset(tx, id, values)
      .catch((err: unknown) => (isUniqueViolation(err, 'assets_no_uq') && values.assetNo ? noTaken(actor, values.assetNo, undefined) : Promise.reject(err)));
    // its incomes and class history move with it (scoping and the audit of later writes follow the asset's region)
    if (after.regionCode !== row.regionCode) await repo.moveAssetChildren(tx, id, after.regionCode);
    await recordAudit(tx, actor, { action: 'update', entityType: 'asset', entityId: id, regionCode: after.regionCode, before: row, after });
  });
  return assetDetail(db, actor, id);
}

/**
 * 四个一批 (004 §五): (re)classes an operating asset with the reason, keeping the change in its history.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED, INVALID_TRANSITION
 */
export async function changeAssetClass(deps: Deps, actor: Actor, id: number, input: AssetClassChange, version: number | undefined): Promise<AssetDetail> {
  const db = deps.db.db;
  await writableFirst(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await lockWritableAsset(tx, actor, id, version);
    if (row.category !== 'operating') {
      throw new AppError('INVALID_TRANSITION', 'only operating assets are classed', {
        issues: [{ path: 'assetClass', messageZh: '“四个一批”分类仅适用于经营性资产', messageEn: 'Only operating assets are classed (four batches)' }],
      });
    }
    if (row.assetClass === input.assetClass) {
      throw new AppError('INVALID_TRANSITION', 'the asset already has this class', {
        issues: [{ path: 'assetClass', messageZh: `该资产已属“${CLASS_ZH[input.assetClass]}”，无需调整`, messageEn: 'the asset already has this class' }],
      });
    }
    const reason = input.reason.trim();
    await repo.insertClassChange(tx, { assetId: id, regionCode: row.regionCode, fromClass: row.assetClass, toClass: input.assetClass, reason, changedBy: actor.id });
    const after = await repo.updateAsset(tx, id, { assetClass: input.assetClass, classReason: reason });
    await recordAudit(tx, actor, { action: 'class_change', entityType: 'asset', entityId: id, regionCode: row.regionCode, before: row, after });
  });
  return assetDetail(db, actor, id);
}

/**
 * 处置: the asset leaves use with a reason and a date; its record, class history and incomes stay (read-only).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED (already disposed)
 */
export async function disposeAsset(deps: Deps, actor: Actor, id: number, input: AssetDispose, version: number | undefined): Promise<AssetDetail> {
  const db = deps.db.db;
  await writableFirst(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await lockWritableAsset(tx, actor, id, version);
    const after = await repo.updateAsset(tx, id, { status: 'disposed', disposedOn: input.disposedOn, disposalReason: input.reason.trim() });
    await recordAudit(tx, actor, { action: 'dispose', entityType: 'asset', entityId: id, regionCode: row.regionCode, before: row, after });
  });
  return assetDetail(db, actor, id);
}
