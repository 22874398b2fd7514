import ExcelJS from 'exceljs';
import { fenToYuan, maskIdNumber, POST_STATUS_LABELS, type PostListQuery, type PostStatus } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { cellText } from '../assets/assets.export.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { seesPii } from '../auth/auth.guard.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import * as repo from './posts.repo.ts';
import { postFilter } from './posts.service.ts';

/** At most this many posts in one export. */
export const POST_EXPORT_MAX = 20_000;

/**
 * `GET /api/v1/posts/export.xlsx`: the filtered posts with their holders (current one first, then the history with
 * exit reasons) and the months paid; codes in words, subsidy in 元, ID numbers masked for masked roles; audited.
 */
export async function exportPostsXlsx(deps: Deps, actor: Actor, q: Omit<PostListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const db = deps.db.db;
  const f = await postFilter(deps, actor, q);
  const posts = await repo.listPostsForExport(db, f, POST_EXPORT_MAX);
  const holders = await repo.listAppointments(
    db,
    posts.map((p) => p.post.id),
  );
  const payments = await repo.listPayments(
    db,
    holders.map((h) => h.appointment.id),
  );
  const paidCount = new Map<number, number>();
  for (const p of payments) paidCount.set(p.appointmentId, (paidCount.get(p.appointmentId) ?? 0) + 1);
  const idx = await loadDictIndex(deps);
  const word = (dict: string, code: string | null) => (code ? (idx.get(dict)?.get(code)?.labelZh ?? code) : '');
  const pii = seesPii(actor);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公益性岗位');
  ws.columns = [
    { header: '岗位名称', key: 'name', width: 24 },
    { header: '岗位类型', key: 'type', width: 12 },
    { header: '设岗地', key: 'region', width: 14 },
    { header: '设岗需求', key: 'need', width: 30 },
    { header: '岗位补贴（元/月）', key: 'subsidy', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '岗位状态', key: 'status', width: 10 },
    { header: '人员', key: 'person', width: 12 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '户类型', key: 'householdType', width: 10 },
    { header: '聘任日期', key: 'startedOn', width: 12 },
    { header: '退岗日期', key: 'endedOn', width: 12 },
    { header: '退岗原因', key: 'exitReason', width: 14 },
    { header: '已发放月数', key: 'paidMonths', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  const byPost = new Map<number, repo.FoundAppointment[]>();
  for (const h of holders) byPost.set(h.appointment.postId, [...(byPost.get(h.appointment.postId) ?? []), h]);
  for (const p of posts) {
    const base = {
      name: cellText(p.post.name),
      type: word('public_post_type', p.post.postType),
      region: p.regionName ?? p.post.regionCode,
      need: cellText(p.post.needReason),
      subsidy: fenToYuan(p.post.monthlySubsidyFen),
      status: POST_STATUS_LABELS[p.post.status as PostStatus]?.zh ?? p.post.status,
    };
    const list = byPost.get(p.post.id) ?? [];
    if (list.length === 0) ws.addRow(base);
    for (const h of list) {
      const a = h.appointment;
      ws.addRow({
        ...base,
        person: cellText(h.personName),
        idNumber: pii ? h.idNumber : maskIdNumber(h.idNumber),
        householdType: word('household_type', h.householdType),
        startedOn: a.startedOn,
        endedOn: a.endedOn ?? '在岗',
        exitReason: word('post_exit_reason', a.exitReason),
        paidMonths: paidCount.get(a.id) ?? 0,
      });
    }
  }
  await recordAudit(db, actor, {
    action: 'export',
    entityType: 'public_post',
    entityId: null,
    regionCode: f.prefix.padEnd(12, '0'),
    after: { rows: posts.length, filter: { ...q } },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
