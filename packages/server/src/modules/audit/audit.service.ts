import { maskPersonalFields, type AuditEntry } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { assertAdmin, seesPii } from '../auth/auth.guard.ts';
import { getReadableHousehold } from '../households/household-access.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import * as repo from './audit.repo.ts';

/** A field of a before/after record, when it is a string. */
function recorded(value: unknown, key: string): string | null {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v ? v : null;
}

/** The head's name in a household's recorded members (a household removed for good has no row to join). */
function recordedHead(value: unknown): string | null {
  const members = value && typeof value === 'object' ? (value as { members?: unknown }).members : undefined;
  if (!Array.isArray(members)) return null;
  const h = members.find((m) => m && typeof m === 'object' && (m as { isHead?: unknown }).isHead === true) as { name?: unknown } | undefined;
  return typeof h?.name === 'string' ? h.name : null;
}

/**
 * An audit entry as a role sees it: ID numbers and phones inside the recorded before/after snapshots are masked
 * at read time unless `pii` (the log itself keeps the full values for the county).
 */
function toEntry(r: repo.AuditRow, pii: boolean): AuditEntry {
  const own = r.entityType === 'household';
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    regionCode: r.regionCode,
    householdId: r.householdId,
    householdNo: r.householdNo ?? (own ? (recorded(r.before, 'householdNo') ?? recorded(r.after, 'householdNo')) : null),
    householdHeadName: r.householdHeadName ?? (own ? (recordedHead(r.before) ?? recordedHead(r.after) ?? recorded(r.before, 'headName') ?? recorded(r.after, 'headName')) : null),
    before: pii ? r.before : maskPersonalFields(r.before),
    after: pii ? r.after : maskPersonalFields(r.after),
    requestId: r.requestId,
  };
}

/**
 * Browses the audit log within the admin's scope.
 * @throws AppError FORBIDDEN for non-admins
 */
export async function listAudit(
  deps: Deps,
  actor: Actor,
  q: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    actorId?: number | undefined;
    action?: string | undefined;
    actor?: string | undefined;
    householdNo?: string | undefined;
    regionCode?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  assertAdmin(actor);
  const scopePrefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  const { rows, total } = await repo.listAudit(deps.db.db, { ...q, scopePrefix }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => toEntry(r, seesPii(actor))), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Audit entries of a household and its members, incomes, measures, cases and helper links (newest first).
 * @throws AppError NOT_FOUND when the household is out of scope
 */
export async function getHouseholdHistory(deps: Deps, actor: Actor, householdId: number): Promise<{ items: AuditEntry[] }> {
  await getReadableHousehold(deps.db.db, actor, householdId);
  return { items: (await repo.listHouseholdHistory(deps.db.db, householdId)).map((r) => toEntry(r, seesPii(actor))) };
}
