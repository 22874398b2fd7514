import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';
import { chooseOption, chooseOptionOf, confirmDialog } from './support/ui.ts';

// 项目库 (issue 7 §5): the township officer (dawang) proposes an industry project with 2 linkage modes, submits,
// reviews and publicises it; 审定入库 is not offered to them and the API refuses it (403); the county officer
// (county) approves entry with the four checks of 004 六; the project shows 已入库 and the timeline names both.
type Project = { id: number; stage: string; version: number; steps: { action: string; actorName: string | null }[] };
type Me = { user: { displayName: string } };

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const NAME = `蔬菜大棚提质增效项目${Date.now() % 100000}`;

async function as(page: Page, url: string, username: string, viewport = DESKTOP) {
  await page.context().clearCookies();
  await page.setViewportSize(viewport);
  await login(page, url, username, PASSWORD);
}

/** Clicks an action button and confirms its dialog (a confirm or the step's form), waiting for it to close. */
async function takeStep(page: Page, action: string, fill: () => Promise<void> = async () => undefined) {
  await page.getByTestId(`project-action-${action}`).click();
  const dialog = page.locator('.ant-modal:visible').last();
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await fill();
  await confirmDialog(page, dialog.getByRole('button', { name: /确\s*定/ }));
}

async function pickOption(page: Page, label: string, option: string) {
  await chooseOption(page, page.getByRole('dialog'), label, option);
}

describe('project library: propose → review → publicity → county entry', () => {
  const j = useJourney('projects');
  let projectId = 0;
  let townshipName = '';

  it('township officer proposes an industry project with 2 linkage modes, submits, reviews and publicises it', async () => {
    const { page } = j;
    await as(page, j.server.url, 'dawang');
    townshipName = (await j.api<Me>('/auth/me')).user.displayName;
    await page.goto(`${j.server.url}/industry/projects`);
    await page.getByRole('button', { name: /申报项目/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目名称').fill(NAME);
    await pickOption(page, '项目子类型', '生产项目');
    await pickOption(page, '联农带农方式', '股份合作');
    await pickOption(page, '联农带农方式', '务工就业');
    await page.keyboard.press('Escape');
    // 分年度分来源预算 in the form: the first row (中央 · 衔接资金, this year) is there; a second row from the county
    await dialog.getByLabel('金额（万元）').first().fill('100.5');
    await dialog.getByRole('button', { name: /添加一行/ }).click();
    // the first row shows 中央: the option's text in the dialog is the second row's choice (the list opens outside it)
    await chooseOptionOf(page, dialog.getByLabel('资金来源').nth(1), dialog, '县级 · 衔接推进乡村振兴补助资金', { name: '资金来源' });
    await dialog.getByLabel('金额（万元）').nth(1).fill('19.500001');
    await expect.poll(() => dialog.getByTestId('budget-total').textContent()).toBe('总投资合计 120.000001 万元（1,200,000.01 元）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/industry\/projects\/\d+$/);
    projectId = Number(new URL(page.url()).pathname.split('/').pop());
    const proposed = await j.api<Project & { budgetYuan: number; budgets: { fundLevel: string; fundKind: string; amountYuan: number }[] }>(`/projects/${projectId}`);
    expect(proposed.budgetYuan).toBe(1_200_000.01);
    expect(proposed.budgets.map((b) => [b.fundLevel, b.fundKind, b.amountYuan])).toEqual([
      ['central', 'linkage', 1_005_000],
      ['county', 'linkage', 195_000.01],
    ]);
    await expect.poll(() => page.getByText('谋划', { exact: true }).first().isVisible()).toBe(true);

    await takeStep(page, 'submit');
    await takeStep(page, 'township_review');
    await takeStep(page, 'publicise', async () => {
      await page.getByLabel('公示开始日期').fill('2025-03-01');
      await page.getByLabel('公示结束日期').fill('2025-03-10');
    });
    await expect.poll(async () => (await j.api<Project>(`/projects/${projectId}`)).stage).toBe('publicised');
    await page.screenshot({ path: join(artifactsDir, 'projects-detail-township-1440.png'), fullPage: true });
  });

  it('the township officer has no 审定入库 button, and the API refuses it with the reason (403)', async () => {
    const { page } = j;
    await page.reload();
    await expect.poll(() => page.getByText('公示中').first().isVisible()).toBe(true);
    expect(await page.getByTestId('project-action-approve_entry').count()).toBe(0);
    const p = await j.api<Project>(`/projects/${projectId}`);
    const res = await page.request.post(`${j.server.url}/api/v1/projects/${projectId}/actions`, {
      data: { action: 'approve_entry', version: p.version, checks: { benefit: true, interest_linkage: true, organisation: true, after_operation: true } },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('项目入库审定须由县级业务员或县级管理员办理');
  });

  it('the county officer approves entry with the four checks; 已入库 and both people in the timeline', async () => {
    const { page } = j;
    await as(page, j.server.url, 'county');
    const countyName = (await j.api<Me>('/auth/me')).user.displayName;
    // 待办 on a phone: the publicised project waits for the county, and its line opens the project
    await page.setViewportSize(PHONE);
    await page.goto(`${j.server.url}/todo`);
    const waiting = page.getByTestId(`todo-project-${projectId}`);
    await expect.poll(() => waiting.isVisible()).toBe(true);
    expect(await waiting.textContent()).toContain('待县级审定入库');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(artifactsDir, 'projects-todo-county-390.png'), fullPage: true });
    await waiting.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/industry/projects/${projectId}`);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${j.server.url}/industry/projects/${projectId}`);
    await takeStep(page, 'approve_entry', async () => {
      for (const c of ['项目效益', '利益联结', '组织保障', '后续运营']) await page.getByRole('dialog').getByLabel(c).check();
    });
    await expect.poll(() => page.getByText('已入库').first().isVisible()).toBe(true);
    const steps = page.getByTestId('project-step');
    await expect.poll(() => steps.filter({ hasText: countyName }).filter({ hasText: '审定入库' }).count()).toBe(1);
    await expect.poll(() => steps.filter({ hasText: townshipName }).filter({ hasText: '申报' }).count()).toBeGreaterThan(0);
    const p = await j.api<Project>(`/projects/${projectId}`);
    expect(p.stage).toBe('in_library');
    expect(p.steps.map((s) => s.action)).toEqual(['create', 'submit', 'township_review', 'publicise', 'approve_entry']);
    const todo = await j.api<{ items: { kind: string; projectId?: number }[] }>('/todo');
    expect(todo.items.some((i) => i.kind === 'project' && i.projectId === projectId)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'projects-detail-county-1440.png'), fullPage: true });
  });

  it('list and detail fit a 390 px phone', async () => {
    const { page } = j;
    await page.setViewportSize(PHONE);
    for (const url of ['/industry/projects', `/industry/projects/${projectId}`]) {
      await page.goto(`${j.server.url}${url}`);
      await expect.poll(() => page.getByText(NAME).first().isVisible()).toBe(true);
      await page.screenshot({ path: join(artifactsDir, `projects-${url.includes('/industry/projects/') ? 'detail' : 'list'}-390.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    // the filters live in the URL: the project is listed under its stage, type and year, not under another stage
    const year = new Date().getFullYear();
    await page.goto(`${j.server.url}/industry/projects?stage=in_library&projectType=industry&year=${year}`);
    await expect.poll(() => page.getByText(NAME).first().isVisible()).toBe(true);
    expect(await page.getByLabel('阶段').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('已入库');
    await page.goto(`${j.server.url}/industry/projects?stage=draft&year=${year}`);
    // the filtered list has rendered (its rows or its empty state) before the absence is judged
    await expect.poll(async () => (await page.locator('.ant-table-row').count()) > 0 || (await page.locator('.ant-empty').first().isVisible())).toBe(true);
    expect(await page.getByText(NAME).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // the 申报 form is a full-screen dialog on a phone
    await page.goto(`${j.server.url}/industry/projects`);
    await page.getByRole('button', { name: /申报项目/ }).click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('项目名称').isVisible()).toBe(true);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /添加一行/ })
      .click();
    await page.getByRole('dialog').getByLabel('金额（万元）').nth(1).fill('1,234.5');
    await page.getByRole('dialog').getByTestId('budget-total').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'projects-form-390.png') });
    await expect.poll(() => page.getByRole('dialog').getByTestId('budget-total').textContent()).toContain('尚有金额未填或有误的行');
    const box = await page.locator('.ant-modal:visible').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
