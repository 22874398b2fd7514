import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  checkEntityImportRow,
  dictLabelZh,
  ENTITY_IMPORT_COLUMNS,
  getDictItems,
  maskPhone,
  type EntityImportKey,
  type EntityImportRecord,
  type EntityImportReport,
  type EntityListQuery,
  type Issue,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './entities.repo.ts';
import { entityFilter } from './entities.service.ts';

/** 经营主体 file import (synchronous, all or nothing) and export (masked per role). */

const COLUMNS = ENTITY_IMPORT_COLUMNS as unknown as readonly RecordColumn<EntityImportKey>[];
/** Rows an export holds at most (a county has a few thousand entities). */
export const ENTITY_EXPORT_MAX = 50_000;

export function entityTemplate(): Promise<Buffer> {
  return recordTemplate('经营主体', COLUMNS, [
    ['大王镇苹果种植专业合作社', '农民专业合作社', '411282100201', '93411282MA9G5XQ10H', '县级', '是', '王建国', '王建国', '', '大王镇大王村', '2018-05-20', '', ''],
  ]);
}

/** Phones in an issue's value are masked for masked roles (import errors are a response like any other). */
function maskIssue(i: Issue, pii: boolean): Issue {
  if (pii || i.field !== 'contactPhone' || typeof i.value !== 'string') return i;
  return { ...i, value: maskPhone(i.value) };
}

type Planned = { row: number; record: EntityImportRecord; existing: repo.EntityRow | undefined };

/**
 * `POST /api/v1/entities/import`: every row checked by the domain and against the database (seat and served
 * villages exist, in the scope, credit codes not repeated in the file nor another's); any error → 422 with every
 * row issue and nothing written; else one transaction adding or updating (key: the credit code, else name +
 * seat) with an audit entry per row.
 * @throws AppError FORBIDDEN (read-only role), IMPORT_REJECTED (422)
 */
export async function importEntityFile(deps: Deps, actor: Actor, stream: Readable): Promise<EntityImportReport> {
  assertCanWrite(actor);
  const pii = seesPii(actor);
  const { checked, issues, add } = await readCheckedFile(deps.config, stream, COLUMNS, checkEntityImportRow);
  const db = deps.db.db;

  const allCodes = [...new Set(checked.flatMap((c) => [c.record.regionCode, ...c.record.servedRegionCodes]))];
  const levels = new Map((await repo.existingRegions(db, allCodes)).map((r) => [r.code, r.level]));
  const byCode = new Map(
    (
      await repo.findEntitiesByCreditCodes(
        db,
        checked.map((c) => c.record.creditCode).filter((c): c is string => c !== null),
      )
    ).map((e) => [e.creditCode, e]),
  );
  const byName = await repo.findEntitiesByNameAndRegion(
    db,
    checked.filter((c) => !c.record.creditCode).map((c) => ({ name: c.record.name, regionCode: c.record.regionCode })),
  );
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const planned: Planned[] = [];
  for (const { row, record } of checked) {
    const level = levels.get(record.regionCode);
    if (!level || !['county', 'township', 'village'].includes(level))
      add(row, 'regionCode', record.regionCode, '所在地区划不存在或已撤并，应为县、乡镇或行政村', 'the seat region does not exist');
    else if (!isInScope(actor, record.regionCode)) add(row, 'regionCode', record.regionCode, '所在地不在您的管辖范围内', 'the seat is outside your area');
    const badServed = record.servedRegionCodes.filter((c) => levels.get(c) !== 'village');
    if (badServed.length)
      add(row, 'servedRegionCodes', badServed.join('、'), `带动村不存在或不是行政村：${badServed.join('、')}`, `served villages not found: ${badServed.join(', ')}`);
    let existing: repo.EntityRow | undefined;
    if (record.creditCode) {
      const first = seenCodes.get(record.creditCode);
      if (first !== undefined) add(row, 'creditCode', record.creditCode, `统一社会信用代码与第 ${first} 行重复`, `the credit code repeats row ${first}`);
      else seenCodes.set(record.creditCode, row);
      existing = byCode.get(record.creditCode);
    } else {
      const k = `${record.regionCode}|${record.name}`;
      const first = seenNames.get(k);
      if (first !== undefined) add(row, 'name', record.name, `与第 ${first} 行的主体名称和所在地相同`, `same name and seat as row ${first}`);
      else seenNames.set(k, row);
      existing = byName.find((e) => e.name === record.name && e.regionCode === record.regionCode && e.creditCode === null);
    }
    if (existing && !isInScope(actor, existing.regionCode)) {
      add(row, 'creditCode', record.creditCode, '该统一社会信用代码已由其他地区的经营主体登记', 'this credit code is registered outside your area');
      existing = undefined;
    } else if (existing?.status === 'closed') {
      add(row, 'name', record.name, `经营主体「${existing.name}」已注销（停业），不能通过导入修改`, 'the entity is closed and cannot be updated by an import');
    }
    planned.push({ row, record, existing });
  }
  if (issues.length) throw rowIssuesError(issues.map((i) => maskIssue(i, pii)));

  return db.transaction(async (tx) => {
    let added = 0;
    let updated = 0;
    for (const { record, existing } of planned) {
      const values = { ...record, name: record.name.trim(), servedRegionCodes: [...new Set(record.servedRegionCodes)] };
      if (existing) {
        const before = await repo.lockEntity(tx, existing.id);
        const after = await repo.updateEntity(tx, existing.id, values);
        await recordAudit(tx, actor, { action: 'import_update', entityType: 'entity', entityId: after.id, regionCode: after.regionCode, before, after });
        updated++;
      } else {
        const after = await repo.insertEntity(tx, values);
        await recordAudit(tx, actor, { action: 'import_create', entityType: 'entity', entityId: after.id, regionCode: after.regionCode, after });
        added++;
      }
    }
    return { added, updated };
  });
}

/** `GET /api/v1/entities/export.xlsx`: the filtered entities, phones masked per role, audited. */
export async function exportEntitiesXlsx(deps: Deps, actor: Actor, q: Omit<EntityListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const db = deps.db.db;
  const f = await entityFilter(deps, actor, q);
  const rows = await repo.listEntitiesForExport(db, f, ENTITY_EXPORT_MAX);
  const inds = await repo.industriesOf(
    db,
    rows.map((r) => r.entity.id),
  );
  const pii = seesPii(actor);
  const types = getDictItems('entity_type');
  const grades = getDictItems('entity_level');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('经营主体');
  ws.columns = [
    ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 })),
    { header: '所在地', key: 'regionName', width: 16 },
    { header: '所属产业', key: 'industries', width: 24 },
    { header: '状态', key: 'status', width: 10 },
    { header: '注销日期', key: 'closedOn', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const { entity: e, regionName } of rows) {
    ws.addRow({
      name: e.name,
      entityType: dictLabelZh(types, e.entityType),
      regionCode: e.regionCode,
      creditCode: e.creditCode ?? '',
      level: e.level ? dictLabelZh(grades, e.level) : '',
      partyLed: e.partyLed ? '是' : '否',
      legalPerson: e.legalPerson ?? '',
      contactName: e.contactName ?? '',
      contactPhone: e.contactPhone === null ? '' : pii ? e.contactPhone : maskPhone(e.contactPhone),
      address: e.address ?? '',
      establishedOn: e.establishedOn ?? '',
      servedRegionCodes: e.servedRegionCodes.join('、'),
      note: e.note ?? '',
      regionName: regionName ?? '',
      industries: inds
        .filter((i) => i.entityId === e.id)
        .map((i) => i.name)
        .join('、'),
      status: e.status === 'closed' ? '已注销' : '正常',
      closedOn: e.closedOn ?? '',
    });
  }
  await recordAudit(db, actor, { action: 'export', entityType: 'entity', entityId: null, regionCode: f.prefix.padEnd(12, '0'), after: { rows: rows.length, filter: { ...q } } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
