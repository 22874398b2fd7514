import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, households, persons } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';
import { listHouseholdsPage } from './households.repo.ts';

let t: TestApp;
let tree: RegionTree;
let county: { cookie: string; id: number };
let township: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
});
afterAll(async () => t?.close());

const village = () => tree.townships[0]!.villages[0]!.code;
const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

function newHousehold(overrides: Record<string, unknown> = {}) {
  return {
    householdNo: `H${Math.random().toString(36).slice(2, 10)}`,
    regionCode: village(),
    householdType: 'lifted',
    riskTypes: ['illness'],
    phone: '13812345678',
    members: [
      { idNumber: makeTestIdNumber(), name: '张三', relation: '02', laborCapacity: 'ordinary', education: 'junior' },
      { idNumber: makeTestIdNumber({ male: false }), name: '李四', relation: '10', laborCapacity: 'weak', education: 'primary' },
    ],
    ...overrides,
  };
}

describe('households', () => {
  it('creates a household with members in one transaction and audits it', async () => {
    const body = newHousehold();
    const res = await inject(county.cookie, 'POST', '/api/v1/households', body);
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({ householdNo: body.householdNo, regionCode: village(), memberCount: 2, headName: '张三', monitoringStatus: 'none' });
    expect(h.members.find((m: { isHead: boolean }) => m.isHead).idNumber).toBe(body.members[0]!.idNumber);
    expect(h.members[0].gender).toBe('1');
    const rows = await t.db.db.select().from(persons).where(eq(persons.householdId, h.id));
    expect(rows).toHaveLength(2);
    const audits = await t.db.db.select().from(auditLog).where(eq(auditLog.householdId, h.id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', entityType: 'household', regionCode: village() });
  });

  it('rejects a wrong ID check digit, two heads and no head with every issue', async () => {
    const good = makeTestIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await inject(
      county.cookie,
      'POST',
      '/api/v1/households',
      newHousehold({
        members: [
          { idNumber: bad, name: '甲', relation: '02', education: 'junior' },
          { idNumber: makeTestIdNumber(), name: '乙', relation: '02', laborCapacity: 'nonsense', education: 'junior' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['members.0.idNumber', 'members.1.laborCapacity']));
    expect(err.details.issues[0].messageZh).toContain('校验位');

    const twoHeads = await inject(
      county.cookie,
      'POST',
      '/api/v1/households',
      newHousehold({
        members: [
          { idNumber: makeTestIdNumber(), name: '甲', relation: '02', education: 'junior' },
          { idNumber: makeTestIdNumber(), name: '乙', relation: '02', education: 'junior' },
        ],
      }),
    );
    expect(twoHeads.statusCode).toBe(400);
    expect(twoHeads.json().error.details.issues[0].messageEn).toContain('one head');
    const noHead = await inject(
      county.cookie,
      'POST',
      '/api/v1/households',
      newHousehold({ members: [{ idNumber: makeTestIdNumber(), name: '甲', relation: '10', education: 'junior' }] }),
    );
    expect(noHead.statusCode).toBe(400);
  });

  it('refuses a person already in another household with 409 naming it', async () => {
    const other = await buildHousehold(t, { regionCode: village() });
    const taken = other.members[0]!.idNumber;
    const res = await inject(county.cookie, 'POST', '/api/v1/households', newHousehold({ members: [{ idNumber: taken, name: '重复', relation: '02', education: 'junior' }] }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { householdId: other.id, householdNo: other.householdNo } });
    const add = await inject(county.cookie, 'POST', `/api/v1/households/${(await buildHousehold(t, { regionCode: village() })).id}/members`, {
      idNumber: taken,
      name: '重复',
      relation: '20',
      education: 'junior',
    });
    expect(add.statusCode).toBe(409);
    expect(add.json().error.details.householdNo).toBe(other.householdNo);
  });

  it('adds and edits members, never deletes one; one head per household', async () => {
    const h = await buildHousehold(t, { regionCode: village() });
    const add = await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/members`, {
      idNumber: makeTestIdNumber(),
      name: '王五',
      relation: '20',
      laborCapacity: 'skilled',
      education: 'junior',
    });
    expect(add.statusCode).toBe(201);
    const pid = add.json().id;
    const head2 = await inject(county.cookie, 'PATCH', `/api/v1/persons/${pid}`, { relation: '02', education: 'junior', version: add.json().version });
    expect(head2.statusCode).toBe(400);
    expect(head2.json().error.details.issues[0].path).toBe('relation');
    const edit = await inject(county.cookie, 'PATCH', `/api/v1/persons/${pid}`, { name: '王五五', laborCapacity: 'ordinary', version: add.json().version });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ name: '王五五', laborCapacity: 'ordinary', isHead: false, version: 2 });
    const del = await inject(county.cookie, 'DELETE', `/api/v1/persons/${pid}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.details.issues[0].messageZh).toContain('自然减少');
    expect(await t.db.db.select().from(persons).where(eq(persons.id, pid))).toHaveLength(1);
    const history = await inject(county.cookie, 'GET', `/api/v1/households/${h.id}/history`);
    expect(history.json().items.map((i: { action: string; entityType: string }) => `${i.action}:${i.entityType}`)).toEqual(['update:person', 'create:person']);
  });

  it('lists with filters and pagination, masking ID and phone for a township officer', async () => {
    const v = tree.townships[0]!.villages[1]!.code;
    const a = await buildHousehold(t, {
      regionCode: v,
      householdType: 'monitored',
      monitoringType: 'marginal',
      monitoringStatus: 'monitoring',
      riskTypes: ['illness'],
      phone: '13900001111',
    });
    await buildHousehold(t, { regionCode: v, householdType: 'ordinary' });
    const full = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v}&householdType=monitored`);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ total: 1, page: 1, pageSize: 20, totalCapped: false });
    expect(full.json().items[0]).toMatchObject({ id: a.id, headIdNumber: a.members[0]!.idNumber, phone: '13900001111', memberCount: 2 });
    const masked = await inject(township.cookie, 'GET', `/api/v1/households?regionCode=${v}&householdType=monitored`);
    const item = masked.json().items[0];
    expect(item.headIdNumber).not.toBe(a.members[0]!.idNumber);
    expect(item.headIdNumber).toContain('*');
    expect(item.phone).toContain('*');
    const byRisk = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v}&riskType=illness&laborCapacity=weak`);
    expect(byRisk.json().items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    const byQ = await inject(county.cookie, 'GET', `/api/v1/households?q=${a.members[0]!.idNumber}`);
    expect(byQ.json().items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    const page2 = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v}&pageSize=1&page=2`);
    expect(page2.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.json().items).toHaveLength(1);
    // past the last page: no items, the total still counted (page and count are one statement)
    const past = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v}&pageSize=1&page=5`);
    expect(past.json()).toMatchObject({ items: [], total: 2, page: 5, totalCapped: false });
    const none = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v}&householdType=lifted`);
    expect(none.json()).toMatchObject({ items: [], total: 0, totalCapped: false });
    // the count stops at cap + 1 (the service reports totalCapped)
    const prefix = tree.townships[0]!.villages[1]!.prefix;
    expect((await listHouseholdsPage(t.db.db, { prefix }, 1, 0, 1)).counted).toBe(2);
    expect((await listHouseholdsPage(t.db.db, { prefix }, 1, 0, 10)).counted).toBe(2);
  });

  it('shows detail with incomes (per-capita, YoY), measures and helpers', async () => {
    const h = await buildHousehold(t, { regionCode: village() });
    expect(
      (await inject(county.cookie, 'PUT', `/api/v1/households/${h.id}/incomes/2023`, { wage: 10000, business: 5000, businessExpense: 1000, property: 0, transfer: 2000 }))
        .statusCode,
    ).toBe(200);
    const y24 = await inject(county.cookie, 'PUT', `/api/v1/households/${h.id}/incomes/2024`, { wage: 12000, business: 5000, businessExpense: 1000, property: 0, transfer: 2000 });
    expect(y24.json()).toMatchObject({ year: 2024, netIncome: 18000, perCapita: 9000, memberCount: 2, yoyChange: 1000 });
    const m = await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/measures`, { category: 'industry', year: 2024, description: '种植补贴' });
    expect(m.statusCode).toBe(201);
    expect(m.json().developmental).toBe(true);
    const helper = await inject(county.cookie, 'POST', '/api/v1/helpers', { regionCode: village(), name: '赵帮扶', role: 'responsible' });
    expect(helper.statusCode).toBe(201);
    expect((await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/helpers`, { helperId: helper.json().id })).statusCode).toBe(201);
    const detail = await inject(county.cookie, 'GET', `/api/v1/households/${h.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.incomes.map((i: { year: number; perCapita: number }) => [i.year, i.perCapita])).toEqual([
      [2023, 8000],
      [2024, 9000],
    ]);
    expect(d.measures).toHaveLength(1);
    expect(d.members).toHaveLength(2);
    expect(d.helpers.map((x: { name: string }) => x.name)).toEqual(['赵帮扶']);
  });

  it('updates; a DELETE is refused and points to 自然减少', async () => {
    const h = await buildHousehold(t, { regionCode: village() });
    const up = await inject(county.cookie, 'PATCH', `/api/v1/households/${h.id}`, { householdType: 'monitored', monitoringType: 'sudden', address: '一组 3 号', version: 1 });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ householdType: 'monitored', monitoringType: 'sudden', address: '一组 3 号', version: 2 });
    const bad = await inject(county.cookie, 'PATCH', `/api/v1/households/${h.id}`, { householdType: 'monitored', monitoringType: null, version: 2 });
    expect(bad.statusCode).toBe(400);
    const del = await inject(county.cookie, 'DELETE', `/api/v1/households/${h.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.details.issues[0].messageZh).toContain('自然减少');
    const [row] = await t.db.db.select().from(households).where(eq(households.id, h.id));
    expect(row!.deletedAt).toBeNull();
    expect((await inject(county.cookie, 'GET', `/api/v1/households/${h.id}`)).statusCode).toBe(200);
  });

  it('lets viewers read but not write', async () => {
    const viewer = await buildUser(t, 'viewer', tree.county.code);
    expect((await inject(viewer.cookie, 'GET', '/api/v1/households')).statusCode).toBe(200);
    const res = await inject(viewer.cookie, 'POST', '/api/v1/households', newHousehold());
    expect(res.statusCode).toBe(403);
  });
});
