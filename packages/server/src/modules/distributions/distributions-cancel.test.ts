import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser } from '../../test/factories.ts';

// 撤销 a confirmed 收益分配 after an income was re-entered by hand (issue 8 §3 review): the typed figure may or may not hold
// the distribution, so the cancel asks (409 naming the households) and then reverses or keeps those households' incomes;
// another distribution's carry or reversal in between is no hand edit.
let t: TestApp;
let officer: { cookie: string };
let village: string;
const hh = {} as Record<'a' | 'b' | 'c' | 'm', number>;
const no = (k: string) => `FC${village}${k}`;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const req = (method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: officer.cookie }, ...(payload ? { payload } : {}) });
type Income = { year: number; wage: number; property: number; version: number };
const income2025 = async (id: number): Promise<Income> => (await req('GET', `/api/v1/households/${id}`)).json().incomes.find((i: Income) => i.year === 2025);
const wages = async () => Promise.all((['a', 'b', 'c', 'm'] as const).map(async (k) => [(await income2025(hh[k])).wage, (await income2025(hh[k])).property]));

/** Proposes and confirms a distribution of the village's 2025 half year; returns its id and version. */
async function confirmed(half: 1 | 2, incomeYuan: number): Promise<{ id: number; version: number }> {
  const p = await req('POST', '/api/v1/distributions/propose', { regionCode: village, year: 2025, half, collectiveIncomeYuan: incomeYuan });
  expect(p.statusCode, p.body).toBe(201);
  const c = await req('POST', `/api/v1/distributions/${p.json().id}/confirm`, { version: p.json().version });
  expect(c.statusCode, c.body).toBe(200);
  return { id: c.json().id, version: c.json().version };
}

beforeAll(async () => {
  t = await createTestApp();
  const tree = await buildRegionTree(t, { townships: 1, villages: 1 });
  village = tree.townships[0]!.villages[0]!.code;
  const admin = await buildUser(t, 'admin', tree.county.code);
  officer = await buildUser(t, 'county_officer', tree.county.code);
  for (const k of ['a', 'b', 'c'] as const) hh[k] = (await buildHousehold(t, { regionCode: village, householdNo: no(k), householdType: 'lifted' })).id;
  hh.m = (await buildHousehold(t, { regionCode: village, householdNo: no('m'), householdType: 'monitored', members: [{ laborCapacity: 'none' }] })).id;
  const put = await t.app.inject({ method: 'PUT', url: '/api/v1/policy/active', headers: { cookie: admin.cookie }, payload: { packId: 'xinxiang', countyCode: tree.county.code } });
  expect(put.statusCode, put.body).toBe(200);
}, 120_000);
afterAll(async () => t?.close());

describe('cancelling a confirmed distribution after a hand edit of an income', () => {
  let d1: { id: number; version: number };
  let d2: { id: number; version: number };

  it('refuses without a choice, naming only the household edited by hand (not those another distribution carried into)', async () => {
    // D1 上半年: 10 000 元 → 7 000 元, 1 750 元 each (three 按劳 as wage, the 监测户 without labour as property)
    d1 = await confirmed(1, 10000);
    expect(await wages()).toEqual([
      [1750, 0],
      [1750, 0],
      [1750, 0],
      [0, 1750],
    ]);
    // D2 下半年 confirmed after D1 carries 175 元 each into the same 2025 incomes: not a hand edit
    d2 = await confirmed(2, 1000);
    // the officer re-enters household a's 2025 income by hand through the incomes API
    const a = await income2025(hh.a);
    expect(a.wage).toBe(1925);
    const edit = await req('PUT', `/api/v1/households/${hh.a}/incomes/2025`, { wage: 5000, property: 0, version: a.version });
    expect(edit.statusCode, edit.body).toBe(200);

    const r = await req('POST', `/api/v1/distributions/${d1.id}/cancel`, { reason: '收益数据有误', version: d1.version });
    expect(r.statusCode, r.body).toBe(409);
    const e = r.json().error;
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.details.editedHouseholds).toEqual([no('a')]);
    expect(e.details.issues[0].messageZh).toBe(`以下农户 2025 年收入在确认分配后被手工修改过：${no('a')}。请选择撤销时是否从其收入中冲减本次分配金额`);
    expect(e.details.issues[0].messageEn).toContain(no('a'));
    // nothing was taken back
    expect((await req('GET', `/api/v1/distributions/${d1.id}`)).json().status).toBe('confirmed');
    expect((await income2025(hh.b)).wage).toBe(1925);
  });

  it('keep: the edited income stays as typed, the others are reversed, the note names the kept household', async () => {
    const r = await req('POST', `/api/v1/distributions/${d1.id}/cancel`, { reason: '收益数据有误', editedIncomes: 'keep', version: d1.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('cancelled');
    expect(r.json().note).toContain(`撤销时未冲减本次分配金额：${no('a')}`);
    expect(await wages()).toEqual([
      [5000, 0],
      [175, 0],
      [175, 0],
      [0, 175],
    ]);
    const audit = await t.db.query<{ household_id: number }>(
      `SELECT household_id FROM audit_log WHERE entity_type = 'household_income' AND action = 'distribution_reverse' AND household_id = ANY($1::bigint[]) ORDER BY household_id`,
      [`{${Object.values(hh).join(',')}}`],
    );
    expect(audit.map((x) => Number(x.household_id))).toEqual([hh.b, hh.c, hh.m].sort((x, y) => x - y));
  });

  it('reverse: the edited income is taken back too; D1’s reversal in between is no hand edit', async () => {
    const ask = await req('POST', `/api/v1/distributions/${d2.id}/cancel`, { reason: '重新分配', version: d2.version });
    expect([ask.statusCode, ask.json().error.details.editedHouseholds]).toEqual([409, [no('a')]]);
    const r = await req('POST', `/api/v1/distributions/${d2.id}/cancel`, { reason: '重新分配', editedIncomes: 'reverse', version: d2.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().note).not.toContain('未冲减');
    expect(await wages()).toEqual([
      [4825, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('a confirmed distribution without hand edits is cancelled without being asked', async () => {
    const d3 = await confirmed(1, 2000);
    const r = await req('POST', `/api/v1/distributions/${d3.id}/cancel`, { reason: '测试', version: d3.version });
    expect(r.statusCode, r.body).toBe(200);
    expect((await income2025(hh.b)).wage).toBe(0);
  });

  it('a linkage carried into the income after the confirmation is no hand edit either', async () => {
    const d4 = await confirmed(2, 1000);
    const [e] = await t.db.db.insert(entities).values({ regionCode: village, entityType: 'leading_enterprise', name: '分配撤销测试合作社' }).returning();
    const link = await req('POST', '/api/v1/linkages', { entityId: e!.id, householdId: hh.c, year: 2025, mode: 'employment', amountYuan: 300 });
    expect(link.statusCode, link.body).toBe(201);
    const carry = await req('POST', `/api/v1/households/${hh.c}/linkages/carry`, { year: 2025, version: (await income2025(hh.c)).version });
    expect(carry.statusCode, carry.body).toBe(200);
    expect((await income2025(hh.c)).wage).toBe(475);
    const r = await req('POST', `/api/v1/distributions/${d4.id}/cancel`, { reason: '测试', version: d4.version });
    expect(r.statusCode, r.body).toBe(200);
    expect((await income2025(hh.c)).wage).toBe(300);
  });

  it('refuses an unknown choice (400)', async () => {
    const r = await req('POST', `/api/v1/distributions/${d2.id}/cancel`, { reason: 'x', editedIncomes: 'maybe', version: d2.version });
    expect(r.statusCode).toBe(400);
  });
});
