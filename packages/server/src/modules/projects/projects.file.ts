import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  DICT,
  PROJECT_IMPORT_COLUMNS,
  checkProjectImportRow,
  dictLabelZh,
  fenToYuan,
  getDictItems,
  yuanToFen,
  type Issue,
  type ProjectImportKey,
  type ProjectImportRecord,
  type ProjectListQuery,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { readRecordFile, recordTemplate, rowIssuesError, withUploadedFile, type RecordColumn } from '../imports/record-import.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './projects.repo.ts';
import { nextProjectNo } from './projects.service.ts';

/** 项目库 file: template, export (the same columns, so an export can be corrected and imported) and import. */

const COLUMNS = PROJECT_IMPORT_COLUMNS as unknown as readonly RecordColumn<ProjectImportKey>[];
/** Most rows one export carries (a county's library of a few years). */
export const PROJECT_EXPORT_MAX_ROWS = 50_000;

export function projectTemplate(): Promise<Buffer> {
  return recordTemplate('项目库', COLUMNS, [
    [
      '',
      '某村高标准蔬菜大棚建设项目',
      '（乡镇或村的 12 位区划代码）',
      '',
      '2025',
      '产业发展',
      '生产项目',
      '1200000',
      '股份合作、务工就业',
      '30',
      '45',
      '否',
      '新建蔬菜大棚 20 座',
      '带动 30 户脱贫户户均增收 2000 元',
      '',
      '',
    ],
  ]);
}

/**
 * `GET /projects/export.xlsx`: the filtered projects of the scope in the import's columns (a project carries no
 * personal data), audited. @throws AppError NOT_FOUND for a region outside the scope
 */
export async function exportProjectsXlsx(deps: Deps, actor: Actor, q: Omit<ProjectListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const rows = await repo.listProjects(db, { prefix, year: q.year, stage: q.stage, projectType: q.projectType, industryId: q.industryId, q: q.q }, PROJECT_EXPORT_MAX_ROWS, 0);
  const types = getDictItems(DICT.projectType);
  const modes = getDictItems(DICT.linkageMode);
  const stages = getDictItems(DICT.projectStage);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目库');
  ws.columns = PROJECT_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const { p, regionName } of rows) {
    ws.addRow([
      p.projectNo,
      p.name,
      p.regionCode,
      regionName ?? '',
      p.year,
      dictLabelZh(types, p.projectType),
      p.projectSubtype ? dictLabelZh(types, p.projectSubtype) : '',
      fenToYuan(p.budgetFen),
      (p.linkageModes ?? []).map((m) => dictLabelZh(modes, m)).join('、'),
      p.drivenHouseholds ?? '',
      p.drivenPersons ?? '',
      p.isClusterProject ? '是' : '否',
      p.constructionContent ?? '',
      p.performanceTarget ?? '',
      dictLabelZh(stages, p.stage),
      p.note ?? '',
    ]);
  }
  ws.getColumn(8).numFmt = '0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await recordAudit(db, actor, { action: 'export', entityType: 'project', entityId: null, regionCode: prefix, after: { filters: { ...q }, rows: rows.length, format: 'xlsx' } });
  return buf;
}

/**
 * `POST /projects/import`: every row checked by the domain (checkProjectImportRow), its place a township or village
 * of the write scope, its number new; any error → 422 with every row issue (row, column, zh/en) and nothing
 * written; else one transaction proposing each project (stage 谋划, number generated when empty), a step and an
 * audit entry per row.
 * @throws AppError FORBIDDEN (read-only role), IMPORT_REJECTED (422)
 */
export async function importProjectFile(deps: Deps, actor: Actor, stream: Readable): Promise<{ created: number; updated: number }> {
  assertCanWrite(actor);
  const file = await withUploadedFile(deps.config, stream, (path) => readRecordFile(path, COLUMNS, deps.config.importLimits));
  const col = (k: ProjectImportKey) => file.columnNames[k] ?? k;
  const issues: Issue[] = [];
  const add = (row: number, key: ProjectImportKey, value: unknown, messageZh: string, messageEn: string) =>
    issues.push({ row, path: col(key), field: key, value, messageZh, messageEn });
  const checked: { row: number; record: ProjectImportRecord }[] = [];
  for (const r of file.rows) {
    const res = checkProjectImportRow(r.row, r.cells, col);
    issues.push(...res.issues);
    if (res.record) checked.push({ row: r.row, record: res.record });
  }
  if (!file.rows.length) issues.push({ path: 'file', messageZh: '文件中没有数据行', messageEn: 'The file has no data rows' });
  const db = deps.db.db;
  const places = await repo.findRegions(db, [...new Set(checked.map((c) => c.record.regionCode))]);
  const taken = new Set(
    await repo.takenProjectNos(
      db,
      checked.map((c) => c.record.projectNo).filter((n): n is string => n !== null),
    ),
  );
  const seen = new Map<string, number>();
  for (const { row, record } of checked) {
    const place = places.find((p) => p.code === record.regionCode);
    // a place outside the scope is reported like a missing one: the file learns nothing of other areas
    if (!place || !isInScope(actor, place.code) || place.retiredAt || (place.level !== 'township' && place.level !== 'village')) {
      add(row, 'regionCode', record.regionCode, '实施地点代码不是您管辖范围内在用的乡镇或行政村', 'not an active township or village of your area');
    }
    if (record.projectNo) {
      if (taken.has(record.projectNo)) add(row, 'projectNo', record.projectNo, `项目编号 ${record.projectNo} 已存在`, `project number ${record.projectNo} already exists`);
      const first = seen.get(record.projectNo);
      if (first !== undefined) add(row, 'projectNo', record.projectNo, `与第 ${first} 行的项目编号相同`, `same project number as row ${first}`);
      seen.set(record.projectNo, row);
    }
  }
  if (issues.length) throw rowIssuesError(issues);

  return db.transaction(async (tx) => {
    for (const { record: r } of checked) {
      const projectNo = r.projectNo ?? (await nextProjectNo(tx, r.year, r.regionCode));
      const { budgetYuan, projectNo: _n, ...fields } = r;
      const p = await repo.insertProject(tx, { ...fields, projectNo, budgetFen: yuanToFen(budgetYuan, 'budgetYuan'), stage: 'draft', proposedBy: actor.id });
      await repo.insertStep(tx, { projectId: p.id, action: 'create', fromStage: 'draft', toStage: 'draft', actorId: actor.id, actorName: actor.displayName, reason: '文件导入' });
      await recordAudit(tx, actor, { action: 'import_create', entityType: 'project', entityId: p.id, regionCode: p.regionCode, after: p });
    }
    return { created: checked.length, updated: 0 };
  });
}
