import { and, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, households, persons } from '@chanbang/db';
import type { Actor, Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string | number | null;
  regionCode: string | null;
  /** household the entry belongs to, for its history */
  householdId?: number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * THE audit helper: every write of every service calls it inside its transaction.
 * @param tx transaction (or db) handle
 * @param actor who did it (null for system actions)
 */
export async function recordAudit(tx: Conn, actor: Pick<Actor, 'id' | 'displayName' | 'requestId'> | null, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    regionCode: entry.regionCode,
    householdId: entry.householdId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
    requestId: actor?.requestId ?? null,
  });
}

export type AuditFilter = {
  scopePrefix: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  /** part of the actor's name */
  actor?: string | undefined;
  /** 户编号 prefix */
  householdNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function auditWhere(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  // global entries (users, dictionaries) have no region; admins see them
  conds.push(or(scopeWhere(auditLog.regionCode, f.scopePrefix), sql`${auditLog.regionCode} IS NULL`) as SQL);
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actor) conds.push(ilike(auditLog.actorName, `%${escapeLike(f.actor)}%`));
  if (f.householdNo) conds.push(like(households.householdNo, `${escapeLike(f.householdNo)}%`));
  if (f.from) conds.push(gte(auditLog.at, sql`${f.from}::date`));
  if (f.to) conds.push(lt(auditLog.at, sql`(${f.to}::date + 1)`));
  return and(...conds);
}

const head = alias(persons, 'audit_head');

/** Audit columns plus the household's 户编号 and 户主 (when the entry belongs to a household). */
function selectWithHousehold(db: Conn) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      regionCode: auditLog.regionCode,
      householdId: auditLog.householdId,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
      householdNo: households.householdNo,
      householdHeadName: head.name,
    })
    .from(auditLog)
    .leftJoin(households, eq(households.id, auditLog.householdId))
    .leftJoin(head, and(eq(head.householdId, auditLog.householdId), eq(head.isHead, true)));
}

export type AuditRow = Awaited<ReturnType<typeof listHouseholdHistory>>[number];

export async function listAudit(db: Conn, f: AuditFilter, limit: number, offset: number) {
  const where = auditWhere(f);
  const rows = await selectWithHousehold(db).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset);
  const count = db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  const [c] = await (f.householdNo ? count.leftJoin(households, eq(households.id, auditLog.householdId)) : count).where(where);
  return { rows, total: c?.n ?? 0 };
}

/** Audit entries of a household and of its members, incomes, measures, cases and helper links. */
export async function listHouseholdHistory(db: Conn, householdId: number) {
  return selectWithHousehold(db).where(eq(auditLog.householdId, householdId)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(500);
}
