import { AppError, API_LIMITS, maskPhone, type HelperCreate, type HelperView, type HouseholdHelperAssign, type Issue } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { getWritableHousehold } from '../households/household-access.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope, isInScope } from '../regions/scope.ts';
import * as repo from './helpers.repo.ts';

/** A helper as a role sees it: the phone masked unless `pii` (the one place helper phones are shown). */
function toView(h: repo.HelperRow, pii: boolean): HelperView {
  return {
    id: h.id,
    regionCode: h.regionCode,
    name: h.name,
    role: h.role,
    organisation: h.organisation,
    phone: h.phone === null || pii ? h.phone : maskPhone(h.phone),
    version: h.version,
  };
}

/** Helpers in the scope (phones masked unless the role may see them). @throws AppError NOT_FOUND for an out-of-scope region */
export async function listHelpers(deps: Deps, actor: Actor, q: { regionCode?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  const { rows, total } = await repo.listHelpers(deps.db.db, prefix, q.q, Math.min(q.pageSize, API_LIMITS.pageSizeMax), (q.page - 1) * q.pageSize);
  const pii = seesPii(actor);
  return { items: rows.map((r) => toView(r, pii)), total, page: q.page, pageSize: q.pageSize };
}

/** Registers a helper in a region of the scope. @throws AppError FORBIDDEN, VALIDATION_FAILED */
export async function createHelper(deps: Deps, actor: Actor, input: HelperCreate): Promise<HelperView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  const issues: Issue[] = [];
  checkDictCode(await loadDictIndex(deps), 'helper_role', input.role, 'role', issues);
  if (!(await findRegion(db, input.regionCode))) issues.push({ path: 'regionCode', value: input.regionCode, messageZh: '区划不存在', messageEn: 'region not found' });
  throwIfIssues(issues, 'helper is invalid');
  const row = await db.transaction(async (tx) => {
    const h = await repo.insertHelper(tx, { ...input, organisation: input.organisation ?? null, phone: input.phone ?? null });
    await recordAudit(tx, actor, { action: 'create', entityType: 'helper', entityId: h.id, regionCode: h.regionCode, after: h });
    return h;
  });
  return toView(row, seesPii(actor));
}

/**
 * Makes a helper accountable for a household (结对帮扶).
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (helper outside the scope), CONFLICT (already paired)
 */
export async function assignHelper(deps: Deps, actor: Actor, householdId: number, input: HouseholdHelperAssign) {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const helper = await repo.findHelper(db, input.helperId);
  if (!helper || !isInScope(actor, helper.regionCode)) {
    throw new AppError('VALIDATION_FAILED', 'helper not found', {
      issues: [{ path: 'helperId', value: input.helperId, messageZh: '帮扶责任人不存在', messageEn: 'helper not found' }],
    });
  }
  const link = await db.transaction(async (tx) => {
    const l = await repo.insertHouseholdHelper(tx, {
      householdId,
      helperId: helper.id,
      regionCode: h.regionCode,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    if (!l) throw new AppError('CONFLICT', 'helper already paired with this household', { householdId, helperId: helper.id });
    await recordAudit(tx, actor, { action: 'create', entityType: 'household_helper', entityId: l.id, regionCode: h.regionCode, householdId, after: l });
    return l;
  });
  return { ...toView(helper, seesPii(actor)), helperId: helper.id, startDate: link.startDate, endDate: link.endDate };
}
