import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

// 衔接资金 (issue 7 §6) in the browser: the county officer records a 2027 linkage fund source (API), allocates 600 万
// of it on the funds page to the demo's 灵宝大枣深加工 (a library project) and sees the F1 gauge go from 0.0% 未达标
// to 60.0% 达标 (Sanmenxia pack, 000 §五(二): 55% and above 2026's 59.0%); in the what-if drawer, moving 100 万 to
// 乡村道路 shows F1 turning 未达标 before anything is saved, and 放弃 leaves the allocation as it was. 390 px fits.

type Summary = { rules: { ruleId: string; status: string; value: number | null }[]; years: { year: number; industryYuan: number }[] };
const YEAR = 2027;
const shots = join(artifactsDir, 'funds');
mkdirSync(shots, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // charts settle
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
}

/** The input of an antd InputNumber with this test id (on the input or its wrapper). */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Clicks the select with this test id and picks the option. */
async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  if (typeof option === 'string' && (await page.getByTestId(testId).locator('input').count()) > 0) {
    // a searchable list (a county has more projects than the dropdown draws at once): narrow it, then take the match
    await page.keyboard.type(option);
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1);
    await page.keyboard.press('Enter');
  } else await item.click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('funds: 安排资金 moves the F1 gauge; what-if shows F1 turning red before saving', () => {
  const j = useJourney('funds');
  const f1 = (page: Page) => page.getByTestId('fund-rule-F1-value');
  const f1Status = (page: Page) => page.getByTestId('fund-rule-F1-status');

  it('allocates on the funds page and the F1 gauge changes', async () => {
    const { page } = j;
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await login(page, j.server.url, 'county', PASSWORD);
    const { regionCode } = (await j.api<{ user: { regionCode: string } }>('/auth/me')).user;
    const created = await page.request.post(`${j.server.url}/api/v1/fund-sources`, {
      data: {
        regionCode,
        year: YEAR,
        fundLevel: 'central',
        fundKind: 'linkage',
        name: `${YEAR}年中央衔接推进乡村振兴补助资金`,
        documentNo: '示范区财〔2027〕1号',
        amountYuan: 10_000_000,
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto(`${j.server.url}/industry/funds?year=${YEAR}`);
    await expect.poll(() => f1(page).innerText()).toBe('0.0%');
    await expect.poll(() => f1Status(page).innerText()).toBe('未达标');
    await shot(page, 'funds-before');

    await pick(page, 'allocate-source', `${YEAR}年中央衔接`);
    await pick(page, 'allocate-project', '灵宝大枣深加工');
    await numberInput(page, 'allocate-amount').fill('6000000');
    await page.getByTestId('allocate-submit').click();
    await expect.poll(() => f1(page).innerText()).toBe('60.0%');
    await expect.poll(() => f1Status(page).innerText()).toBe('达标');
    const summary = await j.api<Summary>(`/funds/summary?year=${YEAR}`);
    expect(summary.years.find((y) => y.year === YEAR)?.industryYuan).toBe(6_000_000);
    await shot(page, 'funds-allocated');
  });

  it('what-if: moving 100 万 to 乡村道路 turns F1 未达标 before saving; 放弃 saves nothing', async () => {
    const { page } = j;
    await page.getByTestId('whatif-open').click();
    await pick(page, 'whatif-from-0', '灵宝大枣深加工');
    await pick(page, 'whatif-to-0', '乡村道路');
    await numberInput(page, 'whatif-amount-0').fill('1000000');
    await page.getByTestId('whatif-run').click();
    await expect.poll(() => page.getByTestId('whatif-after-F1').innerText()).toBe('未达标');
    await expect.poll(() => page.getByText('将变为未达标').first().isVisible()).toBe(true);
    await shot(page, 'funds-whatif');
    await page.getByTestId('whatif-discard').click();
    await expect.poll(() => page.getByTestId('whatif-run').isVisible()).toBe(false);
    const summary = await j.api<Summary>(`/funds/summary?year=${YEAR}`);
    expect(summary.years.find((y) => y.year === YEAR)?.industryYuan).toBe(6_000_000);
    expect(summary.rules.find((r) => r.ruleId === 'F1')?.status).toBe('met');
  });

  it('fits a 390 px phone', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/industry/funds?year=${YEAR}`);
    await expect.poll(() => f1(page).innerText()).toBe('60.0%');
    await shot(page, 'funds');
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.getByTestId('whatif-open').click();
    await expect.poll(() => page.getByTestId('whatif-run').isVisible()).toBe(true);
    await shot(page, 'funds-whatif');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
