import { join } from 'node:path';
import { formatClause } from '@chanbang/domain';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdDetail, type HouseholdPage } from './support/journey.ts';

type RuleByRegion = { code: string; name: string; total: number; met: number };
type Dashboard = {
  countsByType: Record<string, number>;
  h1: { ruleId: string; clause: string; total: number; met: number; byRegion: RuleByRegion[] };
};
type DictItem = { dictCode: string; code: string; labelZh: string };

const TOWNSHIP = '大王镇';

describe('dashboard: county figures drill down to households', () => {
  const j = useJourney('dashboard');

  it('admin logs in; counts by type add up to the household total', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    await page.waitForURL(/\/dashboard/);

    const { total } = await j.api<HouseholdPage>('/households?pageSize=1');
    expect(total).toBeGreaterThan(0);
    const dict = await j.api<{ items: DictItem[] }>('/dictionaries');
    const types = dict.items.filter((i) => i.dictCode === 'household_type');
    expect(types.length).toBeGreaterThanOrEqual(3);

    // each card is a link labelled "<type> <count>"
    let sum = 0;
    for (const type of types) {
      const card = page.getByRole('link', { name: new RegExp(`^${type.labelZh} \\d+$`) });
      await expect.poll(() => card.count()).toBe(1);
      const label = (await card.getAttribute('aria-label')) ?? '';
      sum += Number(label.split(' ').pop());
    }
    expect(sum).toBe(total);
    await expect.poll(() => page.getByRole('link', { name: `农户总数 ${total}` }).isVisible()).toBe(true);
  });

  it('H1 chart cites its clause by 文号; a township bar opens exactly its H1-failing households', async () => {
    const { page } = j;
    const dash = await j.api<Dashboard>('/dashboard');
    expect(dash.h1.clause).toBeTruthy();
    const chart = page.getByTestId('chart-h1');
    await expect.poll(() => chart.isVisible()).toBe(true);
    // officers read the document's 文号 and section, never the seed id ("002 §…")
    const cited = formatClause(null, dash.h1.clause);
    expect(cited).toMatch(/〔\d{4}〕\d+号/);
    await expect.poll(() => page.getByText(`依据：${cited}`).isVisible()).toBe(true);

    const index = dash.h1.byRegion.findIndex((r) => r.name === TOWNSHIP);
    expect(index).toBeGreaterThanOrEqual(0);
    const township = dash.h1.byRegion[index] as RuleByRegion;
    const failing = township.total - township.met;
    expect(failing).toBeGreaterThan(0);

    // The rule chart's grid: left 56, right 24, bottom 64 (RULE_CHART_GRID, RuleRegionChart.tsx); click low inside the township's bar.
    const box = await chart.boundingBox();
    if (!box) throw new Error('chart has no box');
    const plotWidth = box.width - 56 - 24;
    const x = box.x + 56 + (plotWidth * (index + 0.5)) / dash.h1.byRegion.length;
    const y = box.y + box.height - 64 - 12;
    await page.mouse.click(x, y);
    await page.waitForURL((u) => u.pathname === '/households' && u.searchParams.get('warning') === 'H1' && u.searchParams.get('regionCode') === township.code);

    // the API agrees with the rule's figure
    const listed = await j.api<HouseholdPage>(`/households?warning=H1&regionCode=${township.code}&pageSize=100`);
    expect(listed.total).toBe(failing);

    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: '查看' }) });
    await expect.poll(() => page.getByText(`共 ${failing} 条`).isVisible()).toBe(true);
    await expect.poll(() => rows.count()).toBe(failing);

    const ids: number[] = [];
    for (const row of await rows.all()) {
      const href = (await row.getByRole('link', { name: '查看' }).getAttribute('href')) ?? '';
      ids.push(Number(href.split('/').pop()));
    }
    expect(new Set(ids)).toEqual(new Set(listed.items.map((i) => i.id)));
    for (const id of ids) {
      const h = await j.api<HouseholdDetail>(`/households/${id}`);
      expect(h.regionCode.startsWith(township.code.slice(0, 9)), `${h.householdNo} in ${h.regionCode}`).toBe(true);
      expect(h.householdType).toBe('monitored');
      // H1 counts a measure in the year it is in force: a measure of an earlier year (the demo's 2025 产业帮扶) does not help
      const year = new Date().getFullYear();
      const inForce = (m: { year: number; startDate: string | null; endDate: string | null }) =>
        (m.startDate ?? `${m.year}-01-01`) <= `${year}-12-31` && (m.endDate ?? '9999-12-31') >= `${year}-01-01`;
      expect(
        h.measures.filter((m) => m.developmental && inForce(m)),
        `${h.householdNo} has a developmental measure in force in ${year}`,
      ).toEqual([]);
    }
  });

  it('a household opens with its members and a 监测 tab', async () => {
    const { page } = j;
    const first = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: '查看' }) })
      .first();
    const href = (await first.getByRole('link', { name: '查看' }).getAttribute('href')) ?? '';
    await first.getByRole('link', { name: '查看' }).click();
    await page.waitForURL((u) => u.pathname === href);
    const h = await j.api<HouseholdDetail>(`/households/${href.split('/').pop()}`);
    expect(h.members.length).toBeGreaterThan(0);

    await expect.poll(() => page.getByRole('tab', { name: '家庭成员' }).getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel');
    for (const m of h.members) await expect.poll(() => panel.getByText(m.name, { exact: true }).first().isVisible()).toBe(true);

    await page.getByRole('tab', { name: '监测' }).click();
    await expect.poll(() => page.getByRole('tab', { name: '监测' }).getAttribute('aria-selected')).toBe('true');
    expect(h.monitoringCases.length).toBeGreaterThan(0);
    // the monitoring case shows its identification steps
    // (the tab now shows the case's stages by level: village → township → county)
    for (const step of ['乡镇审核', '县级审批']) await expect.poll(() => page.getByRole('tabpanel').getByText(step).first().isVisible()).toBe(true);
  });

  it('admin screens: users, dictionaries and the audit log show their data (screenshots kept)', async () => {
    const { page } = j;
    const shot = async (name: string) => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400); // menu and table transitions settle
      await page.screenshot({ path: join(artifactsDir, `admin-${name}.png`), fullPage: true });
    };

    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/users');
    const users = await j.api<{ items: { username: string }[] } | { username: string }[]>('/users');
    const usernames = (Array.isArray(users) ? users : users.items).map((u) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'dawang', 'dawang-cun']));
    for (const name of usernames) await expect.poll(() => page.getByRole('cell', { name, exact: true }).isVisible()).toBe(true);
    await shot('users');

    await page.getByRole('menuitem', { name: '字典' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/dictionaries');
    await page.getByRole('menuitem', { name: /^户类型/ }).click();
    for (const label of ['脱贫户', '监测户', '一般农户']) await expect.poll(() => page.getByRole('cell', { name: label, exact: true }).isVisible()).toBe(true);
    await shot('dictionaries');

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/audit');
    // the admin's own login through the form is the newest kind of entry every fresh server has
    await expect.poll(() => page.getByRole('cell', { name: '登录', exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '示范区管理员' }).first().isVisible()).toBe(true);
    await shot('audit');
  });
});
