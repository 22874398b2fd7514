import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { helpers, monitoringCases, supportMeasures } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';

// A township officer of township 1 against the records of township 2 (same county) and of another county:
// every read by id or region and every write to a record by id answer 404; a write naming another township's
// region in its body, or a route the role may not use, 403.
let t: TestApp;
let tree: RegionTree;
let otherCounty: RegionTree;
let officer: { cookie: string };
const ids = { household: 0, person: 0, measure: 0, caseId: 0, helper: 0 };
let otherVillage = '';

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  otherCounty = await buildRegionTree(t);
  officer = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  otherVillage = tree.townships[1]!.villages[0]!.code;
  const h = await buildHousehold(t, { regionCode: otherVillage, householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' });
  ids.household = h.id;
  ids.person = h.members[1]!.id;
  const [m] = await t.db.db.insert(supportMeasures).values({ householdId: h.id, regionCode: otherVillage, category: 'industry', year: 2024 }).returning();
  ids.measure = m!.id;
  const [c] = await t.db.db.insert(monitoringCases).values({ householdId: h.id, regionCode: otherVillage, monitoringType: 'marginal', status: 'monitoring' }).returning();
  ids.caseId = c!.id;
  const [hp] = await t.db.db.insert(helpers).values({ regionCode: otherVillage, name: '他镇帮扶人', role: 'responsible' }).returning();
  ids.helper = hp!.id;
});
afterAll(async () => t?.close());

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: () => string, body?: () => object];

const reads: Call[] = [
  ['GET', () => `/api/v1/households/${ids.household}`],
  ['GET', () => `/api/v1/households/${ids.household}/history`],
  ['GET', () => `/api/v1/households?regionCode=${otherVillage}`],
  ['GET', () => `/api/v1/households?regionCode=${otherCounty.county.code}`],
  ['GET', () => `/api/v1/households?regionCode=${otherVillage}&status=exited`],
  ['GET', () => `/api/v1/regions/${tree.townships[1]!.code}`],
  ['GET', () => `/api/v1/regions/tree?root=${tree.townships[1]!.code}`],
  ['GET', () => `/api/v1/rules/H1/evaluate?regionCode=${tree.townships[1]!.code}`],
  ['GET', () => `/api/v1/dashboard?regionCode=${otherVillage}`],
  ['GET', () => `/api/v1/helpers?regionCode=${otherVillage}`],
  ['GET', () => `/api/v1/policy/active?countyCode=${otherCounty.county.code}`],
  ['GET', () => `/api/v1/monitoring-cases/${ids.caseId}/elimination-check?date=2024-12-01`],
  // an audited unmask reads one person: outside the scope it does not exist
  ['POST', () => `/api/v1/persons/${ids.person}/unmask`, () => ({ reason: '核对信息' })],
];

// a record addressed by id: 404 exactly like a read (nothing tells that it exists, nor where)
const recordWrites: Call[] = [
  ['PATCH', () => `/api/v1/households/${ids.household}`, () => ({ address: 'x' })],
  ['DELETE', () => `/api/v1/households/${ids.household}`],
  ['POST', () => `/api/v1/households/${ids.household}/members`, () => ({ idNumber: makeTestIdNumber(), name: '乙', relation: '20' })],
  ['PATCH', () => `/api/v1/persons/${ids.person}`, () => ({ name: '丙' })],
  ['DELETE', () => `/api/v1/persons/${ids.person}`],
  ['PUT', () => `/api/v1/households/${ids.household}/incomes/2024`, () => ({ wage: 1 })],
  ['POST', () => `/api/v1/households/${ids.household}/incomes`, () => ({ year: 2023, wage: 1 })],
  ['POST', () => `/api/v1/households/${ids.household}/exit`, () => ({ reason: 'death', date: '2024-05-01' })],
  ['POST', () => `/api/v1/households/${ids.household}/restore`],
  ['POST', () => `/api/v1/persons/${ids.person}/exit`, () => ({ reason: 'moved_out', date: '2024-05-01' })],
  ['POST', () => `/api/v1/persons/${ids.person}/restore`],
  ['POST', () => `/api/v1/households/${ids.household}/measures`, () => ({ category: 'industry', year: 2024 })],
  ['PATCH', () => `/api/v1/measures/${ids.measure}`, () => ({ description: 'x' })],
  ['DELETE', () => `/api/v1/measures/${ids.measure}`],
  ['POST', () => `/api/v1/households/${ids.household}/monitoring-cases`, () => ({ monitoringType: 'marginal' })],
  ['PATCH', () => `/api/v1/monitoring-cases/${ids.caseId}`, () => ({ note: 'x' })],
  ['POST', () => `/api/v1/monitoring-cases/${ids.caseId}/eliminate`, () => ({ eliminationMethod: 'natural', eliminationDate: '2024-12-01' })],
  ['POST', () => `/api/v1/monitoring-cases/${ids.caseId}/actions`, () => ({ action: 'submit' })],
  ['POST', () => `/api/v1/monitoring-cases/${ids.caseId}/actions`, () => ({ action: 'elim_township_approve', date: '2024-12-01' })],
  ['POST', () => `/api/v1/households/${ids.household}/helpers`, () => ({ helperId: ids.helper })],
];

// a body naming a region outside the scope, or a route the role may not use at all: 403
const writes: Call[] = [
  [
    'POST',
    () => '/api/v1/households',
    () => ({ householdNo: 'SCOPE-1', regionCode: otherVillage, householdType: 'lifted', members: [{ idNumber: makeTestIdNumber(), name: '甲', relation: '02' }] }),
  ],
  ['POST', () => '/api/v1/helpers', () => ({ regionCode: otherVillage, name: '丁', role: 'responsible' })],
  // region administration: another township's village, and the county-wide imports (admin only)
  ['POST', () => '/api/v1/regions', () => ({ code: `${tree.townships[1]!.prefix}250`, name: '越界村', parentCode: tree.townships[1]!.code })],
  ['PATCH', () => `/api/v1/regions/${otherVillage}`, () => ({ retired: true })],
  ['POST', () => '/api/v1/regions/import', () => ({})],
  ['POST', () => '/api/v1/regions/load-dataset', () => ({ county: '灵宝市' })],
  // admin-only endpoints: a township officer may not use them at all
  ['POST', () => '/api/v1/users', () => ({ username: 'scope-x', displayName: 'x', password: 'longenough1', role: 'viewer', regionCode: tree.townships[0]!.code })],
  ['PATCH', () => '/api/v1/users/1', () => ({ displayName: 'x' })],
  ['GET', () => '/api/v1/users'],
  ['GET', () => '/api/v1/audit'],
  ['PUT', () => '/api/v1/policy/active', () => ({ packId: 'jincheng' })],
  ['PUT', () => '/api/v1/monitoring-lines/41/2024', () => ({ amountYuan: 1, source: 'x', confirmed: true })],
  ['DELETE', () => '/api/v1/monitoring-lines/41/2024'],
  ['POST', () => '/api/v1/dictionaries/risk_type/items', () => ({ code: 'x1', labelZh: 'x', labelEn: 'x' })],
  ['PATCH', () => '/api/v1/dictionaries/risk_type/items/illness', () => ({ labelZh: 'x' })],
];

describe('scope: township officer vs another township', () => {
  it.each(reads.map((c) => [`${c[0]} ${c[1].toString().slice(6, 60)}`, c] as const))('read %s → 404', async (_n, [method, url, body]) => {
    const res = await t.app.inject({ method, url: url(), headers: { cookie: officer.cookie }, ...(body ? { payload: body() } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each(recordWrites.map((c) => [`${c[0]} ${c[1].toString().slice(6, 60)}`, c] as const))('write %s → 404', async (_n, [method, url, body]) => {
    const res = await t.app.inject({ method, url: url(), headers: { cookie: officer.cookie, 'if-match': '"1"' }, ...(body ? { payload: body() } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.body).not.toContain(otherVillage);
  });

  it.each(writes.map((c) => [`${c[0]} ${c[1].toString().slice(6, 60)}`, c] as const))('write %s → 403', async (_n, [method, url, body]) => {
    const res = await t.app.inject({ method, url: url(), headers: { cookie: officer.cookie }, ...(body ? { payload: body() } : {}) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('left the other township untouched', async () => {
    const admin = await buildUser(t, 'county_officer', tree.county.code);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/households/${ids.household}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ address: null, memberCount: 2, measures: [{ description: null }] });
    expect(res.json().incomes).toHaveLength(0);
  });

  it('sees no 待办 of another township', async () => {
    await t.db.db.update(monitoringCases).set({ stage: 'township_review' }).where(eq(monitoringCases.id, ids.caseId));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/todo', headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((i: { caseId: number }) => i.caseId === ids.caseId)).toBe(false);
    const mine = await buildUser(t, 'township_officer', tree.townships[1]!.code);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/todo', headers: { cookie: mine.cookie } });
    expect(theirs.json().items.some((i: { caseId: number }) => i.caseId === ids.caseId)).toBe(true);
  });

  it('only sees its own township in lists', async () => {
    await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie: officer.cookie } });
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((i: { regionCode: string }) => i.regionCode.startsWith(tree.townships[0]!.prefix))).toBe(true);
  });
});
