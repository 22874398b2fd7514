import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login } from './support/browser.ts';
import { buildImportFixture, idNumberWithX, UNMAPPED_HEADER, type ImportFixture } from './support/import-file.ts';
import { PASSWORD, useJourney, type HouseholdDetail, type HouseholdPage } from './support/journey.ts';

type Region = { code: string; name: string; children: { code: string; name: string; level: string }[] };
type SavedMapping = { id: number; name: string; mapping: Record<string, string> };

const MAPPING_NAME = 'E2E 村级花名册';

/** The error table of the validation step as [行, 列, 值, 原因] tuples. */
async function errorRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '原因' }) });
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.getByRole('cell').allInnerTexts()).map((s) => s.trim()));
  return out;
}

/** Picks an option of a searchable select by typing it (antd renders a virtual list). */
async function pick(page: Page, combobox: string, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: combobox, exact: true });
  await select.click();
  await select.fill(option);
  await expect.poll(() => select.getAttribute('aria-activedescendant')).toBeTruthy();
  await select.press('Enter');
}

/** Chooses a source header for a target field in the mapping table. */
async function mapField(page: Page, target: string, header: string): Promise<void> {
  await pick(page, target, header);
  await expect
    .poll(() =>
      page
        .getByRole('row')
        .filter({ has: page.getByText(target, { exact: true }) })
        .innerText(),
    )
    .toContain(header);
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  await page.waitForURL((u) => u.pathname === '/import' && !u.searchParams.get('job'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('点击或拖拽文件到此处上传').click();
  await (await chooser).setFiles(file);
  await page.waitForURL((u) => u.searchParams.get('step') === '1');
}

/** 导入有效数据 → confirm → wait for the result; returns the result's counts by label. */
async function commit(page: Page): Promise<Record<string, number>> {
  await page.getByRole('button', { name: '导入有效数据' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByText(/将导入 \d+ 行有效数据/).isVisible()).toBe(true);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => page.getByText('导入完成').isVisible(), { timeout: 60_000 }).toBe(true);
  const counts: Record<string, number> = {};
  for (const label of ['新增户', '更新户', '未变化户', '新增人员', '更新人员']) {
    const cell = page.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });
    if ((await cell.count()) === 0) continue;
    const text = await cell.innerText();
    const m = new RegExp(`${label}\\s+(\\d+)`).exec(text);
    if (m) counts[label] = Number(m[1]);
  }
  return counts;
}

describe('import: a county sheet with its own headers, bad rows and a saved mapping', () => {
  const j = useJourney('import');
  let fixture: ImportFixture;
  let file: string;
  let villageCode: string;
  let totalBefore: number;

  it('uploads, maps the unknown header, saves the mapping, and lists every bad cell', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    const dawang = await j.api<Region>('/regions/411272100000');
    villageCode = (dawang.children[0] as Region['children'][number]).code;
    fixture = await buildImportFixture(villageCode, 'E2EDW');
    file = join(mkdtempSync(join(tmpdir(), 'chanbang-import-')), '大王村花名册.xlsx');
    writeFileSync(file, fixture.buffer);
    totalBefore = (await j.api<HouseholdPage>('/households?pageSize=1')).total;

    await upload(page, file);
    await expect.poll(() => page.getByText('大王村花名册.xlsx').isVisible()).toBe(true);

    // the sheet's own header for 与户主关系 is not recognised: the field starts unmapped and blocks validation
    const relation = page.getByRole('row').filter({ has: page.getByText('与户主关系', { exact: true }) });
    await expect.poll(() => relation.innerText()).toContain('（不导入）');
    await expect.poll(() => page.getByText(/以下必填字段尚未选择源列：.*与户主关系/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '开始校验' }).isDisabled()).toBe(true);
    await mapField(page, '与户主关系', UNMAPPED_HEADER);
    await mapField(page, '户类型', '户别');
    await mapField(page, '证件号码', '身份证号码');
    expect(await page.getByRole('button', { name: '开始校验' }).isEnabled()).toBe(true);

    await page.getByRole('textbox', { name: '映射名称' }).fill(MAPPING_NAME);
    await page.getByRole('button', { name: '保存当前映射' }).click();
    await expect.poll(() => page.locator('.ant-message-notice').getByText('已保存', { exact: true }).isVisible()).toBe(true);
    const saved = await j.api<{ items: SavedMapping[] } | SavedMapping[]>('/import-mappings?kind=households');
    const list = Array.isArray(saved) ? saved : saved.items;
    expect(list.find((m) => m.name === MAPPING_NAME)?.mapping).toMatchObject({ relation: UNMAPPED_HEADER, householdType: '户别', idNumber: '身份证号码' });

    await page.getByRole('button', { name: '开始校验' }).click();
    await page.waitForURL((u) => u.searchParams.get('step') === '2');
    // the validation ends in the error table, or in a failure whose message the assertion shows
    const reason = page.getByRole('columnheader', { name: '原因' });
    await expect.poll(async () => (await reason.isVisible()) || (await page.getByText('导入失败').isVisible()), { timeout: 90_000 }).toBe(true);
    expect(await reason.isVisible(), await page.getByRole('main').innerText()).toBe(true);

    const errors = await errorRows(page);
    const find = (row: number, column: string, reason: RegExp) => errors.find((e) => e[0] === String(row) && e[1] === column && reason.test(e[3] ?? ''));
    // columns are named by the sheet's own headers (身份证号码, 成员关系), so they can be found in the file
    expect(find(fixture.rowOf('badcheck'), '身份证号码', /校验位/), JSON.stringify(errors)).toBeTruthy();
    expect(find(fixture.rowOf('noname'), '姓名', /不能为空/), JSON.stringify(errors)).toBeTruthy();
    expect(find(fixture.rowOf('number'), '身份证号码', /数字格式|15 位/), JSON.stringify(errors)).toBeTruthy();
    const twoHeads = errors.find((e) => e[1] === UNMAPPED_HEADER && /户主/.test(e[3] ?? ''));
    expect(twoHeads, JSON.stringify(errors)).toBeTruthy();
    expect([fixture.rowOf('twoheads') - 1, fixture.rowOf('twoheads')]).toContain(Number(twoHeads?.[0]));
    // the full-width ID with a lower-case x is valid once normalised
    expect(errors.filter((e) => e[0] === String(fixture.rowOf('fullwidth')))).toEqual([]);

    const goodRows = fixture.goodHouseholds.reduce((s, h) => s + h.members, 0);
    const main = () => page.getByRole('main').innerText();
    await expect.poll(main).toMatch(new RegExp(`有效行\\s+${goodRows}\\s`));
    await expect.poll(main).toMatch(new RegExp(`有效户\\s+${fixture.goodHouseholds.length}\\s`));
  });

  it('imports the good rows after confirmation and finds the household by name', async () => {
    const { page } = j;
    const counts = await commit(page);
    expect(counts['新增户']).toBe(fixture.goodHouseholds.length);
    expect((await j.api<HouseholdPage>('/households?pageSize=1')).total).toBe(totalBefore + fixture.goodHouseholds.length);

    await page.getByRole('button', { name: '查看农户' }).click();
    await page.waitForURL((u) => u.pathname === '/households');
    const first = fixture.goodHouseholds[0] as ImportFixture['goodHouseholds'][number];
    await page.getByRole('searchbox', { name: '姓名或证件号码' }).fill(first.headName);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: first.headName }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(first.householdNo);

    // the stored member carries the normalised ID (half-width, upper-case X)
    const href = (await row.getByRole('link', { name: first.headName }).getAttribute('href')) ?? '';
    const detail = await j.api<HouseholdDetail>(`/households/${href.split('/').pop()}`);
    expect(detail.regionCode.startsWith(villageCode)).toBe(true);
    expect(detail.members.length).toBe(first.members);
    expect(detail.members.map((m) => m.idNumber)).toContain(idNumberWithX('20100315', 100));
  });

  it('re-uploading the same file: the saved mapping can be picked and committing again changes nothing', async () => {
    const { page } = j;
    const before = await j.api<HouseholdPage>('/households?pageSize=1');
    const imported = await Promise.all(fixture.goodHouseholds.map((h) => j.api<HouseholdPage>(`/households?q=${encodeURIComponent(h.headName)}`)));

    await upload(page, file);
    const relation = page.getByRole('row').filter({ has: page.getByText('与户主关系', { exact: true }) });
    await expect.poll(() => relation.innerText()).toContain('（不导入）');
    await pick(page, '使用已保存的映射', MAPPING_NAME);
    await expect.poll(() => relation.innerText()).toContain(UNMAPPED_HEADER);

    await page.getByRole('button', { name: '开始校验' }).click();
    await expect.poll(() => page.getByRole('button', { name: '导入有效数据' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    const counts = await commit(page);
    expect(counts['新增户']).toBe(0);
    expect(counts['新增人员'] ?? 0).toBe(0);
    if (counts['未变化户'] !== undefined) expect(counts['未变化户']).toBe(fixture.goodHouseholds.length);

    const after = await j.api<HouseholdPage>('/households?pageSize=1');
    expect(after.total).toBe(before.total);
    const again = await Promise.all(fixture.goodHouseholds.map((h) => j.api<HouseholdPage>(`/households?q=${encodeURIComponent(h.headName)}`)));
    expect(again.map((p) => p.items.map((i) => [i.id, i.memberCount]))).toEqual(imported.map((p) => p.items.map((i) => [i.id, i.memberCount])));
  });
});
