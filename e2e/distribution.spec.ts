import { join } from 'node:path';
import { request as playwrightRequest } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { chooseOption, openDialog } from './support/ui.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Project = { id: number; name: string; stage: string; regionCode: string; version: number };
type ProjectPage = { items: Project[] };
type DistLine = { householdId: number; householdNo: string; amountYuan: number; kind: string; workUnits: number | null; hasLabor: boolean };
type Dist = { id: number; status: string; totalYuan: number; version: number; lines: DistLine[] };
type Income = {
  year: number;
  wage: number;
  business: number;
  businessExpense: number;
  property: number;
  transfer: number;
  perCapita: number;
  version: number;
  fromDistributions?: { distributionId: number }[];
};
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
    const dialog = await openDialog(page, page.getByTestId('project-register-asset'), '登记资产');
    await dialog.getByLabel('资产名称').fill(`村集体光伏电站${stamp}`);
    await dialog.getByLabel('资产原值（元）').fill('800000');
    await chooseOption(page, dialog, '确权所有者类型', '村集体经济组织');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/assets') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const created = await posted;
    expect(created.status(), await created.text()).toBe(201);
    const asset = (await created.json()) as { id: number; regionCode: string; ownerKind: string | null };
    expect(asset.regionCode).toBe(village);
    // only a village collective's asset income is 村集体产业收益 (A2)
    expect(asset.ownerKind).toBe('village_collective');
    await page.waitForURL(`**/industry/assets/${asset.id}`);

    // the last half year's income (the dialog's default period)
    const income = await openDialog(page, page.getByTestId('income-add'), '填报收益');
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
    const propose = await openDialog(page, page.getByTestId('dist-propose'), '拟定分配');
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

    // the lines are paged 20 at a time with the count; 移除 a household, then 添加农户 finds it again by its 户编号 and the
    // versioned save stores it with the same kind and amount (the totals are back to the proposal's)
    await expect.poll(() => page.getByTestId('dist-line-count').innerText()).toBe(`共 ${draft.lines.length} 户`);
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(20, draft.lines.length));
    const moved = draft.lines[0]!;
    await page
      .locator('tr.ant-table-row', { hasText: moved.householdNo })
      .getByRole('button', { name: /移\s*除/ })
      .click();
    await expect.poll(() => page.getByTestId('dist-line-count').innerText()).toBe(`共 ${draft.lines.length - 1} 户`);
    const add = await openDialog(page, page.getByTestId('dist-add'), '添加农户');
    await chooseOption(page, add, '农户', moved.householdNo, { search: moved.householdNo });
    if (moved.kind === 'base') await chooseOption(page, add, '分配方式', '基础保障');
    else await add.getByLabel('劳动量').fill(String(moved.workUnits ?? 1));
    await add.getByLabel('金额（元）').fill(String(moved.amountYuan));
    await page.screenshot({ path: join(artifactsDir, 'distribution-add-1440.png') });
    await add.getByRole('button', { name: /添\s*加/ }).click();
    await expect.poll(() => page.getByTestId('dist-line-count').innerText()).toBe(`共 ${draft.lines.length} 户`);
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/distributions/${draft.id}`) && r.request().method() === 'PATCH');
    await page.getByTestId('dist-save').click();
    const patchRes = await patched;
    expect(patchRes.status(), await patchRes.text()).toBe(200);
    const saved = (await patchRes.json()) as Dist;
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.lines.find((l) => l.householdId === moved.householdId)).toMatchObject({ kind: moved.kind, amountYuan: moved.amountYuan, hasLabor: moved.hasLabor });
    expect(saved.totalYuan).toBe(14000.01);

    // 确认分配 with the confirmation dialog, once the page has taken the save (保存明细 disabled again; before it, the page asks to save first)
    await expect.poll(() => page.getByTestId('dist-save').isDisabled()).toBe(true);
    const confirmDialog = await openDialog(page, page.getByTestId('dist-confirm'), '确认本次收益分配？');
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/distributions/${draft.id}/confirm`));
    await confirmDialog.getByRole('button', { name: /确认分配/ }).click();
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
    // 20 cards a page on a phone, not one per household of the village
    expect(await page.getByRole('list', { name: '分配明细' }).getByRole('listitem').count()).toBe(Math.min(20, draft.lines.length));
    await page.screenshot({ path: join(artifactsDir, 'distribution-390.png'), fullPage: true });

    // the officer re-enters that household's income by hand; 撤销分配 then names it and asks 冲减 / 不冲减 (不冲减: kept as typed)
    const typed = (await j.api<{ incomes: Income[] }>(`/households/${line.householdId}`)).incomes.find((i) => i.year === Number(year))!;
    const { business, businessExpense, property, transfer, version } = typed;
    const wage = Math.round(typed.wage * 100 + 10000) / 100;
    const handEdit = await page.request.put(`${url}/api/v1/households/${line.householdId}/incomes/${year}`, {
      data: { wage, business, businessExpense, property, transfer, version },
    });
    expect(handEdit.status(), await handEdit.text()).toBe(200);
    const lineNo = draft.lines.find((l) => l.householdId === line.householdId)!.householdNo;
    const cancel = await openDialog(page, page.getByRole('button', { name: '撤销分配' }), '撤销本次收益分配');
    await cancel.getByLabel('撤销原因').fill('收益数据有误');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/distributions/${draft.id}/cancel`));
    await cancel.getByRole('button', { name: /确\s*定/ }).click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => cancel.getByTestId('dist-edited').innerText()).toContain(lineNo);
    await cancel.getByText('不冲减（保留其现有收入，其余农户照常冲减）').click();
    await expect.poll(() => cancel.getByRole('radio', { name: /不冲减/ }).isChecked()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'distribution-cancel-edited-390.png') });
    const kept = page.waitForResponse((r) => r.url().endsWith(`/api/v1/distributions/${draft.id}/cancel`));
    await cancel.getByRole('button', { name: /确\s*定/ }).click();
    const keptRes = await kept;
    expect(keptRes.status(), await keptRes.text()).toBe(200);
    expect(((await keptRes.json()) as { note: string }).note).toContain(lineNo);
    await expect.poll(() => page.getByTestId('dist-status').innerText()).toBe('已撤销');
    const after2 = (await j.api<{ incomes: Income[] }>(`/households/${line.householdId}`)).incomes.find((i) => i.year === Number(year))!;
    expect(after2.wage).toBe(wage);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
