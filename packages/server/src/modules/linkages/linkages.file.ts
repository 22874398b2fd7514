import type { Readable } from 'node:stream';
import { checkLinkageImportRow, LINKAGE_IMPORT_COLUMNS, yuanToFen, type Issue, type LinkageImportKey, type LinkageImportRecord } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './linkages.repo.ts';

/** 联农带农 file import (synchronous, all rows or none), on the generic record import of modules/imports. */

const COLUMNS = LINKAGE_IMPORT_COLUMNS as unknown as readonly RecordColumn<LinkageImportKey>[];

export function linkageTemplate(): Promise<Buffer> {
  return recordTemplate('联农带农', COLUMNS, [['2024', '某某食品有限公司', '', '（户编号）', '', '', '务工就业', '2024-03-01', '2024-11-30', '4800', '工资性收入', '', '']]);
}

type Planned = { row: number; record: LinkageImportRecord; entityId: number; householdId: number; regionCode: string };

/**
 * `POST /api/v1/linkages/import`: every row checked by the domain and matched with a household of the write scope
 * (by 户编号, still in the registry) and an entity of its county (by credit code, else by name); any error → 422
 * with every row issue and nothing written; else one transaction adding a linkage or replacing the figures of the
 * recorded one (entity, household, mode, year) — one not yet carried into the income — with an audit entry per row.
 * @throws AppError FORBIDDEN (read-only role), IMPORT_REJECTED (422)
 */
export async function importLinkageFile(deps: Deps, actor: Actor, stream: Readable): Promise<{ added: number; updated: number }> {
  assertCanWrite(actor);
  const { checked, issues, col, add } = await readCheckedFile(deps.config, stream, COLUMNS, checkLinkageImportRow);

  const db = deps.db.db;
  const hhs = await repo.findHouseholdsByNos(db, [...new Set(checked.map((c) => c.record.householdNo))]);
  const ents = await repo.findEntitiesByNamesOrCodes(
    db,
    [...new Set(checked.map((c) => c.record.entityName))],
    [...new Set(checked.map((c) => c.record.creditCode).filter((c): c is string => c !== null))],
  );
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const { row, record } of checked) {
    const h = hhs.find((x) => x.householdNo === record.householdNo);
    // a household outside the scope is reported like a missing one: the file names no other area's household
    if (!h || !isInScope(actor, h.regionCode)) {
      add(row, 'householdNo', record.householdNo, '户编号不存在或不在您的管辖范围内', 'no household with this number in your area');
      continue;
    }
    if (h.exitReason !== null || h.deletedAt) {
      add(row, 'householdNo', record.householdNo, '该户已自然减少（只读），不能导入带动记录', 'the household left the registry (read-only)');
      continue;
    }
    const county = h.regionCode.slice(0, 6);
    const candidates = record.creditCode
      ? ents.filter((e) => e.creditCode === record.creditCode)
      : ents.filter((e) => e.name === record.entityName && e.regionCode.startsWith(county));
    if (candidates.length === 0 || !candidates[0]!.regionCode.startsWith(county)) {
      add(
        row,
        record.creditCode ? 'creditCode' : 'entityName',
        record.creditCode ?? record.entityName,
        '该户所在县（市、区）没有登记此经营主体',
        'no such entity in the household’s county',
      );
      continue;
    }
    if (candidates.length > 1) {
      add(row, 'entityName', record.entityName, '同名经营主体不止一个，请填写统一社会信用代码', 'several entities have this name: give the credit code');
      continue;
    }
    const entityId = candidates[0]!.id;
    const key = `${entityId}|${h.id}|${record.mode}|${record.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      add(row, 'mode', record.mode, `与第 ${first} 行的主体、户、方式和年度相同`, `same entity, household, mode and year as row ${first}`);
      continue;
    }
    seen.set(key, row);
    planned.push({ row, record, entityId, householdId: h.id, regionCode: h.regionCode });
  }
  if (issues.length) throw rowIssuesError(issues);

  return db.transaction(async (tx) => {
    let added = 0;
    let updated = 0;
    const refused: Issue[] = [];
    for (const p of planned) {
      const r = p.record;
      const values = {
        startDate: r.startDate,
        endDate: r.endDate,
        incomeFen: yuanToFen(r.amountYuan, 'amountYuan'),
        incomeType: r.incomeType,
        note: r.note,
      };
      const before = await repo.lockLinkageByKey(tx, { entityId: p.entityId, householdId: p.householdId, mode: r.mode, year: r.year });
      if (before?.carriedAt) {
        refused.push({
          row: p.row,
          path: col('amountYuan'),
          field: 'amountYuan',
          value: r.amountYuan,
          messageZh: '该带动记录已计入当年收入，不能通过导入修改',
          messageEn: 'this linkage was carried into the income: an import cannot change it',
        });
        continue;
      }
      if (before) {
        const after = await repo.updateLinkage(tx, before.id, values);
        await recordAudit(tx, actor, {
          action: 'import_update',
          entityType: 'linkage',
          entityId: after.id,
          regionCode: after.regionCode,
          householdId: after.householdId,
          before,
          after,
        });
        updated++;
      } else {
        const after = await repo.insertLinkage(tx, { ...values, entityId: p.entityId, householdId: p.householdId, regionCode: p.regionCode, mode: r.mode, year: r.year });
        if (!after) throw rowIssuesError([{ row: p.row, path: col('mode'), field: 'mode', messageZh: '该带动记录已存在', messageEn: 'the linkage exists' }]);
        await recordAudit(tx, actor, { action: 'import_create', entityType: 'linkage', entityId: after.id, regionCode: after.regionCode, householdId: after.householdId, after });
        added++;
      }
    }
    // nothing half-written: a refused row rolls the whole file back
    if (refused.length) throw rowIssuesError(refused);
    return { added, updated };
  });
}
