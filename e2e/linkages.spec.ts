import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

type Income = { year: number; wage: number; version: number; fromLinkages?: { wage: number } };
type Detail = { id: number; householdNo: string; exitReason: string | null; incomes: Income[] };

// Issue 7 §3 in the browser: on a household page the village officer records that an entity (created through the
// API) employs the household, carries the amount into the year's income and sees 工资性收入 go up by it, with the
// source (含联农带农) shown under the figure. The same tab at 390 px stays within the screen.
describe('linkages: 带动主体 → 计入当年收入', () => {
  const j = useJourney('linkages');
  const year = 2024;
  const amount = 4800;
  let household: Detail;
  let entityName = '';

  it('adds a linkage on the household page and carries it into the year’s wage income', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    const list = await j.api<HouseholdPage>('/households?pageSize=5');
    household = await j.api<Detail>(`/households/${list.items[0]!.id}`);
    const regionCode = list.items[0]!.regionCode.slice(0, 12);
    entityName = `联农带农测试家庭农场${Date.now().toString(36)}`;
    const created = await page.request.post(`${j.server.url}/api/v1/entities`, { data: { regionCode, entityType: 'family_farm', name: entityName } });
    expect(created.status(), await created.text()).toBe(201);
    const wageBefore = household.incomes.find((i) => i.year === year)?.wage ?? 0;

    await page.goto(`${j.server.url}/households/${household.id}?tab=linkages`);
    await page.getByRole('button', { name: /新增带动记录/ }).click();
    const dialog = page.getByRole('dialog', { name: '新增带动记录' });
    await dialog.getByLabel('带动主体').click();
    await dialog.getByLabel('带动主体').fill(entityName.slice(0, 8));
    await page.locator('.ant-select-item-option', { hasText: entityName }).click();
    await dialog.getByLabel('年度').fill(String(year));
    await dialog.getByLabel('收入（元）').fill(String(amount));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('cell', { name: entityName, exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('未计入').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: `计入 ${year} 年收入` }).click();
    const confirm = page.getByRole('dialog', { name: `将带动收入计入该户 ${year} 年收入` });
    await expect.poll(() => confirm.getByText('工资性收入 +4,800 元').isVisible()).toBe(true);
    await confirm.getByRole('button', { name: /确认计入/ }).click();
    await expect
      .poll(() =>
        page
          .getByText(/^已计入（/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    const after = await j.api<Detail>(`/households/${household.id}`);
    const income = after.incomes.find((i) => i.year === year)!;
    expect(income.wage).toBe(wageBefore + amount);
    expect(income.fromLinkages?.wage).toBe(amount);

    await page.goto(`${j.server.url}/households/${household.id}?tab=income`);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(year), exact: true }) });
    await expect.poll(() => row.getByText(`含联农带农 ${amount.toLocaleString('zh-CN')}`).isVisible()).toBe(true);
    await expect.poll(async () => (await row.innerText()).includes((wageBefore + amount).toLocaleString('zh-CN'))).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'linkages-income-1440.png'), fullPage: true });
  });

  it('the linkage tab fits a 390 px phone', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/households/${household.id}?tab=linkages`);
    await expect.poll(() => page.getByText(entityName).first().isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'linkages-household-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('linkages: the entity page 带动农户', () => {
  const j = useJourney('linkages-entity');

  it('shows the households the entity drives with totals by year and mode, also at 390 px', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    const list = await j.api<HouseholdPage>('/households?pageSize=2&householdType=lifted');
    const name = `带农测试合作社${Date.now().toString(36)}`;
    const regionCode = list.items[0]!.regionCode.slice(0, 12);
    const created = await page.request.post(`${j.server.url}/api/v1/entities`, { data: { regionCode, entityType: 'family_farm', name } });
    expect(created.status(), await created.text()).toBe(201);
    const entityId = ((await created.json()) as { id: number }).id;
    for (const h of list.items) {
      const res = await page.request.post(`${j.server.url}/api/v1/linkages`, { data: { entityId, householdId: h.id, mode: 'land_transfer', year: 2024, amountYuan: 600.5 } });
      expect(res.status(), await res.text()).toBe(201);
    }
    await page.goto(`${j.server.url}/industry/entities/${entityId}`);
    await page.getByRole('tab', { name: '带动农户' }).click();
    const totals = page.getByRole('row').filter({ hasText: '土地流转' }).first();
    await expect.poll(() => totals.isVisible()).toBe(true);
    // 2 households, both 脱贫户, 1 201 元
    await expect.poll(async () => (await totals.innerText()).replace(/\s+/g, ' ')).toContain('2024 土地流转 2 2 0 1,201');
    await page.screenshot({ path: join(artifactsDir, 'linkages-entity-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByText(list.items[0]!.householdNo).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'linkages-entity-390.png'), fullPage: true });
  });
});
