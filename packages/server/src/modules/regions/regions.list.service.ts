import { AppError, parseRegionCode, REGION_LEVELS, type ParsedRegionCode, type RegionChangeReport } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { toRegion } from './regions.admin.service.ts';
import * as repo from './regions.repo.ts';

/** One row of a region list (a file row, or a record of the public dataset). */
export type RegionListRow = { row: number; code: string; name: string; urbanRuralCode?: string | null; problem?: { reasonZh: string; reasonEn: string } };

type Accepted = { row: RegionListRow; parsed: ParsedRegionCode };
const LEVEL_ORDER = (l: string) => (REGION_LEVELS as readonly string[]).indexOf(l);
const INSERT_BATCH = 500;

/**
 * Applies a region list to the admin's county in ONE transaction: levels and parents come from the codes; an
 * existing code whose name changed is renamed, a new code is added (its parent must exist or be in the list);
 * the county and its ancestors are accepted as unchanged; rows outside the county, bad codes, retired codes
 * under another name and rows without a parent are refused per row with the reason. One audit entry per
 * changed region. A second run of the same list changes nothing.
 * @throws AppError FORBIDDEN unless admin
 */
export async function applyRegionList(deps: Deps, actor: Actor, rows: readonly RegionListRow[]): Promise<RegionChangeReport> {
  assertAdmin(actor);
  const db = deps.db.db;
  const scope = actor.scopePrefix;
  const county = await repo.findRegion(db, actor.regionCode);
  const countyName = county ? `${county.name}（${scope}）` : scope;
  const report: RegionChangeReport = { added: [], renamed: [], unchanged: 0, refused: [] };
  const refuse = (r: RegionListRow, reasonZh: string, reasonEn: string) => report.refused.push({ row: r.row, code: r.code, name: r.name, reasonZh, reasonEn });

  const seen = new Map<string, string>();
  const accepted: Accepted[] = [];
  for (const r of rows) {
    if (r.problem) {
      refuse(r, r.problem.reasonZh, r.problem.reasonEn);
      continue;
    }
    const parsed = parseRegionCode(r.code);
    if (!parsed.ok) {
      refuse(r, parsed.reasonZh, parsed.reasonEn);
      continue;
    }
    if (!r.name) {
      refuse(r, '名称为空', 'the name is empty');
      continue;
    }
    if (scope.startsWith(parsed.prefix)) {
      report.unchanged++; // the county itself or its city / province: kept as they are
      continue;
    }
    if (!parsed.prefix.startsWith(scope)) {
      refuse(r, `不在本县 ${countyName} 范围内`, `outside your county ${county?.name ?? ''} (${scope})`);
      continue;
    }
    const dup = seen.get(parsed.code);
    if (dup !== undefined) {
      if (dup === r.name) report.unchanged++;
      else refuse(r, `代码在文件中重复，前面一行的名称是“${dup}”`, `the code appears twice in the list; the earlier row names it "${dup}"`);
      continue;
    }
    seen.set(parsed.code, r.name);
    accepted.push({ row: r, parsed });
  }

  // parents first: townships, then villages, then groups (stable within a level)
  accepted.sort((a, b) => LEVEL_ORDER(a.parsed.level) - LEVEL_ORDER(b.parsed.level));
  const existing = new Map((await repo.listRegionsUnder(db, scope, REGION_LEVELS)).map((r) => [r.code, r]));
  const active = new Set([...existing.values()].filter((r) => !r.retiredAt).map((r) => r.code));
  if (county) active.add(county.code);
  const toInsert: repo.RegionInsert[] = [];
  const toRename: { before: repo.RegionRow; name: string; urbanRuralCode: string | null }[] = [];
  const toReclassify: { before: repo.RegionRow; urbanRuralCode: string }[] = [];
  for (const { row, parsed } of accepted) {
    const urc = row.urbanRuralCode || null;
    const old = existing.get(parsed.code);
    if (old) {
      if (old.name === row.name) {
        report.unchanged++;
        if (urc && urc !== old.urbanRuralCode) toReclassify.push({ before: old, urbanRuralCode: urc });
      } else if (old.retiredAt) {
        refuse(
          row,
          `该代码原为“${old.name}”，已撤销；区划代码不能用于其他地方`,
          `this code belonged to ${old.name}, which is retired; a region code is never reused for another place`,
        );
      } else {
        toRename.push({ before: old, name: row.name, urbanRuralCode: urc ?? old.urbanRuralCode });
        report.renamed.push({ code: parsed.code, from: old.name, to: row.name });
      }
      continue;
    }
    const parentCode = parsed.parentCode!;
    if (!active.has(parentCode)) {
      const p = existing.get(parentCode);
      if (p?.retiredAt) refuse(row, `上级区划“${p.name}”（${parentCode}）已撤销`, `the parent region ${p.name} (${parentCode}) is retired`);
      else
        refuse(
          row,
          `上级区划 ${parentCode} 不存在：请在文件中加入该行，或先添加上级区划`,
          `the parent region ${parentCode} does not exist: add its row to the list, or add the parent first`,
        );
      continue;
    }
    active.add(parsed.code);
    toInsert.push({ code: parsed.code, prefix: parsed.prefix, level: parsed.level, name: row.name, parentCode, urbanRuralCode: urc });
    report.added.push({ code: parsed.code, name: row.name, level: parsed.level });
  }
  report.refused.sort((a, b) => a.row - b.row);
  if (toInsert.length === 0 && toRename.length === 0 && toReclassify.length === 0) return report;

  await db.transaction(async (tx) => {
    for (let i = 0; i < toInsert.length; i += INSERT_BATCH) {
      const inserted = await repo.insertRegions(tx, toInsert.slice(i, i + INSERT_BATCH));
      for (const r of inserted) await recordAudit(tx, actor, { action: 'create', entityType: 'region', entityId: r.code, regionCode: r.code, after: toRegion(r) });
    }
    const updates = [
      ...toRename.map((u) => ({ action: 'rename', before: u.before, set: { name: u.name, urbanRuralCode: u.urbanRuralCode } })),
      ...toReclassify.map((u) => ({ action: 'update', before: u.before, set: { urbanRuralCode: u.urbanRuralCode } })),
    ];
    // a bulk import is its own confirmed action: no version is asked, but every region it changes gets a new one,
    // so an officer's rename based on the old version is refused as stale; `before` is read locked, in here
    for (const u of updates) {
      const before = (await repo.lockRegion(tx, u.before.code)) ?? u.before;
      const after = await repo.updateRegion(tx, u.before.code, u.set);
      await recordAudit(tx, actor, {
        action: u.action,
        entityType: 'region',
        entityId: u.before.code,
        regionCode: u.before.code,
        before: toRegion(before),
        after: toRegion(after),
      });
    }
  });
  return report;
}

/** @throws AppError IMPORT_REJECTED (422) with the reason in Chinese and English */
export function rejectList(messageZh: string, messageEn: string, extra?: Record<string, unknown>): AppError {
  return new AppError('IMPORT_REJECTED', messageEn, { issues: [{ path: 'file', messageZh, messageEn }], messageZh, messageEn, ...extra });
}
