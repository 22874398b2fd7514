import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '@chanbang/db';
import type { Actor, Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';

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
  if (f.from) conds.push(gte(auditLog.at, sql`${f.from}::date`));
  if (f.to) conds.push(lt(auditLog.at, sql`(${f.to}::date + 1)`));
  return and(...conds);
}

export async function listAudit(db: Conn, f: AuditFilter, limit: number, offset: number) {
  const where = auditWhere(f);
  const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { rows, total: c?.n ?? 0 };
}

/** Audit entries of a household and of its members, incomes, measures, cases and helper links. */
export async function listHouseholdHistory(db: Conn, householdId: number) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.householdId, householdId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);
}
