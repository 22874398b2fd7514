import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, chainLinkEntities, chainLinks, entities, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// DELETE /api/v1/chains/:id: county staff only, with the version read; its links go, the entities working at them
// and the projects attached to them stay (detached: the project's link cleared and its version bumped); audited.
let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let admin: U, county: U, township: U, township2: U, village: U, viewer: U;
const call = (u: U, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const t1 = () => tree.townships[0]!;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', t1().code);
  township2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village = await buildUser(t, 'village_officer', t1().villages[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
}, 120_000);
afterAll(async () => t?.close());

/** A township industry with a chain of 基地 (an entity) → 加工 (a project) → 销售 (empty). */
async function chainWithAttachments(tag: string) {
  const ind = await call(township, 'POST', '/api/v1/industries', { regionCode: t1().code, name: `${tag}产业`, category: 'fruit', kind: 'leading' });
  expect(ind.statusCode, ind.body).toBe(201);
  const c = await call(township, 'POST', `/api/v1/industries/${ind.json().id}/chains`, { name: `${tag}产业链`, useTemplate: false });
  const chainId = c.json().id as number;
  const link = async (linkKind: string) => (await call(township, 'POST', `/api/v1/chains/${chainId}/links`, { linkKind })).json() as { id: number; version: number };
  const base = await link('base');
  const processing = await link('processing');
  await link('sales');
  const [e] = await t.db.db
    .insert(entities)
    .values({ regionCode: t1().villages[0]!.code, entityType: 'cooperative', name: `${tag}合作社` })
    .returning();
  expect((await call(township, 'PUT', `/api/v1/chain-links/${base.id}/entities`, { entityIds: [e!.id], version: base.version })).statusCode).toBe(200);
  const [p] = await t.db.db
    .insert(projects)
    .values({ projectNo: `CD-${chainId}`, name: `${tag}加工项目`, regionCode: t1().villages[0]!.code, projectType: 'industry', year: 2026, chainLinkId: processing.id })
    .returning();
  return { chainId, industryId: ind.json().id as number, entityId: e!.id, projectId: p!.id, linkIds: [base.id, processing.id] };
}

describe('DELETE /api/v1/chains/:id', () => {
  it('township, village and viewer cannot (403 with the reason, even on their own chain); another township 404', async () => {
    const { chainId } = await chainWithAttachments('禁删');
    for (const u of [township, village, viewer]) {
      const res = await call(u, 'DELETE', `/api/v1/chains/${chainId}?version=1`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.issues[0].messageZh).toBe('产业链只能由县级业务人员删除');
    }
    expect((await call(township2, 'DELETE', `/api/v1/chains/${chainId}?version=1`)).statusCode).toBe(404);
    expect((await call(township, 'GET', `/api/v1/chains/${chainId}`)).statusCode).toBe(200);
  });

  it('needs the version: none 428, stale 409 with the chain as it is', async () => {
    const { chainId } = await chainWithAttachments('版本');
    expect((await call(county, 'DELETE', `/api/v1/chains/${chainId}`)).statusCode).toBe(428);
    expect((await call(township, 'PATCH', `/api/v1/chains/${chainId}`, { leaderName: '链长甲', version: 1 })).statusCode).toBe(200);
    const stale = await call(county, 'DELETE', `/api/v1/chains/${chainId}`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current).toMatchObject({ id: chainId, leaderName: '链长甲', version: 2 });
    expect((await call(admin, 'DELETE', `/api/v1/chains/${chainId}?version=2`)).statusCode).toBe(204);
  });

  it('the county deletes it: links gone, the entity stays, the project stays detached with a new version; both audited', async () => {
    const { chainId, industryId, entityId, projectId, linkIds } = await chainWithAttachments('删除');
    const res = await call(county, 'DELETE', `/api/v1/chains/${chainId}`, undefined, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await call(county, 'GET', `/api/v1/chains/${chainId}`)).statusCode).toBe(404);
    expect(await t.db.db.select().from(chainLinks).where(inArray(chainLinks.id, linkIds))).toEqual([]);
    expect(await t.db.db.select().from(chainLinkEntities).where(inArray(chainLinkEntities.linkId, linkIds))).toEqual([]);
    expect(await t.db.db.select({ id: entities.id }).from(entities).where(eq(entities.id, entityId))).toEqual([{ id: entityId }]);
    const [p] = await t.db.db.select().from(projects).where(eq(projects.id, projectId));
    expect(p).toMatchObject({ chainLinkId: null, version: 2, name: '删除加工项目' });
    expect((await call(county, 'GET', `/api/v1/industries/${industryId}`)).json().chainCount).toBe(0);

    const chainAudit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'industry_chain'), eq(auditLog.entityId, String(chainId))))
      .orderBy(asc(auditLog.id));
    expect(chainAudit.map((a) => a.action)).toEqual(['create', 'delete']);
    const before = chainAudit[1]!.before as { name: string; links: { linkKind: string; entityIds: number[]; projectIds: number[] }[] };
    expect(before.name).toBe('删除产业链');
    expect(before.links.map((l) => [l.linkKind, l.entityIds, l.projectIds])).toEqual([
      ['base', [entityId], []],
      ['processing', [], [projectId]],
      ['sales', [], []],
    ]);
    const [projectAudit] = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'project'), eq(auditLog.entityId, String(projectId))));
    expect(projectAudit).toMatchObject({ action: 'update', before: { chainLinkId: linkIds[1], version: 1 }, after: { chainLinkId: null, version: 2 } });
  });
});
