import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { artifactsDir, login, openBrowser, type BrowserSession } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

// Issue 6 §3 in the browser: two officers open the same household's edit form; the first one saves; the second
// one's save is refused as stale and the app offers to reload (never a silent overwrite, never a silent retry).
// 取消 keeps the typed value on screen; 重新载入 shows the first officer's value; the next save goes through, and
// the household's 变更记录 lists both saves in order. At 390 px the dialog fits the phone.
const shots = join(artifactsDir, 'stale-save');
mkdirSync(shots, { recursive: true });

const STALE = /此记录已被他人修改/;
/**
 * The form's 保存. Not anchored at the start: after a refused save antd fades the button's loading icon out, and
 * until that motion ends (it can take long in headless Chromium) the icon's label "loading" leads the name.
 */
const save = (page: Page) => page.getByRole('button', { name: /保\s*存$/ }).click();
const address = (page: Page) => page.getByLabel('家庭住址');
const staleDialog = (page: Page) => page.getByRole('dialog', { name: STALE });
/** The dialog has closed, its wrapper too (the closing animation is over). */
const staleClosed = async (page: Page) => {
  await expect.poll(() => staleDialog(page).isVisible()).toBe(false);
  await expect.poll(() => page.locator('.stale-save-modal').isVisible()).toBe(false);
};

/** Opens the edit form and waits until it shows the stored household. */
async function openEdit(page: Page, url: string, id: number, householdNo: string): Promise<void> {
  await page.goto(`${url}/households/${id}/edit`);
  await expect.poll(() => page.getByLabel('户编号').inputValue()).toBe(householdNo);
}

type History = { action: string; entityType: string; actorName?: string | null; at: string; after?: { address?: string | null } | null }[];

describe('stale save: two officers edit the same household', () => {
  const j = useJourney('stale-save');
  let other: BrowserSession | undefined;
  afterAll(async () => {
    await other?.close();
  });
  // the journey saves the first officer's screen on a failure; this is the second officer's
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const file = join(shots, `failed-second-${task.name.slice(0, 24).replace(/\W+/g, '-')}.png`);
      await other?.page.screenshot({ path: file }).catch(() => undefined);
      console.error(`second officer's screen: ${file} (at ${other?.page.url()})`);
    });
  });

  it('the second save is refused as stale, offers 重新载入, and saves on top of the first', async () => {
    const first = j.page;
    await login(first, j.server.url, 'admin', PASSWORD);
    other = await openBrowser();
    const second = other.page;
    second.setDefaultTimeout(15_000);
    await login(second, j.server.url, 'county', PASSWORD);

    const list = await j.api<HouseholdPage>('/households?pageSize=1');
    const { id, householdNo } = list.items[0]!;
    const before = await j.api<{ version: number }>(`/households/${id}`);

    // both open the form before either saves
    await openEdit(first, j.server.url, id, householdNo);
    await openEdit(second, j.server.url, id, householdNo);

    const stamp = Date.now();
    const firstAddress = `大王镇第一次修改${stamp}号`;
    const secondAddress = `阳店镇第二次修改${stamp}号`;
    await address(first).fill(firstAddress);
    await save(first);
    await first.waitForURL((u) => u.pathname === `/households/${id}`);
    const afterFirst = await j.api<{ address: string; version: number }>(`/households/${id}`);
    expect(afterFirst).toMatchObject({ address: firstAddress, version: before.version + 1 });

    // the second officer's save, based on the version read before: refused, the dialog explains
    await address(second).fill(secondAddress);
    await save(second);
    const dialog = staleDialog(second);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('您的修改尚未保存。重新载入后，请核对并重新填写。');
    await second.waitForTimeout(400); // the opening animation settles
    await second.screenshot({ path: '/tmp/h2-1440.png' });
    await second.screenshot({ path: join(shots, 'stale-1440.png') });
    expect((await j.api<{ address: string }>(`/households/${id}`)).address).toBe(firstAddress);

    // 取消: the typed value stays on screen to be copied; saving again is refused again (no silent retry)
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await staleClosed(second);
    expect(await address(second).inputValue()).toBe(secondAddress);
    await save(second);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect((await j.api<{ address: string }>(`/households/${id}`)).address).toBe(firstAddress);

    // 重新载入: the form shows the first officer's value and the current version
    await dialog.getByRole('button', { name: '重新载入' }).click();
    await staleClosed(second);
    await expect.poll(() => address(second).inputValue()).toBe(firstAddress);

    // the second officer enters the change again: it goes through on top of the first
    await address(second).fill(secondAddress);
    await save(second);
    await second.waitForURL((u) => u.pathname === `/households/${id}`);
    expect(await j.api<{ address: string; version: number }>(`/households/${id}`)).toMatchObject({ address: secondAddress, version: before.version + 2 });

    // both saves in the history, in order: the first officer's, then the second's
    const history = await j.api<History | { items: History }>(`/households/${id}/history`);
    const entries = (Array.isArray(history) ? history : history.items).filter((e) => e.entityType === 'household' && e.action === 'update');
    const saves = [...entries].sort((a, b) => a.at.localeCompare(b.at)).map((e) => e.after?.address);
    expect(saves.slice(-2)).toEqual([firstAddress, secondAddress]);
    const [adminName, countyName] = [entries.find((e) => e.after?.address === firstAddress)?.actorName, entries.find((e) => e.after?.address === secondAddress)?.actorName];
    expect(adminName).toBeTruthy();
    expect(countyName).toBeTruthy();
    expect(adminName).not.toBe(countyName);

    // the 变更记录 tab shows them newest first: the second officer's save above the first's
    await second.goto(`${j.server.url}/households/${id}?tab=history`);
    const rows = second.getByRole('row').filter({ hasText: '修改' });
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const texts = await rows.allInnerTexts();
    const countyRow = texts.findIndex((t) => t.includes(countyName!) && t.includes('修改'));
    const adminRow = texts.findIndex((t) => t.includes(adminName!) && t.includes('修改'));
    expect(countyRow).toBeGreaterThanOrEqual(0);
    expect(adminRow).toBeGreaterThan(countyRow);
  });

  it('at 390 px the stale dialog fills the phone screen and nothing is wider than it', async () => {
    const first = j.page;
    const second = other!.page;
    await second.setViewportSize({ width: 390, height: 844 });
    const list = await j.api<HouseholdPage>('/households?pageSize=1');
    const { id, householdNo } = list.items[0]!;
    await openEdit(second, j.server.url, id, householdNo);
    await openEdit(first, j.server.url, id, householdNo);
    await address(first).fill(`手机测试先保存${Date.now()}`);
    await save(first);
    await first.waitForURL((u) => u.pathname === `/households/${id}`);

    await address(second).fill('手机上后保存的地址');
    await save(second);
    const dialog = staleDialog(second);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await second.waitForTimeout(400); // the opening animation settles
    await second.screenshot({ path: '/tmp/h2-390.png' });
    await second.screenshot({ path: join(shots, 'stale-390.png') });
    const box = await second.locator('.stale-save-modal .ant-modal').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390 + 1);
    expect(box!.width).toBeGreaterThanOrEqual(389); // full screen, as the other dialogs on a phone
    const [scrollWidth, innerWidth] = await second.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(innerWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // both buttons within reach on the screen
    for (const name of [/取\s*消/, '重新载入']) {
      const b = await dialog.getByRole('button', { name }).boundingBox();
      expect(b).not.toBeNull();
      expect(b!.x + b!.width).toBeLessThanOrEqual(390);
      expect(b!.y + b!.height).toBeLessThanOrEqual(844);
    }
    await dialog.getByRole('button', { name: '重新载入' }).click();
    await staleClosed(second);
    await expect.poll(() => address(second).inputValue()).toMatch(/^手机测试先保存/);
  });
});
