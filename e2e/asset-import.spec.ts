import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Node = { code: string; name: string; level: string; children: Node[] };
type AssetPage = { items: { id: number; name: string; assetNo: string; valueYuan: number; regionCode: string }[]; total: number };

/** A county 资产台账 in its own layout: two title rows, then 资产编号, 资产名称, 资产类别, 资产原值（万元）, 所在村 … */
async function ledger(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资产明细台账');
  ws.addRow(['大王镇扶贫项目资产明细台账']);
  ws.addRow(['填报单位：大王镇人民政府', '', '', '单位：万元']);
  ws.addRow(['序号', '资产编号', '资产名称', '资产类别', '资产原值（万元）', '所在村', '确权主体', '管理层级', '经营方式', '形成时间']);
  rows.forEach((r, i) => ws.addRow([String(i + 1), ...r]));
  const file = join(mkdtempSync(join(tmpdir(), 'cb-asset-import-')), '资产台账.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

// Issue 8 §1 in the browser, as the 大王镇 officer: 资产管理 → 导入 a county ledger with one planted bad row (its row,
// column and reason shown in the dialog, nothing registered), then the corrected file (both assets registered, the
// value read in 万元 from the header); the dialog within a 390 px phone.
describe('assets: 导入资产台账', () => {
  const j = useJourney('asset-import');
  const stamp = Date.now().toString(36).toUpperCase();

  it('shows the bad row’s error in the dialog, then imports the corrected ledger', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    const villages = (await j.api<Node[]>('/regions/tree?depth=2')).flatMap(function walk(n: Node): Node[] {
      return [n, ...n.children.flatMap(walk)];
    });
    const village = villages.find((n) => n.level === 'village' && villages.filter((m) => m.name === n.name).length === 1)!;
    const rows = [
      [`DW-${stamp}-1`, `光伏电站${stamp}`, '经营性', '120.5', village.name, `${village.name}股份经济合作社`, '村级直管', '租赁', '2022-06'],
      [`DW-${stamp}-2`, `产业路${stamp}`, '生产性资产', '35', village.name, '大王镇人民政府', '乡镇辖管', '', '2021-09'],
    ];

    await page.goto(`${j.server.url}/industry/assets`);
    await page.getByTestId('asset-import').click();
    const dialog = page.getByRole('dialog', { name: '导入资产台账' });
    await dialog.locator('input[type=file]').setInputFiles(await ledger(rows));
    await page.getByTestId('asset-import-start').click();
    const issues = page.getByTestId('asset-import-issues');
    await expect.poll(() => issues.isVisible()).toBe(true);
    const text = await issues.innerText();
    expect(text).toContain('5');
    expect(text).toContain('资产类别');
    expect(text).toContain('资产类别“生产性资产”无法识别');
    expect((await j.api<AssetPage>(`/assets?q=${encodeURIComponent(stamp)}`)).total).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'asset-import-errors-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'asset-import-errors-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    rows[1]![2] = '公益性';
    await dialog.locator('input[type=file]').setInputFiles(await ledger(rows));
    await page.getByTestId('asset-import-start').click();
    await expect.poll(() => page.getByText('导入完成：新增 2 项，更新 0 项，未变动 0 项').isVisible()).toBe(true);
    const after = (await j.api<AssetPage>(`/assets?q=${encodeURIComponent(stamp)}`)).items;
    expect(after.map((a) => [a.assetNo, a.valueYuan, a.regionCode]).sort()).toEqual([
      [`DW-${stamp}-1`, 1205000, village.code],
      [`DW-${stamp}-2`, 350000, village.code],
    ]);
  });
});
