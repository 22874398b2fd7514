import {
  AppError,
  DICT,
  EDITABLE_PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  sumFen,
  yuanToFen,
  type Issue,
  type ProjectBeneficiariesPut,
  type ProjectBudgetsPut,
  type ProjectCreate,
  type ProjectListItem,
  type ProjectListQuery,
  type ProjectUpdate,
  type ProjectView,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex, type DictIndex } from '../dictionaries/dictionaries.service.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope } from '../regions/scope.ts';
import { budgetTotalIssue, checkBudgetRows, proposalBudgetFen } from './project-budgets.ts';
import * as repo from './projects.repo.ts';
import { stageOf, toListItem, toView } from './projects.views.ts';
import { readAll } from '../../reads.ts';

const bad = (issues: Issue[]): never => {
  throw new AppError('VALIDATION_FAILED', 'the project is invalid', { issues });
};

/** A page of projects in the user's scope (or the requested region within it). */
export async function listProjects(deps: Deps, actor: Actor, q: ProjectListQuery): Promise<{ items: ProjectListItem[]; total: number; page: number; pageSize: number }> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const f: repo.ProjectFilter = { prefix, year: q.year, stage: q.stage, projectType: q.projectType, industryId: q.industryId, q: q.q };
  const [rows, total] = await Promise.all([repo.listProjects(db, f, q.pageSize, (q.page - 1) * q.pageSize), repo.countProjects(db, f)]);
  return { items: rows.map((r) => toListItem(r.p, r.regionName)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A project readable by the actor.
 * @throws AppError NOT_FOUND (missing or out of scope)
 */
export async function getReadableProject(db: Conn, actor: Actor, id: number): Promise<repo.ProjectRow> {
  return assertRecordInScope(actor, await repo.findProject(db, id), 'project', { id });
}

/**
 * A project the actor may write: a writing role (else 403), readable (else 404: missing or out of scope).
 * @throws AppError FORBIDDEN / NOT_FOUND
 */
export async function getWritableProject(db: Conn, actor: Actor, id: number): Promise<repo.ProjectRow> {
  assertCanWrite(actor);
  return assertRecordInScope(actor, await repo.findProject(db, id), 'project', { id });
}

/** The detail of a project as this user sees it. */
export async function buildProjectView(db: Conn, actor: Actor, p: repo.ProjectRow): Promise<ProjectView> {
  const [region, steps, budgets, beneficiaries, allocated, pack] = await readAll(db, [
    () => repo.findRegion(db, p.regionCode),
    () => repo.listSteps(db, p.id),
    () => repo.listBudgets(db, p.id),
    () => repo.listBeneficiaries(db, p.id),
    () => repo.allocatedFen(db, p.id),
    () => getActivePack(db, countyCodeOf(p.regionCode)),
  ]);
  return toView(actor, p, { regionName: region?.name ?? null, steps, budgets, beneficiaries, allocatedFen: allocated, pack: pack.pack });
}

export async function getProject(deps: Deps, actor: Actor, id: number): Promise<ProjectView> {
  const db = deps.db.db;
  return buildProjectView(db, actor, await getReadableProject(db, actor, id));
}

type Editable = Omit<ProjectUpdate, 'version'>;

/** Dictionary and reference checks of the editable fields (400 naming the field). */
async function checkFields(deps: Deps, db: Conn, regionCode: string, input: Editable, current?: repo.ProjectRow): Promise<void> {
  const idx: DictIndex = await loadDictIndex(deps);
  const issues: Issue[] = [];
  const type = input.projectType ?? current?.projectType;
  if (input.projectType !== undefined) {
    checkDictCode(idx, DICT.projectType, input.projectType, 'projectType', issues);
    if (!issues.length && idx.get(DICT.projectType)?.get(input.projectType)?.parentCode) {
      issues.push({
        path: 'projectType',
        value: input.projectType,
        messageZh: '项目类型须为一级类型（产业发展、就业项目、乡村建设行动等）',
        messageEn: 'the project type must be a level-1 type',
      });
    }
  }
  const sub = input.projectSubtype !== undefined ? input.projectSubtype : current?.projectSubtype;
  if (sub) {
    const item = idx.get(DICT.projectType)?.get(sub);
    if (!item || item.parentCode !== type) {
      issues.push({ path: 'projectSubtype', value: sub, messageZh: `项目子类型“${sub}”不属于所选项目类型`, messageEn: `the subtype ${sub} is not under the project type ${type}` });
    }
  }
  for (const m of input.linkageModes ?? []) checkDictCode(idx, DICT.linkageMode, m, 'linkageModes', issues);
  const county = countyCodeOf(regionCode);
  if (input.industryId) {
    const r = await repo.findIndustryRegion(db, input.industryId);
    if (!r || !(r.startsWith(county) || county.startsWith(r.replace(/0+$/, ''))))
      issues.push({ path: 'industryId', value: input.industryId, messageZh: '所选产业不存在或不属于本县', messageEn: 'no such industry in this county' });
  }
  if (input.chainLinkId) {
    const industryId = await repo.findChainLinkIndustry(db, input.chainLinkId);
    const want = input.industryId !== undefined ? input.industryId : current?.industryId;
    if (industryId === undefined || (want && industryId !== want))
      issues.push({ path: 'chainLinkId', value: input.chainLinkId, messageZh: '所选产业链环节不属于所选产业', messageEn: 'the chain link is not of the chosen industry' });
  }
  if (input.implementingEntityId) {
    const r = await repo.findEntityRegion(db, input.implementingEntityId);
    if (!r || !r.startsWith(county))
      issues.push({ path: 'implementingEntityId', value: input.implementingEntityId, messageZh: '所选实施主体不存在或不属于本县', messageEn: 'no such entity in this county' });
  }
  if (issues.length) bad(issues);
}

/** Columns of the editable fields (money to 分). */
function columnsOf(input: Editable): Partial<repo.ProjectInsert> {
  const { budgetYuan, ...rest } = input;
  const out: Partial<repo.ProjectInsert> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  if (budgetYuan !== undefined) out.budgetFen = yuanToFen(budgetYuan, 'budgetYuan');
  if (rest.linkageModes) out.linkageModes = [...new Set(rest.linkageModes)];
  return out;
}

/** The next generated project number: XM{year}{9-digit township prefix}{4-digit sequence}. */
export async function nextProjectNo(tx: Conn, year: number, regionCode: string): Promise<string> {
  const prefix = `XM${year}${regionCode.slice(0, 9)}`;
  await repo.lockProjectNumbering(tx, prefix);
  const max = await repo.maxProjectNo(tx, prefix);
  const seq = max && /^\d{4}$/.test(max.slice(prefix.length)) ? Number(max.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}

/**
 * 申报: a project proposed in the user's scope (a township or village), stage 谋划, with its first step, its beneficiaries
 * and its budget rows by year and fund source (then 总投资 = their sum), in one audited transaction.
 * @throws AppError FORBIDDEN (viewer, out of scope), VALIDATION_FAILED (field), CONFLICT (project number taken)
 */
export async function createProject(deps: Deps, actor: Actor, input: ProjectCreate): Promise<ProjectView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const region = await repo.findRegion(db, input.regionCode);
  if (!region || region.retiredAt || (region.level !== 'township' && region.level !== 'village')) {
    bad([{ path: 'regionCode', value: input.regionCode, messageZh: '实施地点须为在用的乡镇或行政村', messageEn: 'the place must be an active township or village' }]);
  }
  const { projectNo, regionCode, householdIds, budgets: budgetRows, ...fields } = input;
  await checkFields(deps, db, regionCode, fields);
  const budgets = budgetRows?.length ? await checkBudgetRows(deps, budgetRows, 'budgets') : [];
  const budgetFen = proposalBudgetFen(fields.budgetYuan, budgets);
  const beneficiaries = householdIds?.length ? await scopedHouseholds(db, actor, householdIds) : [];
  const row = await db.transaction(async (tx) => {
    if (projectNo && (await repo.findProjectByNo(tx, projectNo))) {
      throw new AppError('CONFLICT', 'project number taken', {
        issues: [{ path: 'projectNo', value: projectNo, messageZh: `项目编号 ${projectNo} 已存在`, messageEn: `project number ${projectNo} already exists` }],
      });
    }
    const no = projectNo ?? (await nextProjectNo(tx, input.year, regionCode));
    const p = await repo.insertProject(tx, {
      ...columnsOf(fields),
      ...(budgetFen === undefined ? {} : { budgetFen }),
      projectNo: no,
      regionCode,
      name: input.name,
      year: input.year,
      projectType: input.projectType,
      stage: 'draft',
      proposedBy: actor.id,
    });
    if (beneficiaries.length) await repo.replaceBeneficiaries(tx, p.id, beneficiaries);
    if (budgets.length) await repo.replaceBudgets(tx, p.id, budgets);
    await repo.insertStep(tx, { projectId: p.id, action: 'create', fromStage: 'draft', toStage: 'draft', actorId: actor.id, actorName: actor.displayName });
    await recordAudit(tx, actor, { action: 'create', entityType: 'project', entityId: p.id, regionCode: p.regionCode, after: p });
    return p;
  });
  return buildProjectView(db, actor, row);
}

function notEditable(p: repo.ProjectRow): never {
  const at = PROJECT_STAGE_LABELS[stageOf(p)];
  throw new AppError('INVALID_TRANSITION', 'only a planned or returned project can be edited', {
    issues: [
      {
        path: 'stage',
        value: p.stage,
        messageZh: `项目处于“${at.zh}”阶段，只有谋划或退回修改的项目可以修改`,
        messageEn: `the project is ${at.en}: only a planned or returned project can be edited`,
      },
    ],
  });
}

/** Runs `write` on the project locked in one transaction after the scope, version and (optional) stage checks; audited. */
async function writeLocked(
  deps: Deps,
  actor: Actor,
  id: number,
  version: number | undefined,
  opts: { stages?: readonly string[]; action: string },
  write: (tx: Conn, before: repo.ProjectRow) => Promise<Partial<repo.ProjectInsert>>,
): Promise<ProjectView> {
  const db = deps.db.db;
  await getWritableProject(db, actor, id);
  const row = await db.transaction(async (tx) => {
    const before = assertRecordInScope(actor, await repo.lockProject(tx, id), 'project', { id });
    await checkVersion(before.version, version, () => buildProjectView(tx, actor, before));
    if (opts.stages && !opts.stages.includes(before.stage)) notEditable(before);
    const patch = await write(tx, before);
    const after = await repo.updateProject(tx, id, patch);
    await recordAudit(tx, actor, { action: opts.action, entityType: 'project', entityId: id, regionCode: after.regionCode, before, after });
    return after;
  });
  return buildProjectView(db, actor, row);
}

/**
 * Edits a planned (or returned) project; with budget rows its 总投资 stays their sum (a different budgetYuan is 400).
 * @throws AppError NOT_FOUND / FORBIDDEN / VERSION_REQUIRED / STALE_VERSION / INVALID_TRANSITION (not editable) / VALIDATION_FAILED
 */
export async function updateProject(deps: Deps, actor: Actor, id: number, input: ProjectUpdate, version: number | undefined): Promise<ProjectView> {
  const { version: _v, ...fields } = input;
  const current = await getWritableProject(deps.db.db, actor, id);
  await checkFields(deps, deps.db.db, current.regionCode, fields, current);
  return writeLocked(deps, actor, id, version, { stages: EDITABLE_PROJECT_STAGES, action: 'update' }, async (tx) => {
    const cols = columnsOf(fields);
    // with budget rows, 总投资 is their sum (schema/projects.ts): a different total is refused, not stored
    const fen = cols.budgetFen;
    const rowsFen = fen === undefined ? undefined : (await repo.budgetRowTotals(tx, [id])).get(id);
    if (fen !== undefined && rowsFen !== undefined && rowsFen !== fen) bad([budgetTotalIssue('budgetYuan', rowsFen, fen)]);
    return cols;
  });
}

/**
 * Replaces the budget by year and fund source of a planned project; the rows must add up to its 总投资.
 * @throws AppError as updateProject; VALIDATION_FAILED (a code, a duplicate row, a total that differs)
 */
export async function putBudgets(deps: Deps, actor: Actor, id: number, body: ProjectBudgetsPut, version: number | undefined): Promise<ProjectView> {
  await getWritableProject(deps.db.db, actor, id);
  const rows = await checkBudgetRows(deps, body.rows, 'rows');
  return writeLocked(deps, actor, id, version, { stages: EDITABLE_PROJECT_STAGES, action: 'update_budgets' }, async (tx, before) => {
    const total = sumFen(rows.map((r) => r.amountFen));
    if (rows.length && total !== before.budgetFen) {
      bad([budgetTotalIssue('rows', total, before.budgetFen)]);
    }
    await repo.replaceBudgets(tx, id, rows);
    return {};
  });
}

/**
 * The households among `ids` in the user's scope and in the registry, as beneficiary rows.
 * @throws AppError VALIDATION_FAILED naming `householdIds` and the ids not found
 */
async function scopedHouseholds(db: Conn, actor: Actor, ids: readonly number[]): Promise<{ householdId: number; regionCode: string }[]> {
  const unique = [...new Set(ids)];
  const found = await repo.findScopedHouseholds(db, actor.scopePrefix, unique);
  const missing = unique.filter((h) => !found.some((f) => f.id === h));
  if (missing.length) {
    bad([
      {
        path: 'householdIds',
        value: missing,
        messageZh: `以下农户不存在、已销户或不在本人管辖范围内：${missing.join('、')}`,
        messageEn: `households not found in your scope: ${missing.join(', ')}`,
      },
    ]);
  }
  return found.map((f) => ({ householdId: f.id, regionCode: f.regionCode }));
}

const CLOSED: readonly string[] = ['rejected', 'withdrawn', 'evaluated'];

/**
 * Replaces the beneficiary households (in the user's scope, in the registry) of a project that is not closed.
 * @throws AppError as updateProject; VALIDATION_FAILED naming the households not found in scope
 */
export async function putBeneficiaries(deps: Deps, actor: Actor, id: number, body: ProjectBeneficiariesPut, version: number | undefined): Promise<ProjectView> {
  await getWritableProject(deps.db.db, actor, id);
  const found = await scopedHouseholds(deps.db.db, actor, body.householdIds);
  const open = ['draft', 'submitted', 'reviewed', 'publicised', 'in_library', 'funded', 'implementing', 'accepted'];
  return writeLocked(deps, actor, id, version, { stages: open.filter((s) => !CLOSED.includes(s)), action: 'update_beneficiaries' }, async (tx) => {
    await repo.replaceBeneficiaries(tx, id, found);
    return {};
  });
}
