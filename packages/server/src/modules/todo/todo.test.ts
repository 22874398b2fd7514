import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { monitoringCases, projectSteps, projects } from '@chanbang/db';
import type { ProjectTodoItem, Todo } from '@chanbang/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 待办 (GET /api/v1/todo): the monitoring cases and the projects that wait for the user's level in the scope. A
// village officer proposes; the township reviews and publicises; the county decides entry (domain-standards §3.3).
let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let county: U, admin: U, township: U, village: U, otherTownship: U, otherVillage: U, viewer: U;
let villageCode = '';

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  villageCode = tree.townships[0]!.villages[0]!.code;
  county = await buildUser(t, 'county_officer', tree.county.code);
  admin = await buildUser(t, 'admin', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  village = await buildUser(t, 'village_officer', villageCode);
  otherVillage = await buildUser(t, 'village_officer', tree.townships[0]!.villages[1]!.code);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
});
afterAll(async () => t?.close());

const call = (u: U, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: u.cookie }, ...(payload ? { payload } : {}) });
const versionOf = async (id: number) => (await t.db.db.select().from(projects).where(eq(projects.id, id)))[0]!.version;
async function act(u: U, id: number, payload: object) {
  const res = await call(u, 'POST', `/api/v1/projects/${id}/actions`, { version: await versionOf(id), ...payload });
  expect(res.statusCode, res.body).toBe(200);
}
async function todo(u: U): Promise<Todo> {
  const res = await call(u, 'GET', '/api/v1/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Todo;
}
const projectsOf = async (u: U) => (await todo(u)).items.filter((i): i is ProjectTodoItem => i.kind === 'project');
const projectIn = async (u: U, id: number) => (await projectsOf(u)).find((i) => i.projectId === id);

async function propose(name: string, by: U = village) {
  const res = await call(by, 'POST', '/api/v1/projects', { name, regionCode: villageCode, year: 2025, projectType: 'industry', budgetYuan: 500_000 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; projectNo: string };
}

describe('待办 of the project library', () => {
  it('a submitted proposal waits for its township, then for the county after publicity, and leaves on entry; nobody else sees it', async () => {
    const p = await propose('待办测试蔬菜大棚');
    expect(await projectIn(township, p.id)).toBeUndefined(); // 谋划: nobody's step yet
    await act(village, p.id, { action: 'submit' });

    const atTownship = await projectIn(township, p.id);
    expect(atTownship).toMatchObject({
      kind: 'project',
      projectNo: p.projectNo,
      name: '待办测试蔬菜大棚',
      stage: 'submitted',
      reason: 'step',
      nextAction: 'township_review',
      labelZh: '待乡镇审核',
      regionCode: villageCode,
      townshipName: tree.townships[0]!.name,
      villageName: tree.townships[0]!.villages[0]!.name,
      returnReason: null,
      link: `/industry/projects/${p.id}`,
    });
    const [submitted] = await t.db.db.select().from(projectSteps).where(eq(projectSteps.projectId, p.id)).orderBy(projectSteps.id).offset(1);
    expect(atTownship!.waitingSince).toBe(submitted!.at.toISOString());
    for (const u of [county, admin, village, otherVillage, otherTownship, viewer]) expect(await projectIn(u, p.id)).toBeUndefined();
    const other = await call(otherTownship, 'GET', '/api/v1/todo');
    expect(other.body).not.toContain('待办测试蔬菜大棚');

    await act(township, p.id, { action: 'township_review' });
    expect(await projectIn(township, p.id)).toMatchObject({ stage: 'reviewed', labelZh: '待公示', nextAction: 'publicise' });
    await act(township, p.id, { action: 'publicise', publicityStart: '2025-03-01', publicityEnd: '2025-03-10' });
    expect(await projectIn(township, p.id)).toBeUndefined();
    for (const u of [county, admin]) expect(await projectIn(u, p.id)).toMatchObject({ stage: 'publicised', labelZh: '待县级审定入库', nextAction: 'approve_entry' });
    expect(await projectIn(otherTownship, p.id)).toBeUndefined();

    const checks = { benefit: true, interest_linkage: true, organisation: true, after_operation: true };
    await act(county, p.id, { action: 'approve_entry', checks, date: '2025-03-20' });
    for (const u of [county, admin, township, village]) expect(await projectIn(u, p.id)).toBeUndefined();
  });

  it('a returned proposal goes back to its proposer with the reason until it is submitted again', async () => {
    const p = await propose('待办退回的项目');
    await act(village, p.id, { action: 'submit' });
    await act(township, p.id, { action: 'return', reason: '带农机制不清，请补充' });
    expect(await projectIn(township, p.id)).toBeUndefined();
    expect(await projectIn(otherVillage, p.id)).toBeUndefined();
    expect(await projectIn(village, p.id)).toMatchObject({
      stage: 'draft',
      reason: 'returned',
      nextAction: 'submit',
      labelZh: '已退回，待修改后重新申报',
      returnReason: '带农机制不清，请补充',
    });
    await act(village, p.id, { action: 'submit' });
    expect(await projectIn(village, p.id)).toBeUndefined();
    expect(await projectIn(township, p.id)).toMatchObject({ stage: 'submitted', returnReason: null });
  });

  it('a rejection is told to the proposer with its reason for 30 days', async () => {
    const p = await propose('待办不予入库的项目', township);
    await act(township, p.id, { action: 'submit' });
    await act(county, p.id, { action: 'reject', reason: '与产业规划不符' });
    expect(await projectIn(township, p.id)).toMatchObject({ stage: 'rejected', reason: 'rejected', nextAction: null, labelZh: '不予入库', returnReason: '与产业规划不符' });
    expect(await projectIn(village, p.id)).toBeUndefined();
    expect(await projectIn(county, p.id)).toBeUndefined();
    await t.db.db
      .update(projectSteps)
      .set({ at: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(projectSteps.projectId, p.id));
    expect(await projectIn(township, p.id)).toBeUndefined();
  });

  it('holds the monitoring cases too, each item saying its kind, with the counts', async () => {
    const h = await buildHousehold(t, { regionCode: villageCode });
    const [c] = await t.db.db.insert(monitoringCases).values({ householdId: h.id, regionCode: villageCode, monitoringType: 'marginal', stage: 'township_review' }).returning();
    const list = await todo(township);
    expect(list.items.find((i) => i.kind === 'case' && i.caseId === c!.id)).toMatchObject({ kind: 'case', householdId: h.id, stage: 'township_review' });
    expect(list.cases).toBe(list.items.filter((i) => i.kind === 'case').length);
    expect(list.projects).toBe(list.items.filter((i) => i.kind === 'project').length);
    expect(list.total).toBe(list.cases + list.projects);
    expect(list.cases).toBeGreaterThan(0);
    expect(list.projects).toBeGreaterThan(0);
    expect(await todo(viewer)).toEqual({ items: [], total: 0, cases: 0, projects: 0 });
  });
});
