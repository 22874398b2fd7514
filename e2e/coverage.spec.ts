import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Drill = { met: number; total: number; byRegion: { code: string; name: string }[] };

// 三有一持续 in the browser (issue 8 §7–§8), as the county officer: the page by township, down to 大王镇's villages, a
// village's 户户有产业 figure opens its failing households with their reasons; then 当地农民人均可支配收入 of the last
// year raised far above the villages' growth turns every village's H6 to 未达标; the page fits a 390 px phone.
describe('coverage: 三有一持续 by region, drill-down, local farmers’ income', () => {
  const j = useJourney('coverage');
  const county = '411272000000';
  const year = new Date().getFullYear() - 1;

  it('drills from the county to a village’s failing households and their reasons', async () => {
    const { page } = j;
    await login(page, j.server.url, 'county', PASSWORD);
    await page.goto(`${j.server.url}/coverage`);
    await expect.poll(() => page.getByTestId(`coverage-H3-${county}`).isVisible(), { timeout: 60_000 }).toBe(true);
    await page.getByRole('button', { name: '大王镇' }).click();
    await page.waitForURL(/regionCode=411272100000/);
    const h3 = await j.api<Drill>(`/rules/H3/evaluate?regionCode=411272100000&year=${year}`);
    const village = h3.byRegion[0]!;
    const cell = page.getByTestId(`coverage-H3-${village.code}`);
    await expect.poll(() => cell.isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'coverage-1440.png'), fullPage: true });
    await cell.click();
    await page.waitForURL(new RegExp(`/rules/H3\\?regionCode=${village.code}&year=${year}`));
    await expect
      .poll(
        () =>
          page
            .getByText(/无产业项目或联农带农/)
            .first()
            .isVisible(),
        { timeout: 30_000 },
      )
      .toBe(true);
  });

  it('a new local farmers’ income figure changes H6', async () => {
    const { page } = j;
    const before = await j.api<Drill>(`/rules/H6/evaluate?year=${year}`);
    expect(before.met, 'some villages grow faster than the demo county').toBeGreaterThan(0);
    await page.goto(`${j.server.url}/coverage`);
    const h6 = page.getByTestId(`coverage-cell-H6-${county}`);
    await expect.poll(() => h6.innerText(), { timeout: 60_000 }).toContain(`${before.met} / ${before.total} 个村`);
    await page.getByTestId('local-income-add').click();
    const dialog = page.getByRole('dialog', { name: '录入当地农民人均可支配收入' });
    await dialog.getByLabel('人均可支配收入（元）').fill('30000');
    await dialog.getByLabel('数据来源').fill('县统计局快报（测试）');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/v1/local-incomes/${year}`) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const res = await put;
    expect(res.status(), await res.text()).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(2);
    await expect.poll(() => h6.innerText(), { timeout: 30_000 }).toContain(`0 / ${before.total} 个村`);
    await expect.poll(() => page.getByRole('cell', { name: '30,000' }).isVisible()).toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => h6.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'coverage-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
