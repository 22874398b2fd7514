import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let county: U, township: U, village: U, otherTownship: U, viewer: U;
let townshipCode = '';
let villageCode = '';
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  townshipCode = tree.townships[0]!.code;
  villageCode = tree.townships[0]!.villages[0]!.code;
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', townshipCode);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village = await buildUser(t, 'village_officer', villageCode);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  // the entry conditions below (P3 ≥ 2 linkage modes, P4 four checks) are Xinxiang's (004 §六); other packs: entry-policy.test.ts
  const admin = await buildUser(t, 'admin', tree.county.code);
  expect((await call(admin, 'PUT', '/api/v1/policy/active', { countyCode: tree.county.code, packId: 'xinxiang' })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie }, ...(payload ? { payload } : {}) });
const versionOf = async (id: number) => (await t.db.db.select().from(projects).where(eq(projects.id, id)))[0]!.version;
const act = async (u: U, id: number, payload: object) => call(u, 'POST', `/api/v1/projects/${id}/actions`, { version: await versionOf(id), ...payload });
const zh = (res: { json(): { error: { details: { issues: { messageZh: string }[] } } } }) =>
  res
    .json()
    .error.details.issues.map((i) => i.messageZh)
    .join('；');
const CHECKS = { benefit: true, interest_linkage: true, organisation: true, after_operation: true };

async function propose(body: object = {}, by: U = township) {
  const res = await call(by, 'POST', '/api/v1/projects', {
    name: '高标准蔬菜大棚',
    regionCode: villageCode,
    year: 2025,
    projectType: 'industry',
    projectSubtype: 'production',
    budgetYuan: 1_200_000.5,
    linkageModes: ['equity_coop', 'employment'],
    drivenHouseholds: 30,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; projectNo: string; version: number; stage: string };
}

/** A project walked to 公示中 by the township. */
async function publicised(body: object = {}) {
  const p = await propose(body);
  expect((await act(township, p.id, { action: 'submit' })).statusCode).toBe(200);
  expect((await act(township, p.id, { action: 'township_review' })).statusCode).toBe(200);
  expect((await act(township, p.id, { action: 'publicise', publicityStart: '2025-03-01', publicityEnd: '2025-03-10' })).statusCode).toBe(200);
  return p;
}

describe('申报 and edit', () => {
  it('generates the number XM{year}{township}{seq} and stores the budget in 分', async () => {
    const a = await propose();
    const b = await propose();
    expect(a.projectNo).toBe(`XM2025${townshipCode.slice(0, 9)}0001`);
    expect(b.projectNo).toBe(`XM2025${townshipCode.slice(0, 9)}0002`);
    expect((await t.db.db.select().from(projects).where(eq(projects.id, a.id)))[0]!.budgetFen).toBe(120_000_050);
    expect(a.stage).toBe('draft');
  });

  it('refuses a subtype of another type, an unknown mode, another township (403) and a viewer (403)', async () => {
    const base = { name: 'x', regionCode: villageCode, year: 2025, projectType: 'employment' };
    const sub = await call(township, 'POST', '/api/v1/projects', { ...base, projectSubtype: 'production' });
    expect(sub.statusCode).toBe(400);
    expect(zh(sub)).toContain('不属于所选项目类型');
    expect((await call(township, 'POST', '/api/v1/projects', { ...base, linkageModes: ['nope'] })).statusCode).toBe(400);
    expect((await call(otherTownship, 'POST', '/api/v1/projects', base)).statusCode).toBe(403);
    expect((await call(viewer, 'POST', '/api/v1/projects', base)).statusCode).toBe(403);
  });

  it('reads and writes in scope only: another township gets 404 (no region, no name) and does not list it', async () => {
    const p = await propose();
    expect((await call(otherTownship, 'GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    expect((await call(otherTownship, 'GET', '/api/v1/projects?pageSize=200')).json().items.some((i: { id: number }) => i.id === p.id)).toBe(false);
    const listed = (await call(county, 'GET', `/api/v1/projects?stage=draft&q=${encodeURIComponent('蔬菜')}&pageSize=200`)).json();
    expect(listed.items.some((i: { id: number }) => i.id === p.id)).toBe(true);
    const edit = await call(otherTownship, 'PATCH', `/api/v1/projects/${p.id}`, { name: 'y', version: p.version });
    expect(edit.statusCode).toBe(404);
    expect(edit.json().error).toEqual({ code: 'NOT_FOUND', message: 'project not found', details: { id: p.id }, requestId: expect.any(String) });
    const step = await call(otherTownship, 'POST', `/api/v1/projects/${p.id}/actions`, { action: 'submit', version: p.version });
    expect(step.statusCode).toBe(404);
  });

  it('PATCH needs the version (428), a stale one is 409, and only a draft can be edited', async () => {
    const p = await propose();
    expect((await call(township, 'PATCH', `/api/v1/projects/${p.id}`, { name: '改名' })).statusCode).toBe(428);
    const ok = await call(township, 'PATCH', `/api/v1/projects/${p.id}`, { name: '改名', version: p.version });
    expect(ok.statusCode).toBe(200);
    const stale = await call(township, 'PATCH', `/api/v1/projects/${p.id}`, { name: '再改', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current.name).toBe('改名');
    await act(township, p.id, { action: 'submit' });
    const locked = await call(township, 'PATCH', `/api/v1/projects/${p.id}`, { name: '三改', version: await versionOf(p.id) });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('budgets must add up to 总投资 (in 分: 0.1 + 0.2 style amounts are exact)', async () => {
    const p = await propose({ budgetYuan: 0.3 });
    const off = await call(township, 'PUT', `/api/v1/projects/${p.id}/budgets`, {
      version: p.version,
      rows: [{ year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 0.1 }],
    });
    expect(off.statusCode).toBe(400);
    expect(zh(off)).toBe('分年度分来源预算合计 0.1 元，与项目总投资 0.3 元不一致');
    const ok = await call(township, 'PUT', `/api/v1/projects/${p.id}/budgets`, {
      version: p.version,
      rows: [
        { year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 0.1 },
        { year: 2025, fundLevel: 'county', fundKind: 'linkage', amountYuan: 0.2 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().budgets.map((b: { amountYuan: number }) => b.amountYuan)).toEqual([0.1, 0.2]);
  });

  it('beneficiaries: households in scope only', async () => {
    const p = await propose();
    const mine = await buildHousehold(t, { regionCode: villageCode });
    const other = await buildHousehold(t, { regionCode: tree.townships[1]!.villages[0]!.code });
    const refused = await call(township, 'PUT', `/api/v1/projects/${p.id}/beneficiaries`, { version: p.version, householdIds: [mine.id, other.id] });
    expect(refused.statusCode).toBe(400);
    expect(zh(refused)).toContain(String(other.id));
    const ok = await call(township, 'PUT', `/api/v1/projects/${p.id}/beneficiaries`, { version: p.version, householdIds: [mine.id] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().beneficiaries).toHaveLength(1);
    expect(JSON.stringify(ok.json())).not.toMatch(/idNumber|phone/);
    // linked with the proposal itself: in scope only, nothing written otherwise
    const before = (await t.db.db.select().from(projects)).length;
    const bad = await call(township, 'POST', '/api/v1/projects', {
      name: '带户申报',
      regionCode: villageCode,
      year: 2025,
      projectType: 'other',
      householdIds: [mine.id, other.id],
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.db.db.select().from(projects)).length).toBe(before);
    const created = await call(township, 'POST', '/api/v1/projects', { name: '带户申报', regionCode: villageCode, year: 2025, projectType: 'other', householdIds: [mine.id] });
    expect(created.statusCode).toBe(201);
    expect(created.json().beneficiaries.map((b: { householdId: number }) => b.householdId)).toEqual([mine.id]);
  });
});

describe('the workflow', () => {
  it('walks draft → evaluated, with a step per action naming the user', async () => {
    const p = await publicised();
    const entered = await act(county, p.id, { action: 'approve_entry', checks: CHECKS, date: '2025-03-15' });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({ stage: 'in_library', enteredLibraryOn: '2025-03-15', reviewChecks: CHECKS });
    // 资金安排 is the funds module's: simulated here by the stage it sets
    await t.db.db.update(projects).set({ stage: 'funded' }).where(eq(projects.id, p.id));
    expect((await act(township, p.id, { action: 'start', date: '2025-04-01' })).statusCode).toBe(200);
    expect((await act(county, p.id, { action: 'accept', date: '2025-10-01' })).statusCode).toBe(200);
    const done = await act(county, p.id, { action: 'evaluate', grade: '优', date: '2026-01-10' });
    expect(done.statusCode).toBe(200);
    const v = done.json();
    expect(v).toMatchObject({ stage: 'evaluated', evaluationGrade: '优', acceptedOn: '2025-10-01', startedOn: '2025-04-01' });
    expect(v.steps.map((s: { action: string }) => s.action)).toEqual(['create', 'submit', 'township_review', 'publicise', 'approve_entry', 'start', 'accept', 'evaluate']);
    expect(v.steps.find((s: { action: string }) => s.action === 'approve_entry').actorName).toBe('测试county_officer');
    expect(v.steps.find((s: { action: string }) => s.action === 'submit').actorName).toBe('测试township_officer');
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(p.id)));
    expect(audits.filter((a) => a.entityType === 'project').length).toBeGreaterThanOrEqual(8);
  });

  it('a township officer cannot approve entry: 403 with the reason', async () => {
    const p = await publicised();
    const res = await act(township, p.id, { action: 'approve_entry', checks: CHECKS });
    expect(res.statusCode).toBe(403);
    expect(zh(res)).toBe('项目入库审定须由县级业务员或县级管理员办理');
    expect((await act(village, p.id, { action: 'township_review' })).statusCode).toBe(403);
  });

  it('an industry project with 1 linkage mode cannot enter: 409 with the reason of 004 六', async () => {
    const p = await publicised({ linkageModes: ['employment'] });
    const res = await act(county, p.id, { action: 'approve_entry', checks: CHECKS });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect(zh(res)).toBe('产业项目须至少落实 2 种联农带农方式（新农字〔2024〕34号 六），本项目 1 种');
  });

  it('missing P4 checks: 409 naming them', async () => {
    const p = await publicised();
    const res = await act(county, p.id, { action: 'approve_entry', checks: { benefit: true, interest_linkage: true } });
    expect(res.statusCode).toBe(409);
    expect(zh(res)).toContain('尚未确认：组织保障、后续运营');
  });

  it('a wrong stage is 409, a return needs a reason and shows it, a rejection too', async () => {
    const p = await propose();
    const early = await act(county, p.id, { action: 'approve_entry', checks: CHECKS });
    expect(early.statusCode).toBe(409);
    expect(zh(early)).toBe('该项目当前处于“谋划”阶段，不能办理“审定入库”');
    await act(township, p.id, { action: 'submit' });
    expect((await act(township, p.id, { action: 'return' })).statusCode).toBe(400);
    const back = await act(township, p.id, { action: 'return', reason: '预算依据不足' });
    expect(back.json()).toMatchObject({ stage: 'draft', returnReason: '预算依据不足' });
    await act(township, p.id, { action: 'submit' });
    const rejected = await act(county, p.id, { action: 'reject', reason: '不符合县级产业规划' });
    expect(rejected.json()).toMatchObject({ stage: 'rejected', returnReason: '不符合县级产业规划' });
  });

  it('stale version on an action is 409; two concurrent approvals give one 200 and one 409', async () => {
    const p = await publicised();
    const v = await versionOf(p.id);
    const stale = await call(county, 'POST', `/api/v1/projects/${p.id}/actions`, { action: 'approve_entry', checks: CHECKS, version: v - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const both = await Promise.all([
      call(county, 'POST', `/api/v1/projects/${p.id}/actions`, { action: 'approve_entry', checks: CHECKS, version: v }),
      call(county, 'POST', `/api/v1/projects/${p.id}/actions`, { action: 'approve_entry', checks: CHECKS, version: v }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('the detail offers 入库审定 to the county and refuses it to the township', async () => {
    const p = await publicised();
    const asTownship = (await call(township, 'GET', `/api/v1/projects/${p.id}`)).json();
    const asCounty = (await call(county, 'GET', `/api/v1/projects/${p.id}`)).json();
    expect(asTownship.actions.find((a: { action: string }) => a.action === 'approve_entry').refusalZh).toContain('县级');
    expect(asCounty.actions.find((a: { action: string }) => a.action === 'approve_entry').refusalZh).toBeNull();
    expect(asCounty.entryPolicy.minLinkageModes).toBe(2);
  });
});

describe('the project rules over the library (P3, P4 through the rule layer)', () => {
  it('an in-library industry project with 1 linkage mode fails P3 of the xinxiang pack; the sandbox takes labels', async () => {
    // the county's active pack is xinxiang (beforeAll)
    const v = tree.townships[0]!.villages[1]!.code;
    const [one] = await t.db.db
      .insert(projects)
      .values({ projectNo: `P3${v}`, name: '单一方式项目', regionCode: v, projectType: 'industry', year: 2024, stage: 'in_library', linkageModes: ['employment'] })
      .returning();
    const res = await call(county, 'GET', `/api/v1/rules/P3/evaluate?regionCode=${tree.county.code}&year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('not_met');
    expect(body.clauseText).toBe('新农字〔2024〕34号 六');
    expect(body.failing.find((f: { key: string }) => f.key === String(one!.id)).reasonZh).toBe('“单一方式项目”落实联农带农方式 1 种（务工就业），少于至少 2 种的要求');
    const p4 = (await call(county, 'GET', `/api/v1/rules/P4/evaluate?regionCode=${tree.county.code}&year=2024`)).json();
    expect(p4.failing.some((f: { key: string }) => f.key === String(one!.id))).toBe(true);
    const sandbox = await call(viewer, 'POST', '/api/v1/rules/P3/check', {
      packId: 'xinxiang',
      year: 2024,
      facts: { projectType: '产业发展', linkageModes: ['股份合作', '务工就业'] },
    });
    expect(sandbox.statusCode, sandbox.body).toBe(200);
    expect(sandbox.json()).toMatchObject({ status: 'met', value: 2, threshold: 2 });
  });
});
