import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  DICT,
  EDITABLE_PROJECT_STAGES,
  PROJECT_IMPORT_COLUMNS,
  PROJECT_STAGE_LABELS,
  checkProjectImportRow,
  dictLabelZh,
  fenToYuan,
  getDictItems,
  yuanToFen,
  type Issue,
  type ProjectImportKey,
  type ProjectImportRecord,
  type ProjectImportResult,
  type ProjectListQuery,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './projects.repo.ts';
import { nextProjectNo } from './projects.service.ts';
import { stageOf } from './projects.views.ts';

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

type Planned = { row: number; record: ProjectImportRecord; existing: repo.ProjectRow | undefined };

/** The columns a file row would change on a stored project, or null when it names the project as it is. */
function changesOf(p: repo.ProjectRow, r: ProjectImportRecord): Partial<repo.ProjectInsert> | null {
  const next = {
    name: r.name,
    // a changed place is a change the update refuses (updateRefusal)
    regionCode: r.regionCode,
    year: r.year,
    projectType: r.projectType,
    projectSubtype: r.projectSubtype,
    budgetFen: yuanToFen(r.budgetYuan, 'budgetYuan'),
    linkageModes: r.linkageModes,
    drivenHouseholds: r.drivenHouseholds,
    drivenPersons: r.drivenPersons,
    isClusterProject: r.isClusterProject,
    constructionContent: r.constructionContent,
    performanceTarget: r.performanceTarget,
    note: r.note,
  };
  const same = (k: keyof typeof next) => (k === 'linkageModes' ? (p.linkageModes ?? []).join('|') === next.linkageModes.join('|') : p[k] === next[k]);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(k));
  return changed.length ? Object.fromEntries(changed.map((k) => [k, next[k]])) : null;
}

/**
 * Why a row may not change a stored project, or null: the place is not its own (a project is not moved by a file),
 * it left 谋划, or its 总投资 would differ from its budget rows (the rows are the truth: schema/projects.ts).
 */
function updateRefusal(p: repo.ProjectRow, r: ProjectImportRecord, patch: Partial<repo.ProjectInsert>, rowsFen: number | undefined): [ProjectImportKey, string, string] | null {
  if (r.regionCode !== p.regionCode) return ['regionCode', `项目 ${p.projectNo} 的实施地点不能通过导入修改`, 'a file cannot move a project to another place'];
  if (!(EDITABLE_PROJECT_STAGES as readonly string[]).includes(p.stage)) {
    const at = PROJECT_STAGE_LABELS[stageOf(p)];
    return [
      'projectNo',
      `项目 ${p.projectNo} 处于“${at.zh}”阶段，只有谋划或退回修改的项目可以通过导入修改`,
      `the project is ${at.en}: only a planned or returned project can be changed`,
    ];
  }
  if (patch.budgetFen !== undefined && rowsFen !== undefined && patch.budgetFen !== rowsFen) {
    return [
      'budgetYuan',
      `项目 ${p.projectNo} 已有分年度分来源预算，合计 ${fenToYuan(rowsFen)} 元；总投资须与之一致（请先修改预算明细）`,
      `the project's budget rows add up to ${fenToYuan(rowsFen)} yuan: the total must equal them`,
    ];
  }
  return null;
}

/**
 * `POST /projects/import`: every row checked by the domain (checkProjectImportRow), its place a township or village
 * of the write scope. A row whose 项目编号 names a project of the scope updates it (a planned one; the same figures
 * count as unchanged); one naming a project outside the scope is an error of that row (nothing of it is told); a
 * new or empty number proposes a project (stage 谋划, number generated when empty). Any error → 422 with every row
 * issue (row, column, zh/en) and nothing written; else one transaction: each project locked, version + 1, audited.
 * @throws AppError FORBIDDEN (read-only role), IMPORT_REJECTED (422)
 */
export async function importProjectFile(deps: Deps, actor: Actor, stream: Readable): Promise<ProjectImportResult> {
  assertCanWrite(actor);
  const { checked, issues, col, add } = await readCheckedFile(deps.config, stream, COLUMNS, checkProjectImportRow);
  const db = deps.db.db;
  const places = await repo.findRegions(db, [...new Set(checked.map((c) => c.record.regionCode))]);
  const nos = [...new Set(checked.map((c) => c.record.projectNo).filter((n): n is string => n !== null))];
  const known = new Map((await repo.findProjectsByNos(db, nos)).map((p) => [p.projectNo, p]));
  const mine = [...known.values()].filter((p) => isInScope(actor, p.regionCode));
  const rowTotals = await repo.budgetRowTotals(
    db,
    mine.map((p) => p.id),
  );
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const { row, record } of checked) {
    const place = places.find((p) => p.code === record.regionCode);
    // a place outside the scope is reported like a missing one: the file learns nothing of other areas
    if (!place || !isInScope(actor, place.code) || place.retiredAt || (place.level !== 'township' && place.level !== 'village')) {
      add(row, 'regionCode', record.regionCode, '实施地点代码不是您管辖范围内在用的乡镇或行政村', 'not an active township or village of your area');
    }
    let existing: repo.ProjectRow | undefined;
    if (record.projectNo) {
      const first = seen.get(record.projectNo);
      if (first !== undefined) add(row, 'projectNo', record.projectNo, `与第 ${first} 行的项目编号相同`, `same project number as row ${first}`);
      seen.set(record.projectNo, row);
      existing = known.get(record.projectNo);
      if (existing && !isInScope(actor, existing.regionCode)) {
        add(row, 'projectNo', record.projectNo, `项目编号 ${record.projectNo} 已被您管辖范围以外的项目使用`, 'this project number is used outside your area');
        existing = undefined;
      }
    }
    const patch = existing ? changesOf(existing, record) : null;
    const refusal = existing && patch ? updateRefusal(existing, record, patch, rowTotals.get(existing.id)) : null;
    if (refusal) add(row, refusal[0], record[refusal[0] as keyof ProjectImportRecord], refusal[1], refusal[2]);
    planned.push({ row, record, existing });
  }
  if (issues.length) throw rowIssuesError(issues);

  return db.transaction(async (tx) => {
    const report = { created: 0, updated: 0, unchanged: 0 };
    const raced: Issue[] = [];
    for (const { row, record: r, existing } of planned) {
      if (!existing) {
        const projectNo = r.projectNo ?? (await nextProjectNo(tx, r.year, r.regionCode));
        const { budgetYuan, projectNo: _n, ...fields } = r;
        const p = await repo.insertProject(tx, { ...fields, projectNo, budgetFen: yuanToFen(budgetYuan, 'budgetYuan'), stage: 'draft', proposedBy: actor.id });
        await repo.insertStep(tx, { projectId: p.id, action: 'create', fromStage: 'draft', toStage: 'draft', actorId: actor.id, actorName: actor.displayName, reason: '文件导入' });
        await recordAudit(tx, actor, { action: 'import_create', entityType: 'project', entityId: p.id, regionCode: p.regionCode, after: p });
        report.created++;
        continue;
      }
      // the row as it is now, locked: its stage, place and budget rows judged again (another user may have moved it)
      const before = await repo.lockProject(tx, existing.id);
      if (!before) {
        raced.push({ row, path: col('projectNo'), field: 'projectNo', value: r.projectNo, messageZh: '该项目已不存在', messageEn: 'the project no longer exists' });
        continue;
      }
      const patch = changesOf(before, r);
      if (!patch) {
        report.unchanged++;
        continue;
      }
      const refusal = isInScope(actor, before.regionCode)
        ? updateRefusal(before, r, patch, (await repo.budgetRowTotals(tx, [before.id])).get(before.id))
        : (['projectNo', '该项目已不在您的管辖范围内', 'the project is no longer in your area'] as const);
      if (refusal) {
        raced.push({ row, path: col(refusal[0]), field: refusal[0], value: r[refusal[0] as keyof ProjectImportRecord], messageZh: refusal[1], messageEn: refusal[2] });
        continue;
      }
      const after = await repo.updateProject(tx, before.id, patch);
      await recordAudit(tx, actor, { action: 'import_update', entityType: 'project', entityId: after.id, regionCode: after.regionCode, before, after });
      report.updated++;
    }
    // nothing half-written: a row refused on the locked project rolls the whole file back
    if (raced.length) throw rowIssuesError(raced);
    return report;
  });
}
