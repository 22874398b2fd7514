import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { idNumber } from './support/import-file.ts';
import { PASSWORD, useJourney, type HouseholdDetail, type HouseholdPage } from './support/journey.ts';

// Issue 5 §3/§5 in the browser: the village officer records an income year (a recorded year cannot be added
// again), a member's 自然减少 and the household's 自然减少; the admin finds it among the exited households and
// restores it; at 390 px the list is cards with folded filters.
const shots = join(artifactsDir, 'households');
mkdirSync(shots, { recursive: true });

type Detail = Omit<HouseholdDetail, 'members'> & {
  exitReason: string | null;
  incomes: { year: number; claimIncome: number; compliantSelfPaid: number }[];
  members: (HouseholdDetail['members'][number] & { exitReason: string | null })[];
};

describe('households: incomes, 自然减少 and restore', () => {
  const j = useJourney('households');

  it('the village officer registers a household: 是否脱贫户, 三保障 未评估/有问题, a pupil, a 残疾人证 holder with 残疾类别', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    const tree = await j.api<{ code: string; level: string; children?: { code: string; level: string }[] }[]>('/regions/tree');
    const village = tree.find((n) => n.level === 'village') ?? tree[0]!;
    await page.goto(`${j.server.url}/households/new?regionCode=${village.code}`);
    const choose = async (scope: ReturnType<typeof page.locator> | typeof page, label: string, option: string) => {
      await scope.getByLabel(label, { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    };
    const householdNo = `E2E${Date.now()}`;
    await page.getByLabel('户编号').fill(householdNo);
    await choose(page, '户类型', '脱贫户');
    // 户类型 脱贫户 sets 是否脱贫户 to 是, and its category appears
    await choose(page, '脱贫户类别', '低保脱贫户');
    // 三保障 start 未评估; the officer records one problem
    await expect.poll(() => page.locator('#waterSecure .ant-radio-button-wrapper-checked').innerText()).toBe('未评估');
    await page.locator('#housingSecure').getByText('有问题').click();
    const member = (n: number) => page.locator('.ant-card-type-inner').nth(n);
    const head = member(0);
    await head.getByLabel('姓名', { exact: true }).fill('测户主');
    await head.getByLabel('证件号码').fill(idNumber('19700101', 11));
    await choose(head, '文化程度', '初中');
    await page.getByRole('button', { name: /添加成员/ }).click();
    const pupil = member(1);
    await pupil.getByLabel('姓名', { exact: true }).fill('测学生');
    await pupil.getByLabel('证件号码').fill(idNumber('20140301', 12));
    await choose(pupil, '与户主关系', '子');
    await choose(pupil, '在校生状况', '小学');
    await page.getByRole('button', { name: /添加成员/ }).click();
    const third = member(2);
    await third.getByLabel('姓名', { exact: true }).fill('测残疾');
    await choose(third, '证件类型', '残疾人证');
    await third.getByLabel('证件号码').fill(`CJR${Date.now()}`);
    await choose(third, '与户主关系', '配偶');
    await third.getByLabel('出生日期').fill('1972-05-06');
    await third.getByLabel('出生日期').press('Enter');
    await choose(third, '性别', '女');
    await choose(third, '健康状况', '残疾');
    await choose(third, '残疾类别', '肢体残疾');
    await choose(third, '文化程度', '小学');
    await page.screenshot({ path: join(shots, 'create-form.png'), fullPage: true });
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL((u) => /\/households\/\d+$/.test(u.pathname));
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const d = await j.api<
      Detail & {
        isLifted: boolean;
        liftedCategory: string;
        housingSecure: boolean | null;
        waterSecure: boolean | null;
        members: {
          name: string;
          idType: string;
          schoolStatus: string | null;
          education: string | null;
          healthStatuses: string[];
          disabilityType: string | null;
          gender: string;
          birthDate: string;
        }[];
      }
    >(`/households/${id}`);
    expect(d).toMatchObject({ householdNo, isLifted: true, liftedCategory: 'dibao', housingSecure: false, waterSecure: null });
    expect(d.members.find((m) => m.name === '测学生')).toMatchObject({ schoolStatus: 'primary', education: null });
    expect(d.members.find((m) => m.name === '测残疾')).toMatchObject({ idType: '2', gender: '2', birthDate: '1972-05-06', healthStatuses: ['disabled'], disabilityType: '4' });
    await expect.poll(() => page.getByText('住房安全：有问题').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('饮水安全：未评估').isVisible()).toBe(true);
  });

  it('the village officer adds an income year (recorded years cannot be chosen) with 理赔收入 and 合规自付支出', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    const list = await j.api<HouseholdPage>('/households?pageSize=50');
    const target = list.items.find((h) => h.memberCount >= 3) ?? list.items[0]!;
    const before = await j.api<Detail>(`/households/${target.id}`);
    await page.goto(`${j.server.url}/households/${target.id}?tab=income`);
    await page.getByRole('button', { name: '新增年度收入' }).click();
    const dialog = page.getByRole('dialog', { name: '新增年度收入' });
    await dialog.getByLabel('年度').click();
    // the years already recorded are offered for editing, not for adding
    for (const y of before.incomes.map((i) => i.year)) {
      const option = page.locator('.ant-select-item-option', { hasText: `${y}（已登记` });
      await expect.poll(() => option.getAttribute('aria-disabled')).toBe('true');
    }
    const free = page.locator('.ant-select-item-option:not(.ant-select-item-option-disabled)').first();
    const year = Number((await free.innerText()).slice(0, 4));
    await free.click();
    await dialog.getByLabel('理赔收入（元）').fill('1200');
    await dialog.getByLabel('合规自付支出（元）').fill('3400');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(async () => (await j.api<Detail>(`/households/${target.id}`)).incomes.find((i) => i.year === year))
      .toMatchObject({ claimIncome: 1200, compliantSelfPaid: 3400 });
    await page.screenshot({ path: join(shots, 'income.png'), fullPage: true });
  });

  it('a member leaves by 自然减少 and shows as such; then the whole household leaves', async () => {
    const { page } = j;
    const list = await j.api<HouseholdPage>('/households?pageSize=50');
    const target = list.items.find((h) => h.memberCount >= 3) ?? list.items[0]!;
    const detail = await j.api<Detail>(`/households/${target.id}`);
    const member = detail.members.find((m) => !m.isHead && !m.exitReason)!;
    await page.goto(`${j.server.url}/households/${target.id}?tab=members`);
    await page
      .getByRole('button', { name: `自然减少 ${member.name}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /办理自然减少/ });
    await dialog.getByLabel('减少原因').click();
    await page.locator('.ant-select-item-option', { hasText: '迁出' }).click();
    await dialog.getByRole('button', { name: /自然减少/ }).click();
    await expect
      .poll(() =>
        page
          .getByText(/已自然减少（迁出，/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: join(shots, 'member-exited.png'), fullPage: true });

    await page
      .getByRole('button', { name: /自然减少/ })
      .first()
      .click();
    const hd = page.getByRole('dialog', { name: /办理自然减少/ });
    await hd.getByLabel('减少原因').click();
    await page.locator('.ant-select-item-option', { hasText: '死亡' }).click();
    await hd.getByLabel('情况说明').fill('户主去世，户内无其他在册成员');
    await hd.getByRole('button', { name: /自然减少/ }).click();
    await page.waitForURL((u) => u.pathname === '/households');
    expect((await page.request.get(`${j.server.url}/api/v1/households/${target.id}`)).status()).toBe(404);
  });

  it('the admin lists the exited households and restores one after a confirmation', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'admin', PASSWORD);
    await page.goto(`${j.server.url}/households?status=exited`);
    const restore = page.getByRole('button', { name: /^恢复 / }).first();
    await expect.poll(() => restore.isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/死亡 \d{4}-\d{2}-\d{2}/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: join(shots, 'exited-list.png'), fullPage: true });
    const label = (await restore.getAttribute('aria-label'))!;
    const householdNo = label.replace(/^恢复 /, '');
    await restore.click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    const found = await j.api<HouseholdPage & { items: { exitReason: string | null }[] }>(`/households?q=${householdNo}`);
    await expect.poll(async () => (await j.api<HouseholdPage>(`/households?q=${householdNo}`)).total).toBe(1);
    expect(found).toBeDefined();
  });

  it('at 390 px the list is cards with the filters folded, and the detail fits', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    await page.goto(`${j.server.url}/households`);
    const cards = page.getByRole('listitem');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const first = await cards.first().innerText();
    expect(first).toMatch(/监测状态/);
    expect(await page.getByRole('combobox', { name: '监测状态' }).count()).toBe(0);
    await page.getByRole('button', { name: /筛选/ }).click();
    await expect.poll(() => page.getByRole('combobox', { name: '监测状态' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'list-390.png'), fullPage: true });
    const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(sw).toBeLessThanOrEqual(iw);
    const list = await j.api<HouseholdPage>('/households?pageSize=50');
    const target = list.items.find((h) => h.memberCount >= 3) ?? list.items[0]!;
    await page.goto(`${j.server.url}/households/${target.id}`);
    await expect.poll(() => page.getByRole('tab', { name: '家庭成员' }).isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'detail-390-screen.png') });
    await page.screenshot({ path: join(shots, 'detail-390.png'), fullPage: true });
    const [sw2, iw2] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(sw2).toBeLessThanOrEqual(iw2);
  });
});
