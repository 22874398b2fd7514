import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

const DAWANG = '411272100000';
const FULL_ID = /\d{17}[\dX]/;

describe('scope: a township officer sees only their township, with masked ID numbers', () => {
  const j = useJourney('scope');

  it('the region tree and the household list are limited to 大王镇 and mask ID numbers', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    await page.getByRole('menuitem', { name: '农户管理' }).click();
    await page.waitForURL((u) => u.pathname === '/households');

    const tree = page.getByRole('tree');
    await expect.poll(() => tree.getByRole('treeitem').first().innerText()).toBe('大王镇');
    const names = await tree.getByRole('treeitem').allInnerTexts();
    expect(names).not.toContain('阳店镇');
    expect(names).not.toContain('禹王路街道');
    expect(names).not.toContain('三门峡市城乡一体化示范区');
    const apiTree = await j.api<{ code: string; name: string }[]>('/regions/tree');
    expect(apiTree.map((n) => n.code)).toEqual([DAWANG]);

    const { total, items } = await j.api<HouseholdPage>('/households?pageSize=20');
    expect(total).toBeGreaterThan(0);
    expect(items.every((h) => h.regionCode.startsWith(DAWANG.slice(0, 9)))).toBe(true);
    await expect.poll(() => page.getByText(`共 ${total} 条`).isVisible()).toBe(true);
    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: '查看' }) });
    await expect.poll(() => rows.count()).toBe(Math.min(20, total));
    for (const row of await rows.all()) {
      const idCell = (await row.getByRole('cell').nth(2).innerText()).trim();
      expect(idCell).toContain('****');
      expect(idCell).not.toMatch(FULL_ID);
    }
  });

  it("another township's household by id shows not-found", async () => {
    const { page } = j;
    const admin = await j.apiAs('admin');
    const other = await admin.get<HouseholdPage>('/households?regionCode=411272101000&pageSize=1');
    const id = other.items[0]?.id;
    expect(id).toBeDefined();
    const res = await page.request.get(`${j.server.url}/api/v1/households/${id}`);
    expect(res.status()).toBe(404);

    await page.goto(`${j.server.url}/households/${id}`);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '未找到该记录，或不在您的管辖范围内' }).isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: '家庭成员' }).count()).toBe(0);
  });

  it('the export link downloads a workbook of 大王镇 with masked ID numbers', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/households`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 Excel/ }).click();
    const file = await (await download).path();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const idCol = header.indexOf('证件号码');
    const regionCol = header.indexOf('区划代码');
    const noCol = header.indexOf('户编号');
    expect(idCol).toBeGreaterThan(0);
    const households = new Set<string>();
    let persons = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      persons++;
      const id = String(row.getCell(idCol).value ?? '');
      expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(String(row.getCell(regionCol).value).startsWith(DAWANG.slice(0, 9))).toBe(true);
      households.add(String(row.getCell(noCol).value));
    });
    const { total } = await j.api<HouseholdPage>('/households?pageSize=1');
    expect(households.size).toBe(total);
    expect(persons).toBeGreaterThan(total);
  });
});
