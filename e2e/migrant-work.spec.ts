import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

type Member = { id: number; name: string; idNumber: string; exitReason: string | null; employmentStatus: string | null; workMonths: number | null };
type Detail = { id: number; regionCode: string; householdNo: string; members: Member[] };

/** 大王镇's sibling township (scope.spec.ts reads it as admin too). */
const OTHER_TOWNSHIP = '411272101000';

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'cb-migrant-work-')), name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** The error list of the dialog as [行, 列, 原因] per row. */
async function issueRows(issues: Locator): Promise<string[][]> {
  return issues.locator('tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

// Issue 8 外出务工信息 in the browser, as the 大王镇 officer: 导出 the township's workers, change one person's row with
// exceljs (务工时间（月） and 务工所在县 → 广东省深圳市, 年度交通费补助 filled), plant a place that cannot be judged and add a
// person of another township; the dialog names each bad row and column and nothing changes. The corrected file updates
// the person (the report counts the update and lists 年度交通费补助 as not imported); the household's members tab then
// shows the new months and 省外务工, and the other township's person is untouched.
describe('migrant work: 导出、修改、导入外出务工信息', () => {
  const j = useJourney('migrant-work');

  it('names the bad rows, then imports the corrected row and the household shows it', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    const own = (await j.api<{ user: { regionCode: string } }>('/auth/me')).user.regionCode;
    expect(OTHER_TOWNSHIP.slice(0, 9)).not.toBe(own.slice(0, 9));

    await page.goto(`${j.server.url}/households`);
    await page.getByTestId('migrant-work-menu').click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出外出务工信息' }).click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await download).path());
    const ws = wb.getWorksheet('外出务工信息')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThan(0);
      return i;
    };
    const [noCol, nameCol, idCol, placeCol, monthsCol, employedCol, abroadCol, subsidyCol] = [
      '户编号',
      '姓名',
      '证件号码',
      '务工所在县',
      '务工时间（月）',
      '是否已务工',
      '是否国外务工',
      '年度交通费补助',
    ].map(col) as [number, number, number, number, number, number, number, number];
    const text = (r: number, c: number) => String(ws.getRow(r).getCell(c).value ?? '');
    expect(ws.rowCount).toBeGreaterThan(1);
    // a township officer's export masks ID numbers, like every export of a masked role
    expect(text(2, idCol)).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    // a worker of 大王镇 who works in the province (not 省外, not abroad) today
    let chosen: { row: number; household: Detail; member: Member } | undefined;
    for (let r = 2; r <= Math.min(ws.rowCount, 40) && !chosen; r++) {
      const list = await j.api<HouseholdPage>(`/households?q=${encodeURIComponent(text(r, noCol))}&pageSize=1`);
      if (!list.items[0]) continue;
      const household = await j.api<Detail>(`/households/${list.items[0].id}`);
      const member = household.members.find((m) => m.name === text(r, nameCol) && m.exitReason === null);
      if (member && (member.employmentStatus === 'in_county' || member.employmentStatus === 'in_province')) chosen = { row: r, household, member };
    }
    if (!chosen) throw new Error('no in-province worker in the first rows of the export');
    const { household, member } = chosen;
    const months = member.workMonths === 9 ? 10 : 9;

    // the outsider's full number comes from the county officer's (unmasked) view, as from the national system's file
    const county = await j.apiAs('county');
    const otherList = await county.get<HouseholdPage>(`/households?regionCode=${OTHER_TOWNSHIP}&pageSize=1`);
    const otherHousehold = await county.get<Detail>(`/households/${otherList.items[0]!.id}`);
    const outsider = otherHousehold.members.find((m) => m.exitReason === null)!;

    // the file to upload keeps the export's header and the person's row with its masked number (matched by 户编号 and
    // 姓名), changed: the months, the place, a transport subsidy; the first upload adds a person of another township,
    // whom 大王镇 may not change
    const exported = (ws.getRow(chosen.row).values as unknown[]).slice(1);
    expect(exported[nameCol - 1]).toBe(member.name);
    const fileOf = async (place: string, withOutsider: boolean, name: string) => {
      const upload = new ExcelJS.Workbook();
      const sheet = upload.addWorksheet('外出务工信息');
      sheet.addRow(header.slice(1));
      const row = sheet.addRow(exported);
      row.getCell(monthsCol).value = String(months);
      row.getCell(placeCol).value = place;
      row.getCell(employedCol).value = '是';
      row.getCell(abroadCol).value = '否';
      row.getCell(subsidyCol).value = '300';
      if (withOutsider) {
        const planted = sheet.addRow([]);
        planted.getCell(nameCol).value = outsider.name;
        planted.getCell(idCol).value = outsider.idNumber;
        planted.getCell(monthsCol).value = '3';
        planted.getCell(placeCol).value = '广东省深圳市';
        planted.getCell(employedCol).value = '是';
      }
      return save(upload, name);
    };

    await page.keyboard.press('Escape');
    await page.getByTestId('migrant-work-menu').click();
    await page.getByRole('menuitem', { name: '导入外出务工信息' }).click();
    const dialog = page.getByRole('dialog', { name: '导入外出务工信息' });
    await dialog.locator('input[type=file]').setInputFiles(await fileOf('建筑工地', true, '外出务工信息.xlsx'));
    await page.getByTestId('migrant-work-import-start').click();
    const issues = page.getByTestId('migrant-work-import-issues');
    await expect.poll(() => issues.isVisible()).toBe(true);
    const rows = await issueRows(issues);
    expect(rows.map(([r, c]) => [r, c])).toEqual([
      ['2', '务工所在县'],
      ['3', '证件号码'],
    ]);
    expect(rows[0]![2]).toContain('无法判断“建筑工地”在省内还是省外');
    // another township's person reads like an unknown number and names nothing of them
    expect(rows[1]![2]).toBe('在您管辖范围内的农户成员中找不到该证件号码');
    expect(await dialog.innerText()).not.toContain(outsider.name);
    await expect.poll(() => dialog.getByText('文件中有 2 处错误，未导入任何记录').isVisible()).toBe(true);
    expect((await j.api<Detail>(`/households/${household.id}`)).members.find((m) => m.id === member.id)!.workMonths).toBe(member.workMonths);
    await page.screenshot({ path: join(artifactsDir, 'migrant-work-errors-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'migrant-work-errors-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // corrected: the place names its province, the other township's row is gone
    await dialog.locator('input[type=file]').setInputFiles(await fileOf('广东省深圳市', false, '外出务工信息-改.xlsx'));
    await page.getByTestId('migrant-work-import-start').click();
    // the answer stays in the dialog with what was not imported, each on its own line, until it is closed
    const done = page.getByTestId('migrant-work-import-done');
    await expect.poll(() => done.isVisible()).toBe(true);
    expect(await done.innerText()).toMatch(/导入完成：更新 1 人，未变动 0 人/);
    const notes = await done.locator('li').allInnerTexts();
    expect(notes).toContain('“年度交通费补助”1 行未导入：年度交通费补助不作为发放记录导入：一次性交通补助请在就业补贴发放中登记');
    await page.screenshot({ path: join(artifactsDir, 'migrant-work-done-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'migrant-work-done-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('migrant-work-import-start').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const after = (await j.api<Detail>(`/households/${household.id}`)).members.find((m) => m.id === member.id)!;
    expect([after.workMonths, after.employmentStatus]).toEqual([months, 'out_province']);
    const outsiderAfter = (await county.get<Detail>(`/households/${otherHousehold.id}`)).members.find((m) => m.id === outsider.id)!;
    expect([outsiderAfter.workMonths, outsiderAfter.employmentStatus]).toEqual([outsider.workMonths, outsider.employmentStatus]);

    // the household's members tab shows the new months and 省外务工
    await page.goto(`${j.server.url}/households/${household.id}?tab=members`);
    const memberRow = page.locator('tr.ant-table-row').filter({ hasText: member.name });
    await expect.poll(() => memberRow.first().isVisible()).toBe(true);
    const heads = (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
    const cells = (await memberRow.first().locator('td').allInnerTexts()).map((c) => c.trim());
    expect([cells[heads.indexOf('务工状况')], cells[heads.indexOf('务工时间（月）')]]).toEqual(['省外务工', String(months)]);
    await page.screenshot({ path: join(artifactsDir, 'migrant-work-member.png') });
  });
});
