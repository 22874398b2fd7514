import ExcelJS from 'exceljs';
import { JOB_SUBSIDY_LABELS, type JobSubsidyExportQuery } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { exportRows } from './job-subsidies.service.ts';
import { cellText } from '../assets/assets.export.ts';

/** At most this many rows in one export. */
export const JOB_SUBSIDY_EXPORT_MAX = 50_000;

/** Text a spreadsheet would read as a formula gets a leading apostrophe (CSV/formula injection). */

/**
 * `GET /api/v1/job-subsidies/export.xlsx`: the eligible list of a kind and year (paid and unpaid), codes in words, amounts
 * in 元, ID numbers masked as in the list; audited.
 */
export async function exportJobSubsidiesXlsx(deps: Deps, actor: Actor, q: JobSubsidyExportQuery): Promise<Buffer> {
  const { items, terms, year, prefix } = await exportRows(deps, actor, q, JOB_SUBSIDY_EXPORT_MAX);
  const idx = await loadDictIndex(deps);
  const word = (dict: string, code: string | null) => (code ? (idx.get(dict)?.get(code)?.labelZh ?? code) : '');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(JOB_SUBSIDY_LABELS[q.kind].zh);
  ws.columns = [
    { header: '所在地', key: 'region', width: 16 },
    { header: '户编号', key: 'householdNo', width: 20 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '证件号码', key: 'idNumber', width: 22 },
    { header: '户类型', key: 'householdType', width: 10 },
    { header: '务工状况', key: 'status', width: 12 },
    { header: '就业渠道', key: 'channel', width: 12 },
    { header: '务工时间（月）', key: 'months', width: 12 },
    ...(q.kind === 'hiring' ? [{ header: '吸纳就业的经营主体', key: 'entity', width: 24 }] : []),
    { header: '是否符合条件', key: 'eligible', width: 12 },
    { header: '不符合原因', key: 'reasons', width: 28 },
    { header: '发放状态', key: 'paid', width: 10 },
    { header: '发放年度', key: 'payYear', width: 10 },
    { header: '发放金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '发放日期', key: 'paidOn', width: 12 },
    { header: '备注', key: 'note', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const it of items) {
    ws.addRow({
      region: it.regionName ?? it.regionCode,
      householdNo: it.householdNo,
      name: cellText(it.name),
      idNumber: it.idNumber,
      householdType: word('household_type', it.householdType),
      status: word('employment_status', it.employmentStatus),
      channel: word('employment_channel', it.employmentChannel),
      months: it.workMonths ?? '',
      entity: cellText(it.entityName),
      eligible: it.eligible ? '符合' : '不符合',
      reasons: it.reasonsZh.join('；'),
      paid: it.payment ? '已发放' : '未发放',
      payYear: it.payment?.year ?? '',
      amount: it.payment ? it.payment.amountYuan : '',
      paidOn: it.payment?.paidOn ?? '',
      note: cellText(it.payment?.note),
    });
  }
  if (terms.clauseText) ws.addRow({ region: `依据：${terms.clauseText}${terms.noteZh ? ` ${terms.noteZh}` : ''}` });
  await recordAudit(deps.db.db, actor, {
    action: 'export',
    entityType: 'subsidy_payment',
    entityId: null,
    regionCode: prefix.padEnd(12, '0'),
    after: { rows: items.length, kind: q.kind, year, filter: { ...q } },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
