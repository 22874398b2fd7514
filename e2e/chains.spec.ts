import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdPage } from './support/journey.ts';

type Link = { id: number; linkKind: string; version: number };
type Chain = { id: number; links: Link[] };

// Issue 7 §4 in the browser: the county officer records 灵宝大枣 (主导产业, 一县一业) and its chain through the API,
// with one entity at 基地建设; the chain map page draws the graph on a canvas, lists 冷链物流 as a gap (no entity, no
// project), and the entity under its link opens the entity page. The spectrum and the map fit a 390 px phone.
describe('chains: 产业链图谱', () => {
  const j = useJourney('chains');
  let chain: Chain;
  let entityId = 0;
  let baseLink: Link;
  let industryId = 0;
  const entityName = `灵宝大枣家庭农场${Date.now().toString(36)}`;

  it('a chain graph opens, the gap 冷链物流 is listed, the entity under 基地建设 opens the entity page', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'county', PASSWORD);
    const post = async <T>(path: string, data: object, method: 'post' | 'put' = 'post') => {
      const res = await page.request[method](`${j.server.url}/api/v1${path}`, { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const me = await j.api<{ user?: { regionCode: string }; regionCode?: string }>('/auth/me');
    const county = me.user?.regionCode ?? me.regionCode!;
    const industry = await post<{ id: number }>('/industries', {
      regionCode: county,
      name: '灵宝大枣',
      category: 'fruit',
      kind: 'leading',
      tier: 'county_one',
      scaleNote: '种植面积 3.2 万亩',
    });
    industryId = industry.id;
    chain = await post<Chain>(`/industries/${industry.id}/chains`, { name: '灵宝大枣产业链', leaderName: '王链长', leaderTitle: '示范区副主任' });
    const village = (await j.api<HouseholdPage>('/households?pageSize=1')).items[0]!.regionCode.slice(0, 12);
    entityId = (await post<{ id: number }>('/entities', { regionCode: village, entityType: 'family_farm', name: entityName })).id;
    baseLink = chain.links.find((l) => l.linkKind === 'base')!;
    await post(`/chain-links/${baseLink.id}/entities`, { entityIds: [entityId], version: baseLink.version }, 'put');

    await page.goto(`${j.server.url}/industry/chains/${chain.id}`);
    await expect.poll(() => page.locator('[data-testid="chain-graph"] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('chain-leaders').getByText('王链长（示范区副主任）').isVisible()).toBe(true);
    const coldChain = chain.links.find((l) => l.linkKind === 'cold_chain')!;
    await expect.poll(() => page.getByTestId(`gap-${coldChain.id}`).textContent()).toContain('冷链物流 — 无经营主体、无项目');
    // 基地建设 has the entity: not a gap
    expect(await page.getByTestId(`gap-${baseLink.id}`).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'chains-map-1440.png'), fullPage: true });

    await page.getByTestId(`node-entity-${entityId}@${baseLink.id}`).click();
    await page.waitForURL((u) => u.pathname === `/industry/entities/${entityId}`);
  });

  it('the spectrum lists 灵宝大枣 with its chain; it and the chain map fit a 390 px phone', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/industry/spectrum`);
    await expect.poll(() => page.getByText('灵宝大枣产业链').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('一县一业').first().isVisible()).toBe(true);
    // a versioned edit in the dialog
    await page.getByTestId(`industry-${industryId}`).getByRole('button', { name: '修改产业' }).click();
    const dialog = page.getByRole('dialog', { name: '修改产业' });
    await dialog.getByLabel('产业规模').fill('种植面积 3.5 万亩');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId(`industry-${industryId}`).getByText('种植面积 3.5 万亩').isVisible()).toBe(true);
    expect((await j.api<{ version: number }>(`/industries/${industryId}`)).version).toBe(2);
    await page.screenshot({ path: join(artifactsDir, 'chains-spectrum-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByText('灵宝大枣产业链').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'chains-spectrum-390.png'), fullPage: true });
    await page.goto(`${j.server.url}/industry/chains/${chain.id}`);
    await expect.poll(() => page.locator('[data-testid="chain-graph"] canvas').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the graph is wider than the phone and scrolls inside its card
    const scroll = await page.getByTestId('chain-graph-scroll').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(scroll.scroll).toBeGreaterThan(scroll.client);
    await page.screenshot({ path: join(artifactsDir, 'chains-map-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the county deletes the chain after a dialog that says what goes with it; the entity stays, detached; a township officer has no delete button', async () => {
    const { page } = j;
    await page.goto(`${j.server.url}/industry/chains/${chain.id}`);
    await page.getByTestId('chain-delete').click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect.poll(() => dialog.innerText()).toContain('删除产业链“灵宝大枣产业链”？');
    const text = await dialog.innerText();
    expect(text).toContain(`${chain.links.length} 个环节将一并删除`);
    expect(text).toContain('1 个经营主体和 0 个项目只解除与本产业链的关联，不会被删除');
    await page.screenshot({ path: join(artifactsDir, 'chains-delete-confirm-1440.png') });
    const deleted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/chains/${chain.id}`) && r.request().method() === 'DELETE');
    await page.locator('#chain-delete-ok').click();
    const res = await deleted;
    expect(res.status()).toBe(204);
    expect(res.request().headers()['if-match']).toBe('"1"');
    await page.waitForURL((u) => u.pathname === '/industry/spectrum');
    expect((await j.api<{ chainCount: number }>(`/industries/${industryId}`)).chainCount).toBe(0);
    expect((await j.api<{ id: number; name: string }>(`/entities/${entityId}`)).name).toBe(entityName);

    // a township officer edits a chain of the township but gets no delete button
    await page.context().clearCookies();
    await login(page, j.server.url, 'dawang', PASSWORD);
    const town = (await j.api<{ code: string; level: string }[]>('/regions/tree?depth=1')).find((n) => n.level === 'township')!;
    const ind = await page.request.post(`${j.server.url}/api/v1/industries`, { data: { regionCode: town.code, name: '镇级香菇', category: 'edible_fungi', kind: 'emerging' } });
    expect(ind.status(), await ind.text()).toBe(201);
    const own = await page.request.post(`${j.server.url}/api/v1/industries/${((await ind.json()) as { id: number }).id}/chains`, { data: { name: '镇级香菇产业链' } });
    expect(own.status(), await own.text()).toBe(201);
    await page.goto(`${j.server.url}/industry/chains/${((await own.json()) as Chain).id}`);
    await expect.poll(() => page.getByTestId('chain-edit').isVisible()).toBe(true);
    expect(await page.getByTestId('chain-delete').count()).toBe(0);
  });
});
