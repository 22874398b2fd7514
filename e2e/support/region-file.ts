import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** The villages the demo region list adds (codes 240–244 of their township; the demo itself uses 201–210). */
export const DEMO_REGION_VILLAGES = [
  { code: '411272100240', name: '后地村', township: '大王镇' },
  { code: '411272100241', name: '北营村', township: '大王镇' },
  { code: '411272101240', name: '东阳村', township: '阳店镇' },
  { code: '411272101241', name: '西坡村', township: '阳店镇' },
  { code: '411272101242', name: '寨子村', township: '阳店镇' },
] as const;

/** Rows of the list above the new villages: the county and its two townships (already in the demo, so unchanged). */
export const DEMO_REGION_KEPT = [
  { code: '411272000000', name: '三门峡市城乡一体化示范区' },
  { code: '411272100000', name: '大王镇' },
  { code: '411272101000', name: '阳店镇' },
] as const;

/**
 * Writes the demo county's region list in the statistics bureau's layout — a title row
 * "2023年统计用区划代码和城乡划分代码", then 统计用区划代码 | 城乡分类代码 | 名称, codes as text cells — to
 * `<dir>/区划代码.xlsx`: the county, 大王镇 and 阳店镇 (unchanged) and the five villages of DEMO_REGION_VILLAGES
 * (城乡分类代码 220 村庄).
 * @returns the file path
 */
export async function writeDemoRegionList(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划代码');
  ws.addRow(['2023年统计用区划代码和城乡划分代码']);
  ws.mergeCells('A1:C1');
  ws.addRow(['统计用区划代码', '城乡分类代码', '名称']);
  for (const r of DEMO_REGION_KEPT) ws.addRow([r.code, '', r.name]);
  for (const v of DEMO_REGION_VILLAGES) ws.addRow([v.code, '220', v.name]);
  ws.getColumn(1).numFmt = '@';
  ws.getColumn(1).width = 16;
  ws.getColumn(3).width = 28;
  const file = join(dir, '区划代码.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}
