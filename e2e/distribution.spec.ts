import { join } from 'node:path';
import { request as playwrightRequest } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Project = { id: number; name: string; stage: string; regionCode: string; version: number };
type ProjectPage = { items: Project[] };
type Dist = { id: number; status: string; totalYuan: number; lines: { householdId: number; amountYuan: number; kind: string }[] };
type Income = { year: number; wage: number; property: number; perCapita: number; fromDistributions?: { distributionId: number }[] };
type Evaluation = { failing: { key: string; reasonZh: string }[]; records?: { key: string; met: boolean }[] };

// Issue 8's browser story (§3, A2 004 §五): the county accepts a project (API), registers its asset from the project
// page, records the last half year's income of the village collective's asset, proposes the village's distribution
// from the asset page, confirms it in the dialog, opens a household whose income now holds its share with the source,
// and sees the village's A2 figure change on the rule page (the county switched to the Xinxiang pack, which has A2).
describe('distribution: project → asset → income → distribution → household income and A2', () => {
  const j = useJourney('distribution');
  const stamp = Date.now().toString(36);

  it('carries a confirmed distribution into a household’s income and the village’s A2 figure', async () => {
    const { page } = j;
    const url = j.server.url;
    // the admin switches the demo county to the Xinxiang pack (A2 is only there)
    const admin = await playwrightRequest.newContext({ baseURL: url });
    try {
      expect((await admin.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } })).ok()).toBe(true);
      const projects = (await (await admin.get('/api/v1/projects?stage=implementing&pageSize=100')).json()) as ProjectPage;
      const countyOf = `${projects.items[0]!.regionCode.slice(0, 6)}000000`;
      const now = (await (await admin.get(`/api/v1/policy/active?countyCode=${countyOf}`)).json()) as { version: number | null };
      const put = await admin.put('/api/v1/policy/active', { data: { packId: 'xinxiang', countyCode: countyOf, ...(now.version === null ? {} : { version: now.version }) } });
      expect(put.status(), await put.text()).toBe(200);
    } finally {
      await admin.dispose();
    }

    await login(page, url, 'county', PASSWORD);
    // 开工实施 and 竣工验收 of a funded (or implementing) village project, through the API as the county user
    const candidates = [
      ...(await j.api<ProjectPage>('/projects?stage=implementing&pageSize=100')).items,
      ...(await j.api<ProjectPage>('/projects?stage=funded&pageSize=100')).items,
    ];
    const project = candidates.find((p) => !p.regionCode.endsWith('000'));
    expect(project, 'a funded or implementing village project in the demo').toBeDefined();
    for (const action of project!.stage === 'funded' ? ['start', 'accept'] : ['accept']) {
      const { version } = await j.api<Project>(`/projects/${project!.id}`);
      const step = await page.request.post(`${url}/api/v1/projects/${project!.id}/actions`, { data: { action, version } });
      expect(step.status(), await step.text()).toBe(200);
    }
    const village = project!.regionCode;

    // 登记资产 from the project page: the village collective owns it
    await page.goto(`${url}/industry/projects/${project!.id}`);
    await page.getByTestId('project-register-asset').click();
    const dialog = page.getByRole('dialog', { name: '登记资产' });
    await dialog.getByLabel('资产名称').fill(`村集体光伏电站${stamp}`);
    await dialog.getByLabel('资产原值（元）').fill('800000');
    await dialog.getByLabel('确权所有者类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '村集体经济组织' }).first().click();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/assets') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const created = await posted;
    expect(created.status(), await created.text()).toBe(201);
    const asset = (await created.json()) as { id: number; regionCode: string };
    expect(asset.regionCode).toBe(village);
    await page.waitForURL(`**/industry/assets/${asset.id}`);

    // the last half year's income (the dialog's default period)
    await page.getByTestId('income-add').click();
    const income = page.getByRole('dialog', { name: '填报收益' });
    await income.getByLabel('收益（元）').fill('20000.01');
    const putIncome = page.waitForResponse((r) => /\/api\/v1\/assets\/\d+\/incomes\/\d{4}\/[12]$/.test(r.url()) && r.request().method() === 'PUT');
    await income.getByRole('button', { name: /保\s*存/ }).click();
    const savedIncome = await putIncome;
    expect(savedIncome.status(), await savedIncome.text()).toBe(200);
    const [, year] = /incomes\/(\d{4})\/[12]$/.exec(savedIncome.url())!;

    // A2 before: the village earned and paid nothing out to its 脱贫/监测 households → not met
    const before = await j.api<Evaluation>(`/rules/A2/evaluate?regionCode=${village}&year=${year}`);
    expect(before.failing.map((f) => f.key)).toContain(village);

    // 拟定分配 from the asset page: the basis is the asset's income, the default amount 70 % rounded up to the 分
    await page.getByTestId('asset-distributions').click();
    await page.waitForURL((u) => u.pathname === '/industry/distributions');
    await page.getByTestId('dist-propose').click();
    const propose = page.getByRole('dialog', { name: '拟定分配' });
    await expect.poll(() => propose.getByTestId('dist-basis').innerText()).toContain('20,000.01 元');
    const proposed = page.waitForResponse((r) => r.url().endsWith('/api/v1/distributions/propose'));
    await propose.getByRole('button', { name: '拟定分配' }).click();
    const draftRes = await proposed;
    expect(draftRes.status(), await draftRes.text()).toBe(201);
    const draft = (await draftRes.json()) as Dist;
    // 2 000 001 分 × 70 % = 1 400 000.7 → 1 400 001 分, the lines adding up to it exactly
    expect(draft.totalYuan).toBe(14000.01);
    expect(Math.round(draft.lines.reduce((s, l) => s + l.amountYuan * 100, 0))).toBe(1_400_001);
    await page.waitForURL(`**/industry/distributions/${draft.id}`);
    await expect.poll(() => page.getByTestId('dist-totals').innerText()).toContain('14,000.01');
    await page.screenshot({ path: join(artifactsDir, 'distribution-draft-1440.png'), fullPage: true });

    // 确认分配 with the confirmation dialog
    await page.getByTestId('dist-confirm').click();
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/distributions/${draft.id}/confirm`));
    await page
      .getByRole('dialog', { name: '确认本次收益分配？' })
      .getByRole('button', { name: /确认分配/ })
      .click();
    expect((await confirmed).status()).toBe(200);
    await expect.poll(() => page.getByTestId('dist-status').innerText()).toBe('已确认');

    // a household's income of the year now holds its share, with the distribution as its source
    const line = draft.lines.find((l) => l.amountYuan > 0)!;
    const incomes = (await j.api<{ incomes: Income[] }>(`/households/${line.householdId}`)).incomes;
    const y = incomes.find((i) => i.year === Number(year))!;
    expect(y.fromDistributions?.map((d) => d.distributionId)).toEqual([draft.id]);
    expect(line.kind === 'work' ? y.wage : y.property).toBeGreaterThanOrEqual(line.amountYuan);
    await page.goto(`${url}/households/${line.householdId}`);
    await page.getByRole('tab', { name: '收入' }).click();
    await expect.poll(() => page.getByTestId('income-from-distribution').first().innerText()).toMatch(/收益分配 [\d,.]+/);

    // the village's A2 figure: met now, and gone from the failing list of the rule page
    const after = await j.api<Evaluation>(`/rules/A2/evaluate?regionCode=${village}&year=${year}`);
    expect(after.failing.map((f) => f.key)).not.toContain(village);
    await page.goto(`${url}/rules/A2?regionCode=${village}&year=${year}`);
    await expect.poll(() => page.getByText('未达标清单（0）').isVisible()).toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/industry/distributions/${draft.id}`);
    await expect.poll(() => page.getByTestId('dist-status').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'distribution-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
