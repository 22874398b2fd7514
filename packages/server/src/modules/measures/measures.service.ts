import { type Issue, type MeasureCreate, type MeasureUpdate, type MeasureView } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { findHelper } from '../helpers/helpers.repo.ts';
import { assertHouseholdActive, assertWritableChild, getWritableHousehold } from '../households/household-access.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { toMeasureView } from './measures.views.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './measures.repo.ts';

async function checkMeasure(deps: Deps, db: Conn, actor: Actor, input: MeasureUpdate): Promise<void> {
  const issues: Issue[] = [];
  checkDictCode(await loadDictIndex(deps), 'measure_category', input.category, 'category', issues);
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    issues.push({ path: 'endDate', value: input.endDate, messageZh: '结束日期早于开始日期', messageEn: 'end date is before the start date' });
  }
  if (input.helperId) {
    const helper = await findHelper(db, input.helperId);
    if (!helper || !isInScope(actor, helper.regionCode)) issues.push({ path: 'helperId', value: input.helperId, messageZh: '帮扶责任人不存在', messageEn: 'helper not found' });
  }
  throwIfIssues(issues, 'measure is invalid');
}

/**
 * Adds a support measure to a household.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
 */
export async function createMeasure(deps: Deps, actor: Actor, householdId: number, input: MeasureCreate): Promise<MeasureView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  await checkMeasure(deps, db, actor, input);
  const row = await db.transaction(async (tx) => {
    const m = await repo.insertMeasure(tx, { ...input, householdId, regionCode: h.regionCode });
    await recordAudit(tx, actor, { action: 'create', entityType: 'support_measure', entityId: m.id, regionCode: h.regionCode, householdId, after: m });
    return m;
  });
  return toMeasureView(row);
}

/**
 * Locks the measure for a write inside its transaction (scope checked again) and compares the version read.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION (details.current = the measure as it is now)
 */
async function lockVersioned(tx: Conn, actor: Actor, id: number, version: number | undefined): Promise<repo.MeasureRow> {
  const before = assertWritableChild(actor, await repo.lockMeasure(tx, id), 'measure', id);
  await checkVersion(before.version, version, () => toMeasureView(before));
  return before;
}

/**
 * Edits a support measure, based on the version read.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION, VALIDATION_FAILED
 */
export async function updateMeasure(deps: Deps, actor: Actor, id: number, input: MeasureUpdate, version: number | undefined): Promise<MeasureView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findMeasure(db, id), 'measure', id);
  await assertHouseholdActive(db, found.householdId);
  const { version: _v, ...fields } = input;
  await checkMeasure(deps, db, actor, { ...found, ...fields } as MeasureUpdate);
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const row = await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    const m = await repo.updateMeasure(tx, id, patch);
    await recordAudit(tx, actor, { action: 'update', entityType: 'support_measure', entityId: id, regionCode: m.regionCode, householdId: m.householdId, before, after: m });
    return m;
  });
  return toMeasureView(row);
}

/**
 * Deletes a support measure, based on the version read (If-Match or `?version=`).
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION
 */
export async function deleteMeasure(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findMeasure(db, id), 'measure', id);
  await assertHouseholdActive(db, found.householdId);
  await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    await repo.deleteMeasure(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'support_measure', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}
