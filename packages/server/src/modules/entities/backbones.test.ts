import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 科技人员 page (000 §五(二): ≥ 1 农业技术骨干 per village and per cooperative): the by-region list with paging and
// filters, phones masked for masked roles, the versioned and audited removal; and the entity list's industry
// kind filter. Through the real app, on PGlite and, with DATABASE_URL, on PostgreSQL.
let t: TestApp;
let tree: RegionTree;
type U = { cookie: string };
let county: U, town1: U, town2: U, village1: U, viewer: U;
let v11: string, v12: string, v21: string;

const req = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload ? { payload } : {}) });
const names = (body: { items: { name: string }[] }) => body.items.map((b) => b.name);

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  v11 = tree.townships[0]!.villages[0]!.code;
  v12 = tree.townships[0]!.villages[1]!.code;
  v21 = tree.townships[1]!.villages[0]!.code;
  county = await buildUser(t, 'county_officer', tree.county.code);
  town1 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  town2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village1 = await buildUser(t, 'village_officer', v11);
  viewer = await buildUser(t, 'viewer', tree.county.code);
}, 60_000);
afterAll(async () => t?.close());

describe('GET /api/v1/backbones (科技人员 by region)', () => {
  let farmId = 0;
  beforeAll(async () => {
    const farm = await req(town1, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'family_farm', name: '骨干农场' });
    farmId = farm.json().id as number;
    for (const [code, name, phone] of [
      [v11, '甲骨干', '13911112222'],
      [v11, '乙骨干', null],
      [v12, '丙骨干', '13933334444'],
      [v21, '丁骨干', '13955556666'],
    ] as const) {
      const r = await req(county, 'POST', '/api/v1/backbones', { regionCode: code, name, kind: 'backbone', phone });
      expect(r.statusCode, r.body).toBe(201);
    }
    const e = await req(town1, 'POST', `/api/v1/entities/${farmId}/backbones`, { name: '农场骨干', kind: 'tech_commissioner' });
    expect(e.statusCode, e.body).toBe(201);
  });

  it('pages in village order with the total; a township sees its villages only, the county all', async () => {
    const p1 = (await req(town1, 'GET', `/api/v1/backbones?regionCode=${tree.townships[0]!.code}&pageSize=2&page=1`)).json();
    expect(p1).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(names(p1)).toEqual(['甲骨干', '乙骨干']);
    const p2 = (await req(town1, 'GET', `/api/v1/backbones?regionCode=${tree.townships[0]!.code}&pageSize=2&page=2`)).json();
    expect(names(p2)).toEqual(['农场骨干', '丙骨干']);
    expect(p2.items[0]).toMatchObject({ entityId: farmId, entityName: '骨干农场', regionCode: v11 });
    const own = (await req(town1, 'GET', '/api/v1/backbones')).json();
    expect(own.total).toBe(4);
    expect(names(own)).not.toContain('丁骨干');
    expect((await req(county, 'GET', `/api/v1/backbones?regionCode=${tree.county.code}`)).json().total).toBe(5);
    expect((await req(town1, 'GET', `/api/v1/backbones?regionCode=${v21}`)).statusCode).toBe(404);
  });

  it('filters: the village’s own or the entities’, kind, name', async () => {
    const q = (s: string) => req(town1, 'GET', `/api/v1/backbones?regionCode=${v11}&${s}`).then((r) => names(r.json()));
    expect(await q('owner=village')).toEqual(['甲骨干', '乙骨干']);
    expect(await q('owner=entity')).toEqual(['农场骨干']);
    expect(await q('kind=tech_commissioner')).toEqual(['农场骨干']);
    expect(await q('q=乙')).toEqual(['乙骨干']);
    expect((await req(town1, 'GET', '/api/v1/backbones?owner=someone')).statusCode).toBe(400);
  });

  it('phones in full for the county, masked for township, village and viewer', async () => {
    const phoneOf = async (u: U) => (await req(u, 'GET', `/api/v1/backbones?regionCode=${v11}&q=甲`)).json().items[0].phone;
    expect(await phoneOf(county)).toBe('13911112222');
    expect(await phoneOf(town1)).toBe('139****2222');
    expect(await phoneOf(village1)).toBe('139****2222');
    expect(await phoneOf(viewer)).toBe('139****2222');
  });
});

describe('DELETE /api/v1/backbones/:id', () => {
  const create = async (name: string, regionCode = v11) => (await req(county, 'POST', '/api/v1/backbones', { regionCode, name, kind: 'backbone', phone: '13977778888' })).json();

  it('needs the version read (428 none, 409 stale with the record masked), then 204 and an audit entry keeping the row', async () => {
    const b = await create('待删骨干');
    expect((await req(village1, 'PATCH', `/api/v1/backbones/${b.id}`, { title: '农艺师', version: 1 })).statusCode).toBe(200);
    expect((await req(village1, 'DELETE', `/api/v1/backbones/${b.id}`)).statusCode).toBe(428);
    const stale = await req(village1, 'DELETE', `/api/v1/backbones/${b.id}`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current).toMatchObject({ name: '待删骨干', title: '农艺师', phone: '139****8888', version: 2 });
    const ok = await req(village1, 'DELETE', `/api/v1/backbones/${b.id}?version=2`);
    expect(ok.statusCode, ok.body).toBe(204);
    expect(names((await req(county, 'GET', `/api/v1/backbones?regionCode=${v11}&q=待删`)).json())).toEqual([]);
    expect((await req(village1, 'DELETE', `/api/v1/backbones/${b.id}?version=2`)).statusCode).toBe(404);
    const [audit] = await t.db.query<{ action: string; before: { name: string; version: number } }>(
      `SELECT action, before FROM audit_log WHERE entity_type = 'entity_backbone' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(b.id)],
    );
    expect(audit).toMatchObject({ action: 'delete', before: { name: '待删骨干', version: 2 } });
  });

  it('two removals of one version: one 204, one 404 or 409', async () => {
    const b = await create('并发骨干');
    const [a, c] = await Promise.all([
      req(town1, 'DELETE', `/api/v1/backbones/${b.id}?version=1`),
      req(village1, 'DELETE', `/api/v1/backbones/${b.id}`, undefined, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, c.statusCode].sort()).toEqual([204, 404]);
  });

  it('an entity’s history keeps a removed backbone: its creation and its removal', async () => {
    const farm = (await req(town1, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'family_farm', name: '历史农场' })).json();
    const fb = (await req(town1, 'POST', `/api/v1/entities/${farm.id}/backbones`, { name: '离岗骨干', kind: 'backbone' })).json();
    expect((await req(town1, 'DELETE', `/api/v1/backbones/${fb.id}?version=1`)).statusCode).toBe(204);
    const hist = (await req(town1, 'GET', `/api/v1/entities/${farm.id}/history`)).json();
    expect(hist.items.map((h: { action: string }) => h.action)).toEqual(['backbone_delete', 'backbone_create', 'create']);
    expect(hist.items[0].before).toMatchObject({ name: '离岗骨干' });
  });

  it('another township 404, viewer 403; a closed entity’s backbone stays (409 RECORD_EXITED)', async () => {
    const b = await create('本镇骨干');
    expect((await req(town2, 'DELETE', `/api/v1/backbones/${b.id}?version=1`)).statusCode).toBe(404);
    expect((await req(viewer, 'DELETE', `/api/v1/backbones/${b.id}?version=1`)).statusCode).toBe(403);
    const farm = (await req(town1, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'family_farm', name: '停业农场' })).json();
    const fb = (await req(town1, 'POST', `/api/v1/entities/${farm.id}/backbones`, { name: '停业骨干', kind: 'backbone' })).json();
    expect((await req(town1, 'POST', `/api/v1/entities/${farm.id}/close`, { reason: '停业', date: '2026-10-01', version: 1 })).statusCode).toBe(200);
    const closed = await req(town1, 'DELETE', `/api/v1/backbones/${fb.id}?version=1`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'RECORD_EXITED' });
    expect(closed.json().error.details.issues[0].messageZh).toContain('已注销');
  });
});

describe('entity list: industry filters', () => {
  it('industryId and industryKind (dict industry_kind) select the entities working in it', async () => {
    const [leading, emerging] = await t.db.query<{ id: number }>(
      `INSERT INTO industries (region_code, name, category, kind) VALUES ($1, '县主导苹果', 'fruit', 'leading'), ($2, '镇新兴香菇', 'edible_fungi', 'emerging') RETURNING id`,
      [tree.county.code, tree.townships[0]!.code],
    );
    const mk = (name: string, industryIds: number[]) => req(town1, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'family_farm', name, industryIds });
    expect((await mk('苹果农场', [Number(leading!.id)])).statusCode).toBe(201);
    expect((await mk('香菇农场', [Number(emerging!.id)])).statusCode).toBe(201);
    expect((await mk('两业农场', [Number(leading!.id), Number(emerging!.id)])).statusCode).toBe(201);
    const list = async (q: string) => names((await req(town1, 'GET', `/api/v1/entities?regionCode=${v12}&${q}`)).json());
    expect(await list(`industryId=${emerging!.id}`)).toEqual(['香菇农场', '两业农场']);
    expect(await list('industryKind=leading')).toEqual(['苹果农场', '两业农场']);
    expect(await list('industryKind=traditional')).toEqual([]);
    expect(await list(`industryKind=emerging&industryId=${leading!.id}`)).toEqual(['两业农场']);
  });
});
