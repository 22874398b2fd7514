import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Node = { code: string; name: string; level: string; children: Node[] };
type EntityPage = { items: { id: number; name: string }[]; total: number };
type BackbonePage = { items: { id: number; name: string }[]; total: number };

// 科技人员 (000 §五(二): ≥ 1 农业技术骨干 per village and per cooperative) in the browser, as the 大王镇 officer: the
// villages failing E2 as the rule results give them, a village's own backbone added (phone masked in the answer) and
// removed after the confirmation, the page within a 390 px phone; and the entity list's 所属产业 filter in the URL.
describe('backbones: 科技人员 and the entity industry filter', () => {
  const j = useJourney('backbones');
  const stamp = Date.now().toString(36);

  it('科技人员: E2’s failing villages listed; a village backbone added and removed after the confirmation; fits 390 px', async () => {
    const { page } = j;
    await login(page, j.server.url, 'dawang', PASSWORD);
    const flat = (await j.api<Node[]>('/regions/tree?depth=2')).flatMap(function walk(n: Node): Node[] {
      return [n, ...n.children.flatMap(walk)];
    });
    const town = flat.find((n) => n.level === 'township')!;
    const village = flat.find((n) => n.level === 'village')!;
    const year = Math.min(Math.max(new Date().getFullYear(), 2021), 2026);
    const failing = await j.api<{ items: { regionCode: string; regionName: string | null }[]; total: number }>(
      `/rules/E2/results?regionCode=${town.code}&year=${year}&status=not_met&pageSize=1`,
    );
    await page.goto(`${j.server.url}/industry/backbones?regionCode=${town.code}`);
    await expect.poll(() => page.getByRole('heading', { name: '科技人员' }).isVisible()).toBe(true);
    if (failing.total > 0) {
      const first = failing.items[0]!;
      await expect.poll(() => page.getByTestId(`backbone-gap-${first.regionCode}`).innerText()).toContain(first.regionName ?? first.regionCode);
      expect(await page.getByTestId('backbone-gaps').innerText()).toContain(`${failing.total} 个`);
    } else {
      await expect.poll(() => page.getByTestId('backbone-gaps').count()).toBe(0);
    }

    await page.goto(`${j.server.url}/industry/backbones?regionCode=${village.code}`);
    await page.getByTestId('backbone-add').click();
    const dialog = page.getByRole('dialog', { name: '添加技术骨干' });
    const name = `村骨干${stamp}`;
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByLabel('联系电话').fill('13912345678');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/backbones') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const res = await posted;
    expect(res.status(), await res.text()).toBe(201);
    const created = (await res.json()) as { id: number; regionCode: string; phone: string };
    expect(created.regionCode).toBe(village.code);
    expect(created.phone).toBe('139****5678');
    await expect.poll(() => page.getByRole('cell', { name }).isVisible()).toBe(true);

    await page.getByTestId(`backbone-remove-${created.id}`).click();
    await expect.poll(() => page.getByText(`删除技术骨干“${name}”？`).isVisible()).toBe(true);
    const deleted = page.waitForResponse((r) => r.url().includes(`/api/v1/backbones/${created.id}`) && r.request().method() === 'DELETE');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    const del = await deleted;
    expect(del.status()).toBe(204);
    expect(del.request().headers()['if-match']).toBe('"1"');
    await expect.poll(() => page.getByRole('cell', { name }).count()).toBe(0);

    const listed = await j.api<BackbonePage>(`/backbones?regionCode=${town.code}&pageSize=1`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/industry/backbones?regionCode=${town.code}`);
    if (listed.total > 0) await expect.poll(() => page.getByText(listed.items[0]!.name).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'backbones-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the entity list’s 所属产业 filter goes into the URL and lists what the API lists for it', async () => {
    const { page } = j;
    let industry: { id: number; name: string } | undefined;
    for (const i of (await j.api<{ items: { id: number; name: string }[] }>('/industries')).items) {
      if ((await j.api<EntityPage>(`/entities?industryId=${i.id}&pageSize=1`)).total > 0) {
        industry = i;
        break;
      }
    }
    expect(industry, 'the demo links entities to industries').toBeDefined();
    await page.goto(`${j.server.url}/industry/entities`);
    // the entity form (rendered hidden) has a 所属产业 field too
    const filter = page.getByLabel('所属产业').filter({ visible: true });
    await filter.click();
    await filter.fill(industry!.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: industry!.name }).first().click();
    await page.waitForURL(/industryId=\d+/);
    const id = new URL(page.url()).searchParams.get('industryId');
    const expected = await j.api<EntityPage>(`/entities?industryId=${id}&pageSize=20`);
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: expected.items[0]!.name, exact: true }).first().isVisible()).toBe(true);
    const others = await j.api<EntityPage>('/entities?pageSize=100');
    const outside = others.items.find((e) => !expected.items.some((x) => x.id === e.id || x.name === e.name));
    expect(outside, 'an entity outside the industry').toBeDefined();
    await expect.poll(() => page.getByRole('link', { name: outside!.name, exact: true }).count()).toBe(0);
  });
});
