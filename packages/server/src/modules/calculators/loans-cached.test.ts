import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loans } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// loans.status and loans.interest_subsidy_fen are cached figures (schema/funds.ts): every repayment write and every
// loan edit recomputes them in its transaction, and an edit that contradicts the repayments is refused.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let village: U;
let lifted: number;

const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const stored = async (id: number) => (await t.db.db.select().from(loans).where(eq(loans.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  const admin = await buildUser(t, 'admin', tree.county.code);
  village = await buildUser(t, 'village_officer', tree.townships[0]!.villages[0]!.code);
  expect((await call(admin, 'PUT', '/api/v1/policy/active', { packId: 'jincheng' })).statusCode).toBe(200);
  lifted = (await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code, householdType: 'lifted', isLifted: true })).id;
}, 120_000);
afterAll(async () => t?.close());

describe('cached loan figures', () => {
  it('a repayment of the whole principal marks the loan repaid with the subsidy of its schedule; deleting it reopens the loan', async () => {
    // 3 万 for 1 year at 3.45 %: the full-term subsidy is 30,000 × 3.45 % = 1,035 元; repaid in full after 6 months → 517.50 元
    const created = await call(village, 'POST', `/api/v1/households/${lifted}/loans`, { amountYuan: 30_000, termMonths: 12, annualRate: 3.45, startDate: '2024-01-15' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(await stored(id)).toMatchObject({ status: 'active', interestSubsidyFen: 103_500 });

    const rep = await call(village, 'POST', `/api/v1/loans/${id}/repayments`, { paidOn: '2024-07-15', principalYuan: 30_000, interestYuan: 517.5 });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(await stored(id)).toMatchObject({ status: 'repaid', interestSubsidyFen: 51_750, version: 2 });
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'loan'), eq(auditLog.entityId, String(id))));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);

    expect((await call(village, 'DELETE', `/api/v1/loan-repayments/${rep.json().id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect(await stored(id)).toMatchObject({ status: 'active', interestSubsidyFen: 103_500, version: 3 });
  });

  it('a loan edit recomputes the status from the repayments and refuses what they contradict', async () => {
    const created = await call(village, 'POST', `/api/v1/households/${lifted}/loans`, { amountYuan: 30_000, termMonths: 12, annualRate: 3.45, startDate: '2024-02-01' });
    const id = created.json().id as number;
    const early = await call(village, 'PATCH', `/api/v1/loans/${id}`, { status: 'repaid', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({ path: 'status', messageZh: '尚欠本金 30000 元，不能标记为已结清：结清由登记的还款得出' });

    expect((await call(village, 'POST', `/api/v1/loans/${id}/repayments`, { paidOn: '2025-02-01', principalYuan: 30_000, interestYuan: 1035 })).statusCode).toBe(201);
    expect(await stored(id)).toMatchObject({ status: 'repaid', version: 2 });
    const overdue = await call(village, 'PATCH', `/api/v1/loans/${id}`, { status: 'overdue', version: 2 });
    expect(overdue.statusCode).toBe(400);
    expect(overdue.json().error.details.issues[0].path).toBe('status');
    const below = await call(village, 'PATCH', `/api/v1/loans/${id}`, { amountYuan: 20_000, version: 2 });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.details.issues[0]).toMatchObject({ path: 'amountYuan', messageZh: '贷款金额不能少于已归还本金 30000 元' });

    // 4 万 now, 3 万 repaid: the loan is open again and its subsidy follows the schedule (4 万 × 3.45 % for the year = 1,380 元)
    const raised = await call(village, 'PATCH', `/api/v1/loans/${id}`, { amountYuan: 40_000, version: 2 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ status: 'active', outstandingYuan: 10_000, interestSubsidyYuan: 1380, version: 3 });
    expect(await stored(id)).toMatchObject({ status: 'active', interestSubsidyFen: 138_000 });
  });
});
