import { AppError, POLICY_PACKS, type MonitoringLine, type MonitoringLineUpsert, type MonitoringLineView } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { checkVersion } from '../../versioning.ts';
import * as repo from './monitoring-lines.repo.ts';

function toView(r: repo.LineRow): MonitoringLineView {
  return {
    provinceCode: r.provinceCode,
    year: r.year,
    amountYuan: r.amountYuan,
    source: r.source,
    confirmed: r.confirmed,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
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

/** The answer to a save based on a line that another admin has removed since. */
function removedMeanwhile(provinceCode: string, year: number, sent: number): AppError {
  return new AppError('STALE_VERSION', `monitoring line ${provinceCode}-${year} was removed (version ${sent} was read)`, {
    current: null,
    issues: [{ path: 'version', messageZh: `${year} 年的监测范围已被他人删除，请重新载入后再保存`, messageEn: `Someone else removed the ${year} line; reload and save again` }],
  });
}

/**
 * Sets a province's line of a year (admin), audited. A line that exists changes only with the version read; a
 * missing one is created without (a version sent for a line removed since, or a creation that lost the race to
 * another admin's, is stale).
 * @throws AppError FORBIDDEN for non-admins, VERSION_REQUIRED, STALE_VERSION (with the line as now, null when removed)
 */
export async function putLine(deps: Deps, actor: Actor, provinceCode: string, year: number, input: MonitoringLineUpsert, version: number | undefined): Promise<MonitoringLineView> {
  assertAdmin(actor);
  const values = { amountYuan: input.amountYuan, source: input.source, confirmed: input.confirmed, updatedBy: actor.id };
  const entityId = `${provinceCode}-${year}`;
  const row = await deps.db.db.transaction(async (tx) => {
    const found = await repo.lockLine(tx, provinceCode, year);
    if (!found) {
      if (version !== undefined) throw removedMeanwhile(provinceCode, year, version);
      const created = await repo.insertLine(tx, { provinceCode, year, ...values });
      if (created) {
        await recordAudit(tx, actor, { action: 'create', entityType: 'monitoring_line', entityId, regionCode: null, before: null, after: created });
        return created;
      }
    }
    const before = found ?? (await repo.lockLine(tx, provinceCode, year));
    if (!before) throw new AppError('INTERNAL', `monitoring line ${entityId} vanished`);
    // a creation that lost the race was based on "no line" (version 0)
    await checkVersion(before.version, found ? version : 0, () => toView(before));
    const after = await repo.updateLine(tx, provinceCode, year, values);
    await recordAudit(tx, actor, { action: 'update', entityType: 'monitoring_line', entityId, regionCode: null, before, after });
    return after;
  });
  return toView(row);
}

/**
 * Removes a line (admin), audited; with an If-Match version, only the line as read.
 * @throws AppError FORBIDDEN for non-admins, NOT_FOUND when there is no such line, STALE_VERSION for an If-Match that is stale
 */
export async function deleteLine(deps: Deps, actor: Actor, provinceCode: string, year: number, version?: number): Promise<void> {
  assertAdmin(actor);
  await deps.db.db.transaction(async (tx) => {
    const before = await repo.lockLine(tx, provinceCode, year);
    if (!before) throw new AppError('NOT_FOUND', `no monitoring line for ${provinceCode} ${year}`, { provinceCode, year });
    if (version !== undefined) await checkVersion(before.version, version, () => toView(before));
    await repo.deleteLine(tx, provinceCode, year);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'monitoring_line', entityId: `${provinceCode}-${year}`, regionCode: null, before });
  });
}
