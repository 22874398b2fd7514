import ExcelJS from 'exceljs';
import { dictLabelZh, fenToYuan, getDictItems, maskIdNumber, DICT } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { cellText } from '../assets/assets.export.ts';
import { seesPii } from '../auth/auth.guard.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { JOB_COLUMNS } from './migrant-work.import.ts';
import * as repo from './migrant-work.repo.ts';

/** Most persons one export carries (a county's workers). */
export const MIGRANT_WORK_EXPORT_MAX = 100_000;

/** The statuses a place word stands for (re-read by the import as 省外 / 省内县外 / 县内 / 国外). */
const PLACE_STATUSES = new Set(['out_province', 'in_province', 'in_county', 'abroad']);

/**
 * `GET /api/v1/migrant-work/export.xlsx`: the scope's persons with recorded employment in the import's layout (乡镇 and
 * 村 in front), ID numbers masked for masked roles (the import takes them back by 户编号 and 姓名), audited. 开始时间,
 * 结束时间, 所属行业 and 年度交通费补助 are not kept per person and stay blank.
 * @throws AppError NOT_FOUND for a region outside the scope
 */
export async function exportMigrantWorkXlsx(deps: Deps, actor: Actor, regionCode: string | undefined): Promise<Buffer> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, regionCode);
  const rows = await repo.listJobsForExport(db, prefix, MIGRANT_WORK_EXPORT_MAX);
  const pii = seesPii(actor);
  const statuses = getDictItems(DICT.employmentStatus);
  const channels = getDictItems(DICT.employmentChannel);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('外出务工信息');
  ws.columns = [
    { header: '乡(镇)', key: 'township', width: 12 },
    { header: '村', key: 'village', width: 12 },
    ...JOB_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 12, style: { numFmt: c.key === 'wage' ? '#,##0.00' : '@' } })),
  ];
  ws.getRow(1).font = { bold: true };
  for (const { person: p, householdNo, villageName, townshipName } of rows) {
    const working = (p.workMonths ?? 0) > 0 || p.employmentChannel !== null || (p.employmentStatus !== null && p.employmentStatus !== 'not_working');
    ws.addRow({
      township: townshipName ?? '',
      village: villageName ?? '',
      householdNo,
      name: cellText(p.name),
      idNumber: pii ? p.idNumber : maskIdNumber(p.idNumber),
      employed: working ? '是' : p.employmentStatus === 'not_working' ? '否' : '',
      place: p.employmentPlace ? cellText(p.employmentPlace) : p.employmentStatus && PLACE_STATUSES.has(p.employmentStatus) ? dictLabelZh(statuses, p.employmentStatus) : '',
      abroad: p.employmentStatus === 'abroad' ? '是' : '否',
      channel: p.employmentChannel ? dictLabelZh(channels, p.employmentChannel) : '',
      publicPost: p.employmentChannel === 'public_post' ? '是' : '否',
      wage: p.monthlyWageFen === null ? null : fenToYuan(p.monthlyWageFen),
      employer: cellText(p.employerName),
      months: p.workMonths === null ? '' : String(p.workMonths),
    });
  }
  await recordAudit(db, actor, {
    action: 'export',
    entityType: 'person',
    entityId: null,
    regionCode: prefix.padEnd(12, '0'),
    after: { rows: rows.length, kind: 'migrant_work', regionCode: regionCode ?? null },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
