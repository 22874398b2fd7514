import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

// Village officers work on phones: at 390 × 844 every page fits the width (no horizontal scroll of the page),
// the menu is a drawer behind the header's menu button, and no screen shows developer text. Screenshots at
// 390 px (and the same pages at 1440 px for comparison) go to e2e/artifacts/mobile.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const shots = join(artifactsDir, 'mobile');
mkdirSync(shots, { recursive: true });

/** Elements sticking out past the right edge, for a readable failure. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1) {
        const cls = typeof el.className === 'string' ? el.className.split(' ').slice(0, 2).join('.') : '';
        out.push(`${el.tagName.toLowerCase()}.${cls} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 12);
  });
}

/** Waits for the page to settle, takes a full-page screenshot and asserts it is no wider than the viewport. */
async function fits(page: Page, name: string, width = PHONE.width): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500); // tables, charts and transitions settle
  await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  await page.screenshot({ path: join(shots, `${name}-${width}-screen.png`) }); // what the phone shows first
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(innerWidth).toBe(width);
  if (scrollWidth > innerWidth) expect.fail(`${name}: page is ${scrollWidth}px wide at ${innerWidth}px: ${(await overflowing(page)).join('; ')}`);
}

/** The side menu is not on the page; the header's menu button opens it in a drawer. */
async function menuIsDrawer(page: Page, item: string): Promise<void> {
  await expect.poll(() => page.locator('.ant-layout-sider').count()).toBe(0);
  const button = page.getByRole('button', { name: '打开菜单' });
  await expect.poll(() => button.isVisible()).toBe(true);
  await button.click();
  const drawer = page.getByRole('dialog');
  await expect.poll(() => drawer.getByRole('menuitem', { name: item }).isVisible()).toBe(true);
}

/** Open a page through the drawer menu. */
async function viaMenu(page: Page, items: string[], path: string): Promise<void> {
  await menuIsDrawer(page, items[0]!);
  const drawer = page.getByRole('dialog');
  for (const [i, item] of items.entries()) {
    // a submenu the drawer remembers as open is not clicked again (that would fold it)
    const next = items[i + 1];
    if (next && (await drawer.getByRole('menuitem', { name: next }).isVisible())) continue;
    await drawer.getByRole('menuitem', { name: item }).click();
  }
  await page.waitForURL((u) => u.pathname === path);
  await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
}

async function logout(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const ok = page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ });
  // the account dropdown holds 退出登录, which asks for confirmation
  await expect
    .poll(async () => {
      if (await ok.isVisible()) return true;
      const item = page.getByRole('menuitem', { name: '退出登录' });
      if (!(await item.isVisible())) await page.getByRole('button', { name: '账户' }).click();
      else await item.click();
      return ok.isVisible();
    })
    .toBe(true);
  await ok.click();
  await page.waitForURL((u) => u.pathname === '/login');
}

/** No developer text: no rule id without its name, no seed clause, no field keys, no JSON. */
async function noDeveloperText(page: Page, name: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text, `${name}: seed clause`).not.toMatch(/\d{3} §/);
  // a rule id must come with its name ("H1 有劳动能力的监测户…"): an id followed by no Chinese words is bare
  expect(text, `${name}: bare rule id`).not.toMatch(/(^|\s)[FPHEJSCAK]\d(?![\s\u00a0]*[\u4e00-\u9fff])/m);
  expect(text, `${name}: JSON`).not.toMatch(/[{[]\s*"[a-zA-Z]+"\s*:/);
  expect(text, `${name}: field key`).not.toMatch(/\b(householdType|monitoringType|laborCapacity|idNumber|minCoverage|householdTypes)\b/);
}

describe('phones: every page fits 390 px, the menu is a drawer', () => {
  const j = useJourney('mobile');

  it('the login page fits', async () => {
    const { page } = j;
    await page.setViewportSize(PHONE);
    await page.goto(`${j.server.url}/login`);
    await expect.poll(() => page.getByRole('button', { name: /登\s*录/ }).isVisible()).toBe(true);
    await fits(page, 'login');
  });

  it('village officer: dashboard, household list and a household fit; the menu opens in a drawer', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    await page.waitForURL(/\/dashboard/);
    await expect.poll(() => page.getByText('农户总数').first().isVisible()).toBe(true);
    await fits(page, 'village-dashboard');
    await noDeveloperText(page, 'dashboard');

    await viaMenu(page, ['农户管理'], '/households');
    const list = await j.api<HouseholdPage>('/households?pageSize=5');
    expect(list.total).toBeGreaterThan(0);
    const first = list.items[0]!;
    await expect.poll(() => page.getByText(first.householdNo).first().isVisible()).toBe(true);
    await fits(page, 'village-households');

    await page.goto(`${j.server.url}/households/${first.id}`);
    await expect.poll(() => page.getByRole('tab', { name: '家庭成员' }).isVisible()).toBe(true);
    await fits(page, 'village-household');
    for (const tab of ['收入', '帮扶措施', '监测', '变更记录']) {
      const t = page.getByRole('tab', { name: tab });
      if (!(await t.count())) continue;
      await t.click();
      await fits(page, `village-household-${tab}`);
      await noDeveloperText(page, `household ${tab}`);
    }
    await logout(page);
  });

  it('admin: dashboard, policy pack, audit log and the other admin pages fit; they speak in words', async () => {
    const { page } = j;
    await login(page, j.server.url, 'admin', PASSWORD);
    await page.waitForURL(/\/dashboard/);
    await expect.poll(() => page.getByText('农户总数').first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/依据：.*〔\d{4}〕\d+号/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await fits(page, 'admin-dashboard');
    await noDeveloperText(page, 'admin dashboard');

    await viaMenu(page, ['系统管理', '政策包'], '/admin/policy');
    await expect.poll(() => page.getByText('有劳动能力的监测户至少落实一项开发式帮扶措施').first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/晋市农发〔2023〕52号 二\(一\)1/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await fits(page, 'admin-policy');
    await noDeveloperText(page, 'policy');

    await viaMenu(page, ['系统管理', '审计日志'], '/admin/audit');
    await expect.poll(() => page.getByText('登录').first().isVisible()).toBe(true);
    // filters fold behind a 筛选 button on phones, in words (操作类型, 对象类型, 操作人, 户编号, 时间范围)
    await page.getByRole('button', { name: /筛\s*选/ }).click();
    for (const name of ['操作', '对象类型']) await expect.poll(() => page.getByRole('combobox', { name }).isVisible()).toBe(true);
    for (const name of ['操作人', '户编号']) await expect.poll(() => page.getByRole('searchbox', { name }).or(page.getByRole('textbox', { name })).first().isVisible()).toBe(true);
    await fits(page, 'admin-audit');
    await noDeveloperText(page, 'audit');

    for (const [items, path] of [
      [['系统管理', '用户管理'], '/admin/users'],
      [['系统管理', '字典'], '/admin/dictionaries'],
      [['区划'], '/regions'],
      [['数据导入'], '/import'],
      [['农户管理'], '/households'],
    ] as const) {
      await viaMenu(page, [...items], path);
      await fits(page, `admin${path.replace(/\//g, '-')}`);
    }
    for (const path of ['/todo', '/admin/monitoring-lines', '/households/new']) {
      await page.goto(`${j.server.url}${path}`);
      await fits(page, `admin${path.replace(/\//g, '-')}`);
    }
  });

  it('a modal is full screen on a phone with 保存 on screen', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/admin/users`);
    await page.getByRole('button', { name: /新增用户/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.waitForTimeout(400); // opening animation
    const box = await page.locator('.ant-modal-container').boundingBox();
    expect(box && [Math.round(box.x), Math.round(box.y), Math.round(box.width)]).toEqual([0, 0, PHONE.width]);
    expect(box!.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    const save = dialog.getByRole('button', { name: /保\s*存/ });
    const saveBox = await save.boundingBox();
    expect(saveBox && saveBox.y + saveBox.height).toBeLessThanOrEqual(PHONE.height);
    // labels above their fields
    const label = await dialog.getByText('用户名', { exact: true }).first().boundingBox();
    const input = await dialog.getByRole('textbox').first().boundingBox();
    expect(label && input && input.y).toBeGreaterThan(label!.y + label!.height - 1);
    await fits(page, 'admin-user-modal');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
  });

  it('the audit log names the household (户主 · 户编号) and shows a change by its field label', async () => {
    const { page } = j;
    const list = await j.api<HouseholdPage>('/households?pageSize=1');
    const h = list.items[0]!;
    // a save sends the version it read (issue 6 §3)
    const { version } = await j.api<{ version: number }>(`/households/${h.id}`);
    const res = await page.request.patch(`${j.server.url}/api/v1/households/${h.id}`, { data: { note: '手机端入户复核', version } });
    expect(res.ok(), await res.text()).toBe(true);
    await page.goto(`${j.server.url}/admin/audit?householdNo=${h.householdNo}`);
    const card = page.getByRole('listitem').filter({ hasText: '手机端入户复核' }).first();
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.innerText();
    expect(text).toContain('修改');
    expect(text).toContain('农户');
    expect(text).toContain(`${h.headName} · ${h.householdNo}`);
    expect(text).toContain('备注');
    expect(text).not.toMatch(/\bnote\b|householdNo|[{}]/);
    await fits(page, 'admin-audit-household');
  });

  it('the same pages at 1440 px keep the side menu and fit too (screenshots to compare)', async () => {
    const { page } = j;
    await page.setViewportSize(DESKTOP);
    await page.context().clearCookies();
    await login(page, j.server.url, 'admin', PASSWORD);
    for (const [path, heading] of [
      ['/dashboard', '工作台'],
      ['/households', '农户管理'],
      ['/admin/policy', '政策包'],
      ['/admin/audit', '审计日志'],
    ] as const) {
      await page.goto(`${j.server.url}${path}`);
      await expect.poll(() => page.locator('.ant-layout-sider').count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
      await fits(page, `desktop${path.replace(/\//g, '-')}`, DESKTOP.width);
    }
  });
});
