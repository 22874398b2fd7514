import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Item = { personId: number; name: string; householdNo: string; eligible: boolean; payment: { amountYuan: number } | null };
type Page = { items: Item[]; total: number; paidCount: number; paidYuan: number; year: number };

// 就业补助 in the browser (issue 8 §5; J1 003 §二(三)2), as the county officer: the 交通补助 list of this year, 发放 with
// the amount prefilled from the Sanmenxia pack (300 元, its clause shown), the row turns 已发放 and the totals move; a
// second payment of the same person in the year — another officer paid while the dialog was open — refused in the
// dialog with the words, the row 已发放; the page within a 390 px phone.
describe('job subsidies: pay a J1, a second one refused, the list updates', () => {
  const j = useJourney('job-subsidies');
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

  const row = (name: string) => j.page.locator('tr', { hasText: name }).first();
  const openFor = async (it: Item) => {
    const { page } = j;
    await page.goto(`${j.server.url}/job-subsidies?kind=travel&year=${year}&q=${encodeURIComponent(it.householdNo)}`);
    await expect.poll(() => row(it.name).isVisible()).toBe(true);
    await row(it.name).getByTestId('job-subsidy-pay').click();
    const dialog = page.getByRole('dialog', { name: '发放一次性交通补助' });
    await expect.poll(() => dialog.getByLabel('发放金额（元）').inputValue()).toBe('300.00');
    return dialog;
  };

  it('pays 300 元 to an eligible migrant; the second payment of the year is refused; the list updates', async () => {
    const { page } = j;
    await login(page, j.server.url, 'county', PASSWORD);
    const list = await j.api<Page>(`/job-subsidies?kind=travel&year=${year}&status=unpaid&pageSize=50`);
    const unpaid = list.items.filter((i) => i.eligible && !i.payment);
    expect(unpaid.length, 'eligible unpaid migrants in the demo').toBeGreaterThan(1);
    const before = await j.api<Page>(`/job-subsidies?kind=travel&year=${year}&pageSize=1`);
    const [first, second] = unpaid as [Item, Item];

    const dialog = await openFor(first);
    await expect.poll(() => dialog.getByText(/不超过 300 元（.*二\(三\)2）/).isVisible()).toBe(true);
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/job-subsidies/payments') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /发\s*放/ }).click();
    const res = await posted;
    expect(res.status(), await res.text()).toBe(201);
    await expect.poll(() => row(first.name).getByTestId('job-subsidy-paid').innerText()).toBe('已发放 300 元');
    await page.goto(`${j.server.url}/job-subsidies?year=${year}`);
    await expect.poll(() => page.getByTestId('job-subsidy-totals').innerText()).toContain(`已发放 ${before.paidCount + 1} 人`);
    await page.screenshot({ path: join(artifactsDir, 'job-subsidies-1440.png'), fullPage: true });

    // another officer pays the second person while this dialog is open: 发放 is refused, the row turns 已发放
    const again = await openFor(second);
    const other = await page.request.post(`${j.server.url}/api/v1/job-subsidies/payments`, {
      data: { kind: 'travel', personId: second.personId, year, amountYuan: 200, paidOn: `${year}-01-15` },
    });
    expect(other.status()).toBe(201);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/job-subsidies/payments') && r.request().method() === 'POST');
    await again.getByRole('button', { name: /发\s*放/ }).click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => again.getByText(`该人员 ${year} 年已发放一次性交通补助，每年只发放一次，不能重复发放`).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'job-subsidies-refused-1440.png'), fullPage: true });
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => row(second.name).getByTestId('job-subsidy-paid').innerText()).toBe('已发放 200 元');
  });

  it('shows the three tabs with the year in the URL and fits a 390 px phone', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/job-subsidies?kind=hiring&year=${year}`);
    await expect.poll(() => page.getByTestId('job-subsidy-terms').innerText()).toContain('稳定就业 6 个月以上');
    await page.getByTestId('job-subsidy-tab-startup').click();
    await expect.poll(() => page.url()).toContain('kind=startup');
    await expect.poll(() => page.getByTestId('job-subsidy-terms').innerText()).toContain('5000 元');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/job-subsidies?year=${year}`);
    await expect.poll(() => page.getByTestId('job-subsidy-totals').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'job-subsidies-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
