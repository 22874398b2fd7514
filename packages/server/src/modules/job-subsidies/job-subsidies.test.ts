import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { readXlsx } from '../imports/imports.test-support.ts';
import { todayInChina } from '../households/household.rules.ts';

// 就业补助 through the real app (issue 8 §5; 003 §二(二)2, §二(三)2 with the Sanmenxia pack's 300 元, 5000 元, 6 months):
// the eligible lists, a payment checked again on the server, a second one refused (also under a race), 撤销 with its
// version; scope (another township 404) and roles (a village officer reads only); PGlite and PostgreSQL.
let t: TestApp;
let tree: RegionTree;
let county: { cookie: string };
let town1: { cookie: string };
let town2: { cookie: string };
let village1: { cookie: string };
const p: Record<string, number> = {};
let entity = 0;
let otherEntity = 0;
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));

type Method = 'GET' | 'POST' | 'DELETE';
const req = (cookie: string, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
const pay = (cookie: string, body: object) => req(cookie, 'POST', '/api/v1/job-subsidies/payments', { year: YEAR, paidOn: TODAY, ...body });
const list = (cookie: string, kind: string, extra = '') => req(cookie, 'GET', `/api/v1/job-subsidies?kind=${kind}&year=${YEAR}${extra}`);

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 1 });
  const v1 = tree.townships[0]!.villages[0]!.code;
  const v2 = tree.townships[1]!.villages[0]!.code;
  const admin = await buildUser(t, 'admin', tree.county.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
  town1 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  town2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village1 = await buildUser(t, 'village_officer', v1);
  const put = await req(admin.cookie, 'PUT' as Method, '/api/v1/policy/active', { packId: 'sanmenxia', countyCode: tree.county.code });
  expect(put.statusCode, put.body).toBe(200);
  entity = Number(
    (await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'enterprise', '灵宝果品加工厂') RETURNING id`, [v1]))[0]!.id,
  );
  otherEntity = Number(
    (await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'enterprise', '另一家工厂') RETURNING id`, [v1]))[0]!.id,
  );
  const lifted = await buildHousehold(t, {
    regionCode: v1,
    householdType: 'lifted',
    members: [
      { employmentStatus: 'out_province', name: '张省外' },
      { relation: '10', employmentChannel: 'self_employed', name: '李创业' },
      { relation: '20', employerEntityId: entity, workMonths: 4, name: '王四月' },
      { relation: '20', employmentStatus: 'self_employed', name: '吴同户' },
      { relation: '20', employmentStatus: 'self_employed', name: '郑同户' },
    ],
  });
  const monitored = await buildHousehold(t, {
    regionCode: v1,
    householdType: 'monitored',
    members: [
      { employerEntityId: entity, workMonths: 7, name: '赵七月' },
      { relation: '10', employmentChannel: 'self_employed', employmentStatus: 'out_province', name: '钱监测' },
    ],
  });
  const ordinary = await buildHousehold(t, { regionCode: v1, householdType: 'ordinary', members: [{ employmentStatus: 'out_province', name: '孙一般' }] });
  const far = await buildHousehold(t, { regionCode: v2, householdType: 'lifted', members: [{ employmentStatus: 'out_province', name: '周远方' }] });
  const [migrant, owner, fourMonths, sameHousehold, sameHousehold2] = lifted.members;
  const [hired, monitoredOwner] = monitored.members;
  Object.assign(p, {
    sameHousehold: sameHousehold!.id,
    sameHousehold2: sameHousehold2!.id,
    migrant: migrant!.id,
    owner: owner!.id,
    fourMonths: fourMonths!.id,
    hired: hired!.id,
    monitoredOwner: monitoredOwner!.id,
  });
  p.ordinary = ordinary.members[0]!.id;
  p.far = far.members[0]!.id;
}, 120_000);
afterAll(async () => t?.close());

describe('lists', () => {
  it('J1: the 省外务工 members of 脱贫户 and 监测户 in scope, with the pack’s cap and clause; IDs masked for a township officer', async () => {
    const res = await list(county.cookie, 'travel');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.items.map((i: { personId: number }) => i.personId).sort()).toEqual([p.migrant, p.monitoredOwner, p.far].sort());
    expect(b.terms).toMatchObject({ inForce: true, ruleId: 'J1', maxYuan: 300, defaultAmountYuan: 300, clause: '003 §二(三)2' });
    expect(b.terms.clauseText).toBe('三示范巩固脱贫组〔2022〕3号 二(三)2');
    const town = (await list(town1.cookie, 'travel')).json();
    expect(town.items.map((i: { personId: number }) => i.personId).sort()).toEqual([p.migrant, p.monitoredOwner].sort());
    expect(town.items[0].idNumber).toMatch(/^\d{4}\*{10}\w{4}$/);
  });
  it('J2: only the self-employed members of the 脱贫户 (the 监测户 member is not a 脱贫个体经营户); J3: pairs with ≥ 6 months', async () => {
    const j2 = (await list(county.cookie, 'startup')).json();
    expect(j2.items.map((i: { personId: number }) => i.personId).sort()).toEqual([p.owner, p.sameHousehold, p.sameHousehold2].sort());
    expect(j2.terms).toMatchObject({ amountYuan: 5000, defaultAmountYuan: 5000 });
    const j3 = (await list(county.cookie, 'hiring')).json();
    expect(j3.items.map((i: { personId: number; entityId: number }) => [i.personId, i.entityId])).toEqual([[p.hired, entity]]);
    expect(j3.items[0].entityName).toBe('灵宝果品加工厂');
    expect(j3.terms).toMatchObject({ minStableMonths: 6, defaultAmountYuan: null });
  });
});

describe('payments', () => {
  let paymentId = 0;
  let version = 0;
  it('J1: 300 元 is paid; a second payment of the year is refused 409 with the words; the list shows 已发放', async () => {
    const ok = await pay(town1.cookie, { kind: 'travel', personId: p.migrant, amountYuan: 300 });
    expect(ok.statusCode, ok.body).toBe(201);
    paymentId = ok.json().id;
    version = ok.json().version;
    expect(ok.json()).toMatchObject({ kind: 'travel', year: YEAR, amountYuan: 300, entityId: null });
    const again = await pay(town1.cookie, { kind: 'travel', personId: p.migrant, amountYuan: 200 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect(again.json().error.details.issues[0].messageZh).toBe(`该人员 ${YEAR} 年已发放一次性交通补助，每年只发放一次，不能重复发放`);
    const row = (await list(county.cookie, 'travel', '&status=paid')).json();
    expect(row.items.map((i: { personId: number }) => i.personId)).toEqual([p.migrant]);
    expect(row).toMatchObject({ paidCount: 1, paidYuan: 300 });
  });
  it('J1: above the cap is 400 on amountYuan citing the clause; an ordinary household is 409 with the reason', async () => {
    const over = await pay(county.cookie, { kind: 'travel', personId: p.monitoredOwner, amountYuan: 300.01 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.issues[0]).toMatchObject({ path: 'amountYuan' });
    expect(over.json().error.details.issues[0].messageZh).toContain('不超过 300 元');
    const ordinary = await pay(county.cookie, { kind: 'travel', personId: p.ordinary, amountYuan: 300 });
    expect(ordinary.statusCode).toBe(409);
    expect(ordinary.json().error.details.issues[0].messageZh).toBe('孙一般不符合一次性交通补助条件：非脱贫户/监测户（一般农户）');
  });
  it('scope and roles: another township’s officer gets 404 for the person, a village officer 403', async () => {
    const other = await pay(town2.cookie, { kind: 'travel', personId: p.monitoredOwner, amountYuan: 300 });
    expect(other.statusCode).toBe(404);
    const missing = await pay(town2.cookie, { kind: 'travel', personId: 999_999_999, amountYuan: 300 });
    expect(other.json().error.code).toBe(missing.json().error.code);
    expect((await pay(village1.cookie, { kind: 'travel', personId: p.monitoredOwner, amountYuan: 300 })).statusCode).toBe(403);
    expect((await req(town2.cookie, 'DELETE', `/api/v1/job-subsidies/payments/${paymentId}?version=${version}`)).statusCode).toBe(404);
  });
  it('two payments of one slot at once: one 201, one 409', async () => {
    const [a, b] = await Promise.all([
      pay(county.cookie, { kind: 'travel', personId: p.monitoredOwner, amountYuan: 300 }),
      pay(county.cookie, { kind: 'travel', personId: p.monitoredOwner, amountYuan: 250 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });
  it('J2: exactly 5000 元, once; the 监测户 member is refused', async () => {
    expect((await pay(county.cookie, { kind: 'startup', personId: p.owner, amountYuan: 4000 })).statusCode).toBe(400);
    expect((await pay(county.cookie, { kind: 'startup', personId: p.owner, amountYuan: 5000 })).statusCode).toBe(201);
    const again = await req(county.cookie, 'POST', '/api/v1/job-subsidies/payments', {
      kind: 'startup',
      personId: p.owner,
      amountYuan: 5000,
      year: YEAR - 1,
      paidOn: `${YEAR - 1}-05-01`,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.issues[0].messageZh).toBe('该户已发放一次性创业补助（每户一次），不能重复发放');
    // once per household (migration 0008): another member of the household is refused, and listed 本户已发放
    const member = await pay(county.cookie, { kind: 'startup', personId: p.sameHousehold, amountYuan: 5000 });
    expect(member.statusCode).toBe(409);
    expect(member.json().error.details.issues[0].messageZh).toBe('该户已发放一次性创业补助（每户一次），不能重复发放');
    const items = (await list(county.cookie, 'startup')).json().items as { personId: number; eligible: boolean; reasonsZh: string[]; payment: unknown }[];
    expect(items.find((i) => i.personId === p.sameHousehold)).toMatchObject({ eligible: false, reasonsZh: ['本户已发放'], payment: null });
    expect(items.find((i) => i.personId === p.owner)).toMatchObject({ payment: { amountYuan: 5000 } });
    const m = await pay(county.cookie, { kind: 'startup', personId: p.monitoredOwner, amountYuan: 5000 });
    expect(m.statusCode).toBe(409);
    expect(m.json().error.details.issues[0].messageZh).toContain('非脱贫户（监测户）');
  });
  it('J2: two members of one household at once: one 201, one 409 (the per-household unique index)', async () => {
    await t.db.query(`DELETE FROM subsidy_payments WHERE kind = 'startup' AND person_id = $1`, [p.owner]);
    const [a, b] = await Promise.all([
      pay(county.cookie, { kind: 'startup', personId: p.sameHousehold, amountYuan: 5000 }),
      pay(county.cookie, { kind: 'startup', personId: p.sameHousehold2, amountYuan: 5000 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.details.issues[0].messageZh).toBe('该户已发放一次性创业补助（每户一次），不能重复发放');
  });
  it('year: this year or the last one only; paidOn from 1 January of the year up to today (400 naming the field)', async () => {
    const old = await pay(county.cookie, { kind: 'travel', personId: p.far, amountYuan: 300, year: YEAR - 2, paidOn: `${YEAR - 2}-06-01` });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.details.issues[0]).toMatchObject({ path: 'year' });
    expect(old.json().error.details.issues[0].messageZh).toContain(`只能是 ${YEAR - 1} 年或 ${YEAR} 年`);
    const early = await pay(county.cookie, { kind: 'travel', personId: p.far, amountYuan: 300, year: YEAR - 1, paidOn: `${YEAR - 2}-12-31` });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({ path: 'paidOn' });
    expect(early.json().error.details.issues[0].messageZh).toContain(`发放日期须在 ${YEAR - 1}-01-01 至 ${TODAY} 之间`);
    const future = await pay(county.cookie, { kind: 'travel', personId: p.far, amountYuan: 300, paidOn: `${YEAR + 1}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0]).toMatchObject({ path: 'paidOn' });
  });
  it('J3: the entity is required and must be the employer; 4 months is refused 务工不满 6 个月; 7 months is paid once', async () => {
    expect((await pay(county.cookie, { kind: 'hiring', personId: p.hired, amountYuan: 1000 })).statusCode).toBe(400);
    const wrong = await pay(county.cookie, { kind: 'hiring', personId: p.hired, entityId: otherEntity, amountYuan: 1000 });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details.issues[0].messageZh).toContain('该人员的务工企业不是所选经营主体');
    const four = await pay(county.cookie, { kind: 'hiring', personId: p.fourMonths, entityId: entity, amountYuan: 1000 });
    expect(four.statusCode).toBe(409);
    expect(four.json().error.details.issues[0].messageZh).toContain('务工不满 6 个月（已务工 4 个月）');
    expect((await pay(county.cookie, { kind: 'hiring', personId: p.hired, entityId: entity, amountYuan: 1000 })).statusCode).toBe(201);
    expect((await pay(county.cookie, { kind: 'hiring', personId: p.hired, entityId: entity, amountYuan: 1000 })).statusCode).toBe(409);
  });
  it('撤销: no version 428, a stale one 409, the right one 204 (audited); the person is 未发放 again', async () => {
    expect((await req(county.cookie, 'DELETE', `/api/v1/job-subsidies/payments/${paymentId}`)).statusCode).toBe(428);
    expect((await req(county.cookie, 'DELETE', `/api/v1/job-subsidies/payments/${paymentId}?version=${version + 1}`)).statusCode).toBe(409);
    expect((await req(county.cookie, 'DELETE', `/api/v1/job-subsidies/payments/${paymentId}`, undefined, { 'if-match': `"${version}"` })).statusCode).toBe(204);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'subsidy_payment' AND entity_id = $1 ORDER BY id`, [String(paymentId)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    const item = (await list(county.cookie, 'travel')).json().items.find((i: { personId: number }) => i.personId === p.migrant);
    expect(item.payment).toBeNull();
  });
  it('batch J1: the eligible are paid the cap, the others refused with the reason', async () => {
    const res = await req(county.cookie, 'POST', '/api/v1/job-subsidies/payments/batch', {
      kind: 'travel',
      personIds: [p.migrant, p.far, p.ordinary],
      year: YEAR,
      paidOn: TODAY,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2);
    expect(res.json().refused).toEqual([{ personId: p.ordinary, reasonZh: '孙一般不符合一次性交通补助条件：非脱贫户/监测户（一般农户）', reasonEn: expect.any(String) }]);
  });
  it('export: the list with paid and unpaid rows, amounts in 元', async () => {
    const res = await req(county.cookie, 'GET', `/api/v1/job-subsidies/export.xlsx?kind=travel&year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['所在地', '户编号', '姓名', '证件号码']);
    const names = rows.slice(1).map((r) => r[2]);
    expect(names).toEqual(expect.arrayContaining(['张省外', '钱监测', '周远方']));
    expect(rows.find((r) => r[2] === '张省外')).toContain('已发放');
  });
});
