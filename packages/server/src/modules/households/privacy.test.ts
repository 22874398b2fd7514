import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';

// issue 6 §1-2: masked roles never receive a full ID number or phone; an audited unmask; no disclosure across scope.
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const FULL_PHONE = /(?<!\d)1\d{10}(?!\d)/;
const leaks = (body: string) => FULL_ID.test(body) || FULL_PHONE.test(body);

let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let admin: U, township: U, village: U, viewer: U, otherTownship: U;
let hh: Awaited<ReturnType<typeof buildHousehold>>;
let other: Awaited<ReturnType<typeof buildHousehold>>;
let helperId: number;

const v1 = () => tree.townships[0]!.villages[0]!.code;
const inject = (u: U, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  village = await buildUser(t, 'village_officer', v1());
  viewer = await buildUser(t, 'viewer', tree.county.code);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  hh = await buildHousehold(t, {
    regionCode: v1(),
    phone: '13812345678',
    members: [
      { laborCapacity: 'ordinary', phone: '13987654321' },
      { relation: '10', laborCapacity: 'weak' },
    ],
  });
  other = await buildHousehold(t, { regionCode: tree.townships[1]!.villages[0]!.code, householdNo: `OTHER${Date.now().toString(36)}` });
  const helper = await inject(admin, 'POST', '/api/v1/helpers', { regionCode: v1(), name: '帮扶人甲', role: 'responsible', phone: '13700001111' });
  helperId = helper.json().id;
  await inject(admin, 'POST', `/api/v1/households/${hh.id}/helpers`, { helperId });
  // a history entry with the full values in its snapshot
  expect((await inject(admin, 'PATCH', `/api/v1/persons/${hh.members[0]!.id}`, { phone: '13911112222', version: hh.members[0]!.version })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('masking for township and village officers', () => {
  it('the admin sees the full values in detail, history and helpers', async () => {
    const detail = await inject(admin, 'GET', `/api/v1/households/${hh.id}`);
    expect(detail.json().headIdNumber).toBe(hh.members[0]!.idNumber);
    expect(detail.body).toContain('13812345678');
    expect(detail.body).toContain('13700001111');
    const history = await inject(admin, 'GET', `/api/v1/households/${hh.id}/history`);
    expect(history.body).toContain(hh.members[0]!.idNumber);
    expect(history.body).toContain('13911112222');
  });

  it.each([
    ['township', () => township],
    ['village', () => village],
  ])('%s officer: detail, history and helpers carry no full ID number or phone', async (_n, who) => {
    const u = who();
    const detail = await inject(u, 'GET', `/api/v1/households/${hh.id}`);
    expect(detail.statusCode).toBe(200);
    expect(leaks(detail.body)).toBe(false);
    const h = detail.json();
    expect(h.headIdNumber).toBe(`${hh.members[0]!.idNumber.slice(0, 4)}**********${hh.members[0]!.idNumber.slice(14)}`);
    expect(h.phone).toBe('138****5678');
    expect(h.helpers[0].phone).toBe('137****1111');
    const history = await inject(u, 'GET', `/api/v1/households/${hh.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.length).toBeGreaterThan(0);
    expect(leaks(history.body)).toBe(false);
    expect(history.body).toContain('139****2222');
    const helpers = await inject(u, 'GET', `/api/v1/helpers?regionCode=${v1()}`);
    expect(helpers.statusCode).toBe(200);
    expect(helpers.body).toContain('帮扶人甲');
    expect(leaks(helpers.body)).toBe(false);
  });

  it.each([
    ['township', () => township],
    ['village', () => village],
  ])('%s officer: member create and update responses are masked', async (_n, who) => {
    const u = who();
    const idNumber = makeTestIdNumber();
    const add = await inject(u, 'POST', `/api/v1/households/${hh.id}/members`, {
      idNumber,
      name: '新成员',
      relation: '10',
      laborCapacity: 'weak',
      education: 'primary',
      phone: '13566667777',
    });
    expect(add.statusCode).toBe(201);
    expect(leaks(add.body)).toBe(false);
    expect(add.json().idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
    const upd = await inject(u, 'PATCH', `/api/v1/persons/${add.json().id}`, { phone: '13566668888', version: add.json().version });
    expect(upd.statusCode).toBe(200);
    expect(leaks(upd.body)).toBe(false);
    expect(upd.json().phone).toBe('135****8888');
    const helper = await inject(u, 'POST', '/api/v1/helpers', { regionCode: v1(), name: '帮扶人乙', role: 'responsible', phone: '13700002222' });
    expect(helper.statusCode).toBe(201);
    expect(leaks(helper.body)).toBe(false);
  });
});

describe('POST /api/v1/persons/:id/unmask', () => {
  it('gives the full values to an officer in scope with a reason, and audits who saw whom and why', async () => {
    const p = hh.members[0]!;
    for (const u of [township, village]) {
      const res = await inject(u, 'POST', `/api/v1/persons/${p.id}/unmask`, { reason: '核对医保参保信息' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: p.id, name: p.name, idNumber: p.idNumber, phone: '13911112222' });
      const rows = await t.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'unmask'), eq(auditLog.actorId, u.id)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entityType: 'person', entityId: String(p.id), householdId: hh.id, after: { reason: '核对医保参保信息', personName: p.name } });
      expect(leaks(JSON.stringify(rows[0]!.after))).toBe(false);
    }
  });

  it('is refused without a reason, to a viewer, and outside the scope', async () => {
    const p = hh.members[0]!;
    const before = (await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'unmask'))).length;
    const none = await inject(township, 'POST', `/api/v1/persons/${p.id}/unmask`, {});
    expect(none.statusCode).toBe(400);
    const short = await inject(township, 'POST', `/api/v1/persons/${p.id}/unmask`, { reason: ' 看 ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0].path).toBe('reason');
    const v = await inject(viewer, 'POST', `/api/v1/persons/${p.id}/unmask`, { reason: '核对信息' });
    expect(v.statusCode).toBe(403);
    const out = await inject(otherTownship, 'POST', `/api/v1/persons/${p.id}/unmask`, { reason: '核对信息' });
    expect(out.statusCode).toBe(404);
    for (const r of [none, short, v, out]) expect(leaks(r.body)).toBe(false);
    expect((await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'unmask'))).length).toBe(before);
  });
});

describe('no disclosure across scope', () => {
  const otherHead = () => other.members[0]!;
  const names = () => [otherHead().name, other.householdNo, tree.townships[1]!.name, tree.townships[1]!.villages[0]!.name, tree.townships[1]!.villages[0]!.code];

  it('a member whose ID number is registered in another township: 409 with the fixed sentence only', async () => {
    const res = await inject(township, 'POST', `/api/v1/households/${hh.id}/members`, {
      idNumber: otherHead().idNumber,
      name: '某人',
      relation: '10',
      laborCapacity: 'weak',
      education: 'primary',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ messageZh: '该证件号码已在其他地区登记，请联系县级管理员核实' })]);
    for (const s of names()) expect(res.body).not.toContain(s);
    expect(res.json().error.details).not.toHaveProperty('householdId');
    expect(leaks(res.body)).toBe(false);
    const upd = await inject(township, 'PATCH', `/api/v1/persons/${hh.members[1]!.id}`, { idNumber: otherHead().idNumber, version: hh.members[1]!.version });
    expect(upd.statusCode).toBe(409);
    for (const s of names()) expect(upd.body).not.toContain(s);
  });

  it('within the scope the helpful message stays (household and person named)', async () => {
    const mine = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[1]!.code });
    const res = await inject(township, 'POST', `/api/v1/households/${hh.id}/members`, {
      idNumber: mine.members[0]!.idNumber,
      name: '某人',
      relation: '10',
      laborCapacity: 'weak',
      education: 'primary',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(mine.householdNo);
    expect(res.body).toContain(mine.members[0]!.name);
    expect(leaks(res.body)).toBe(false);
  });

  it('a 户编号 of another township: 409 naming nothing; the admin gets the named conflict', async () => {
    const body = {
      householdNo: other.householdNo,
      regionCode: v1(),
      householdType: 'lifted',
      riskTypes: [],
      members: [{ idNumber: makeTestIdNumber(), name: '王五', relation: '02', laborCapacity: 'ordinary', education: 'junior' }],
    };
    const res = await inject(township, 'POST', '/api/v1/households', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0].messageZh).toBe('该户编号已在其他地区登记，请联系县级管理员核实');
    for (const s of names().filter((x) => x !== other.householdNo)) expect(res.body).not.toContain(s);
    const byAdmin = await inject(admin, 'POST', '/api/v1/households', body);
    expect(byAdmin.statusCode).toBe(409);
    expect(byAdmin.json().error.details.issues[0].messageZh).toContain(other.householdNo);
  });
});
