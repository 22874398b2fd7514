import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { readXlsx } from '../imports/imports.test-support.ts';

// 帮扶项目资产 through the real app (issue 8 §1–2): register (from an accepted project only), versions, 四个一批 class
// history, disposal, half-year incomes, A3's stock-take list; scope (another township 404) and roles (a village
// officer reads only); on PGlite and, with DATABASE_URL, PostgreSQL.
let t: TestApp;
let tree: RegionTree;
let county: { cookie: string };
let town1: { cookie: string };
let town2: { cookie: string };
let village1: { cookie: string };
let viewer: { cookie: string };
let v11: string;
let v12: string;
let v21: string;

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const req = (cookie: string, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });

let projectSeq = 0;
async function project(regionCode: string, stage: string): Promise<number> {
  const [p] = await t.db.query<{ id: number }>(
    `INSERT INTO projects (project_no, name, region_code, project_type, year, budget_fen, stage) VALUES ($1, $2, $3, 'industry', 2024, 300000000, $4) RETURNING id`,
    [`ZCT${regionCode}${++projectSeq}`, `测试项目${projectSeq}`, regionCode, stage],
  );
  return Number(p!.id);
}

const solar = () => ({
  name: '村级光伏电站',
  regionCode: v11,
  category: 'operating',
  valueYuan: 1234567.89,
  location: '村东坡',
  ownerKind: 'village_collective',
  ownerName: '一村股份经济合作社',
  managementLevel: 'village_runs',
  operatingMode: 'leased',
  assetClass: 'consolidate',
  classReason: '发电收益稳定，市场前景广',
});

describe('registering and editing assets', () => {
  let id = 0;

  it('a township officer registers an asset with its class; the value is exact in 元 and stored in 分', async () => {
    const res = await req(town1.cookie, 'POST', '/api/v1/assets', solar());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    id = a.id;
    expect(a).toMatchObject({ valueYuan: 1234567.89, assetClass: 'consolidate', status: 'in_use', version: 1, regionName: tree.townships[0]!.villages[0]!.name });
    expect(a.assetNo).toBe(`ZC${tree.townships[0]!.prefix}0001`);
    expect(a.classChanges).toEqual([expect.objectContaining({ fromClass: null, toClass: 'consolidate', reason: '发电收益稳定，市场前景广' })]);
    const [row] = await t.db.query<{ value_fen: string }>('SELECT value_fen FROM assets WHERE id = $1', [id]);
    expect(Number(row!.value_fen)).toBe(123456789);
  });

  it('refuses a class without its reason, three decimals, and a class on a public-welfare asset, each naming the field', async () => {
    const noReason = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), classReason: null });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0]).toMatchObject({ path: 'classReason', messageZh: '确定“四个一批”分类须填写理由' });
    const decimals = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), valueYuan: 1.005 });
    expect(decimals.statusCode).toBe(400);
    expect(decimals.body).toContain('valueYuan');
    const road = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), category: 'public_welfare', name: '产业路' });
    expect(road.statusCode).toBe(400);
    expect(road.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['operatingMode', 'category']);
  });

  it('another township answers 404 on read and write; a village officer and a viewer read but may not write', async () => {
    expect((await req(town2.cookie, 'GET', `/api/v1/assets/${id}`)).statusCode).toBe(404);
    expect((await req(town2.cookie, 'PATCH', `/api/v1/assets/${id}`, { note: 'x', version: 1 })).statusCode).toBe(404);
    expect((await req(town2.cookie, 'GET', `/api/v1/assets?regionCode=${v11}`)).statusCode).toBe(404);
    expect((await req(town2.cookie, 'GET', '/api/v1/assets')).json().total).toBe(0);
    expect((await req(village1.cookie, 'GET', `/api/v1/assets/${id}`)).statusCode).toBe(200);
    const vPost = await req(village1.cookie, 'POST', '/api/v1/assets', { ...solar(), name: '村里自己登记' });
    expect(vPost.statusCode).toBe(403);
    expect(vPost.json().error.details.issues[0].messageZh).toContain('村级账号只能查看资产');
    expect((await req(village1.cookie, 'PATCH', `/api/v1/assets/${id}`, { note: 'x', version: 1 })).statusCode).toBe(403);
    expect((await req(viewer.cookie, 'POST', '/api/v1/assets', { ...solar(), name: '查看' })).statusCode).toBe(403);
    expect((await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), regionCode: v21 })).statusCode).toBe(403);
  });

  it('a change needs the version read: none 428, the right one 200, the old one 409 with the current record', async () => {
    expect((await req(town1.cookie, 'PATCH', `/api/v1/assets/${id}`, { valueYuan: 1300000 })).statusCode).toBe(428);
    const ok = await req(town1.cookie, 'PATCH', `/api/v1/assets/${id}`, { valueYuan: 1300000, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ valueYuan: 1300000, version: 2, name: '村级光伏电站', assetClass: 'consolidate' });
    const stale = await req(county.cookie, 'PATCH', `/api/v1/assets/${id}`, { note: '晚了' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current).toMatchObject({ version: 2, valueYuan: 1300000 });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'asset' AND entity_id = $1 ORDER BY id`, [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('四个一批: a change keeps its history with the reason; the same class again is refused', async () => {
    const noReason = await req(town1.cookie, 'POST', `/api/v1/assets/${id}/class`, { assetClass: 'revitalise', reason: ' ', version: 2 });
    expect(noReason.statusCode).toBe(400);
    const res = await req(town1.cookie, 'POST', `/api/v1/assets/${id}/class`, { assetClass: 'revitalise', reason: '逆变器老化，发电量下降', version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ assetClass: 'revitalise', classReason: '逆变器老化，发电量下降', version: 3 });
    expect(a.classChanges.map((c: { fromClass: string | null; toClass: string }) => [c.fromClass, c.toClass])).toEqual([
      ['consolidate', 'revitalise'],
      [null, 'consolidate'],
    ]);
    expect(a.classChanges[0].changedByName).toBe('测试township_officer');
    const same = await req(town1.cookie, 'POST', `/api/v1/assets/${id}/class`, { assetClass: 'revitalise', reason: '再来一次', version: 3 });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.details.issues[0].messageZh).toBe('该资产已属“盘活一批”，无需调整');
  });

  it('lists with filters and the value total of every matching asset', async () => {
    const cold = await req(county.cookie, 'POST', '/api/v1/assets', { name: '冷库', regionCode: v12, category: 'operating', valueYuan: 800000.11 });
    expect(cold.statusCode, cold.body).toBe(201);
    await req(county.cookie, 'POST', '/api/v1/assets', { name: '邻镇温室大棚', regionCode: v21, category: 'operating', valueYuan: 1000 });
    const all = (await req(town1.cookie, 'GET', '/api/v1/assets?pageSize=1')).json();
    expect(all).toMatchObject({ total: 2, totalValueYuan: 2100000.11 });
    expect(all.items).toHaveLength(1);
    const classed = (await req(county.cookie, 'GET', '/api/v1/assets?assetClass=revitalise')).json();
    expect(classed.items.map((a: { name: string }) => a.name)).toEqual(['村级光伏电站']);
    expect((await req(county.cookie, 'GET', '/api/v1/assets?q=冷库')).json().total).toBe(1);
  });
});

describe('export', () => {
  it('exports the filtered assets with words for the codes and the value in 元; another township gets none of them', async () => {
    const res = await req(town1.cookie, 'GET', '/api/v1/assets/export.xlsx?assetClass=revitalise');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['资产编号', '资产名称', '所在地', '资产类别', '资产原值（元）']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(1, 5)).toEqual(['村级光伏电站', tree.townships[0]!.villages[0]!.name, '经营性资产', '1300000']);
    expect(rows[1]).toContain('盘活一批');
    expect(rows[1]).toContain('村直管');
    const other = await readXlsx((await req(town2.cookie, 'GET', '/api/v1/assets/export.xlsx')).rawPayload);
    expect(other.flat()).not.toContain('村级光伏电站');
  });
});

describe('assets formed by a project', () => {
  it('are registered only once the project is accepted: before, 409 with the stage in words', async () => {
    const building = await project(v11, 'implementing');
    const early = await req(town1.cookie, 'POST', '/api/v1/assets', { name: '大枣加工厂房', regionCode: v11, category: 'operating', valueYuan: 2000000, projectId: building });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_TRANSITION');
    expect(early.json().error.details.issues[0].messageZh).toContain('“实施中”阶段，须验收后才能登记');
    const accepted = await project(v11, 'accepted');
    const ok = await req(town1.cookie, 'POST', '/api/v1/assets', { name: '大枣加工厂房', regionCode: v11, category: 'operating', valueYuan: 2000000, projectId: accepted });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ projectId: accepted, projectName: `测试项目${projectSeq}` });
    expect((await req(town1.cookie, 'GET', `/api/v1/assets?projectId=${accepted}`)).json().total).toBe(1);
    const foreign = await project(v21, 'accepted');
    const other = await req(town1.cookie, 'POST', '/api/v1/assets', { name: '别处', regionCode: v11, category: 'operating', valueYuan: 1, projectId: foreign });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.issues[0].path).toBe('projectId');
  });
});

describe('half-year incomes, A3 and disposal', () => {
  let a = 0;
  let b = 0;
  let road = 0;
  let village2: { cookie: string };
  const create = async (body: object) => {
    const res = await req(county.cookie, 'POST', '/api/v1/assets', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  beforeAll(async () => {
    village2 = await buildUser(t, 'village_officer', v12);
    a = await create({ name: '温室大棚A', regionCode: v12, category: 'operating', valueYuan: 500000 });
    b = await create({ name: '温室大棚B', regionCode: v12, category: 'operating', valueYuan: 500000 });
    road = await create({ name: '产业路', regionCode: v12, category: 'public_welfare', valueYuan: 300000 });
  });

  it('creates a half year without a version, then changes it only with its version; amounts exact', async () => {
    const put = await req(town1.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2026/1`, { incomeYuan: 18750.05, stocktakeOn: '2026-07-05' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ year: 2026, half: 1, incomeYuan: 18750.05, version: 1 });
    expect((await req(town1.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2026/1`, { incomeYuan: 1 })).statusCode).toBe(428);
    const again = await req(town1.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2026/1`, { incomeYuan: 18800.1, version: 1 });
    expect(again.json()).toMatchObject({ incomeYuan: 18800.1, version: 2 });
    const stale = await req(county.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2026/1`, { incomeYuan: 2, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ incomeYuan: 18800.1, version: 2 });
    await req(town1.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2025/2`, { incomeYuan: 17000 });
    const list = (await req(village2.cookie, 'GET', `/api/v1/assets/${a}/incomes`)).json();
    expect(list.items.map((i: { year: number; half: number; incomeYuan: number }) => [i.year, i.half, i.incomeYuan])).toEqual([
      [2026, 1, 18800.1],
      [2025, 2, 17000],
    ]);
    const [fen] = await t.db.query<{ income_fen: string }>('SELECT income_fen FROM asset_incomes WHERE asset_id = $1 AND year = 2026', [a]);
    expect(Number(fen!.income_fen)).toBe(1880010);
  });

  it('refuses a half year not ended, another township (404) and a village officer (403)', async () => {
    const future = await req(town1.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2099/2`, { incomeYuan: 1 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0]).toMatchObject({ path: 'half', messageZh: '2099年下半年尚未结束（2099-12-31 结束），结束后方可盘点登记收益' });
    expect((await req(town2.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2025/1`, { incomeYuan: 1 })).statusCode).toBe(404);
    expect((await req(town2.cookie, 'GET', `/api/v1/assets/${a}/incomes`)).statusCode).toBe(404);
    expect((await req(village1.cookie, 'GET', `/api/v1/assets/${a}/incomes`)).statusCode).toBe(404);
    expect((await req(village2.cookie, 'PUT', `/api/v1/assets/${a}/incomes/2025/1`, { incomeYuan: 1 })).statusCode).toBe(403);
    expect((await req(town2.cookie, 'DELETE', `/api/v1/assets/${a}/incomes/2025/2`, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
  });

  it('A3 lists operating assets without the last completed half year, not public-welfare ones nor those formed after it', async () => {
    await create({ name: '新建冷库', regionCode: v12, category: 'operating', valueYuan: 1, formedOn: '2026-07-01' });
    const july = (await req(town1.cookie, 'GET', `/api/v1/assets/stocktake-missing?regionCode=${v12}&asOf=2026-07-15`)).json();
    expect(july).toMatchObject({ year: 2026, half: 1 });
    const names = july.items.map((x: { name: string }) => x.name);
    expect(names).toContain('温室大棚B');
    expect(names).toContain('冷库');
    expect(names).not.toContain('温室大棚A');
    expect(names).not.toContain('产业路');
    expect(names).not.toContain('新建冷库');
    const spring = (await req(town1.cookie, 'GET', `/api/v1/assets/stocktake-missing?regionCode=${v12}&asOf=2026-03-01`)).json();
    expect(spring).toMatchObject({ year: 2025, half: 2 });
    expect(spring.items.map((x: { name: string }) => x.name)).not.toContain('温室大棚A');
    expect((await req(town2.cookie, 'GET', `/api/v1/assets/stocktake-missing?asOf=2026-07-15`)).json().items.map((x: { name: string }) => x.name)).toEqual(['邻镇温室大棚']);
    expect(road).toBeGreaterThan(0);
  });

  it('deletes a half year with If-Match, then a disposed asset stays, read-only, and leaves A3', async () => {
    expect((await req(town1.cookie, 'DELETE', `/api/v1/assets/${a}/incomes/2025/2`)).statusCode).toBe(428);
    expect((await req(town1.cookie, 'DELETE', `/api/v1/assets/${a}/incomes/2025/2`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    const disposed = await req(town1.cookie, 'POST', `/api/v1/assets/${b}/dispose`, { reason: '大棚损毁，无法修复', disposedOn: '2026-06-15', version: 1 });
    expect(disposed.statusCode, disposed.body).toBe(200);
    expect(disposed.json()).toMatchObject({ status: 'disposed', disposedOn: '2026-06-15', disposalReason: '大棚损毁，无法修复', version: 2 });
    const edit = await req(town1.cookie, 'PATCH', `/api/v1/assets/${b}`, { note: 'x', version: 2 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('RECORD_EXITED');
    expect((await req(town1.cookie, 'PUT', `/api/v1/assets/${b}/incomes/2026/1`, { incomeYuan: 1 })).json().error.code).toBe('RECORD_EXITED');
    const inUse = (await req(town1.cookie, 'GET', `/api/v1/assets?regionCode=${v12}`)).json().items.map((x: { name: string }) => x.name);
    expect(inUse).not.toContain('温室大棚B');
    const all = (await req(town1.cookie, 'GET', `/api/v1/assets?regionCode=${v12}&status=all`)).json().items.map((x: { name: string }) => x.name);
    expect(all).toContain('温室大棚B');
    // disposed of before 2026 H1 ended: not due; it was still held through 2025 H2, which it lacks
    const a3 = (await req(town1.cookie, 'GET', `/api/v1/assets/stocktake-missing?regionCode=${v12}&asOf=2026-07-15`)).json().items.map((x: { name: string }) => x.name);
    expect(a3).not.toContain('温室大棚B');
    const h2 = (await req(town1.cookie, 'GET', `/api/v1/assets/stocktake-missing?regionCode=${v12}&asOf=2026-03-01`)).json().items.map((x: { name: string }) => x.name);
    expect(h2).toContain('温室大棚B');
  });
});

describe('operator, moves and numbers', () => {
  it('an operator from another township is refused like a missing one; a county entity may run a village asset', async () => {
    const ent = async (regionCode: string, name: string) =>
      Number((await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', $2) RETURNING id`, [regionCode, name]))[0]?.id);
    const far = await ent(v21, '邻镇红枣合作社');
    const seat = await ent(tree.county.code, '县级龙头企业');
    const refused = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), operatorEntityId: far });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.body).not.toContain('邻镇红枣合作社');
    expect(refused.json().error.details.issues[0].path).toBe('operatorEntityId');
    const ok = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), operatorEntityId: seat });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.body).toContain('县级龙头企业');
  });

  it('a county officer moves an asset to another township: its incomes and class history go with it', async () => {
    const created = await req(county.cookie, 'POST', '/api/v1/assets', { ...solar(), name: '搬迁冷库' });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    const put = await req(county.cookie, 'PUT', `/api/v1/assets/${a.id}/incomes/2024/1`, { incomeYuan: 1000, stocktakeOn: '2024-07-10' });
    expect(put.statusCode, put.body).toBe(200);
    const moved = await req(county.cookie, 'PATCH', `/api/v1/assets/${a.id}`, { regionCode: v21, version: a.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const rows = await t.db.query<{ t: string; region_code: string }>(
      `SELECT 'income' AS t, region_code FROM asset_incomes WHERE asset_id = $1 UNION ALL SELECT 'class', region_code FROM asset_class_changes WHERE asset_id = $1`,
      [a.id],
    );
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r.region_code, r.t).toBe(v21);
    // the old township no longer reaches it, the new one does
    expect((await req(town1.cookie, 'GET', `/api/v1/assets/${a.id}`)).statusCode).toBe(404);
    expect((await req(town2.cookie, 'GET', `/api/v1/assets/${a.id}/incomes`)).statusCode).toBe(200);
  });

  it('a typed number that looks generated does not block the next generated one; a taken number is 409', async () => {
    const prefix = `ZC${v12.slice(0, 9)}`;
    const typed = await req(county.cookie, 'POST', '/api/v1/assets', { name: '手编号资产', regionCode: v12, category: 'operating', valueYuan: 1, assetNo: `${prefix}99999` });
    expect(typed.statusCode, typed.body).toBe(201);
    const next = await req(county.cookie, 'POST', '/api/v1/assets', { name: '自动编号资产', regionCode: v12, category: 'operating', valueYuan: 1 });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().assetNo).toMatch(new RegExp(`^${prefix}\\d{4}$`));
    const again = await req(county.cookie, 'POST', '/api/v1/assets', { name: '重号资产', regionCode: v12, category: 'operating', valueYuan: 1, assetNo: next.json().assetNo });
    expect(again.statusCode, again.body).toBe(409);
  });

  it('a number held in the user’s area is named as taken; one held outside it answers in the import’s neutral words (create and PATCH)', async () => {
    const no = `ZCT-SCOPE-${Date.now()}`;
    const held = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), name: '一镇保密冷库', assetNo: no });
    expect(held.statusCode, held.body).toBe(201);
    const own = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), name: '一镇另一资产' });
    const theirs = await req(town2.cookie, 'POST', '/api/v1/assets', { ...solar(), regionCode: v21, name: '二镇资产' });
    expect([own.statusCode, theirs.statusCode]).toEqual([201, 201]);
    const issueOf = (res: { json(): { error: { code: string; details: { issues: object[] } } } }) => [res.json().error.code, res.json().error.details.issues];
    const taken = [{ path: 'assetNo', value: no, messageZh: `资产编号 ${no} 已存在`, messageEn: `asset number ${no} already exists` }];
    const neutral = [{ path: 'assetNo', value: no, messageZh: '资产编号不可用，请核对编号', messageEn: 'this asset number cannot be used: check it' }];

    // the holder's township and the county see the record: the precise words
    const again = await req(town1.cookie, 'POST', '/api/v1/assets', { ...solar(), assetNo: no });
    expect(again.statusCode).toBe(409);
    expect(issueOf(again)).toEqual(['CONFLICT', taken]);
    const byCounty = await req(county.cookie, 'POST', '/api/v1/assets', { ...solar(), regionCode: v21, assetNo: no });
    expect(issueOf(byCounty)).toEqual(['CONFLICT', taken]);
    const renamed = await req(town1.cookie, 'PATCH', `/api/v1/assets/${own.json().id}`, { assetNo: no, version: own.json().version });
    expect(renamed.statusCode).toBe(409);
    expect(issueOf(renamed)).toEqual(['CONFLICT', taken]);

    // another township: the same words as the import's row error, nothing of the holder
    const outsider = await req(town2.cookie, 'POST', '/api/v1/assets', { ...solar(), regionCode: v21, assetNo: no });
    expect(outsider.statusCode).toBe(409);
    expect(issueOf(outsider)).toEqual(['CONFLICT', neutral]);
    const outsiderPatch = await req(town2.cookie, 'PATCH', `/api/v1/assets/${theirs.json().id}`, { assetNo: no, version: theirs.json().version });
    expect(outsiderPatch.statusCode).toBe(409);
    expect(issueOf(outsiderPatch)).toEqual(['CONFLICT', neutral]);
    for (const res of [outsider, outsiderPatch]) expect(res.body).not.toMatch(/已存在|already exists|taken|一镇保密冷库/);
    // neither refused write changed anything
    expect((await req(town2.cookie, 'GET', `/api/v1/assets/${theirs.json().id}`)).json()).toMatchObject({ assetNo: theirs.json().assetNo, version: 1 });
  });
});
