import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, entities, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 产业谱系 and 产业链图谱 (issue 7 §4) through the HTTP API: tiers fit the region level (003 §二(四)2), a chain starts
// with its category's links, the graph flags the links without entity and project (000 §四(一)3 查找短板), a
// county industry is read by the township officers and edited only by the county, versions and audit.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let county: U, township: U, township2: U, village: U, viewer: U;
const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const t1 = () => tree.townships[0]!;
const t2 = () => tree.townships[1]!;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', t1().code);
  township2 = await buildUser(t, 'township_officer', t2().code);
  village = await buildUser(t, 'village_officer', t1().villages[0]!.code);
  viewer = await buildUser(t, 'viewer', t1().code);
}, 120_000);
afterAll(async () => t?.close());

describe('industries', () => {
  it('a 一县一业 is created at the county; at a township the tier is refused naming the field (400)', async () => {
    const bad = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '灵宝大枣', category: 'fruit', kind: 'leading', tier: 'county_one' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'tier' });
    expect(bad.json().error.details.issues[0].messageZh).toContain('一县一业');
    const dict = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '灵宝大枣', category: 'fruit', kind: 'main' });
    expect(dict.statusCode).toBe(400);
    expect(dict.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['kind']);
    const ok = await call(county, 'POST', '/api/v1/industries', { regionCode: tree.county.code, name: '灵宝大枣', category: 'fruit', kind: 'leading', tier: 'county_one' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: '灵宝大枣', tier: 'county_one', regionLevel: 'county', chainCount: 0, version: 1 });
  });

  it('writes outside the scope: another township 403, a county industry is read by a township officer but not edited (403), viewer 403', async () => {
    expect((await call(township, 'POST', '/api/v1/industries', { regionCode: t2().code, name: '外镇产业', category: 'fruit', kind: 'leading' })).statusCode).toBe(403);
    expect((await call(viewer, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '查看员产业', category: 'fruit', kind: 'leading' })).statusCode).toBe(403);
    const c = await call(county, 'POST', '/api/v1/industries', { regionCode: tree.county.code, name: '果品', category: 'fruit', kind: 'traditional' });
    const id = c.json().id as number;
    const read = await call(township, 'GET', `/api/v1/industries/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().writable).toBe(false);
    expect((await call(township, 'PATCH', `/api/v1/industries/${id}`, { name: '改名', version: 1 })).statusCode).toBe(403);
    // a township industry is not seen from the other township (404)
    const own = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '大棚蔬菜', category: 'vegetable', kind: 'emerging', tier: 'township_one' });
    expect(own.statusCode).toBe(201);
    expect((await call(township2, 'GET', `/api/v1/industries/${own.json().id}`)).statusCode).toBe(404);
    expect((await call(township2, 'PATCH', `/api/v1/industries/${own.json().id}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    const list = await call(township2, 'GET', '/api/v1/industries');
    expect(list.json().items.map((i: { name: string }) => i.name)).not.toContain('大棚蔬菜');
    expect(list.json().items.map((i: { name: string }) => i.name)).toContain('果品');
    // filters: kind and tier
    const emerging = await call(township, 'GET', '/api/v1/industries?kind=emerging');
    expect(emerging.json().items.map((i: { name: string }) => i.name)).toEqual(['大棚蔬菜']);
    const countyTier = await call(township, 'GET', '/api/v1/industries?tier=county_one');
    expect(countyTier.json().items.map((i: { name: string }) => i.name)).toEqual(['灵宝大枣']);
  });

  it('PATCH needs the version: none 428, stale 409 with current, two saves of one version give one 200 and one 409; audited', async () => {
    const c = await call(township, 'POST', '/api/v1/industries', {
      regionCode: t1().villages[0]!.code,
      name: '香菇',
      category: 'edible_fungi',
      kind: 'emerging',
      tier: 'village_one',
    });
    const id = c.json().id as number;
    expect((await call(township, 'PATCH', `/api/v1/industries/${id}`, { scaleNote: '100 棚' })).statusCode).toBe(428);
    const [a, b] = await Promise.all([
      call(township, 'PATCH', `/api/v1/industries/${id}`, { scaleNote: '120 棚', version: 1 }),
      call(village, 'PATCH', `/api/v1/industries/${id}`, { scaleNote: '130 棚' }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().error.code).toBe('STALE_VERSION');
    expect(lost.json().error.details.current.version).toBe(2);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'industry'), eq(auditLog.entityId, String(id))))
      .orderBy(asc(auditLog.id));
    expect(audit.map((x) => x.action)).toEqual(['create', 'update']);
    expect((audit[1]!.before as { version: number }).version).toBe(1);
    // a tier change is checked against the village
    expect((await call(township, 'PATCH', `/api/v1/industries/${id}`, { tier: 'township_one', version: 2 })).statusCode).toBe(400);
  });
});

describe('chains, links and the graph', () => {
  let industryId: number;
  let chainId: number;
  let entityId: number;
  let outsideEntity: number;

  beforeAll(async () => {
    const i = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '灵宝大枣（镇）', category: 'fruit', kind: 'leading', tier: 'township_one' });
    industryId = i.json().id;
    const [e] = await t.db.db.insert(entities).values({ regionCode: t1().villages[0]!.code, entityType: 'cooperative', name: '大王红枣专业合作社' }).returning();
    entityId = e!.id;
    const [o] = await t.db.db.insert(entities).values({ regionCode: t2().villages[0]!.code, entityType: 'cooperative', name: '外镇合作社' }).returning();
    outsideEntity = o!.id;
  });

  it('a new chain of a 果品 industry gets 良种繁育 → 基地建设 → 生产 → 加工 → 冷链物流 → 品牌 → 销售 → 科技服务, all gaps', async () => {
    const res = await call(township, 'POST', `/api/v1/industries/${industryId}/chains`, { name: '灵宝大枣产业链', leaderName: '张三', leaderTitle: '副区长' });
    expect(res.statusCode, res.body).toBe(201);
    chainId = res.json().id;
    expect(res.json().links.map((l: { linkKind: string }) => l.linkKind)).toEqual(['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service']);
    expect(res.json().links.every((l: { gap: boolean }) => l.gap)).toBe(true);
    expect((await call(township2, 'GET', `/api/v1/chains/${chainId}`)).statusCode).toBe(404);
    expect((await call(township2, 'POST', `/api/v1/industries/${industryId}/chains`, { name: '外镇链' })).statusCode).toBe(404);
  });

  it('entities at a link: an out-of-scope entity is refused naming entityIds.0; the graph hangs the entity and a project under their links and lists the gaps', async () => {
    const chain = (await call(township, 'GET', `/api/v1/chains/${chainId}`)).json();
    const base = chain.links.find((l: { linkKind: string }) => l.linkKind === 'base');
    const processing = chain.links.find((l: { linkKind: string }) => l.linkKind === 'processing');
    const refused = await call(township, 'PUT', `/api/v1/chain-links/${base.id}/entities`, { entityIds: [outsideEntity], version: base.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('entityIds.0');
    const set = await call(township, 'PUT', `/api/v1/chain-links/${base.id}/entities`, { entityIds: [entityId, entityId], version: base.version });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ entityIds: [entityId], gap: false, version: base.version + 1 });
    expect((await call(township, 'PUT', `/api/v1/chain-links/${base.id}/entities`, { entityIds: [], version: base.version })).statusCode).toBe(409);
    await t.db.db.insert(projects).values({
      projectNo: `P-${chainId}`,
      name: '红枣深加工车间',
      regionCode: t1().villages[0]!.code,
      projectType: 'industry',
      year: 2025,
      industryId,
      chainLinkId: processing.id,
    });
    // a 短板 on 加工 keeps it a gap even with its project (000 §四(一)2: 红枣产品加工仍处于初级阶段)
    expect((await call(township, 'PATCH', `/api/v1/chain-links/${processing.id}`, { shortfall: '红枣产品加工仍处于初级阶段', version: processing.version })).statusCode).toBe(200);
    const g = await call(village, 'GET', `/api/v1/chains/${chainId}/graph`);
    expect(g.statusCode, g.body).toBe(200);
    const graph = g.json();
    const entityNode = graph.nodes.find((n: { kind: string }) => n.kind === 'entity');
    expect(entityNode).toMatchObject({ label: '大王红枣专业合作社', link: `/industry/entities/${entityId}`, linkId: base.id });
    expect(graph.nodes.find((n: { kind: string }) => n.kind === 'project')).toMatchObject({ label: '红枣深加工车间', linkId: processing.id });
    expect(graph.edges).toContainEqual({ source: `link-${base.id}`, target: entityNode.id });
    expect(graph.edges[0]).toEqual({ source: `chain-${chainId}`, target: `link-${chain.links[0].id}` });
    const gapLabels = graph.gaps.map((x: { label: string }) => x.label);
    expect(gapLabels).toEqual(['良种繁育', '生产', '加工', '冷链物流', '品牌', '销售', '科技服务']);
    expect(graph.gaps.find((x: { label: string }) => x.label === '冷链物流').reasonZh).toBe('无经营主体、无项目');
    expect(graph.gaps.find((x: { label: string }) => x.label === '加工').reasonZh).toBe('短板：红枣产品加工仍处于初级阶段');
    expect(graph.nodes.find((n: { id: string }) => n.id === `link-${base.id}`).gap).toBe(false);
    // the spectrum counts the chain, the project and the gaps
    const s = (await call(township, 'GET', `/api/v1/industries/spectrum?regionCode=${t1().code}`)).json();
    const group = s.groups.find((x: { regionCode: string }) => x.regionCode === t1().code);
    const ind = group.byKind.find((k: { kind: string }) => k.kind === 'leading').industries.find((i: { id: number }) => i.id === industryId);
    expect(ind).toMatchObject({ chainCount: 1, projectCount: 1 });
    expect(ind.chains[0]).toMatchObject({ linkCount: 8, gapCount: 7 });
    expect(s.groups[0].regionCode).toBe(tree.county.code);
  });

  it('link kinds are unique per chain; a link with entities or projects is not deleted (409), an empty one is', async () => {
    const dup = await call(township, 'POST', `/api/v1/chains/${chainId}/links`, { linkKind: 'cold_chain' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues[0].path).toBe('linkKind');
    const chain = (await call(township, 'GET', `/api/v1/chains/${chainId}`)).json();
    const base = chain.links.find((l: { linkKind: string }) => l.linkKind === 'base');
    const del = await call(township, 'DELETE', `/api/v1/chain-links/${base.id}`, undefined, { 'if-match': `"${base.version}"` });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.details.issues[0].messageZh).toContain('1 个经营主体');
    const added = await call(township, 'POST', `/api/v1/chains/${chainId}/links`, { linkKind: 'training', name: '电商培训' });
    expect(added.statusCode).toBe(201);
    expect(added.json().sort).toBe(90);
    expect((await call(township, 'DELETE', `/api/v1/chain-links/${added.json().id}`)).statusCode).toBe(428);
    expect((await call(township, 'DELETE', `/api/v1/chain-links/${added.json().id}?version=1`)).statusCode).toBe(204);
  });

  it('an industry with chains is not deleted (409 with the reason); one without is (204)', async () => {
    const i = (await call(township, 'GET', `/api/v1/industries/${industryId}`)).json();
    const res = await call(township, 'DELETE', `/api/v1/industries/${industryId}`, undefined, { 'if-match': `"${i.version}"` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0].messageZh).toContain('1 条产业链');
    const lone = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: '中药材', category: 'herb', kind: 'emerging' });
    expect((await call(township, 'DELETE', `/api/v1/industries/${lone.json().id}?version=1`)).statusCode).toBe(204);
  });

  it('PATCH /chains: 链长 saved with the version; a stale one is 409', async () => {
    const ok = await call(township, 'PATCH', `/api/v1/chains/${chainId}`, { leaderName: '李四', shortfalls: '冷链物流缺失', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ leaderName: '李四', version: 2 });
    expect((await call(township, 'PATCH', `/api/v1/chains/${chainId}`, { leaderName: '王五', version: 1 })).statusCode).toBe(409);
    expect((await call(viewer, 'PATCH', `/api/v1/chains/${chainId}`, { leaderName: '王五', version: 2 })).statusCode).toBe(403);
  });
});
