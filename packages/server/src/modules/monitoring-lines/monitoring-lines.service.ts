import { AppError, POLICY_PACKS, type MonitoringLine, type MonitoringLineUpsert, type MonitoringLineView } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import * as repo from './monitoring-lines.repo.ts';

function toView(r: repo.LineRow): MonitoringLineView {
  return { provinceCode: r.provinceCode, year: r.year, amountYuan: r.amountYuan, source: r.source, confirmed: r.confirmed, updatedAt: r.updatedAt.toISOString() };
}

/**
 * Seeds the table from the built-in packs' placeholder lines (confirmed = false) when it is empty, like the
 * dictionaries. Returns the number of lines inserted.
 */
export async function seedMonitoringLinesIfEmpty(db: Conn): Promise<number> {
  if ((await repo.countLines(db)) > 0) return 0;
  const seen = new Map<string, MonitoringLine>();
  for (const p of POLICY_PACKS) for (const l of p.monitoringLines) seen.set(`${l.provinceCode}-${l.year}`, l);
  const rows = [...seen.values()].map((l) => ({ provinceCode: l.provinceCode, year: l.year, amountYuan: l.amountYuan, source: l.source, confirmed: l.confirmed }));
  await repo.insertLines(db, rows);
  return rows.length;
}

/** The monitoring lines the rules read (all provinces, or one). */
export async function loadLines(db: Conn, provinceCode?: string): Promise<MonitoringLine[]> {
  return (await repo.listLines(db, provinceCode)).map((r) => ({ provinceCode: r.provinceCode, year: r.year, amountYuan: r.amountYuan, source: r.source, confirmed: r.confirmed }));
}

/** Every line, for any logged-in user (the income tab and the elimination check show them). */
export async function listLines(deps: Deps, provinceCode?: string): Promise<{ items: MonitoringLineView[] }> {
  return { items: (await repo.listLines(deps.db.db, provinceCode)).map(toView) };
}

/**
 * Sets a province's line of a year (admin), audited.
 * @throws AppError FORBIDDEN for non-admins
 */
export async function putLine(deps: Deps, actor: Actor, provinceCode: string, year: number, input: MonitoringLineUpsert): Promise<MonitoringLineView> {
  assertAdmin(actor);
  const row = await deps.db.db.transaction(async (tx) => {
    const before = await repo.findLine(tx, provinceCode, year);
    const after = await repo.upsertLine(tx, { provinceCode, year, amountYuan: input.amountYuan, source: input.source, confirmed: input.confirmed, updatedBy: actor.id });
    await recordAudit(tx, actor, { action: before ? 'update' : 'create', entityType: 'monitoring_line', entityId: `${provinceCode}-${year}`, regionCode: null, before: before ?? null, after });
    return after;
  });
  return toView(row);
}

/**
 * Removes a line (admin), audited.
 * @throws AppError FORBIDDEN for non-admins, NOT_FOUND when there is no such line
 */
export async function deleteLine(deps: Deps, actor: Actor, provinceCode: string, year: number): Promise<void> {
  assertAdmin(actor);
  await deps.db.db.transaction(async (tx) => {
    const before = await repo.findLine(tx, provinceCode, year);
    if (!before) throw new AppError('NOT_FOUND', `no monitoring line for ${provinceCode} ${year}`, { provinceCode, year });
    await repo.deleteLine(tx, provinceCode, year);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'monitoring_line', entityId: `${provinceCode}-${year}`, regionCode: null, before });
  });
}
