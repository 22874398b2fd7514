import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';
import { buildNationalRoster, ROSTER_FILE_NAME, rosterXlsx } from './support/national-roster.ts';
import { writeDemoRegionList } from './support/region-file.ts';

// A new county's first day: the administrator imports the official region list (the roster's five villages do not
// exist in the demo county), then the national system's 家庭成员信息 export exactly as it was downloaded — two title
// rows, 乡/村 names instead of codes, no 户类型 column — fixes nothing, commits, and sees what was left out and why.

describe('national roster: imported as it is, after the region list', () => {
  const j = useJourney('national-import');
  const roster = buildNationalRoster();
  const X = roster.expected;
  const dir = mkdtempSync(join(tmpdir(), 'chanbang-national-'));

  it('imports the region list through the Regions page', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    await page.goto(`${j.server.url}/regions`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入区划表' }).click();
    await (await chooser).setFiles(await writeDemoRegionList(dir));
    await expect.poll(() => page.getByTestId('region-report-counts').innerText(), { timeout: 30_000 }).toContain('新增 5');
  });

  it('uploads the roster: recognised, mapped with no manual step, total rows shown', async () => {
    const { page } = j;
    const file = join(dir, ROSTER_FILE_NAME);
    writeFileSync(file, await rosterXlsx(roster.headers, roster.rows));
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await page.waitForURL((u) => u.pathname === '/import' && !u.searchParams.get('job'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击或拖拽文件到此处上传').click();
    await (await chooser).setFiles(file);
    await page.waitForURL((u) => u.searchParams.get('step') === '1');

    await expect.poll(() => page.getByTestId('import-total-rows').innerText()).toMatch(/总行数\s*96/);
    const main = () => page.getByRole('main').innerText();
    await expect.poll(main).toContain('国家防返贫监测信息系统·家庭成员信息');
    await expect.poll(main).toContain('表头在第 3 行');
    await expect.poll(main).toContain('已自动识别全部所需的列，无需手动对应');
    expect(await main()).not.toContain('以下必填字段尚未选择源列');
    // the roster's columns we do not keep are listed, not refused
    await expect.poll(main).toMatch(/不导入的列（2 列，不影响导入）[\s\S]*政治面貌[\s\S]*是否享受低保/);
    // the file name says 继续享受政策: 脱贫户 by default
    await expect
      .poll(() =>
        page
          .locator('.ant-select')
          .filter({ has: page.getByRole('combobox', { name: '默认户类型' }) })
          .innerText(),
      )
      .toContain('脱贫户');
    const village = page.getByRole('row').filter({ has: page.getByText('村', { exact: true }) });
    await expect.poll(() => village.innerText()).toMatch(/村\s+村/);
    await page.screenshot({ path: join(artifactsDir, 'national-import-mapping.png'), fullPage: true });
    expect(await page.getByRole('button', { name: '开始校验' }).isEnabled()).toBe(true);
  });

  it('validates without any fix: bad rows named, excluded households named with their heads', async () => {
    const { page } = j;
    await page.getByRole('button', { name: '开始校验' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: '原因' }).first().isVisible(), { timeout: 60_000 }).toBe(true);
    const main = () => page.getByRole('main').innerText();
    await expect.poll(main).toMatch(new RegExp(`总行数\\s+${X.totalRows}\\s`));
    await expect.poll(main).toMatch(new RegExp(`有效行\\s+${X.goodRows}\\s`));
    await expect.poll(main).toMatch(new RegExp(`错误行\\s+${X.badRows}\\s`));
    await expect.poll(main).toMatch(new RegExp(`同户有错误未导入的行\\s+${X.excludedRows}\\s`));
    await expect.poll(main).toMatch(/有警告的行\s+1\s/);

    const excluded = page.getByRole('table', { name: '以下户因同户有错误行，整户未导入' });
    await expect.poll(() => excluded.isVisible()).toBe(true);
    const text = await excluded.innerText();
    for (const h of X.excluded) {
      expect(text).toContain(h.householdNo);
      expect(text).toContain(h.headName);
    }
    await expect.poll(main).toContain('以证件号码为准');
    await page.screenshot({ path: join(artifactsDir, 'national-import-validated.png'), fullPage: true });
  });

  it('commits and shows the counts and the excluded households; the villages hold the households', async () => {
    const { page } = j;
    const before = (await j.api<HouseholdPage>('/households?pageSize=1')).total;
    await page.getByRole('button', { name: '导入有效数据' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(`将导入 ${X.goodRows} 行有效数据`, { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    // a click that lands while antd's confirm is still animating in can be lost: press again while it stays open
    // (a second commit would be refused by the server: the job is no longer 'validated')
    await expect
      .poll(
        async () => {
          const confirm = page.getByRole('dialog').filter({ hasText: '将导入' });
          if (await confirm.isVisible())
            await confirm
              .getByRole('button', { name: /确\s*定/ })
              .click({ timeout: 2_000 })
              .catch(() => undefined);
          return page.getByText('导入完成').isVisible();
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toBe(true);
    const main = () => page.getByRole('main').innerText();
    await expect.poll(main).toMatch(new RegExp(`新增户\\s+${X.households.good}\\s`));
    await expect.poll(main).toMatch(new RegExp(`新增人员\\s+${X.goodRows}\\s`));
    const excluded = page.getByRole('table', { name: '以下户因同户有错误行，整户未导入' });
    await expect.poll(() => excluded.innerText()).toContain(X.excluded[0]?.householdNo ?? '?');
    await page.screenshot({ path: join(artifactsDir, 'national-import-done.png'), fullPage: true });

    expect((await j.api<HouseholdPage>('/households?pageSize=1')).total).toBe(before + X.households.good);
    // 户编号 is searchable by prefix: the households of 后地村 (the first 8, one of them excluded)
    const houdi = await j.api<HouseholdPage>(`/households?q=${X.all[0]?.householdNo.slice(0, 9)}&pageSize=50`);
    expect(houdi.total).toBe(7);
  });

  it('fits a 390 px phone at the mapping and validation steps', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击或拖拽文件到此处上传').click();
    await (await chooser).setFiles(join(dir, ROSTER_FILE_NAME));
    await page.waitForURL((u) => u.searchParams.get('step') === '1');
    await expect.poll(() => page.getByTestId('import-total-rows').innerText()).toMatch(/96/);
    await page.screenshot({ path: join(artifactsDir, 'national-import-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // and the validation result with its three tables
    await page.getByRole('button', { name: '开始校验' }).click();
    // on a phone the results are cards, not tables
    const excluded = page.getByRole('region', { name: '以下户因同户有错误行，整户未导入' });
    await expect.poll(() => excluded.isVisible(), { timeout: 60_000 }).toBe(true);
    for (const h of X.excluded) expect(await excluded.innerText()).toContain(`${h.householdNo} ${h.headName}`);
    expect(await page.getByRole('region', { name: '错误行', exact: true }).innerText()).toContain('“很强”不是有效的劳动能力');
    await page.screenshot({ path: join(artifactsDir, 'national-import-validated-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
