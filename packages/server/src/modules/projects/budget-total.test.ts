import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectBudgets, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// projects.budget_fen is the sum of the project's budget rows whenever it has any (schema/projects.ts): the
// rows are written only when they add up to it, and an edit of the total is refused while rows disagree with it.
let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let township: U;
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: township.cookie }, ...(payload ? { payload } : {}) });
const rowsAndTotal = async (id: number) => {
  const [p] = await t.db.db.select({ budgetFen: projects.budgetFen }).from(projects).where(eq(projects.id, id));
  const rows = await t.db.db.select({ amountFen: projectBudgets.amountFen }).from(projectBudgets).where(eq(projectBudgets.projectId, id));
  return { budgetFen: p!.budgetFen, rowsFen: rows.reduce((s, r) => s + r.amountFen, 0) };
};

describe('总投资 and the budget rows', () => {
  it('a PATCH of the total is free without rows, refused with rows that disagree, taken when equal', async () => {
    const created = await call('POST', '/api/v1/projects', {
      name: '预算一致性项目',
      regionCode: tree.townships[0]!.villages[0]!.code,
      year: 2025,
      projectType: 'other',
      budgetYuan: 100,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const v = async () => (await t.db.db.select().from(projects).where(eq(projects.id, id)))[0]!.version;

    expect((await call('PATCH', `/api/v1/projects/${id}`, { budgetYuan: 300, version: await v() })).statusCode).toBe(200);
    const put = await call('PUT', `/api/v1/projects/${id}/budgets`, {
      rows: [
        { year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 200 },
        { year: 2025, fundLevel: 'county', fundKind: 'linkage', amountYuan: 100 },
      ],
      version: await v(),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await rowsAndTotal(id)).toEqual({ budgetFen: 30_000, rowsFen: 30_000 });

    const off = await call('PATCH', `/api/v1/projects/${id}`, { budgetYuan: 350, version: await v() });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.details.issues[0]).toMatchObject({ path: 'budgetYuan', messageZh: '分年度分来源预算合计 300 元，与项目总投资 350 元不一致' });
    expect(await rowsAndTotal(id)).toEqual({ budgetFen: 30_000, rowsFen: 30_000 });

    const same = await call('PATCH', `/api/v1/projects/${id}`, { budgetYuan: 300, name: '预算一致性项目（改）', version: await v() });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ budgetYuan: 300, name: '预算一致性项目（改）' });
  });
});
