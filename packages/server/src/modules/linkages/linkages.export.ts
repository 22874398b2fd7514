import ExcelJS from 'exceljs';
import { API_LIMITS, DICT, dictLabelZh, fenToYuan, getDictItems, LINKAGE_IMPORT_COLUMNS, type LinkageListQuery } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import * as repo from './linkages.repo.ts';

/** Most rows one export carries (a county's linkages of a year are a few thousand). */
export const LINKAGE_EXPORT_MAX_ROWS = API_LIMITS.pageSizeMax * 250;

/** Columns of the export, in the officers' words (the import of linkage rows reads the same headers). */
export const LINKAGE_EXPORT_HEADERS = [
  '年度',
  '带动主体',
  '户编号',
  '户主姓名',
  '所在村',
  '联农带农方式',
  '开始日期',
  '结束日期',
  '收入（元）',
  '收入类型',
  '是否已计入当年收入',
  '备注',
];

/**
 * `GET /linkages/export.xlsx`: the filtered linkages of households in the scope (names and 户编号 only, no ID number
 * or phone), audited. @throws AppError NOT_FOUND for a region outside the scope
 */
export async function exportLinkagesXlsx(deps: Deps, actor: Actor, q: Omit<LinkageListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const rows = await repo.listLinkages(db, { prefix, entityId: q.entityId, householdId: q.householdId, year: q.year, mode: q.mode }, { limit: LINKAGE_EXPORT_MAX_ROWS, offset: 0 });
  const modes = getDictItems(DICT.linkageMode);
  const types = getDictItems(DICT.incomeType);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('联农带农');
  // the columns of the import file, so that an export can be corrected and imported again
  ws.columns = LINKAGE_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.year,
      r.entityName,
      r.creditCode ?? '',
      r.householdNo,
      r.headName ?? '',
      r.villageName ?? '',
      dictLabelZh(modes, r.mode),
      r.startDate ?? '',
      r.endDate ?? '',
      fenToYuan(r.incomeFen),
      dictLabelZh(types, r.incomeType),
      r.carriedAt ? '是' : '否',
      r.note ?? '',
    ]);
  }
  ws.getColumn(10).numFmt = '0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await recordAudit(db, actor, { action: 'export', entityType: 'linkage', entityId: null, regionCode: prefix, after: { filters: { ...q }, rows: rows.length, format: 'xlsx' } });
  return buf;
}
