import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from './app.ts';
import { makeConfig } from './config.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from './test/factories.ts';

// Issue 6 §6: bad input is a 4xx naming the field (never a 500), and the log never prints parameter values.
let t: TestApp;
let tree: RegionTree;
let cookie = '';
let householdId = 0;
let villageCode = '';
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  villageCode = tree.townships[0]!.villages[0]!.code;
  cookie = (await buildUser(t, 'county_officer', tree.county.code)).cookie;
  householdId = (await buildHousehold(t, { regionCode: villageCode, householdType: 'lifted', isLifted: true })).id;
});
afterAll(async () => t?.close());

const NUL = '\u0000';
const member = () => ({ idNumber: makeTestIdNumber(), name: '王小明', relation: '02', education: 'junior' });
const household = (over: object = {}, memberOver: object = {}) => ({
  householdNo: `BAD${Math.random().toString(36).slice(2, 10)}`,
  regionCode: villageCode,
  householdType: 'lifted',
  members: [{ ...member(), ...memberOver }],
  ...over,
});

type Case = { name: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: () => string; payload?: () => object; field: string; anonymous?: boolean };
const cases: Case[] = [
  { name: 'NUL in the list query q', method: 'GET', url: () => `/api/v1/households?q=${encodeURIComponent(`4101${NUL}23`)}`, field: 'q' },
  { name: 'oversize q', method: 'GET', url: () => `/api/v1/households?q=${'a'.repeat(65)}`, field: 'q' },
  { name: 'NUL in a list filter', method: 'GET', url: () => `/api/v1/households?householdType=${encodeURIComponent(NUL)}`, field: 'householdType' },
  { name: 'NUL in a path parameter', method: 'GET', url: () => `/api/v1/households/1${encodeURIComponent(NUL)}`, field: 'id' },
  { name: 'NUL in a household number', method: 'POST', url: () => '/api/v1/households', payload: () => household({ householdNo: `H${NUL}1` }), field: 'householdNo' },
  { name: 'malformed household number', method: 'POST', url: () => '/api/v1/households', payload: () => household({ householdNo: 'H 01#' }), field: 'householdNo' },
  { name: 'malformed household phone', method: 'POST', url: () => '/api/v1/households', payload: () => household({ phone: '12345' }), field: 'phone' },
  { name: 'NUL in a member name', method: 'POST', url: () => '/api/v1/households', payload: () => household({}, { name: `王${NUL}` }), field: 'members.0.name' },
  {
    name: 'impossible member birth date',
    method: 'POST',
    url: () => '/api/v1/households',
    payload: () => household({}, { birthDate: '2024-02-30' }),
    field: 'members.0.birthDate',
  },
  { name: 'oversize address', method: 'PATCH', url: () => `/api/v1/households/${householdId}`, payload: () => ({ address: '村'.repeat(201) }), field: 'address' },
  { name: 'phone with letters', method: 'PATCH', url: () => `/api/v1/households/${householdId}`, payload: () => ({ phone: '1380013800a' }), field: 'phone' },
  { name: 'wrong type of 脱贫年度', method: 'PATCH', url: () => `/api/v1/households/${householdId}`, payload: () => ({ liftedYear: 'two' }), field: 'liftedYear' },
  {
    name: 'month 13',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/members`,
    payload: () => ({ ...member(), relation: '10', birthDate: '2023-13-01' }),
    field: 'birthDate',
  },
  {
    name: 'malformed member phone',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/members`,
    payload: () => ({ ...member(), relation: '10', phone: '+86 138' }),
    field: 'phone',
  },
  {
    name: 'NUL in an ID number',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/members`,
    payload: () => ({ ...member(), relation: '10', idNumber: `11010119900101${NUL}` }),
    field: 'idNumber',
  },
  { name: 'negative wage (PUT)', method: 'PUT', url: () => `/api/v1/households/${householdId}/incomes/2024`, payload: () => ({ wage: -1 }), field: 'wage' },
  { name: 'wrong type of income', method: 'PUT', url: () => `/api/v1/households/${householdId}/incomes/2024`, payload: () => ({ transfer: 'many' }), field: 'transfer' },
  {
    name: 'negative business income (POST)',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/incomes`,
    payload: () => ({ year: 2024, business: -5 }),
    field: 'business',
  },
  {
    name: 'impossible measure start',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/measures`,
    payload: () => ({ category: 'industry', year: 2024, startDate: '2024-02-30' }),
    field: 'startDate',
  },
  {
    name: 'negative measure amount',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/measures`,
    payload: () => ({ category: 'industry', year: 2024, amountYuan: -1 }),
    field: 'amountYuan',
  },
  {
    name: '29 February of a common year',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/monitoring-cases`,
    payload: () => ({ monitoringType: 'unstable', leadDate: '2023-02-29' }),
    field: 'leadDate',
  },
  {
    name: 'NUL in a case note',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/monitoring-cases`,
    payload: () => ({ monitoringType: 'unstable', note: `说明${NUL}` }),
    field: 'note',
  },
  {
    name: 'impossible exit date',
    method: 'POST',
    url: () => `/api/v1/households/${householdId}/exit`,
    payload: () => ({ reason: 'moved_out', date: '2024-04-31' }),
    field: 'date',
  },
  {
    name: 'NUL in a region name',
    method: 'POST',
    url: () => '/api/v1/regions',
    payload: () => ({ code: `${tree.townships[0]!.prefix}299`, name: `新村${NUL}`, parentCode: tree.townships[0]!.code }),
    field: 'name',
  },
  {
    name: 'malformed region code',
    method: 'POST',
    url: () => '/api/v1/regions',
    payload: () => ({ code: 'abc', name: '新村', parentCode: tree.townships[0]!.code }),
    field: 'code',
  },
  { name: 'NUL in a login name', method: 'POST', url: () => '/api/v1/auth/login', payload: () => ({ username: `admin${NUL}`, password: 'x' }), field: 'username', anonymous: true },
  { name: 'wrong type of password', method: 'POST', url: () => '/api/v1/auth/login', payload: () => ({ username: 'admin', password: 123 }), field: 'password', anonymous: true },
];

describe('bad input is a 400 naming the field', () => {
  it.each(cases)('$name → 400 on $field', async (c) => {
    const res = await t.app.inject({ method: c.method, url: c.url(), headers: c.anonymous ? {} : { cookie }, ...(c.payload ? { payload: c.payload() } : {}) });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as { error: { code: string; details: { issues: { path: string; messageZh: string; messageEn: string }[] } } };
    expect(error.code).toBe('VALIDATION_FAILED');
    const issue = error.details.issues.find((i) => i.path === c.field);
    expect(issue, JSON.stringify(error.details.issues)).toBeDefined();
    expect(issue!.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(issue!.messageEn).toContain(c.field.split('.').pop());
    expect(res.body).not.toContain(NUL);
  });

  it('accepts the same fields when they are well formed (29 February of a leap year, landline, household number)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie },
      payload: household({ householdNo: 'GOOD-01_a', phone: '0371-12345678' }, { phone: '13800138000' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/measures`,
      headers: { cookie },
      payload: { category: 'industry', year: 2024, startDate: '2024-02-29', amountYuan: 0 },
    });
    expect(m.statusCode, m.body).toBe(201);
  });
});

describe('the log never prints SQL parameters or searched values', () => {
  it('logs a failing query with its code and request id, without the ID number and name it was given', async () => {
    const lines: string[] = [];
    const app = await buildApp({ config: makeConfig({ logLevel: 'debug', webDist: '/nonexistent' }), db: t.db, logStream: { write: (l) => void lines.push(l) } });
    const secretId = makeTestIdNumber();
    const secretName = '张秘密';
    app.get('/api/test/failing-query', async () => {
      await t.db.db.execute(sql`SELECT id FROM persons WHERE id_number = ${secretId} AND name = ${secretName} AND no_such_column = 1`);
      return { ok: true };
    });
    app.get('/api/test/bad-cast', async () => {
      await t.db.db.execute(sql`SELECT ${secretId}::int AS n`);
      return { ok: true };
    });
    await app.ready();
    try {
      const failing = await app.inject({ method: 'GET', url: '/api/test/failing-query' });
      expect(failing.statusCode).toBe(500);
      expect(failing.body).not.toContain(secretId);
      const cast = await app.inject({ method: 'GET', url: '/api/test/bad-cast' });
      expect(cast.statusCode).toBe(400);
      expect(cast.body).not.toContain(secretId);
      const searched = await app.inject({ method: 'GET', url: `/api/v1/households?q=${secretId}`, headers: { cookie } });
      expect(searched.statusCode).toBeLessThan(500);
      const badJson = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"username":"${secretName}","password":"${secretId}"`,
      });
      expect(badJson.statusCode).toBe(400);
      expect(badJson.body).not.toContain(secretId);

      const secretNo = `SECRET${Math.random().toString(36).slice(2, 8)}`;
      expect((await app.inject({ method: 'POST', url: '/api/v1/households', headers: { cookie }, payload: household({ householdNo: secretNo }) })).statusCode).toBe(201);
      const dup = await app.inject({ method: 'POST', url: '/api/v1/households', headers: { cookie }, payload: household({ householdNo: secretNo }) });
      expect(dup.statusCode).toBe(409);

      const log = lines.join('');
      expect(log).toContain('request refused');
      expect(log).not.toContain(secretNo);
      expect(log).toContain('unexpected error');
      expect(log).toContain('42703');
      expect(log).toContain(failing.json().error.requestId);
      expect(log).toContain('/api/v1/households');
      expect(log).not.toContain(secretId);
      expect(log).not.toContain(secretName);
    } finally {
      await app.close();
    }
  });
});
