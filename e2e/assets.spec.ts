import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';
import { chooseOption } from './support/ui.ts';

type ProjectPage = { items: { id: number; name: string; stage: string; regionCode: string }[] };
type AssetPage = { items: { id: number; name: string }[]; total: number; totalValueYuan: number };

// 帮扶项目资产 in the browser (issue 8 §1–2), as the county officer: 登记资产 on an accepted project of the library,
// the asset's page, a half year's income recorded in 元 and shown exactly, a 四个一批 class with its reason in the
// history; the list with its value total; both pages within a 390 px phone.
describe('assets: register from an accepted project, record income, class', () => {
  const j = useJourney('assets');
  const stamp = Date.now().toString(36);

  it('registers an asset on an accepted project, records its half-year income and classes it', async () => {
    const { page } = j;
    await login(page, j.server.url, 'county', PASSWORD);
    const accepted = (await j.api<ProjectPage>('/projects?stage=accepted&pageSize=50')).items;
    let project: ProjectPage['items'][number] | undefined;
    for (const p of accepted) if ((await j.api<AssetPage>(`/assets?projectId=${p.id}&status=all`)).total === 0) project = project ?? p;
    expect(project, 'an accepted demo project without assets').toBeDefined();

    await page.goto(`${j.server.url}/industry/projects/${project!.id}`);
    await page.getByTestId('project-register-asset').click();
    const dialog = page.getByRole('dialog', { name: '登记资产' });
    await expect.poll(() => dialog.getByText(`由项目“${project!.name}”形成`).isVisible()).toBe(true);
    const name = `桃园节水灌溉设施${stamp}`;
    await dialog.getByLabel('资产名称').fill(name);
    await dialog.getByLabel('资产原值（元）').fill('325000.5');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/assets') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const res = await posted;
    expect(res.status(), await res.text()).toBe(201);
    const asset = (await res.json()) as { id: number; projectId: number; regionCode: string; valueYuan: number };
    expect(asset).toMatchObject({ projectId: project!.id, regionCode: project!.regionCode, valueYuan: 325000.5 });
    await page.waitForURL(`**/industry/assets/${asset.id}`);
    await expect.poll(() => page.getByText('325,000.5 元').isVisible()).toBe(true);

    await page.getByTestId('income-add').click();
    const income = page.getByRole('dialog', { name: '填报收益' });
    await income.getByLabel('收益（元）').fill('12345.67');
    const put = page.waitForResponse((r) => /\/api\/v1\/assets\/\d+\/incomes\/\d{4}\/[12]$/.test(r.url()) && r.request().method() === 'PUT');
    await income.getByRole('button', { name: /保\s*存/ }).click();
    const saved = await put;
    expect(saved.status(), await saved.text()).toBe(200);
    expect(((await saved.json()) as { incomeYuan: number }).incomeYuan).toBe(12345.67);
    await expect.poll(() => page.getByRole('cell', { name: '12,345.67' }).isVisible()).toBe(true);

    await page.getByTestId('asset-class-change').click();
    const cls = page.getByRole('dialog', { name: '调整“四个一批”分类' });
    await chooseOption(page, cls, '调整为', '巩固一批');
    await cls.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => cls.getByText('请填写调整理由').isVisible()).toBe(true);
    await cls.getByLabel('调整理由').fill('灌溉设施运行良好，桃园增产明显');
    const classed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/assets/${asset.id}/class`));
    await cls.getByRole('button', { name: /保\s*存/ }).click();
    expect((await classed).status()).toBe(200);
    await expect.poll(() => page.getByText('灌溉设施运行良好，桃园增产明显').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('未分类 → 巩固一批').isVisible()).toBe(true);
    await expect.poll(() => cls.isVisible()).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'asset-detail-1440.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'asset-detail-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('lists the assets with the value total in 万元 and the assets missing last half year’s income; fits 390 px', async () => {
    const { page } = j;
    const all = await j.api<AssetPage>('/assets?pageSize=1');
    const wan = (all.totalValueYuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    await page.goto(`${j.server.url}/industry/assets`);
    await expect.poll(() => page.getByTestId('asset-totals').innerText()).toBe(`共 ${all.total} 项资产，原值合计 ${wan} 万元`);
    await expect.poll(() => page.getByTestId('asset-missing').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: '阳店村果品交易市场' }).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'assets-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByTestId('asset-totals').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'assets-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
