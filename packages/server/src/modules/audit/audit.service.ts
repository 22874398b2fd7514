import { type AuditEntry } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { getReadableHousehold } from '../households/household-access.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import * as repo from './audit.repo.ts';

type AuditRow = Awaited<ReturnType<typeof repo.listHouseholdHistory>>[number];

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id, at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName, action: r.action, entityType: r.entityType,
    entityId: r.entityId, regionCode: r.regionCode, before: r.before, after: r.after, requestId: r.requestId,
  };
}

/**
 * Browses the audit log within the admin's scope.
 * @throws AppError FORBIDDEN for non-admins
 */
export async function listAudit(deps: Deps, actor: Actor, q: { entityType?: string | undefined; entityId?: string | undefined; actorId?: number | undefined; action?: string | undefined; regionCode?: string | undefined; from?: string | undefined; to?: string | undefined; page: number; pageSize: number }) {
  assertAdmin(actor);
  const scopePrefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  const { rows, total } = await repo.listAudit(deps.db.db, { ...q, scopePrefix }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Audit entries of a household and its members, incomes, measures, cases and helper links (newest first).
 * @throws AppError NOT_FOUND when the household is out of scope
 */
export async function getHouseholdHistory(deps: Deps, actor: Actor, householdId: number): Promise<{ items: AuditEntry[] }> {
  await getReadableHousehold(deps.db.db, actor, householdId);
  return { items: (await repo.listHouseholdHistory(deps.db.db, householdId)).map(toEntry) };
}
