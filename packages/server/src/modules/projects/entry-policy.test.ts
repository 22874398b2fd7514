import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 入库 conditions come from the county's own pack: only seed 004 (Xinxiang) sets P3 (≥ 2 linkage modes) and P4 (the
// four checks); a county on another pack is neither refused by Xinxiang's figure nor silently checked by it.

let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let county: U, township: U, admin: U;
let villageCode = '';
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  villageCode = tree.townships[0]!.villages[0]!.code;
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  admin = await buildUser(t, 'admin', tree.county.code);
});
afterAll(async () => t?.close());

const call = (u: U, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: u.cookie }, ...(payload ? { payload } : {}) });
const versionOf = async (id: number) => (await t.db.db.select().from(projects).where(eq(projects.id, id)))[0]!.version;
const act = async (u: U, id: number, payload: object) => call(u, 'POST', `/api/v1/projects/${id}/actions`, { version: await versionOf(id), ...payload });

async function usePack(packId: string) {
  const now = (await call(admin, 'GET', `/api/v1/policy/active?countyCode=${tree.county.code}`)).json() as { version: number | null };
  const res = await call(admin, 'PUT', '/api/v1/policy/active', { countyCode: tree.county.code, packId, ...(now.version === null ? {} : { version: now.version }) });
  expect(res.statusCode, res.body).toBe(200);
}

/** An industry project with one linkage mode, walked to 公示中. */
async function publicisedOneMode(): Promise<number> {
  const res = await call(township, 'POST', '/api/v1/projects', {
    name: '单一带农方式项目',
    regionCode: villageCode,
    year: 2025,
    projectType: 'industry',
    budgetYuan: 100_000,
    linkageModes: ['employment'],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: number }).id;
  for (const step of [{ action: 'submit' }, { action: 'township_review' }, { action: 'publicise', publicityStart: '2025-03-01', publicityEnd: '2025-03-10' }]) {
    expect((await act(township, id, step)).statusCode).toBe(200);
  }
  return id;
}

describe('入库 per county pack', () => {
  it('xinxiang (004 §六): 1 linkage mode and an unticked check are refused with its document', async () => {
    await usePack('xinxiang');
    const id = await publicisedOneMode();
    const res = await act(county, id, { action: 'approve_entry', checks: { benefit: true, interest_linkage: true, organisation: true } });
    expect(res.statusCode).toBe(409);
    const zh = (res.json().error.details.issues as { messageZh: string }[]).map((i) => i.messageZh);
    expect(zh).toEqual(['入库审定须核查后续运营（新农字〔2024〕34号 六），尚未确认：后续运营', '产业项目须至少落实 2 种联农带农方式（新农字〔2024〕34号 六），本项目 1 种']);
    const view = (await call(county, 'GET', `/api/v1/projects/${id}`)).json();
    expect(view.entryPolicy).toMatchObject({ minLinkageModes: 2, checksRequired: true, noteZh: null });
  });

  it.each(['sanmenxia', 'xuchang', 'jincheng'])('%s sets no P3/P4: the project enters, the checks are recorded as ticked, the detail says why', async (packId) => {
    await usePack(packId);
    const id = await publicisedOneMode();
    const before = (await call(county, 'GET', `/api/v1/projects/${id}`)).json();
    expect(before.entryPolicy).toMatchObject({ minLinkageModes: null, linkageClause: '', checksRequired: false, reviewClause: '' });
    expect(before.entryPolicy.noteZh).toMatch(/^本县政策包未规定入库审查要素和联农带农方式最低数量/);
    const res = await act(county, id, { action: 'approve_entry', checks: { benefit: true, interest_linkage: false }, date: '2025-03-15' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'in_library', enteredLibraryOn: '2025-03-15', reviewChecks: { benefit: true, interest_linkage: false, organisation: null } });
  });
});
