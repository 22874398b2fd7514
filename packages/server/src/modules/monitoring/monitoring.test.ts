import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, householdIncomes, households, monitoringCases } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let county: U, township: U, village: U, otherTownship: U;
let villageCode = '';
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  villageCode = tree.townships[0]!.villages[0]!.code;
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village = await buildUser(t, 'village_officer', villageCode);
});
afterAll(async () => t?.close());

const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie }, ...(payload ? { payload } : {}) });
/** The version of a case as a client would have read it before its save. */
const caseVersion = async (id: number) => (await t.db.db.select().from(monitoringCases).where(eq(monitoringCases.id, id)))[0]?.version;
const act = async (u: U, id: number, payload: object) => call(u, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { version: await caseVersion(id), ...payload });
const patchCase = async (u: U, id: number, payload: object) => call(u, 'PATCH', `/api/v1/monitoring-cases/${id}`, { version: await caseVersion(id), ...payload });
const todo = async (u: U) =>
  (await call(u, 'GET', '/api/v1/monitoring/todo')).json().items as { caseId: number; stage: string; returnReason: string | null; householdNo: string; villageName: string }[];
const householdRow = async (id: number) => (await t.db.db.select().from(households).where(eq(households.id, id)))[0]!;
const zh = (res: { json(): { error: { details: { issues: { messageZh: string }[] } } } }) =>
  res
    .json()
    .error.details.issues.map((i) => i.messageZh)
    .join('；');

/** A case the village has prepared up to 公示 (5 days). */
async function preparedCase(regionCode = villageCode, by: U = village) {
  const h = await buildHousehold(t, { regionCode, householdType: 'lifted', isLifted: true });
  const created = await call(by, 'POST', `/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'unstable', leadSource: 'cadre_check', leadDate: '2024-03-01' });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as number;
  for (const body of [
    { action: 'record_home_visit', date: '2024-03-02', commitmentDate: '2024-03-02', riskTypes: ['illness'] },
    { action: 'record_info_check', date: '2024-03-03' },
    { action: 'record_village_review', date: '2024-03-04' },
    { action: 'record_publicity', publicityStart: '2024-03-05', publicityEnd: '2024-03-09' },
  ])
    expect((await act(by, id, body)).statusCode).toBe(200);
  return { h, id };
}

describe('identification by role', () => {
  it('refuses a category that does not fit the household, and any step on a household that left the registry', async () => {
    const lifted = await buildHousehold(t, { regionCode: villageCode, householdType: 'lifted', isLifted: true });
    const marginal = await call(village, 'POST', `/api/v1/households/${lifted.id}/monitoring-cases`, { monitoringType: 'marginal', leadDate: '2024-03-01' });
    expect(marginal.statusCode).toBe(400);
    expect(zh(marginal)).toContain('边缘易致贫户来自一般农户');
    const ordinary = await buildHousehold(t, { regionCode: villageCode, householdType: 'ordinary', isLifted: false });
    const unstable = await call(village, 'POST', `/api/v1/households/${ordinary.id}/monitoring-cases`, { monitoringType: 'unstable', leadDate: '2024-03-01' });
    expect(unstable.statusCode).toBe(400);
    expect(zh(unstable)).toContain('脱贫不稳定户须是脱贫户');

    const { h, id } = await preparedCase();
    expect(
      (await call(village, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'moved_out', date: '2024-03-10', version: (await householdRow(h.id)).version })).statusCode,
    ).toBe(200);
    const step = await act(village, id, { action: 'submit' });
    expect(step.statusCode).toBe(409);
    expect(step.json().error.code).toBe('RECORD_EXITED');
  });

  it('village → township (退回 with a reason, resubmitted) → county; approval keeps 是否脱贫户', async () => {
    const { h, id } = await preparedCase();
    const early = await act(village, id, { action: 'county_approve', date: '2024-03-12' });
    expect(early.statusCode).toBe(403);
    expect(zh(early)).toBe('县级审批须由县级业务员或县级管理员完成');

    expect((await act(village, id, { action: 'submit' })).json()).toMatchObject({ stage: 'township_review', status: 'identifying' });
    expect((await todo(village)).some((i) => i.caseId === id)).toBe(false);
    const tItem = (await todo(township)).find((i) => i.caseId === id);
    expect(tItem).toMatchObject({ stage: 'township_review', householdNo: h.householdNo, villageName: tree.townships[0]!.villages[0]!.name });
    expect((await todo(otherTownship)).some((i) => i.caseId === id)).toBe(false);

    const villageReview = await act(village, id, { action: 'township_approve', date: '2024-03-10' });
    expect(villageReview.statusCode).toBe(403);
    expect(zh(villageReview)).toBe('乡镇审核须由乡镇业务员完成');
    expect((await act(township, id, { action: 'township_return' })).statusCode).toBe(400);
    const returned = await act(township, id, { action: 'township_return', reason: '公示照片未上传' });
    expect(returned.json()).toMatchObject({ stage: 'village', returnReason: '公示照片未上传' });
    expect((await todo(village)).find((i) => i.caseId === id)).toMatchObject({ stage: 'village', returnReason: '公示照片未上传' });
    expect((await todo(township)).some((i) => i.caseId === id)).toBe(false);

    expect((await act(village, id, { action: 'submit' })).json()).toMatchObject({ stage: 'township_review', returnReason: null });
    expect((await act(township, id, { action: 'township_approve', date: '2024-03-10' })).json()).toMatchObject({ stage: 'county_approval' });
    const townshipApproves = await act(township, id, { action: 'county_approve', date: '2024-03-12' });
    expect(townshipApproves.statusCode).toBe(403);
    expect((await todo(county)).find((i) => i.caseId === id)).toMatchObject({ stage: 'county_approval' });

    const approved = await act(county, id, { action: 'county_approve', date: '2024-03-12' });
    expect(approved.json()).toMatchObject({ stage: 'approved', status: 'monitoring', countyApprovalDate: '2024-03-12', riskTypes: ['illness'], commitmentDate: '2024-03-02' });
    expect(await householdRow(h.id)).toMatchObject({
      householdType: 'monitored',
      monitoringType: 'unstable',
      monitoringStatus: 'monitoring',
      monitoringSince: '2024-03-12',
      isLifted: true,
      riskTypes: ['illness'],
    });
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['submit', 'township_return', 'township_approve', 'county_approve']));
  });

  it('refuses to submit a 公示 shorter than the pack’s days, and a second open case', async () => {
    const { h, id } = await preparedCase();
    expect((await act(village, id, { action: 'record_publicity', publicityStart: '2024-03-05', publicityEnd: '2024-03-07' })).statusCode).toBe(400);
    const second = await call(village, 'POST', `/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'unstable' });
    expect(second.statusCode).toBe(409);
  });

  it('PATCH edits the village facts only at the village stage and never the decisions', async () => {
    const { id } = await preparedCase();
    const forged = await patchCase(village, id, { countyApprovalDate: '2024-03-12' });
    expect(forged.statusCode).toBe(403);
    expect((await patchCase(village, id, { villageReviewDate: '2024-03-04', note: '补充' })).statusCode).toBe(200);
    await act(village, id, { action: 'submit' });
    const late = await patchCase(village, id, { villageReviewDate: '2024-03-05' });
    expect(late.statusCode).toBe(409);
    expect((await t.db.db.select().from(monitoringCases).where(eq(monitoringCases.id, id)))[0]!.stage).toBe('township_review');
  });

  it('a case of another village does not exist for the village officer: acting on it and reading its check are 404', async () => {
    const { id } = await preparedCase(tree.townships[0]!.villages[1]!.code, county);
    const res = await act(village, id, { action: 'submit' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', details: { id } });
    expect((await call(village, 'GET', `/api/v1/monitoring-cases/${id}/elimination-check`)).statusCode).toBe(404);
  });
});

/** A household under monitoring (case approved on paper by the county), province 41. */
async function monitoredCase(o: { monitoringType?: string; labor?: string } = {}) {
  const monitoringType = o.monitoringType ?? 'marginal';
  // a 边缘易致贫户 comes from the 一般农户, the others here from the 脱贫户 (domain-standards §1.2)
  const lifted = monitoringType !== 'marginal';
  const h = await buildHousehold(t, {
    regionCode: villageCode,
    householdType: lifted ? 'lifted' : 'ordinary',
    isLifted: lifted,
    members: [{ laborCapacity: o.labor ?? 'ordinary' }, { laborCapacity: o.labor ? 'none' : 'weak' }],
  });
  const c = await call(county, 'POST', `/api/v1/households/${h.id}/monitoring-cases`, {
    monitoringType,
    leadDate: '2023-03-01',
    homeVisitDate: '2023-03-02',
    infoCheckDate: '2023-03-03',
    villageReviewDate: '2023-03-04',
    publicityStart: '2023-03-05',
    publicityEnd: '2023-03-09',
    townshipReviewDate: '2023-03-10',
    countyApprovalDate: '2023-03-12',
  });
  expect(c.json()).toMatchObject({ stage: 'approved' });
  return { h, id: c.json().id as number };
}
const visit = {
  action: 'elim_home_visit',
  date: '2024-11-01',
  rigidExpenseResolved: true,
  noNewRisk: true,
  housingSecure: true,
  waterSecure: true,
  educationSecure: true,
  medicalSecure: true,
  eliminationMethod: 'natural',
};
const incomeVersion = async (id: number, year: number) =>
  (
    await t.db.db
      .select()
      .from(householdIncomes)
      .where(and(eq(householdIncomes.householdId, id), eq(householdIncomes.year, year)))
  )[0]?.version;
const income = async (id: number, year: number, body: object) =>
  call(county, 'PUT', `/api/v1/households/${id}/incomes/${year}`, { memberCount: 2, version: await incomeVersion(id, year), ...body });
const check = async (id: number, date = '2024-11-20') => (await call(county, 'GET', `/api/v1/monitoring-cases/${id}/elimination-check?date=${date}`)).json();

describe('风险消除 by role, with the national conditions', () => {
  it('walks home visit → 公示 → township → county; refused with the failed condition, then allowed', async () => {
    const { h, id } = await monitoredCase({ monitoringType: 'unstable' });
    await income(h.id, 2023, { wage: 18000 }); // 9000 per person > 6900
    await income(h.id, 2024, { wage: 13000 }); // 6500 per person ≤ 7300
    expect((await act(village, id, { ...visit, noNewRisk: false })).json()).toMatchObject({ stage: 'elim_village', noNewRisk: false });
    expect(await householdRow(h.id)).toMatchObject({ housingSecure: true, waterSecure: true, educationSecure: true, medicalSecure: true });
    expect((await act(village, id, { action: 'elim_publicity', publicityStart: '2024-11-02', publicityEnd: '2024-11-06' })).statusCode).toBe(200);
    expect((await act(village, id, { action: 'elim_submit' })).json().stage).toBe('elim_township_review');
    expect((await act(township, id, { action: 'elim_township_approve', date: '2024-11-08' })).json().stage).toBe('elim_county_approval');
    expect((await act(township, id, { action: 'elim_county_approve', date: '2024-11-20' })).statusCode).toBe(403);

    const refused = await act(county, id, { action: 'elim_county_approve', date: '2024-11-20' });
    expect(refused.statusCode).toBe(409);
    expect(zh(refused)).toContain('2024 年人均纯收入 6500 元未超过 2024 年监测范围 7300 元（未确认的占位值）');
    expect(zh(refused)).toContain('存在新增风险，不能标注风险消除');
    expect((await householdRow(h.id)).monitoringStatus).toBe('monitoring');

    // the county returns it; the village re-visits; income recorded again
    expect((await act(county, id, { action: 'elim_county_return', reason: '收入未达标' })).json()).toMatchObject({ stage: 'elim_village', returnReason: '收入未达标' });
    await income(h.id, 2024, { wage: 19000 });
    await act(village, id, visit);
    await act(village, id, { action: 'elim_publicity', publicityStart: '2024-11-10', publicityEnd: '2024-11-14' });
    await act(village, id, { action: 'elim_submit' });
    await act(township, id, { action: 'elim_township_approve', date: '2024-11-15' });
    const ok = await act(county, id, { action: 'elim_county_approve', date: '2024-11-20' });
    expect(ok.json()).toMatchObject({ stage: 'eliminated', status: 'eliminated', eliminationMethod: 'natural', eliminationDate: '2024-11-20' });
    expect(await householdRow(h.id)).toMatchObject({ monitoringStatus: 'eliminated', eliminatedAt: '2024-11-20', eliminationMethod: 'natural', isLifted: true });
  });

  it('previews each condition on the recorded facts', async () => {
    const { h, id } = await monitoredCase();
    expect((await check(id)).issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['incomes', 'housingSecure', 'waterSecure', 'rigidExpenseResolved', 'noNewRisk']),
    );
    await income(h.id, 2024, { wage: 19000 });
    await act(village, id, visit);
    // 2023 not recorded: only January–November 2024 → 11 months ≥ 6
    expect(await check(id)).toMatchObject({ ok: true, stableMonths: 11, requiredMonths: 6, judged: { year: 2024, perCapita: 9500 }, line: { amountYuan: 7300, confirmed: false } });
    // too early in the year: March → 3 months
    expect((await check(id, '2024-03-31')).issues.map((i: { messageZh: string }) => i.messageZh)).toEqual([
      expect.stringContaining('仅 3 个月（按已录入的年度收入计算），不满 6 个月；2023 年未录入收入'),
    ]);
    // 2025: no line recorded
    expect((await check(id, '2025-02-01')).issues[0].messageZh).toContain('未设置本省 2025 年监测范围');
    // 帮扶消除 without a 开发式 measure
    const assisted = (await call(county, 'GET', `/api/v1/monitoring-cases/${id}/elimination-check?date=2024-11-20&method=assisted`)).json();
    expect(assisted.issues.map((i: { path: string }) => i.path)).toEqual(['developmentalMeasureCount']);
  });

  it('judges a 突发严重困难户 after 合规自付支出 and 理赔收入', async () => {
    const { h, id } = await monitoredCase({ monitoringType: 'sudden' });
    await income(h.id, 2024, { wage: 19000, claimIncome: 1000, compliantSelfPaid: 6000 }); // (19000 + 1000 − 6000) ÷ 2 = 7000
    await act(village, id, visit);
    expect((await check(id)).issues[0].messageZh).toBe('2024 年人均纯收入（扣除合规自付支出、计入理赔收入后）7000 元未超过 2024 年监测范围 7300 元（未确认的占位值）');
  });

  it('keeps households without labour capacity under monitoring', async () => {
    const { id } = await monitoredCase({ labor: 'lost' });
    expect((await check(id)).issues.map((i: { messageZh: string }) => i.messageZh)).toEqual(
      expect.arrayContaining([expect.stringContaining('无劳动能力户落实兜底保障后暂不标注风险消除')]),
    );
  });
});

describe('monitoring lines', () => {
  it('are seeded as placeholders, maintained by the admin only, audited and used by the check', async () => {
    const admin = await buildUser(t, 'admin', tree.county.code);
    const list = (await call(village, 'GET', '/api/v1/monitoring-lines?provinceCode=41')).json().items;
    expect(list.map((l: { year: number; amountYuan: number; confirmed: boolean }) => [l.year, l.amountYuan, l.confirmed])).toEqual([
      [2021, 6000, false],
      [2022, 6000, false],
      [2023, 6900, false],
      [2024, 7300, false],
    ]);
    const body = { amountYuan: 7600, source: '豫乡振〔2024〕1号', confirmed: true };
    expect((await call(county, 'PUT', '/api/v1/monitoring-lines/41/2024', body)).statusCode).toBe(403);
    expect((await call(county, 'DELETE', '/api/v1/monitoring-lines/41/2024')).statusCode).toBe(403);
    const read = list.find((l: { year: number }) => l.year === 2024).version;
    expect((await call(admin, 'PUT', '/api/v1/monitoring-lines/41/2024', { ...body, version: read })).json()).toMatchObject({
      provinceCode: '41',
      year: 2024,
      ...body,
      version: read + 1,
    });
    expect((await call(admin, 'PUT', '/api/v1/monitoring-lines/4/2024', body)).statusCode).toBe(400);

    const { h, id } = await monitoredCase();
    await income(h.id, 2024, { wage: 15000 }); // 7500 per person: above the placeholder 7300, not above the confirmed 7600
    await act(village, id, visit);
    expect((await check(id)).issues[0].messageZh).toBe('2024 年人均纯收入 7500 元未超过 2024 年监测范围 7600 元');

    expect((await call(admin, 'PUT', '/api/v1/monitoring-lines/41/2025', { amountYuan: 8000, source: '测试', confirmed: false })).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', '/api/v1/monitoring-lines/41/2025')).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', '/api/v1/monitoring-lines/41/2025')).statusCode).toBe(404);
    const audits = await t.db.db.select().from(auditLog).where(eq(auditLog.entityType, 'monitoring_line')).orderBy(auditLog.id);
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ['update', '41-2024'],
      ['create', '41-2025'],
      ['delete', '41-2025'],
    ]);
  });
});
