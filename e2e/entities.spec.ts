import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@chanbang/domain';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Node = { code: string; name: string; level: string; children: Node[] };
type EntityPage = { items: { id: number; name: string }[]; total: number };

/** A valid cooperative credit code (93…) with the GB 32100 check character; `wrong` swaps the check character. */
function coopCode(n: number): { ok: string; wrong: string } {
  const first17 = `93411272MA${Date.now()
    .toString(36)
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')
    .slice(-5)}${String(n).padStart(2, '0')}`.slice(0, 17);
  const check = creditCodeCheckChar(first17)!;
  return { ok: first17 + check, wrong: first17 + (check === '0' ? '1' : '0') };
}

async function xlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('经营主体');
  ws.addRow(['主体名称', '主体类型', '所在地区划代码', '统一社会信用代码', '级别', '党支部领办', '联系电话']);
  for (const r of rows) ws.addRow(r);
  const file = join(mkdtempSync(join(tmpdir(), 'cb-entities-')), '经营主体.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

// Issue 7 §2 in the browser: a township officer registers a cooperative (a wrong credit code refused in words as it
// is typed, the right one accepted), adds a technical backbone, imports a file with one planted bad row (the row
// error shown, nothing added), fixes it (added); the pages stay within a 390 px phone.
describe('entities: 经营主体 and 技术骨干', () => {
  const j = useJourney('entities');
  const stamp = Date.now().toString(36);
  let village: Node;

  it('registers a cooperative with a valid credit code after a wrong one is refused, then adds a backbone', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    const tree = await j.api<Node[]>('/regions/tree?depth=2');
    village = tree
      .flatMap(function walk(n: Node): Node[] {
        return [n, ...n.children.flatMap(walk)];
      })
      .find((n) => n.level === 'village')!;
    const code = coopCode(1);
    const name = `测试苹果专业合作社${stamp}`;

    await page.goto(`${j.server.url}/industry/entities`);
    await page.getByTestId('entity-add').click();
    const dialog = page.getByRole('dialog', { name: '登记经营主体' });
    await dialog.getByLabel('主体类型').click();
    await page.locator('.ant-select-item-option', { hasText: '农民专业合作社' }).click();
    await dialog.getByLabel('主体名称').fill(name);
    await dialog.getByLabel('所在地', { exact: true }).click();
    await dialog.getByLabel('所在地', { exact: true }).fill(village.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: village.name }).first().click();
    await dialog.getByLabel('统一社会信用代码').fill(code.wrong);
    await expect.poll(() => dialog.getByText(`校验位错误：按前 17 位计算应为“${code.ok[17]}”`).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'entities-credit-refused-1440.png') });
    await dialog.getByLabel('统一社会信用代码').fill(code.ok.toLowerCase());
    await expect.poll(() => dialog.getByText('统一社会信用代码校验通过').isVisible()).toBe(true);
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/entities') && r.request().method() === 'POST', { timeout: 60_000 });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const res = await posted;
    expect(res.status(), await res.text()).toBe(201);
    await page.waitForURL(/\/industry\/entities\/\d+$/, { timeout: 30_000 });
    await expect.poll(() => page.getByText(code.ok).isVisible()).toBe(true);

    await page.getByRole('tab', { name: '技术骨干' }).click();
    await page.getByTestId('backbone-add').click();
    const bb = page.getByRole('dialog', { name: '添加技术骨干' });
    await bb.getByLabel('姓名').fill('张农技');
    await bb.getByLabel('专业特长').fill('果树栽培');
    await bb.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('cell', { name: '张农技' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'entities-detail-1440.png'), fullPage: true });
  });

  it('imports a file with one bad row: the row error is shown and nothing is added; fixed, both rows are added', async () => {
    const { page } = j;
    const code = coopCode(2);
    const names = [`导入家庭农场${stamp}`, `导入合作社${stamp}`];
    const rows = [
      [names[0]!, '家庭农场', village.code, '', '', '', ''],
      [names[1]!, '农民专业合作社', village.code, code.wrong, '县级', '是', ''],
    ];
    await page.goto(`${j.server.url}/industry/entities`);
    await page.getByTestId('entity-import').click();
    const dialog = page.getByRole('dialog', { name: '导入经营主体' });
    await dialog.locator('input[type=file]').setInputFiles(await xlsx(rows));
    await page.getByTestId('entity-import-start').click();
    const issues = page.getByTestId('entity-import-issues');
    await expect.poll(() => issues.isVisible()).toBe(true);
    const text = await issues.innerText();
    expect(text).toContain('3');
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('校验位错误');
    await page.screenshot({ path: join(artifactsDir, 'entities-import-errors-1440.png') });
    expect((await j.api<EntityPage>(`/entities?q=${encodeURIComponent(stamp)}&status=all`)).items.map((e) => e.name)).not.toContain(names[0]);
    // the error list downloads as a CSV with the same row, column and reason
    const download = page.waitForEvent('download');
    await page.getByTestId('entity-import-errors').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF行,列,原因,Reason');
    expect(csv).toMatch(/\r\n3,统一社会信用代码,[^\r\n]*校验位错误/);
    // on a phone the dialog is full screen and nothing is wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(() => dialog.getByText('校验位错误').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'entities-import-errors-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    rows[1]![3] = code.ok;
    await dialog.locator('input[type=file]').setInputFiles(await xlsx(rows));
    await page.getByTestId('entity-import-start').click();
    await expect.poll(() => page.getByText('导入完成：新增 2 个，更新 0 个').isVisible()).toBe(true);
    const after = await j.api<EntityPage>(`/entities?q=${encodeURIComponent(stamp)}`);
    expect(after.items.map((e) => e.name)).toEqual(expect.arrayContaining(names));
  });

  it('the list and the detail page fit a 390 px phone', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/industry/entities?q=${encodeURIComponent(stamp)}`);
    await expect.poll(() => page.getByText(`测试苹果专业合作社${stamp}`).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'entities-list-390.png'), fullPage: true });
    await page.getByText(`测试苹果专业合作社${stamp}`).first().click();
    await page.waitForURL(/\/industry\/entities\/\d+$/);
    await page.getByRole('tab', { name: '技术骨干' }).click();
    await expect.poll(() => page.getByText('张农技').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'entities-detail-390.png'), fullPage: true });
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByTestId('entity-edit').click();
    const dialog = page.getByRole('dialog', { name: '修改经营主体' });
    await expect.poll(() => dialog.getByLabel('主体名称').inputValue()).toBe(`测试苹果专业合作社${stamp}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.waitForTimeout(600); // the modal's opening animation
    await page.screenshot({ path: join(artifactsDir, 'entities-form-390.png') });
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
