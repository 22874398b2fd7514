import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

// Identification and 风险消除 walked by three users: the village officer (dawang-cun, on a phone), the township
// officer (dawang) and the county officer (county), with a refused step and a 退回; the admin enters the line.
type Member = { laborCapacity: string | null };
type Case = { id: number; stage: string; returnReason: string | null };
type Detail = { id: number; householdNo: string; monitoringStatus: string; isLifted: boolean; householdType: string; members: Member[]; monitoringCases: Case[] };
type Todo = { items: { caseId: number; stage: string; returnReason: string | null }[]; total: number };

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function as(page: Page, url: string, username: string, viewport = DESKTOP) {
  await page.context().clearCookies();
  await page.setViewportSize(viewport);
  await login(page, url, username, PASSWORD);
}

/** Types a date into an antd DatePicker found by its label. */
async function fillDate(page: Page, label: string | RegExp, value: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function fillRange(page: Page, label: string | RegExp, start: string, end: string) {
  const item = page.getByRole('dialog').locator('.ant-form-item', { hasText: label });
  const inputs = item.locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(start);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(end);
  await inputs.nth(1).press('Enter');
}

/** Opens a step on the monitoring tab, fills it with `fill`, confirms, and waits for the dialog to close. */
async function step(page: Page, action: string, fill: () => Promise<void> = async () => undefined) {
  await page.getByTestId(`action-${action}`).click();
  await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
  await fill();
  await page.getByTestId('action-ok').click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe('monitoring by role: identification and 风险消除', () => {
  const j = useJourney('monitoring');
  let household: Detail;
  const tab = () => `${j.server.url}/households/${household.id}?tab=monitoring`;
  const stage = () => j.api<Detail>(`/households/${household.id}`).then((h) => h.monitoringCases[0]?.stage);

  it('village officer: 待办 shows the demo case returned with its reason; records a lead and the village steps on a phone', async () => {
    const { page } = j;
    await as(page, j.server.url, 'dawang-cun', PHONE);
    await page.goto(`${j.server.url}/todo`);
    await expect.poll(() => page.getByTestId('todo-list').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/退回原因：民主评议记录缺少参会人员签字/).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'monitoring-todo-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // a household of the village with labour and no case
    const list = await j.api<HouseholdPage>('/households?pageSize=100');
    for (const item of list.items.filter((i) => (i as { monitoringStatus?: string }).monitoringStatus === 'none')) {
      const d = await j.api<Detail>(`/households/${item.id}`);
      if (d.members.some((m) => m.laborCapacity === 'ordinary' || m.laborCapacity === 'skilled')) {
        household = d;
        break;
      }
    }
    expect(household).toBeDefined();

    await page.goto(tab());
    await page.getByTestId('case-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('监测对象类别').click();
    // the category must fit the household: a 脱贫户 becomes a 脱贫不稳定户, an ordinary household an 边缘易致贫户
    const category = (household as { isLifted?: boolean }).isLifted ? '脱贫不稳定户' : '边缘易致贫户';
    await page.locator('.ant-select-item-option', { hasText: category }).click();
    await fillDate(page, '发现线索日期', iso(-20));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('action-record_home_visit').isVisible()).toBe(true);

    await step(page, 'record_home_visit', async () => {
      await fillDate(page, '办理日期', iso(-19));
      await fillDate(page, '承诺授权书签订日期', iso(-19));
    });
    await step(page, 'record_info_check', () => fillDate(page, '办理日期', iso(-18)));
    await step(page, 'record_village_review', () => fillDate(page, '办理日期', iso(-17)));
    await step(page, 'record_publicity', () => fillRange(page, /公示起止日期/, iso(-16), iso(-12)));
    await step(page, 'submit');
    await expect.poll(stage).toBe('township_review');

    // the township's step is shown, disabled, with the reason; the API refuses it with the same words
    await expect.poll(() => page.getByTestId('action-township_approve').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('waiting-for').textContent()).toBe('乡镇审核须由乡镇业务员完成');
    const caseId = (await j.api<Detail>(`/households/${household.id}`)).monitoringCases[0]!.id;
    const forged = await page.request.post(`${j.server.url}/api/v1/monitoring-cases/${caseId}/actions`, { data: { action: 'township_approve', date: iso(-11) } });
    expect(forged.status()).toBe(403);
    expect(JSON.stringify(await forged.json())).toContain('乡镇审核须由乡镇业务员完成');
    await page.screenshot({ path: join(artifactsDir, 'monitoring-submitted-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('township officer returns it with a reason; the village sees the reason, resubmits; the township reviews', async () => {
    const { page } = j;
    await as(page, j.server.url, 'dawang');
    const todo = await j.api<Todo>('/monitoring/todo');
    const caseId = (await j.api<Detail>(`/households/${household.id}`)).monitoringCases[0]!.id;
    expect(todo.items.map((i) => i.caseId)).toContain(caseId);
    await page.goto(`${j.server.url}/todo`);
    await page.getByTestId(`todo-${caseId}`).getByRole('link').click();
    await page.waitForURL(/tab=monitoring/);
    await step(page, 'township_return', () => page.getByRole('dialog').getByLabel('退回原因').fill('公示照片未上传，请补充'));
    await expect.poll(stage).toBe('village');

    await as(page, j.server.url, 'dawang-cun', PHONE);
    const villageTodo = await j.api<Todo>('/monitoring/todo');
    expect(villageTodo.items.find((i) => i.caseId === caseId)?.returnReason).toBe('公示照片未上传，请补充');
    await page.goto(tab());
    await expect.poll(() => page.getByTestId('return-reason').textContent()).toContain('公示照片未上传，请补充');
    await step(page, 'submit');

    await as(page, j.server.url, 'dawang');
    await page.goto(tab());
    await step(page, 'township_approve', () => fillDate(page, '办理日期', iso(-11)));
    await expect.poll(stage).toBe('county_approval');
  });

  it('county officer approves: the household is monitored and still a 脱贫户 when it was one', async () => {
    const { page } = j;
    const before = await j.api<Detail>(`/households/${household.id}`);
    await as(page, j.server.url, 'county');
    await page.goto(tab());
    await step(page, 'county_approve', () => fillDate(page, '办理日期', iso(-10)));
    const after = await j.api<Detail>(`/households/${household.id}`);
    expect(after).toMatchObject({ monitoringStatus: 'monitoring', householdType: 'monitored', isLifted: before.isLifted });
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('已纳入监测');
  });

  it('风险消除: village visit and publicity, township review; the county is refused (no line for the year), the admin enters it, the county approves', async () => {
    const { page } = j;
    await as(page, j.server.url, 'dawang-cun', PHONE);
    await page.goto(tab());
    await step(page, 'elim_home_visit', async () => {
      await fillDate(page, '办理日期', iso(-8));
      for (const label of ['大额刚性支出已稳定解决', '无新增风险', '住房安全有保障', '饮水安全有保障', '义务教育有保障', '基本医疗有保障']) {
        await page.getByRole('dialog').locator('.ant-form-item', { hasText: label }).getByText('是', { exact: true }).click();
      }
      await page.getByRole('dialog').getByLabel('风险消除方式').click();
      await page.locator('.ant-select-item-option', { hasText: '自然消除' }).click();
    });
    await step(page, 'elim_publicity', () => fillRange(page, /公示起止日期/, iso(-7), iso(-3)));
    await step(page, 'elim_submit');

    await as(page, j.server.url, 'dawang');
    await page.goto(tab());
    await step(page, 'elim_township_approve', () => fillDate(page, '办理日期', iso(-2)));
    await expect.poll(stage).toBe('elim_county_approval');

    // county: the preview and the refusal name the failed condition
    const year = Number(iso(-1).slice(0, 4));
    await as(page, j.server.url, 'county');
    await page.goto(tab());
    await page.getByTestId('action-elim_county_approve').click();
    await fillDate(page, '办理日期', iso(-1));
    await expect.poll(() => page.getByRole('dialog').getByTestId('elimination-check').textContent()).toContain(`未设置本省 ${year} 年监测范围`);
    await page.getByTestId('action-ok').click();
    await expect.poll(() => page.getByTestId('action-error').textContent()).toContain(`未设置本省 ${year} 年监测范围`);
    await page.screenshot({ path: join(artifactsDir, 'monitoring-elimination-refused.png'), fullPage: true });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    // admin enters the decision year's line in the screen (and the year before by API); income is recorded
    await as(page, j.server.url, 'admin');
    await page.goto(`${j.server.url}/admin/monitoring-lines`);
    await page.getByTestId('line-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年度').fill(String(year));
    await dialog.getByLabel(/监测范围（元/).fill('7600');
    await dialog.getByLabel(/依据文件/).fill('测试用：省定监测范围（示例）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId(`line-41-${year}`).textContent()).toBe('7600 元');
    await expect.poll(() => page.getByTestId('line-41-2024').textContent()).toBe('7300 元（未确认的占位值）');
    for (const y of [year - 1, year]) {
      if (y !== year)
        expect((await page.request.put(`${j.server.url}/api/v1/monitoring-lines/41/${y}`, { data: { amountYuan: 7500, source: '测试', confirmed: false } })).ok()).toBe(true);
      // replacing a recorded year sends its version (issue 6 §3); a missing year needs none
      const { incomes } = await j.api<{ incomes: { year: number; version: number }[] }>(`/households/${household.id}`);
      const version = incomes.find((i) => i.year === y)?.version;
      expect(
        (
          await page.request.put(`${j.server.url}/api/v1/households/${household.id}/incomes/${y}`, {
            data: { wage: 12000 * household.members.length, memberCount: household.members.length, version },
          })
        ).ok(),
      ).toBe(true);
    }

    await as(page, j.server.url, 'county');
    await page.goto(tab());
    await step(page, 'elim_county_approve', () => fillDate(page, '办理日期', iso(-1)));
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('风险已消除');
    const done = await j.api<Detail & { eliminatedAt: string; eliminationMethod: string }>(`/households/${household.id}`);
    expect(done).toMatchObject({ monitoringStatus: 'eliminated', eliminationMethod: 'natural', eliminatedAt: iso(-1) });
    await page.goto(`${j.server.url}/households/${household.id}?tab=income`);
    await expect.poll(() => page.getByTestId(`income-line-${year}`).textContent()).toBe('高于 7600 元');
    await page.screenshot({ path: join(artifactsDir, 'monitoring-income-line.png'), fullPage: true });
  });
});
