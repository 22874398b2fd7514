import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { households, monitoringCases } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
let officer: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  officer = await buildUser(t, 'county_officer', tree.county.code);
});
afterAll(async () => t?.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: officer.cookie }, payload });
const patch = (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: { cookie: officer.cookie }, payload });

const steps = {
  leadSource: 'cadre_check', leadDate: '2024-03-01', homeVisitDate: '2024-03-02', infoCheckDate: '2024-03-03', villageReviewDate: '2024-03-04',
  publicityStart: '2024-03-05', publicityEnd: '2024-03-09', townshipReviewDate: '2024-03-10',
};

describe('monitoring cases', () => {
  it('identifies a household step by step; county approval moves it into monitoring', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const created = await post(`/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'marginal', ...steps });
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('identifying');
    expect((await t.db.db.select().from(households).where(eq(households.id, h.id)))[0]!.monitoringStatus).toBe('identifying');
    const second = await post(`/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'marginal' });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.code).toBe('INVALID_TRANSITION');

    const approved = await patch(`/api/v1/monitoring-cases/${created.json().id}`, { countyApprovalDate: '2024-03-12' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('monitoring');
    const [row] = await t.db.db.select().from(households).where(eq(households.id, h.id));
    expect(row).toMatchObject({ householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' });
  });

  it('refuses identification dates out of order and a publicity shorter than the pack allows', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const res = await post(`/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'marginal', ...steps, publicityEnd: '2024-03-06', homeVisitDate: '2024-02-01' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['homeVisitDate', 'publicityEnd']));
    expect(await t.db.db.select().from(monitoringCases).where(eq(monitoringCases.householdId, h.id))).toHaveLength(0);
  });

  it('refuses elimination with the domain reasons, then allows it when the facts hold', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[1]!.code, housingSecure: false });
    const c = (await post(`/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'unstable', ...steps, countyApprovalDate: '2024-03-12' })).json();
    const refused = await post(`/api/v1/monitoring-cases/${c.id}/eliminate`, { eliminationMethod: 'assisted', eliminationDate: '2024-12-20', incomeStableSince: '2024-01-01' });
    expect(refused.statusCode).toBe(422);
    const err = refused.json().error;
    expect(err.code).toBe('INVALID_TRANSITION');
    const paths = err.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['housingSecure', 'perCapitaIncomeByYear', 'developmentalMeasureCount']));

    await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: { cookie: officer.cookie }, payload: { housingSecure: true, waterSecure: true, educationSecure: true, medicalSecure: true } });
    await t.app.inject({ method: 'PUT', url: `/api/v1/households/${h.id}/incomes/2024`, headers: { cookie: officer.cookie }, payload: { wage: 30000 } });
    await post(`/api/v1/households/${h.id}/measures`, { category: 'employment', year: 2024 });
    const ok = await post(`/api/v1/monitoring-cases/${c.id}/eliminate`, { eliminationMethod: 'assisted', eliminationDate: '2024-12-20', incomeStableSince: '2024-01-01' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'eliminated', eliminationMethod: 'assisted' });
    expect((await t.db.db.select().from(households).where(eq(households.id, h.id)))[0]!.monitoringStatus).toBe('eliminated');
    const again = await post(`/api/v1/monitoring-cases/${c.id}/eliminate`, { eliminationMethod: 'assisted', eliminationDate: '2024-12-21' });
    expect(again.statusCode).toBe(422);
  });
});
