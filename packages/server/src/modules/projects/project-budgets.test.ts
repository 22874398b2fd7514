import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, projectBudgets, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser } from '../../test/factories.ts';

let t: TestApp;
let township: { cookie: string };
let villageCode = '';
beforeAll(async () => {
  t = await createTestApp();
  const tree = await buildRegionTree(t);
  villageCode = tree.townships[0]!.villages[0]!.code;
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
});
afterAll(async () => t?.close());

const propose = (body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: { cookie: township.cookie },
    payload: { name: '冷链仓储', regionCode: villageCode, year: 2025, projectType: 'industry', linkageModes: ['employment'], ...body },
  });
const issues = (res: { json(): { error: { details: { issues: { path: string; messageZh: string }[] } } } }) => res.json().error.details.issues;
const rowsOf = (projectId: number) => t.db.db.select().from(projectBudgets).where(eq(projectBudgets.projectId, projectId)).orderBy(projectBudgets.id);

describe('申报 with budget rows by year and fund source', () => {
  it('stores the rows in 分 and makes 总投资 their sum (123.456789 万元 + 0.1 元 + 0.2 元 → 1 234 568.19 元)', async () => {
    const res = await propose({
      budgets: [
        { year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 1_234_567.89 },
        { year: 2025, fundLevel: 'county', fundKind: 'linkage', amountYuan: 0.1 },
        { year: 2026, fundLevel: 'other', fundKind: 'self_raised', amountYuan: 0.2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.budgetYuan).toBe(1_234_568.19);
    expect(p.budgets.map((b: { year: number; amountYuan: number }) => [b.year, b.amountYuan])).toEqual([
      [2025, 1_234_567.89],
      [2025, 0.1],
      [2026, 0.2],
    ]);
    expect((await rowsOf(p.id)).map((r) => r.amountFen)).toEqual([123_456_789, 10, 20]);
    expect((await t.db.db.select().from(projects).where(eq(projects.id, p.id)))[0]!.budgetFen).toBe(123_456_819);
    const [audit] = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'project'), eq(auditLog.entityId, String(p.id))));
    expect(audit!.action).toBe('create');
    expect((audit!.after as { budgetFen: number }).budgetFen).toBe(123_456_819);
  });

  it('a budgetYuan sent beside the rows must equal their sum: 400 naming 预算, and nothing is stored', async () => {
    const before = (await t.db.db.select().from(projects)).length;
    const res = await propose({ budgetYuan: 0.3, budgets: [{ year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 0.1 }] });
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual([expect.objectContaining({ path: 'budgets', messageZh: '分年度分来源预算合计 0.1 元，与项目总投资 0.3 元不一致' })]);
    const same = await propose({ budgetYuan: 0.3, budgets: [{ year: 2025, fundLevel: 'central', fundKind: 'linkage', amountYuan: 0.3 }] });
    expect(same.statusCode, same.body).toBe(201);
    expect((await t.db.db.select().from(projects)).length).toBe(before + 1);
  });

  it('refuses an unknown fund level, a repeated row and a third decimal, naming the row and field', async () => {
    const before = (await t.db.db.select().from(projects)).length;
    const unknown = await propose({
      budgets: [
        { year: 2025, fundLevel: 'moon', fundKind: 'linkage', amountYuan: 1 },
        { year: 2025, fundLevel: 'city', fundKind: 'linkage', amountYuan: 1 },
        { year: 2025, fundLevel: 'city', fundKind: 'linkage', amountYuan: 2 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(issues(unknown).map((i) => i.path)).toEqual(['budgets.0.fundLevel', 'budgets.2']);
    expect(issues(unknown)[1]!.messageZh).toBe('第 3 行与前面的行年度、资金级次、资金性质相同');
    const decimals = await propose({ budgets: [{ year: 2025, fundLevel: 'city', fundKind: 'linkage', amountYuan: 1.005 }] });
    expect(decimals.statusCode).toBe(400);
    expect(issues(decimals)[0]!.path).toBe('budgets.0.amountYuan');
    expect((await t.db.db.select().from(projects)).length).toBe(before);
  });

  it('without rows the budgetYuan sent is 总投资 and no row is stored; PATCH ignores rows (PUT …/budgets edits them)', async () => {
    const res = await propose({ budgetYuan: 5000 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().budgetYuan).toBe(5000);
    expect(await rowsOf(res.json().id)).toEqual([]);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/projects/${res.json().id}`,
      headers: { cookie: township.cookie },
      payload: { version: res.json().version, budgets: [{ year: 2025, fundLevel: 'city', fundKind: 'linkage', amountYuan: 1 }] },
    });
    expect(patch.statusCode, patch.body).toBe(200); // an unknown field is dropped by the schema
    expect(await rowsOf(res.json().id)).toEqual([]);
  });
});
