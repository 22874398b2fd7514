import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// The audit log names the household (户主, 户编号) of household-related entries, and filters by the actor's
// name and by 户编号 — within the admin's county only.
let t: TestApp;
let tree: RegionTree;
let admin: { cookie: string; id: number };
let household: Awaited<ReturnType<typeof buildHousehold>>;

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  household = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code, householdNo: `AUD${Date.now().toString(36)}01`, isLifted: true });
  const head = household.members[0]!;
  const spouse = household.members[1]!;
  const patched = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/households/${household.id}`,
    headers: { cookie: admin.cookie },
    payload: { note: '入户复核', version: household.version },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  expect(
    (await t.app.inject({ method: 'PATCH', url: `/api/v1/persons/${spouse.id}`, headers: { cookie: admin.cookie }, payload: { phone: '13800000000', version: spouse.version } }))
      .statusCode,
  ).toBe(200);
  expect(head.isHead).toBe(true);
});
afterAll(async () => t?.close());

describe('GET /api/v1/audit', () => {
  it('names the household (户主 and 户编号) of entries of the household and of its members', async () => {
    const res = await get(admin.cookie, `/api/v1/audit?householdNo=${household.householdNo}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { entityType: string; householdId: number; householdNo: string; householdHeadName: string }[];
    expect(items.map((i) => i.entityType).sort()).toEqual(['household', 'person']);
    for (const i of items) expect(i).toMatchObject({ householdId: household.id, householdNo: household.householdNo, householdHeadName: household.members[0]!.name });
    expect(res.json().total).toBe(2);
  });

  it('finds households by the beginning of 户编号, and none for a number no household has', async () => {
    const prefix = household.householdNo.slice(0, -2);
    expect((await get(admin.cookie, `/api/v1/audit?householdNo=${prefix}`)).json().total).toBeGreaterThanOrEqual(2);
    expect((await get(admin.cookie, '/api/v1/audit?householdNo=NO_SUCH_%25')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('filters by part of the actor’s name, with entries that belong to no household left unnamed', async () => {
    const res = await get(admin.cookie, '/api/v1/audit?actor=admin&action=login');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { actorName: string; householdNo: string | null; householdHeadName: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i).toMatchObject({ householdNo: null, householdHeadName: null });
    for (const i of items) expect(i.actorName).toContain('admin');
    expect((await get(admin.cookie, '/api/v1/audit?actor=nobody-of-that-name')).json().total).toBe(0);
  });

  it('does not show another county’s households to an admin, even by 户编号', async () => {
    const other = await buildRegionTree(t);
    const otherAdmin = await buildUser(t, 'admin', other.county.code);
    const res = await get(otherAdmin.cookie, `/api/v1/audit?householdNo=${household.householdNo}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('gives the household history the same names', async () => {
    const res = await get(admin.cookie, `/api/v1/households/${household.id}/history`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { householdNo: string; householdHeadName: string }[] } | { householdNo: string; householdHeadName: string }[];
    const items = Array.isArray(body) ? body : body.items;
    expect(items.length).toBe(2);
    for (const i of items) expect(i).toMatchObject({ householdNo: household.householdNo, householdHeadName: household.members[0]!.name });
  });
});
