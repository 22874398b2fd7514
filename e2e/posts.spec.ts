import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';
import { chooseOption } from './support/ui.ts';

type Candidates = { items: { personId: number; name: string; onPost: boolean; priority: boolean }[] };
type PostDetail = { id: number; status: string; version: number; appointments: { id: number; payments: { month: string }[] }[] };

// 公益性岗位 in the browser (issue 8 §4; J5 003 §二(二)4), as the 大王村 village officer: 设岗 with its need, 聘任 a
// person of the village picked by name, 发放补贴 for this month, the same month again refused by name, 退岗 with the
// reason (the post 待聘 again); both pages within a 390 px phone.
describe('posts: set, hire, pay, refuse a second payment, exit', () => {
  const j = useJourney('posts');
  const stamp = Date.now().toString(36);
  const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const monthZh = `${thisMonth.slice(0, 4)}年${Number(thisMonth.slice(5, 7))}月`;

  it('sets a post, hires, pays a month once, and records the exit with its reason', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    await page.goto(`${j.server.url}/industry/posts`);
    await page.getByTestId('post-add').click();
    const form = page.getByRole('dialog', { name: '设立公益性岗位' });
    const name = `大王村护路员${stamp}`;
    await form.getByLabel('岗位名称').fill(name);
    await chooseOption(page, form, '岗位类型', '护路员');
    await form.getByLabel('设岗需求（按需设岗：说明为何需要此岗位）').fill('新修通组道路需日常养护');
    await form.getByLabel('岗位补贴（元/月）').fill('450.5');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/posts') && r.request().method() === 'POST');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const post = (await res.json()) as PostDetail;
    await page.waitForURL(`**/industry/posts/${post.id}`);
    await expect.poll(() => page.getByTestId('post-status').innerText()).toBe('待聘');

    // 聘任: a person of the village not on a post, found by name in the picker
    const me = (await j.api<{ user: { regionCode: string } }>('/auth/me')).user;
    const candidates = await j.api<Candidates>(`/posts/candidates?regionCode=${me.regionCode}`);
    const person = candidates.items.find((c) => !c.onPost)!;
    expect(person, 'a person of the village not on a post').toBeDefined();
    await page.getByTestId('post-hire').click();
    const hire = page.getByRole('dialog', { name: '聘任人员' });
    await chooseOption(page, hire, '聘任人员（按姓名查找本村人员）', person.name, { search: person.name });
    await hire.getByRole('button', { name: /聘\s*任/ }).click();
    const hired = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${post.id}/appointments`));
    await page
      .getByRole('dialog')
      .filter({ hasText: '确认聘任' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    expect((await hired).status()).toBe(201);
    await expect.poll(() => page.getByTestId('post-status').innerText()).toBe('在岗');

    // 发放补贴 for this month, then the same month again through the API: 409 naming the month
    await page.getByTestId('post-pay').click();
    const pay = page.getByRole('dialog', { name: '发放岗位补贴' });
    await pay.getByLabel('发放月份（可多选）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: monthZh }).first().click();
    await pay.getByRole('button', { name: /发放补贴/ }).click();
    const paid = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${post.id}/payments`));
    await page
      .getByRole('dialog')
      .filter({ hasText: '同一月份不能重复发放' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    expect((await paid).status()).toBe(201);
    await expect.poll(() => page.getByTestId('post-paid').first().innerText()).toBe(`已发放补贴 1 个月：${monthZh}`);
    const again = await page.request.post(`${j.server.url}/api/v1/posts/${post.id}/payments`, { data: { months: [thisMonth] } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { details: { issues: { messageZh: string }[] } } }).error.details.issues[0]!.messageZh).toBe(
      `${monthZh}的岗位补贴已发放，不能重复发放`,
    );
    // the month is no longer offered in the dialog
    await page.getByTestId('post-pay').click();
    await pay.getByLabel('发放月份（可多选）').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: monthZh }).count()).toBe(0);
    await pay.getByRole('button', { name: /取\s*消/ }).click();
    await page.screenshot({ path: join(artifactsDir, 'post-detail-1440.png'), fullPage: true });

    // 退岗 with the reason: the post is 待聘 again and the reason is shown in the history
    await page.getByTestId('post-exit').click();
    const exit = page.getByRole('dialog', { name: '办理退岗' });
    await chooseOption(page, exit, '退岗原因', '实现稳定就业');
    await exit.getByRole('button', { name: /退\s*岗/ }).click();
    const left = page.waitForResponse((r) => /\/api\/v1\/posts\/\d+\/appointments\/\d+\/exit$/.test(r.url()));
    await page
      .getByRole('dialog')
      .filter({ hasText: '退岗后岗位恢复为待聘' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    expect((await left).status()).toBe(200);
    await expect.poll(() => page.getByTestId('post-status').innerText()).toBe('待聘');
    await expect.poll(() => page.getByText('退岗原因：实现稳定就业').isVisible()).toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'post-detail-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('lists the village’s posts with their holders, filters by status in the URL, and fits 390 px', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/industry/posts?status=filled`);
    await expect.poll(() => page.getByRole('link', { name: '大王村保洁员' }).first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '大王村护路员' }).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'post-list-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: '大王村保洁员' }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'post-list-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
