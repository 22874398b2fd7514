import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, facilitySubsidies, loans, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// issue 7 §7 through app.inject: S1 and C1 calculators with the seed's numbers (002 §二(二)2, §二(四)2), loans
// refused by C1 (409 CONFLICT with the reasons), the stored subsidy recomputed from repayments, versions, scope,
// and facility subsidies computed by S1 with the county's active pack.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let admin: U, township: U, otherTownship: U, viewer: U, village: U;
let lifted: number, ordinary: number, borrower: number;
let otherTree: RegionTree;
let henanAdmin: U;

const v1 = () => tree.townships[0]!.villages[0]!.code;
const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  village = await buildUser(t, 'village_officer', v1());
  expect((await call(admin, 'PUT', '/api/v1/policy/active', { packId: 'jincheng' })).statusCode).toBe(200);
  const h = await buildHousehold(t, { regionCode: v1(), householdType: 'lifted', isLifted: true });
  lifted = h.id;
  borrower = h.members[0]!.id;
  ordinary = (await buildHousehold(t, { regionCode: v1(), householdType: 'ordinary', isLifted: false })).id;
  // a county whose active pack (the province default) sets neither S1 nor C1
  otherTree = await buildRegionTree(t);
  henanAdmin = await buildUser(t, 'admin', otherTree.county.code);
}, 120_000);
afterAll(async () => t?.close());

describe('calculators', () => {
  it('S1: solar greenhouse 2.5 亩 → 75,000 元 with the working and the 文号', async () => {
    const res = await call(viewer, 'POST', '/api/v1/calculators/s1', { packId: 'jincheng', kind: 'solar_greenhouse', areaMu: 2.5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ eligible: true, amountYuan: 75_000, steps: ['新建日光温室 2.5 亩 × 30,000 元/亩 = 75,000 元'], clause: '晋市农发〔2023〕52号 二(二)2' });
  });
  it('S1: 冷凉蔬菜 150 亩 ineligible, 200 亩 → 80,000 元; renovation claimed 25,000/亩 capped at 20,000', async () => {
    const cold = async (areaMu: number) => (await call(township, 'POST', '/api/v1/calculators/s1', { packId: 'jincheng', kind: 'cool_season_vegetables', areaMu })).json();
    expect(await cold(150)).toMatchObject({ eligible: false, amountYuan: 0 });
    expect(await cold(200)).toMatchObject({ eligible: true, amountYuan: 80_000 });
    const reno = await call(township, 'POST', '/api/v1/calculators/s1', { packId: 'jincheng', kind: 'greenhouse_renovation', areaMu: 1, claimedYuanPerMu: 25_000 });
    expect(reno.json().amountYuan).toBe(20_000);
  });
  it('C1: 5 万 3 年 at 3.45 % → 5,175 元; 8 万 with need → on 5 万 only; 12 万 and 4 years refused', async () => {
    const c1 = async (body: object) => (await call(village, 'POST', '/api/v1/calculators/c1', { packId: 'jincheng', termYears: 3, annualRate: 3.45, ...body })).json();
    expect(await c1({ amountYuan: 50_000 })).toMatchObject({ accepted: true, interestSubsidyYuan: 5175, refusals: [], warnings: [] });
    const eight = await c1({ amountYuan: 80_000, needsAndCanRepay: true });
    expect(eight).toMatchObject({ accepted: true, interestSubsidyYuan: 5175, subsidisedPrincipalYuan: 50_000 });
    expect(eight.warnings[0].messageZh).toContain('不予贴息');
    const twelve = await c1({ amountYuan: 120_000, needsAndCanRepay: true });
    expect(twelve).toMatchObject({ accepted: false, interestSubsidyYuan: 0 });
    expect(twelve.refusals[0]).toMatchObject({ path: 'amountYuan' });
    expect((await c1({ amountYuan: 30_000, termYears: 4 })).refusals[0]).toMatchObject({ path: 'termYears' });
  });
  it('the caller county’s active pack is used without packId; a pack without the rule is 404; bad input names the field', async () => {
    expect((await call(township, 'POST', '/api/v1/calculators/s1', { kind: 'herb_tea_base', areaMu: 100 })).json()).toMatchObject({ packId: 'jincheng', amountYuan: 20_000 });
    const none = await call(henanAdmin, 'POST', '/api/v1/calculators/s1', { kind: 'herb_tea_base', areaMu: 100 });
    expect(none.statusCode).toBe(404);
    expect((await call(township, 'POST', '/api/v1/calculators/c1', { packId: 'nowhere', amountYuan: 1, termYears: 1, annualRate: 3 })).statusCode).toBe(404);
    const bad = await call(township, 'POST', '/api/v1/calculators/s1', { kind: 'solar_greenhouse', areaMu: 1.234 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details.issues)).toContain('areaMu');
    const badRate = await call(township, 'POST', '/api/v1/calculators/c1', { amountYuan: 1, termYears: 1, annualRate: 'x' });
    expect(badRate.statusCode).toBe(400);
    expect(JSON.stringify(badRate.json().error.details.issues)).toContain('annualRate');
  });
});

describe('loans', () => {
  let loanId: number;
  it('records a 5 万 3-year loan with its subsidy 5,175 元 (maturity = start + term), audited', async () => {
    const res = await call(village, 'POST', `/api/v1/households/${lifted}/loans`, {
      personId: borrower,
      amountYuan: 50_000,
      termMonths: 36,
      annualRate: 3.45,
      startDate: '2024-01-15',
      purpose: '养殖肉牛',
    });
    expect(res.statusCode, res.body).toBe(201);
    const l = res.json();
    expect(l).toMatchObject({ amountYuan: 50_000, annualRate: 3.45, maturityDate: '2027-01-15', interestSubsidyYuan: 5175, version: 1, clause: '晋市农发〔2023〕52号 二(四)2' });
    expect(l.borrowerName).toBeTruthy();
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    loanId = l.id;
    const [row] = await t.db.db.select().from(loans).where(eq(loans.id, loanId));
    expect(row!.interestSubsidyFen).toBe(517_500);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'loan'), eq(auditLog.entityId, String(loanId))));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });
  it('C1 refuses with the reasons (409 CONFLICT): 12 万, 4 years, an ordinary household; nothing written', async () => {
    const body = { amountYuan: 50_000, termMonths: 36, annualRate: 3.45, startDate: '2024-01-15' };
    const over = await call(village, 'POST', `/api/v1/households/${lifted}/loans`, { ...body, amountYuan: 120_000, needsAndCanRepay: true });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'CONFLICT', details: { ruleId: 'C1' } });
    expect(over.json().error.details.issues[0].messageZh).toContain('10 万元');
    expect((await call(village, 'POST', `/api/v1/households/${lifted}/loans`, { ...body, termMonths: 48 })).json().error.details.issues[0].path).toBe('termMonths');
    const ord = await call(village, 'POST', `/api/v1/households/${ordinary}/loans`, body);
    expect(ord.statusCode).toBe(409);
    expect(ord.json().error.details.issues[0].path).toBe('householdId');
    expect(await t.db.db.select().from(loans).where(eq(loans.householdId, ordinary))).toEqual([]);
    // the county's pack has no C1
    const other = await buildHousehold(t, { regionCode: otherTree.townships[0]!.villages[0]!.code });
    expect((await call(henanAdmin, 'POST', `/api/v1/households/${other.id}/loans`, body)).statusCode).toBe(409);
  });
  it('a repayment recomputes the subsidy from the schedule; deleting it (If-Match) restores it', async () => {
    const rep = await call(township, 'POST', `/api/v1/loans/${loanId}/repayments`, { paidOn: '2025-01-15', principalYuan: 20_000, interestYuan: 1725 });
    expect(rep.statusCode, rep.body).toBe(201);
    const list = (await call(viewer, 'GET', `/api/v1/households/${lifted}/loans`)).json().items;
    expect(list[0]).toMatchObject({ interestSubsidyYuan: 3795, outstandingYuan: 30_000, version: 2 });
    expect(list[0].schedule.map((s: { interestYuan: number }) => s.interestYuan)).toEqual([1725, 2070]);
    const over = await call(township, 'POST', `/api/v1/loans/${loanId}/repayments`, { paidOn: '2025-02-01', principalYuan: 40_000 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.issues[0].path).toBe('principalYuan');
    expect((await call(township, 'DELETE', `/api/v1/loan-repayments/${rep.json().id}`)).statusCode).toBe(428);
    expect((await call(township, 'DELETE', `/api/v1/loan-repayments/${rep.json().id}`, undefined, { 'if-match': '"7"' })).statusCode).toBe(409);
    expect((await call(township, 'DELETE', `/api/v1/loan-repayments/${rep.json().id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await call(viewer, 'GET', `/api/v1/households/${lifted}/loans`)).json().items[0]).toMatchObject({ interestSubsidyYuan: 5175, version: 3 });
  });
  it('PATCH needs the version: none 428, stale 409 with the current loan, C1 applies to the edit', async () => {
    expect((await call(village, 'PATCH', `/api/v1/loans/${loanId}`, { note: '改' })).statusCode).toBe(428);
    const stale = await call(village, 'PATCH', `/api/v1/loans/${loanId}`, { note: '改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: loanId, version: 3 });
    expect((await call(village, 'PATCH', `/api/v1/loans/${loanId}`, { amountYuan: 80_000, version: 3 })).statusCode).toBe(409);
    const ok = await call(village, 'PATCH', `/api/v1/loans/${loanId}`, { amountYuan: 80_000, needsAndCanRepay: true, version: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ amountYuan: 80_000, interestSubsidyYuan: 5175, version: 4 });
    expect(ok.json().warnings[0].messageZh).toContain('30,000 元');
  });
  it('scope: another township reads and writes 404 (as a loan that does not exist); the viewer cannot write (403); GET /loans lists by region', async () => {
    expect((await call(otherTownship, 'GET', `/api/v1/households/${lifted}/loans`)).statusCode).toBe(404);
    const outside = await call(otherTownship, 'PATCH', `/api/v1/loans/${loanId}`, { note: 'x', version: 4 });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ code: 'NOT_FOUND', details: { id: loanId } });
    expect(outside.body).not.toContain(v1());
    expect((await call(otherTownship, 'POST', `/api/v1/loans/${loanId}/repayments`, { paidOn: '2025-01-15', principalYuan: 1 })).statusCode).toBe(404);
    expect((await call(viewer, 'POST', `/api/v1/loans/${loanId}/repayments`, { paidOn: '2025-01-15', principalYuan: 1 })).statusCode).toBe(403);
    const page = (await call(township, 'GET', `/api/v1/loans?regionCode=${v1()}`)).json();
    expect(page.items.map((r: { id: number }) => r.id)).toContain(loanId);
    expect(page.items[0]).toMatchObject({ regionName: tree.townships[0]!.villages[0]!.name, interestSubsidyYuan: 5175 });
    expect((await call(otherTownship, 'GET', '/api/v1/loans')).json().items).toEqual([]);
    expect((await call(otherTownship, 'GET', `/api/v1/loans?regionCode=${v1()}`)).statusCode).toBe(404);
  });
});

describe('facility subsidies', () => {
  it('a household carries its S1 subsidy; an ineligible one is refused; DELETE with If-Match', async () => {
    const res = await call(village, 'POST', `/api/v1/households/${lifted}/subsidies`, { kind: 'solar_greenhouse', areaMu: 2.5, year: 2023 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amountYuan: 75_000, packId: 'jincheng', areaMu: 2.5, steps: ['新建日光温室 2.5 亩 × 30,000 元/亩 = 75,000 元'] });
    const no = await call(village, 'POST', `/api/v1/households/${lifted}/subsidies`, { kind: 'cool_season_vegetables', areaMu: 150 });
    expect(no.statusCode).toBe(409);
    expect(no.json().error.details.issues[0].messageZh).toContain('200 亩以上');
    expect((await call(viewer, 'GET', `/api/v1/households/${lifted}/subsidies`)).json().items).toHaveLength(1);
    expect((await call(otherTownship, 'GET', `/api/v1/households/${lifted}/subsidies`)).statusCode).toBe(404);
    expect((await call(otherTownship, 'DELETE', `/api/v1/facility-subsidies/${res.json().id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await call(village, 'DELETE', `/api/v1/facility-subsidies/${res.json().id}`)).statusCode).toBe(428);
    expect((await call(village, 'DELETE', `/api/v1/facility-subsidies/${res.json().id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.entityType, 'facility_subsidy')).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
  it('a project carries its subsidy; a county whose pack has no S1 is refused', async () => {
    const [p] = await t.db.db
      .insert(projects)
      .values({ projectNo: `XM${Date.now()}`, name: '日光温室项目', regionCode: v1(), projectType: 'planting', year: 2023 } as typeof projects.$inferInsert)
      .returning();
    const res = await call(township, 'POST', `/api/v1/projects/${p!.id}/subsidies`, { kind: 'greenhouse_renovation', areaMu: 3, claimedYuanPerMu: 25_000 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amountYuan: 60_000, projectId: p!.id });
    expect((await call(township, 'GET', `/api/v1/projects/${p!.id}/subsidies`)).json().items).toHaveLength(1);
    expect((await call(otherTownship, 'GET', `/api/v1/projects/${p!.id}/subsidies`)).statusCode).toBe(404);
    const other = await buildHousehold(t, { regionCode: otherTree.townships[0]!.villages[0]!.code });
    const none = await call(henanAdmin, 'POST', `/api/v1/households/${other.id}/subsidies`, { kind: 'solar_greenhouse', areaMu: 1 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details.issues[0].messageZh).toContain('未规定设施农业补助');
  });
});

describe('S1 and C1 through the rule layer (gatherers, GET /rules/:id/evaluate, the sandbox)', () => {
  it('C1 fails a recorded 2023 loan over the limits; S1 fails a stored subsidy above the rate; the sandboxes take the calculator input', async () => {
    const v = tree.townships[1]!.villages[1]!.code;
    const h = await buildHousehold(t, { regionCode: v, householdType: 'lifted', isLifted: true });
    const base = { householdId: h.id, regionCode: v, termMonths: 36, annualRate: 0.0345, startDate: '2023-05-01', maturityDate: '2026-05-01' };
    const [ok, over] = await t.db.db
      .insert(loans)
      .values([
        { ...base, amountFen: 50_000_00 },
        { ...base, amountFen: 120_000_00, needsAndCanRepay: true },
      ])
      .returning();
    const c1 = await call(admin, 'GET', `/api/v1/rules/C1/evaluate?regionCode=${v}&year=2023`);
    expect(c1.statusCode, c1.body).toBe(200);
    const body = c1.json();
    expect(body).toMatchObject({ status: 'not_met' });
    expect(JSON.stringify(body)).toContain('超过单户上限 10 万元');
    expect(JSON.stringify(body.failing ?? body)).toContain(String(over!.id));
    expect(JSON.stringify(body.failing ?? [])).not.toContain(`"${ok!.id}"`);

    await t.db.db.insert(facilitySubsidies).values([
      { householdId: h.id, regionCode: v, kind: 'solar_greenhouse', areaMu: 2.5, amountFen: 75_000_00, packId: 'jincheng', year: 2023 },
      { householdId: h.id, regionCode: v, kind: 'steel_frame_greenhouse', areaMu: 1, amountFen: 9_000_00, packId: 'jincheng', year: 2023 },
    ]);
    const s1eval = await call(admin, 'GET', `/api/v1/rules/S1/evaluate?regionCode=${v}&year=2023`);
    expect(s1eval.statusCode, s1eval.body).toBe(200);
    expect(s1eval.json()).toMatchObject({ status: 'not_met', total: 2, met: 1 });
    expect(s1eval.body).toContain('超过标准 8,000 元');

    const sandbox = await call(viewer, 'POST', '/api/v1/rules/C1/check', {
      packId: 'jincheng',
      year: 2023,
      facts: { amountYuan: 120_000, termYears: 3, annualRate: 3.45, needsAndCanRepay: true },
    });
    expect(sandbox.statusCode, sandbox.body).toBe(200);
    expect(sandbox.body).toContain('10 万元');
    const s1 = await call(viewer, 'POST', '/api/v1/rules/S1/check', { packId: 'jincheng', year: 2023, facts: { kind: 'cool_season_vegetables', areaMu: 150 } });
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.body).toContain('200 亩以上');
  });
});
