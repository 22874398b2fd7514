import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';
import { DEMO_REGION_VILLAGES, writeDemoRegionList } from './support/region-file.ts';

type Node = { code: string; name: string; retired?: boolean; children: Node[] };

describe('regions: the admin imports the official region list through the UI', () => {
  const j = useJourney('regions');

  it('uploads the list, sees the change report, and finds the new villages in the tree', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    await page.goto(`${j.server.url}/regions`);
    const file = await writeDemoRegionList(mkdtempSync(join(tmpdir(), 'chanbang-regions-')));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入区划表' }).click();
    await (await chooser).setFiles(file);

    const counts = page.getByTestId('region-report-counts');
    await expect.poll(() => counts.innerText(), { timeout: 30_000 }).toContain('新增 5');
    expect(await counts.innerText()).toMatch(/更名 0[\s\S]*未变 3[\s\S]*拒绝 0/);
    const report = page.getByRole('table', { name: '变更结果' });
    for (const v of DEMO_REGION_VILLAGES) await expect.poll(() => report.innerText()).toContain(v.name);
    await page.screenshot({ path: join(artifactsDir, 'regions-import-report.png'), fullPage: true });

    // the tree (refetched after the import) shows the villages under their townships
    const tree = page.getByRole('navigation', { name: /区划树|区划/ });
    await tree.getByPlaceholder('名称').fill('后地');
    await expect.poll(() => tree.getByText('后地村', { exact: true }).isVisible()).toBe(true);
    await tree.getByText('后地村', { exact: true }).click();
    await expect.poll(() => page.getByText('411272100240').first().isVisible()).toBe(true);

    const dawang = await j.api<Node[]>('/regions/tree?root=411272100000&depth=1');
    expect(dawang[0]!.children.map((c) => c.name)).toEqual(expect.arrayContaining(['后地村', '北营村']));
    const yangdian = await j.api<Node[]>('/regions/tree?root=411272101000&depth=1');
    expect(yangdian[0]!.children.map((c) => c.name)).toEqual(expect.arrayContaining(['东阳村', '西坡村', '寨子村']));
  });

  it('adds a 组 under a new village: the code field starts with the village code', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/regions?code=411272101242`);
    await page.getByRole('button', { name: '添加下级' }).click();
    const dialog = page.getByRole('dialog');
    const code = dialog.getByLabel('区划代码');
    expect(await code.inputValue()).toBe('411272101242');
    await code.press('End');
    await code.pressSequentially('001');
    await dialog.getByLabel('名称').fill('第一村民小组');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(async () => (await j.api<{ children: { code: string; name: string }[] }>('/regions/411272101242')).children)
      .toEqual([expect.objectContaining({ code: '411272101242001', name: '第一村民小组' })]);
  });

  it('retires a village with a confirmation, shows it as 已撤销, and restores it', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/regions?code=411272101242`);
    await page
      .getByRole('button', { name: '撤 销' })
      .or(page.getByRole('button', { name: '撤销' }))
      .click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByText('已撤销').first().isVisible()).toBe(true);
    const node = await j.api<{ retiredAt: string | null }>('/regions/411272101242');
    expect(node.retiredAt).not.toBeNull();
    await page.getByRole('button', { name: /恢\s*复/ }).click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await j.api<{ retiredAt: string | null }>('/regions/411272101242')).retiredAt).toBeNull();
  });

  it('fits a 390 px phone: 大王镇 counts each type once with 合计, no horizontal page scroll', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/regions?code=411272100000`);
    await expect.poll(() => page.getByText('合计').first().isVisible()).toBe(true);
    expect(await page.getByText('total', { exact: true }).count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(artifactsDir, 'regions-390.png'), fullPage: true });
    expect(width).toBeLessThanOrEqual(390);
  });
});
