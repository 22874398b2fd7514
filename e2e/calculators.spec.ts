import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

type Loan = { id: number; amountYuan: number; interestSubsidyYuan: number };

// Issue 7 §7 in the browser. The demo county lies in Henan, whose packs set no S1/C1: the admin makes the Jincheng
// pack (晋市农发〔2023〕52号) the county's active pack first. Then: S1 solar greenhouse 2.5 亩 → 75,000 元 with the
// working; C1 12 万 → refused with the reason; on a 脱贫户's page a 5 万 3-year loan at 3.45 % shows its subsidy
// 5,175 元. Both pages at 390 px stay within the screen.
describe('calculators: S1, C1 and a household loan', () => {
  const j = useJourney('calculators');
  let householdId = 0;

  it('S1 solar greenhouse 2.5 亩 → 75,000 元; C1 12 万 → refused with the reason', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    const active = await j.api<{ version?: number | null }>('/policy/active');
    const put = await page.request.put(`${j.server.url}/api/v1/policy/active`, { data: { packId: 'jincheng', ...(active.version ? { version: active.version } : {}) } });
    expect(put.status(), await put.text()).toBe(200);

    await page.goto(`${j.server.url}/industry/calculators`);
    const s1 = page.locator('.ant-card').filter({ hasText: '设施农业补助测算' });
    await expect.poll(() => s1.getByText('晋城', { exact: false }).first().isVisible()).toBe(true);
    await s1.getByLabel('面积（亩）').fill('2.5');
    await s1.getByRole('button', { name: /测\s*算/ }).click();
    await expect.poll(() => s1.getByText('新建日光温室 2.5 亩 × 30,000 元/亩 = 75,000 元').isVisible()).toBe(true);
    await expect.poll(() => s1.getByText('75,000 元').first().isVisible()).toBe(true);
    await expect.poll(() => s1.getByText('符合补助条件').isVisible()).toBe(true);
    await expect.poll(() => s1.getByText(/晋市农发〔2023〕52号 二\(二\)2/).isVisible()).toBe(true);

    const c1 = page.locator('.ant-card').filter({ hasText: '脱贫人口小额信贷测算' });
    await c1.getByLabel('贷款金额（元）').fill('120000');
    await c1.getByLabel('年利率（%）').fill('3.45');
    await c1.getByRole('button', { name: /测\s*算/ }).click();
    await expect.poll(() => c1.getByText('不符合政策').isVisible()).toBe(true);
    await expect.poll(() => c1.getByText(/超过单户上限 10 万元/).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'calculators-1440.png'), fullPage: true });
  });

  it('adds a 5 万 3-year loan on a 脱贫户 page and sees its subsidy 5,175 元', async () => {
    const { page } = j;
    const list = await j.api<HouseholdPage>('/households?householdType=lifted&pageSize=5');
    householdId = list.items[0]!.id;
    await page.goto(`${j.server.url}/households/${householdId}?tab=loans`);
    await page.getByRole('button', { name: /新增贷款/ }).click();
    const dialog = page.getByRole('dialog', { name: '新增贷款' });
    await dialog.getByLabel('贷款金额（元）').fill('50000');
    await dialog.getByLabel('年利率（%）').fill('3.45');
    await expect.poll(() => dialog.getByText('按期内付息、到期还本，预计贴息 5,175 元').isVisible()).toBe(true);
    await dialog.getByLabel('贷款金额（元）').fill('120000');
    await expect.poll(() => dialog.getByText(/超过单户上限 10 万元/).isVisible()).toBe(true);
    await dialog.getByLabel('贷款金额（元）').fill('50000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const loans = await j.api<{ items: Loan[] }>(`/households/${householdId}/loans`);
    expect(loans.items.map((l) => [l.amountYuan, l.interestSubsidyYuan])).toContainEqual([50_000, 5175]);
    await expect.poll(() => page.getByText('5,175', { exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'calculators-loans-1440.png'), fullPage: true });
  });

  it('both pages fit a 390 px phone', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/industry/calculators`);
    await expect.poll(() => page.getByText('脱贫人口小额信贷测算').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'calculators-390.png'), fullPage: true });
    await page.goto(`${j.server.url}/households/${householdId}?tab=loans`);
    await expect.poll(() => page.getByText('5,175', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'calculators-loans-390.png'), fullPage: true });
    await page.getByRole('button', { name: /新增贷款/ }).click();
    const dialog = page.getByRole('dialog', { name: '新增贷款' });
    await dialog.getByLabel('贷款金额（元）').fill('80000');
    await dialog.getByLabel('年利率（%）').fill('3.45');
    await expect.poll(() => dialog.getByText(/仅限有需求、能还款的脱贫户/).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'calculators-loan-form-390.png') });
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
