import ExcelJS from 'exceljs';
import { fenToYuan, type AssetListQuery } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import * as repo from './assets.repo.ts';
import { assetFilter } from './assets.service.ts';

/** At most this many assets in one export. */
export const ASSET_EXPORT_MAX = 50_000;

/** Text a spreadsheet would read as a formula gets a leading apostrophe (CSV/formula injection). */
export const cellText = (v: string | null | undefined): string => (v ? (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) : '');

/**
 * `GET /api/v1/assets/export.xlsx`: the filtered assets with words for the codes (the dictionaries' Chinese labels),
 * value in 元 as a number with 2 decimals; audited. Assets carry no personal data.
 */
export async function exportAssetsXlsx(deps: Deps, actor: Actor, q: Omit<AssetListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const db = deps.db.db;
  const f = await assetFilter(deps, actor, q);
  const rows = await repo.listAssetsForExport(db, f, ASSET_EXPORT_MAX);
  const idx = await loadDictIndex(deps);
  const word = (dict: string, code: string | null) => (code ? (idx.get(dict)?.get(code)?.labelZh ?? code) : '');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('帮扶项目资产');
  ws.columns = [
    { header: '资产编号', key: 'assetNo', width: 18 },
    { header: '资产名称', key: 'name', width: 26 },
    { header: '所在地', key: 'region', width: 14 },
    { header: '资产类别', key: 'category', width: 12 },
    { header: '资产原值（元）', key: 'value', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '形成日期', key: 'formedOn', width: 12 },
    { header: '形成项目', key: 'project', width: 28 },
    { header: '坐落位置', key: 'location', width: 20 },
    { header: '确权所有者类型', key: 'ownerKind', width: 14 },
    { header: '所有权人', key: 'ownerName', width: 22 },
    { header: '确权日期', key: 'confirmedOn', width: 12 },
    { header: '管理层级', key: 'level', width: 10 },
    { header: '经营主体', key: 'operator', width: 24 },
    { header: '经营方式', key: 'mode', width: 10 },
    { header: '“四个一批”分类', key: 'cls', width: 12 },
    { header: '分类理由', key: 'classReason', width: 30 },
    { header: '状态', key: 'status', width: 8 },
    { header: '处置日期', key: 'disposedOn', width: 12 },
    { header: '备注', key: 'note', width: 20 },
    { header: '所在地区划代码', key: 'regionCode', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const a = r.asset;
    ws.addRow({
      assetNo: a.assetNo,
      name: cellText(a.name),
      region: r.regionName ?? a.regionCode,
      regionCode: a.regionCode,
      category: word('asset_category', a.category),
      value: fenToYuan(a.valueFen),
      formedOn: a.formedOn ?? '',
      project: cellText(r.projectName),
      location: cellText(a.location),
      ownerKind: word('asset_owner_kind', a.ownerKind),
      ownerName: cellText(a.ownerName),
      confirmedOn: a.confirmedOn ?? '',
      level: word('asset_management_level', a.managementLevel),
      operator: cellText(r.operatorName),
      mode: word('asset_operation_mode', a.operatingMode),
      cls: word('asset_class', a.assetClass),
      classReason: cellText(a.classReason),
      status: a.status === 'disposed' ? '已处置' : '在用',
      disposedOn: a.disposedOn ?? '',
      note: cellText(a.note),
    });
  }
  await recordAudit(db, actor, { action: 'export', entityType: 'asset', entityId: null, regionCode: f.prefix.padEnd(12, '0'), after: { rows: rows.length, filter: { ...q } } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
