import {
  AppError,
  fenToYuan,
  formatClause,
  nextProjectStage,
  yuanToFen,
  type FundAllocationCreate,
  type FundAllocationUpdate,
  type FundAllocationView,
  type FundListQuery,
  type FundSourceCreate,
  type FundSourceUpdate,
  type FundSourceView,
  type Issue,
  type WhatIfApply,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { assertWriteScope, clampPrefix, isInScope } from '../regions/scope.ts';
import * as repo from './funds.repo.ts';

const WRITE_ROLES = new Set(['admin', 'county_officer']);

/**
 * Fund sources and allocations are written by a county officer or an administrator; others read.
 * @throws AppError FORBIDDEN
 */
export function assertFundWriter(actor: Actor): void {
  if (!WRITE_ROLES.has(actor.role)) {
    throw new AppError('FORBIDDEN', 'funds are recorded by a county officer or administrator', {
      role: actor.role,
      issues: [{ path: 'role', messageZh: '资金来源和资金安排由县级业务员或管理员录入', messageEn: 'funds are recorded by a county officer or administrator' }],
    });
  }
}

/** The prefix a list reads: the region asked for (its significant prefix), narrowed to the actor's scope. */
export async function listPrefix(db: Conn, actor: Actor, regionCode: string | undefined): Promise<string> {
  if (!regionCode) return actor.scopePrefix;
  const region = await findRegion(db, regionCode);
  if (!region) throw new AppError('NOT_FOUND', 'region not found', { regionCode });
  return clampPrefix(actor, region.prefix);
}

const yuan = (fen: number) => fenToYuan(fen);

function toSourceView(r: repo.FundSourceListRow): FundSourceView {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName: r.regionName,
    year: r.year,
    fundLevel: r.fundLevel,
    fundKind: r.fundKind,
    name: r.name,
    documentNo: r.documentNo,
    amountYuan: yuan(r.amountFen),
    allocatedYuan: yuan(r.allocatedFen),
    balanceYuan: yuan(r.amountFen - r.allocatedFen),
    note: r.note,
    version: r.version,
  };
}

function toAllocationView(r: repo.FundAllocationListRow): FundAllocationView {
  return {
    id: r.id,
    fundSourceId: r.fundSourceId,
    fundSourceName: r.fundSourceName,
    fundLevel: r.fundLevel,
    fundKind: r.fundKind,
    projectId: r.projectId,
    projectName: r.projectName,
    projectType: r.projectType,
    regionCode: r.regionCode,
    year: r.year,
    amountYuan: yuan(r.amountFen),
    allocatedOn: r.allocatedOn,
    note: r.note,
    version: r.version,
  };
}

async function checkCodes(deps: Deps, input: { fundLevel?: string | undefined; fundKind?: string | undefined }): Promise<void> {
  const issues: Issue[] = [];
  const dict = await loadDictIndex(deps);
  if (input.fundLevel !== undefined) checkDictCode(dict, 'fund_level', input.fundLevel, 'fundLevel', issues);
  if (input.fundKind !== undefined) checkDictCode(dict, 'fund_kind', input.fundKind, 'fundKind', issues);
  throwIfIssues(issues, 'fund source is invalid');
}

export async function listSources(deps: Deps, actor: Actor, q: FundListQuery): Promise<{ items: FundSourceView[] }> {
  const db = deps.db.db;
  const prefix = await listPrefix(db, actor, q.regionCode);
  return { items: (await repo.listFundSources(db, prefix, q.year)).map(toSourceView) };
}

/**
 * Records a fund source of a county (or township) in scope.
 * @throws AppError FORBIDDEN, NOT_FOUND (unknown region), VALIDATION_FAILED
 */
export async function createSource(deps: Deps, actor: Actor, input: FundSourceCreate): Promise<FundSourceView> {
  const db = deps.db.db;
  assertFundWriter(actor);
  assertWriteScope(actor, input.regionCode);
  const region = await findRegion(db, input.regionCode);
  if (!region || !['county', 'township'].includes(region.level)) {
    throwIfIssues(
      [{ path: 'regionCode', value: input.regionCode, messageZh: '资金来源须落到县或乡镇', messageEn: 'a fund source belongs to a county or a township' }],
      'bad region',
    );
  }
  await checkCodes(deps, input);
  const row = await db.transaction(async (tx) => {
    const s = await repo.insertFundSource(tx, {
      regionCode: input.regionCode,
      year: input.year,
      fundLevel: input.fundLevel,
      fundKind: input.fundKind,
      name: input.name,
      documentNo: input.documentNo ?? null,
      amountFen: yuanToFen(input.amountYuan, 'amountYuan'),
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'fund_source', entityId: s.id, regionCode: s.regionCode, after: s });
    return s;
  });
  return toSourceView({ ...row, regionName: region?.name ?? null, allocatedFen: 0 });
}

/** A source for a write: exists, in the actor's scope, the actor writes funds. */
async function writableSource(db: Conn, actor: Actor, id: number): Promise<repo.FundSourceListRow> {
  const found = await repo.findFundSource(db, id);
  if (!found || !isInScope(actor, found.regionCode)) throw new AppError('NOT_FOUND', 'fund source not found', { id });
  assertFundWriter(actor);
  return found;
}

/**
 * Edits a fund source based on the version read; the amount may not fall below what is allocated from it.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, VALIDATION_FAILED, CONFLICT
 */
export async function updateSource(deps: Deps, actor: Actor, id: number, input: FundSourceUpdate, version: number | undefined): Promise<FundSourceView> {
  const db = deps.db.db;
  const found = await writableSource(db, actor, id);
  await checkCodes(deps, input);
  const { version: _v, amountYuan, ...rest } = input;
  const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const amountFen = amountYuan !== undefined ? yuanToFen(amountYuan, 'amountYuan') : undefined;
  await db.transaction(async (tx) => {
    const before = await repo.lockFundSource(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'fund source not found', { id });
    await checkVersion(before.version, version, async () => toSourceView({ ...before, regionName: found.regionName, allocatedFen: await repo.allocatedFenOfSource(tx, id) }));
    if (amountFen !== undefined) {
      const allocated = await repo.allocatedFenOfSource(tx, id);
      if (amountFen < allocated) {
        const zh = `资金来源金额 ${fenToYuan(amountFen)} 元少于已安排的 ${fenToYuan(allocated)} 元`;
        const en = `the amount ${fenToYuan(amountFen)} yuan is less than the ${fenToYuan(allocated)} yuan already allocated`;
        throw new AppError('CONFLICT', en, { issues: [{ path: 'amountYuan', value: amountYuan, messageZh: zh, messageEn: en }] });
      }
    }
    const after = await repo.updateFundSource(tx, id, { ...patch, ...(amountFen !== undefined ? { amountFen } : {}) });
    await recordAudit(tx, actor, { action: 'update', entityType: 'fund_source', entityId: id, regionCode: after.regionCode, before, after });
  });
  return toSourceView((await repo.findFundSource(db, id)) as repo.FundSourceListRow);
}

/**
 * Deletes a fund source nothing is allocated from.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, CONFLICT (still allocated)
 */
export async function deleteSource(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = await writableSource(db, actor, id);
  await db.transaction(async (tx) => {
    const before = await repo.lockFundSource(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'fund source not found', { id });
    await checkVersion(before.version, version, () => toSourceView(found));
    const n = await repo.countAllocationsOfSource(tx, id);
    if (n > 0) {
      const zh = `该资金已安排到 ${n} 个项目，须先撤销资金安排才能删除`;
      const en = `the source is allocated to ${n} project(s); remove the allocations first`;
      throw new AppError('CONFLICT', en, { issues: [{ path: 'id', value: id, messageZh: zh, messageEn: en }] });
    }
    await repo.deleteFundSource(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'fund_source', entityId: id, regionCode: before.regionCode, before });
  });
}

export async function listAllocations(deps: Deps, actor: Actor, q: FundListQuery): Promise<{ items: FundAllocationView[] }> {
  const db = deps.db.db;
  const prefix = await listPrefix(db, actor, q.regionCode);
  return { items: (await repo.listAllocations(db, prefix, { projectId: q.projectId, year: q.year })).map(toAllocationView) };
}

/** P1's refusal in the county pack's words: "项目未入库，不得安排资金（先入库后建设，<文号 clause>）". */
async function libraryFirstRefusal(db: Conn, p: repo.ProjectRow): Promise<AppError> {
  const { pack } = await getActivePack(db, countyCodeOf(p.regionCode));
  const cfg = pack.rules.find((r) => r.ruleId === 'P1');
  const cite = cfg ? formatClause(pack, cfg.clause) : '国乡振发〔2021〕3号';
  const zh = `项目未入库，不得安排资金（先入库后建设，${cite}）`;
  const en = `the project is not in the library; no funds before entry (library first, ${cite})`;
  return new AppError('INVALID_TRANSITION', en, { stage: p.stage, issues: [{ path: 'projectId', value: p.id, messageZh: zh, messageEn: en }] });
}

/** The over-allocation refusal naming both figures in 元. */
function overBalance(amountFen: number, balanceFen: number): AppError {
  const zh = `安排金额 ${fenToYuan(amountFen)} 元超过资金来源未安排余额 ${fenToYuan(balanceFen)} 元`;
  const en = `the amount ${fenToYuan(amountFen)} yuan exceeds the source's unallocated balance of ${fenToYuan(balanceFen)} yuan`;
  return new AppError('CONFLICT', en, { balanceYuan: fenToYuan(balanceFen), issues: [{ path: 'amountYuan', value: fenToYuan(amountFen), messageZh: zh, messageEn: en }] });
}

/**
 * Inside `tx`: allocates `amountFen` of a source to a library project (P1), never more than the source's balance;
 * the first allocation moves an in-library project to 已安排资金 (a project step, version + 1). An existing
 * allocation of the same source to the project grows instead when `merge` is set (the what-if save). Audited.
 * @returns the allocation's id
 * @throws AppError VALIDATION_FAILED (source/project unknown or out of scope), INVALID_TRANSITION (not in the library), CONFLICT (over the balance)
 */
export async function allocateIn(
  tx: Conn,
  actor: Actor,
  input: { fundSourceId: number; projectId: number; amountFen: number; allocatedOn?: string | null | undefined; note?: string | null | undefined },
  merge = false,
): Promise<number> {
  const source = await repo.lockFundSource(tx, input.fundSourceId);
  if (!source || !isInScope(actor, source.regionCode)) {
    throwIfIssues([{ path: 'fundSourceId', value: input.fundSourceId, messageZh: '资金来源不存在', messageEn: 'fund source not found' }], 'fund source not found');
  }
  const project = await repo.lockProject(tx, input.projectId);
  if (!project || !isInScope(actor, project.regionCode)) {
    throwIfIssues([{ path: 'projectId', value: input.projectId, messageZh: '项目不存在', messageEn: 'project not found' }], 'project not found');
  }
  const src = source as repo.FundSourceRow;
  const p = project as repo.ProjectRow;
  if (!p.regionCode.startsWith(src.regionCode.replace(/(000)+$/, ''))) {
    throwIfIssues(
      [{ path: 'projectId', value: p.id, messageZh: '项目不在该资金来源的区划内', messageEn: 'the project is outside the source’s region' }],
      'project outside the source region',
    );
  }
  const to = nextProjectStage(p.stage, 'allocate_funds');
  if (to === null) throw await libraryFirstRefusal(tx, p);
  const balance = src.amountFen - (await repo.allocatedFenOfSource(tx, src.id));
  if (input.amountFen > balance) throw overBalance(input.amountFen, balance);
  const existing = merge ? (await repo.listAllocations(tx, p.regionCode, { projectId: p.id, year: src.year })).find((a) => a.fundSourceId === src.id) : undefined;
  let id: number;
  if (existing) {
    const before = (await repo.lockAllocation(tx, existing.id)) as repo.FundAllocationRow;
    const after = await repo.updateAllocation(tx, existing.id, { amountFen: before.amountFen + input.amountFen });
    await recordAudit(tx, actor, { action: 'update', entityType: 'fund_allocation', entityId: existing.id, regionCode: after.regionCode, before, after });
    id = existing.id;
  } else {
    const a = await repo.insertAllocation(tx, {
      fundSourceId: src.id,
      projectId: p.id,
      regionCode: p.regionCode,
      year: src.year,
      amountFen: input.amountFen,
      allocatedOn: input.allocatedOn ?? null,
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'fund_allocation', entityId: a.id, regionCode: a.regionCode, after: a });
    id = a.id;
  }
  if (to !== p.stage) {
    const moved = await repo.moveProjectStage(tx, p, to, { action: 'allocate_funds', actorId: actor.id, actorName: actor.displayName });
    await recordAudit(tx, actor, { action: 'allocate_funds', entityType: 'project', entityId: p.id, regionCode: p.regionCode, before: p, after: moved });
  }
  return id;
}

/**
 * Allocates money of a source to a library project (see {@link allocateIn}). One transaction.
 * @throws AppError FORBIDDEN, VALIDATION_FAILED, INVALID_TRANSITION (not in the library), CONFLICT (over the balance)
 */
export async function createAllocation(deps: Deps, actor: Actor, input: FundAllocationCreate): Promise<FundAllocationView> {
  const db = deps.db.db;
  assertFundWriter(actor);
  const amountFen = yuanToFen(input.amountYuan, 'amountYuan');
  const id = await db.transaction(async (tx) => allocateIn(tx, actor, { ...input, amountFen }));
  return toAllocationView((await repo.findAllocation(db, id)) as repo.FundAllocationListRow);
}

async function writableAllocation(db: Conn, actor: Actor, id: number): Promise<repo.FundAllocationListRow> {
  const found = await repo.findAllocation(db, id);
  if (!found || !isInScope(actor, found.regionCode)) throw new AppError('NOT_FOUND', 'allocation not found', { id });
  assertFundWriter(actor);
  return found;
}

/**
 * Changes an allocation's amount, date or note, based on the version read; the new amount stays within the
 * source's balance (this allocation's own money counted back).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, CONFLICT
 */
export async function updateAllocation(deps: Deps, actor: Actor, id: number, input: FundAllocationUpdate, version: number | undefined): Promise<FundAllocationView> {
  const db = deps.db.db;
  const found = await writableAllocation(db, actor, id);
  await db.transaction(async (tx) => changeAllocationIn(tx, actor, id, input, version, found));
  return toAllocationView((await repo.findAllocation(db, id)) as repo.FundAllocationListRow);
}

/**
 * The write of {@link updateAllocation} inside the caller's transaction (the what-if save applies several in one):
 * lock, version, balance, update, audit. An amount of 0 deletes the allocation (only the what-if save sends 0).
 */
export async function changeAllocationIn(
  tx: Conn,
  actor: Actor,
  id: number,
  input: FundAllocationUpdate,
  version: number | undefined,
  found: repo.FundAllocationListRow,
): Promise<void> {
  const before = await repo.lockAllocation(tx, id);
  if (!before) throw new AppError('NOT_FOUND', 'allocation not found', { id });
  await checkVersion(before.version, version, () => toAllocationView({ ...found, ...before }));
  const patch: Partial<repo.FundAllocationRow> = {};
  if (input.amountYuan !== undefined) {
    const amountFen = yuanToFen(input.amountYuan, 'amountYuan');
    if (amountFen === 0) {
      await repo.deleteAllocation(tx, id);
      await recordAudit(tx, actor, { action: 'delete', entityType: 'fund_allocation', entityId: id, regionCode: before.regionCode, before });
      return;
    }
    const source = (await repo.lockFundSource(tx, before.fundSourceId)) as repo.FundSourceRow;
    const balance = source.amountFen - (await repo.allocatedFenOfSource(tx, source.id, id));
    if (amountFen > balance) throw overBalance(amountFen, balance);
    patch.amountFen = amountFen;
  }
  if (input.allocatedOn !== undefined) patch.allocatedOn = input.allocatedOn;
  if (input.note !== undefined) patch.note = input.note;
  const after = await repo.updateAllocation(tx, id, patch);
  await recordAudit(tx, actor, { action: 'update', entityType: 'fund_allocation', entityId: id, regionCode: after.regionCode, before, after });
}

/**
 * Removes an allocation (the project keeps its stage).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION
 */
export async function deleteAllocation(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = await writableAllocation(db, actor, id);
  await db.transaction(async (tx) => {
    const before = await repo.lockAllocation(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'allocation not found', { id });
    await checkVersion(before.version, version, () => toAllocationView(found));
    await repo.deleteAllocation(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'fund_allocation', entityId: id, regionCode: before.regionCode, before });
  });
}

/**
 * Saves a what-if draft: each move takes money out of an allocation (its version checked; 0 left deletes it) and
 * allocates it from the same source to the target library project (merged into an existing allocation of that
 * source). All moves in ONE transaction, each write audited; any refusal leaves nothing written.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, VALIDATION_FAILED, INVALID_TRANSITION, CONFLICT
 */
export async function applyWhatIf(deps: Deps, actor: Actor, input: WhatIfApply): Promise<{ allocationIds: number[] }> {
  const db = deps.db.db;
  assertFundWriter(actor);
  const found = await Promise.all(input.moves.map((m) => writableAllocation(db, actor, m.allocationId)));
  const ids = new Set<number>();
  await db.transaction(async (tx) => {
    for (const [i, m] of input.moves.entries()) {
      const a = found[i] as repo.FundAllocationListRow;
      const current = await repo.lockAllocation(tx, a.id);
      const moveFen = yuanToFen(m.amountYuan, `moves.${i}.amountYuan`);
      if (current && moveFen > current.amountFen) {
        const zh = `调出金额 ${m.amountYuan} 元超过该笔安排的 ${fenToYuan(current.amountFen)} 元`;
        const en = `the amount ${m.amountYuan} yuan is more than the allocation's ${fenToYuan(current.amountFen)} yuan`;
        throw new AppError('VALIDATION_FAILED', en, { issues: [{ path: `moves.${i}.amountYuan`, value: m.amountYuan, messageZh: zh, messageEn: en }] });
      }
      await changeAllocationIn(tx, actor, a.id, { amountYuan: fenToYuan((current?.amountFen ?? 0) - moveFen) }, m.version, a);
      ids.add(a.id);
      ids.add(await allocateIn(tx, actor, { fundSourceId: a.fundSourceId, projectId: m.toProjectId, amountFen: moveFen }, true));
    }
  });
  return { allocationIds: [...ids] };
}
