import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, householdIncomes, monitoringCases, supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// No lost update for the records that hang on a household (issue 6 §3): a year's income, a support measure, a
// monitoring case and each step of its procedure are saved with the version read; of two saves of one version
// exactly one wins, the other is 409 STALE_VERSION with the record as it is now.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let county: U, county2: U, township: U, township2: U, village: U;

const v1 = () => tree.townships[0]!.villages[0]!.code;
const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const auditOf = (type: string, id: number) =>
  t.db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, type), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));
/** Of two responses exactly one is 200 and one 409 STALE_VERSION: [winner, loser]. */
type Res = { statusCode: number; json(): Record<string, unknown> & { error?: { code: string; details: { current: Record<string, unknown> } } } };
function oneWins(a: Res, b: Res) {
  expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
  expect(lost.json().error?.code).toBe('STALE_VERSION');
  return [won.json(), lost.json().error!.details.current] as const;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  county2 = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  township2 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  village = await buildUser(t, 'village_officer', v1());
});
afterAll(async () => t?.close());

describe('a year’s income', () => {
  it('PUT creates a missing year without a version; replacing it needs the version; two saves of one version: one wins', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const url = `/api/v1/households/${h.id}/incomes/2024`;
    const created = await call(county, 'PUT', url, { wage: 10000, memberCount: 2 });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ year: 2024, wage: 10000, version: 1 });
    const none = await call(county, 'PUT', url, { wage: 1, memberCount: 2 });
    expect(none.statusCode).toBe(428);
    const [won, current] = oneWins(
      ...(await Promise.all([call(county, 'PUT', url, { wage: 12000, memberCount: 2, version: 1 }), call(county2, 'PUT', url, { wage: 14000, memberCount: 2, version: 1 })])),
    );
    expect(current).toMatchObject({ year: 2024, wage: won.wage, perCapita: (won.wage as number) / 2, version: 2 });
    const [row] = await t.db.db.select().from(householdIncomes).where(eq(householdIncomes.householdId, h.id));
    expect(row).toMatchObject({ wage: won.wage, version: 2 });
    const audits = await auditOf('household_income', row!.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audits[1]!.before).toEqual(audits[0]!.after);
    // If-Match carries the version of a PUT too
    expect((await call(county, 'PUT', url, { wage: 9000, memberCount: 2 }, { 'if-match': '"2"' })).json()).toMatchObject({ wage: 9000, version: 3 });
  });
});

describe('support measures', () => {
  it('PATCH and DELETE need the version read; a stale one changes nothing', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const m = (await call(county, 'POST', `/api/v1/households/${h.id}/measures`, { category: 'industry', year: 2024 })).json();
    expect(m.version).toBe(1);
    expect((await call(county, 'PATCH', `/api/v1/measures/${m.id}`, { description: 'x' })).statusCode).toBe(428);
    const [won, current] = oneWins(
      ...(await Promise.all([
        call(county, 'PATCH', `/api/v1/measures/${m.id}`, { description: '养牛', version: 1 }),
        call(county2, 'PATCH', `/api/v1/measures/${m.id}`, { description: '种菌', version: 1 }),
      ])),
    );
    expect(current).toMatchObject({ id: m.id, description: won.description, version: 2 });
    expect((await call(county, 'DELETE', `/api/v1/measures/${m.id}`)).statusCode).toBe(428);
    const stale = await call(county, 'DELETE', `/api/v1/measures/${m.id}`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ description: won.description, version: 2 });
    expect(await t.db.db.select().from(supportMeasures).where(eq(supportMeasures.id, m.id))).toHaveLength(1);
    expect((await call(county, 'DELETE', `/api/v1/measures/${m.id}?version=2`)).statusCode).toBe(204);
    expect(await t.db.db.select().from(supportMeasures).where(eq(supportMeasures.id, m.id))).toHaveLength(0);
    expect((await auditOf('support_measure', m.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('monitoring cases and their steps', () => {
  async function submittedCase() {
    const h = await buildHousehold(t, { regionCode: v1(), householdType: 'lifted', isLifted: true });
    const c = (
      await call(village, 'POST', `/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'unstable', leadSource: 'cadre_check', leadDate: '2024-03-01' })
    ).json();
    let version = c.version as number;
    for (const body of [
      { action: 'record_home_visit', date: '2024-03-02', commitmentDate: '2024-03-02', riskTypes: ['illness'] },
      { action: 'record_info_check', date: '2024-03-03' },
      { action: 'record_village_review', date: '2024-03-04' },
      { action: 'record_publicity', publicityStart: '2024-03-05', publicityEnd: '2024-03-09' },
      { action: 'submit' },
    ]) {
      const res = await call(village, 'POST', `/api/v1/monitoring-cases/${c.id}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(version + 1);
      version = res.json().version;
    }
    return { h, id: c.id as number, version };
  }

  it('two township officers deciding one case at once: one approval, and the other is 409 with the case as it is now (not a second decision)', async () => {
    const { id, version } = await submittedCase();
    const [a, b] = await Promise.all([
      call(township, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { action: 'township_approve', date: '2024-03-12', version }),
      call(township2, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { action: 'township_return', reason: '材料不全', version }),
    ]);
    const [won, current] = oneWins(a, b);
    expect(current).toMatchObject({ stage: won.stage, version: version + 1 });
    const audits = await auditOf('monitoring_case', id);
    expect(audits).toHaveLength(7);
    for (let i = 1; i < audits.length; i++) expect(audits[i]!.before).toEqual(audits[i - 1]!.after);
  });

  it('a step without a version is 428; a higher level’s step is 403 before any version check; a stale PATCH is 409', async () => {
    const { id, version } = await submittedCase();
    expect((await call(township, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { action: 'township_approve', date: '2024-03-12' })).statusCode).toBe(428);
    const forged = await call(village, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { action: 'county_approve', date: '2024-03-12' });
    expect(forged.statusCode).toBe(403);
    const wrongStage = await call(county, 'POST', `/api/v1/monitoring-cases/${id}/actions`, { action: 'county_approve', date: '2024-03-12', version });
    expect(wrongStage.statusCode).toBe(409);
    expect(wrongStage.json().error.code).toBe('INVALID_TRANSITION');
    const note = await call(county, 'PATCH', `/api/v1/monitoring-cases/${id}`, { note: '县里补记', version });
    expect(note.json()).toMatchObject({ note: '县里补记', version: version + 1 });
    const stale = await call(township, 'PATCH', `/api/v1/monitoring-cases/${id}`, { note: '乡里补记', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ note: '县里补记', version: version + 1 });
    const [row] = await t.db.db.select().from(monitoringCases).where(eq(monitoringCases.id, id));
    expect(row).toMatchObject({ note: '县里补记', version: version + 1, stage: 'township_review' });
  });
});
