import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@chanbang/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { multipart, readXlsx, xlsxBuffer } from '../imports/imports.test-support.ts';

// 经营主体 through the real app (issue 7 §2): field rules in words, scope (seat or served village), masking,
// versions, close/reopen, backbones, and the all-or-nothing file import with row errors; on PGlite and PostgreSQL.
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

let seq = 100;
/** A valid cooperative code (93…) with a seat region code; the check character from the GB 32100 formula. */
function coopCode(): string {
  const body = `93${tree.county.prefix}MA9G5X${String(seq++).padStart(3, '0')}`;
  return body + creditCodeCheckChar(body);
}

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

const req = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('entities CRUD', () => {
  let coopId = 0;
  let code = '';

  it('registers a party-led cooperative with a valid credit code; a wrong check character is refused in words', async () => {
    code = coopCode();
    const bad = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const refused = await req(town1.cookie, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'cooperative', name: '苹果专业合作社', creditCode: bad });
    expect(refused.statusCode).toBe(400);
    const issue = refused.json().error.details.issues[0];
    expect(issue.path).toBe('creditCode');
    expect(issue.messageZh).toContain(`应为“${code[17]}”`);

    const res = await req(town1.cookie, 'POST', '/api/v1/entities', {
      regionCode: v11,
      entityType: 'cooperative',
      name: '苹果专业合作社',
      creditCode: code.toLowerCase(),
      level: 'county',
      partyLed: true,
      contactName: '王建国',
      contactPhone: '13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    coopId = e.id;
    expect(e).toMatchObject({ creditCode: code, partyLed: true, level: 'county', status: 'active', version: 1, contactPhone: '138****5678' });
    const full = await req(county.cookie, 'GET', `/api/v1/entities/${coopId}`);
    expect(full.json().contactPhone).toBe('13812345678');
  });

  it('refuses a duplicate code, a grade on a family farm and a consortium of one village', async () => {
    const dup = await req(county.cookie, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'cooperative', name: '另一个社', creditCode: code });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues[0].messageZh).toBe('该统一社会信用代码已由「苹果专业合作社」登记');
    const farm = await req(county.cookie, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'family_farm', name: '李家农场', level: 'city' });
    expect(farm.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['level']);
    const cons = await req(county.cookie, 'POST', '/api/v1/entities', { regionCode: tree.townships[0]!.code, entityType: 'consortium', name: '联合体', servedRegionCodes: [v11] });
    expect(cons.json().error.details.issues[0].messageZh).toContain('至少联结 2 个行政村');
  });

  it('scope: a county enterprise serving a village of township 2 is seen there, not in township 1; writes need the seat', async () => {
    const ent = await req(county.cookie, 'POST', '/api/v1/entities', {
      regionCode: tree.county.code,
      entityType: 'leading_enterprise',
      name: '仰韶果业有限公司',
      creditCode: '91350100M000100Y43',
      level: 'city',
      servedRegionCodes: [v21],
    });
    expect(ent.statusCode, ent.body).toBe(201);
    const id = ent.json().id;
    expect((await req(town2.cookie, 'GET', `/api/v1/entities/${id}`)).statusCode).toBe(200);
    expect((await req(town1.cookie, 'GET', `/api/v1/entities/${id}`)).statusCode).toBe(404);
    expect((await req(town2.cookie, 'PATCH', `/api/v1/entities/${id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await req(town2.cookie, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'family_farm', name: '越界农场' })).statusCode).toBe(403);
    const list1 = (await req(town1.cookie, 'GET', '/api/v1/entities')).json();
    expect(list1.items.map((e: { name: string }) => e.name)).toEqual(['苹果专业合作社']);
    const list2 = (await req(town2.cookie, 'GET', '/api/v1/entities?entityType=leading_enterprise')).json();
    expect(list2.items.map((e: { id: number }) => e.id)).toEqual([id]);
    expect((await req(village1.cookie, 'GET', `/api/v1/entities/${id}`)).statusCode).toBe(404);
    expect((await req(viewer.cookie, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'family_farm', name: '只读' })).statusCode).toBe(403);
  });

  it('filters by party-led and name', async () => {
    const yes = (await req(county.cookie, 'GET', '/api/v1/entities?partyLed=true')).json();
    expect(yes.items.map((e: { id: number }) => e.id)).toEqual([coopId]);
    const q = (await req(county.cookie, 'GET', `/api/v1/entities?q=${encodeURIComponent('仰韶')}`)).json();
    expect(q.items.map((e: { name: string }) => e.name)).toEqual(['仰韶果业有限公司']);
  });

  it('PATCH with versions: none → 428, stale → 409 with the current record masked, then close/reopen', async () => {
    expect((await req(town1.cookie, 'PATCH', `/api/v1/entities/${coopId}`, { name: '大王苹果合作社' })).statusCode).toBe(428);
    const ok = await req(town1.cookie, 'PATCH', `/api/v1/entities/${coopId}`, { name: '大王苹果合作社', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '大王苹果合作社', version: 2 });
    const stale = await req(town1.cookie, 'PATCH', `/api/v1/entities/${coopId}`, { name: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current.contactPhone).toBe('138****5678');
    const wrongType = await req(town1.cookie, 'PATCH', `/api/v1/entities/${coopId}`, { entityType: 'large_grower', version: 2 });
    expect(wrongType.statusCode).toBe(400);

    const closed = await req(town1.cookie, 'POST', `/api/v1/entities/${coopId}/close`, { reason: '经营不善停业', date: '2026-10-01', version: 2 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-10-01', version: 3 });
    expect((await req(town1.cookie, 'PATCH', `/api/v1/entities/${coopId}`, { name: 'y', version: 3 })).json().error.code).toBe('RECORD_EXITED');
    const again = await req(town1.cookie, 'POST', `/api/v1/entities/${coopId}/close`, { reason: '再次', date: '2026-10-02', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    expect((await req(county.cookie, 'GET', '/api/v1/entities?status=active&partyLed=true')).json().items).toEqual([]);
    const reopened = await req(town1.cookie, 'POST', `/api/v1/entities/${coopId}/reopen`, { version: 3 });
    expect(reopened.json()).toMatchObject({ status: 'active', closedOn: null, version: 4 });

    const hist = (await req(town1.cookie, 'GET', `/api/v1/entities/${coopId}/history`)).json();
    expect(hist.items.map((h: { action: string }) => h.action)).toEqual(['reopen', 'close', 'update', 'create']);
    expect(JSON.stringify(hist)).not.toContain('13812345678');
    expect(JSON.stringify(hist)).toContain('138****5678');
  });

  it('backbones: of the cooperative (village = its seat) and of a village; phones masked; PATCH with version', async () => {
    const b = await req(town1.cookie, 'POST', `/api/v1/entities/${coopId}/backbones`, { name: '张农技', kind: 'backbone', phone: '13900001111', specialty: '果树栽培' });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ entityId: coopId, regionCode: v11, phone: '139****1111', version: 1 });
    const vb = await req(village1.cookie, 'POST', '/api/v1/backbones', { regionCode: v11, name: '刘特派', kind: 'tech_commissioner' });
    expect(vb.statusCode, vb.body).toBe(201);
    expect((await req(village1.cookie, 'POST', '/api/v1/backbones', { regionCode: v12, name: '越界' })).statusCode).toBe(403);
    expect((await req(village1.cookie, 'POST', '/api/v1/backbones', { regionCode: v11, name: '错类', kind: 'wizard' })).statusCode).toBe(400);
    const list = (await req(town1.cookie, 'GET', `/api/v1/backbones?regionCode=${v11}`)).json();
    expect(list.items.map((x: { name: string }) => x.name)).toEqual(['张农技', '刘特派']);
    expect((await req(town2.cookie, 'GET', `/api/v1/entities/${coopId}/backbones`)).statusCode).toBe(404);
    const p = await req(town1.cookie, 'PATCH', `/api/v1/backbones/${b.json().id}`, { title: '高级农艺师', version: 1 });
    expect(p.json()).toMatchObject({ title: '高级农艺师', version: 2 });
    expect((await req(town2.cookie, 'PATCH', `/api/v1/backbones/${b.json().id}`, { title: 'x', version: 2 })).statusCode).toBe(404);
    expect((await req(county.cookie, 'GET', `/api/v1/entities/${coopId}`)).json().backboneCount).toBe(1);
  });
});

describe('industries of an entity', () => {
  it('links industries in scope (a county industry too), filters by industry, refuses another township’s industry', async () => {
    const [countyInd, own, foreign] = await t.db.query<{ id: number }>(
      `INSERT INTO industries (region_code, name, category, kind) VALUES ($1, '县苹果', 'fruit', 'leading'), ($2, '镇香菇', 'fruit', 'emerging'), ($3, '外镇大枣', 'fruit', 'traditional') RETURNING id`,
      [tree.county.code, tree.townships[0]!.code, tree.townships[1]!.code],
    );
    const ids = [Number(countyInd!.id), Number(own!.id)];
    const res = await req(town1.cookie, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'family_farm', name: '产业农场', industryIds: ids });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().industries.map((i: { name: string }) => i.name)).toEqual(['县苹果', '镇香菇']);
    const byInd = (await req(town1.cookie, 'GET', `/api/v1/entities?industryId=${own!.id}`)).json();
    expect(byInd.items.map((e: { name: string }) => e.name)).toEqual(['产业农场']);
    const bad = await req(town1.cookie, 'POST', '/api/v1/entities', { regionCode: v12, entityType: 'family_farm', name: '越界产业农场', industryIds: [Number(foreign!.id)] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('industryIds');
    const patched = await req(town1.cookie, 'PATCH', `/api/v1/entities/${res.json().id}`, { industryIds: [Number(own!.id)], version: 1 });
    expect(patched.json().industries.map((i: { name: string }) => i.name)).toEqual(['镇香菇']);
  });
});

describe('entities file import and export', () => {
  const HEADER = ['主体名称*', '主体类型*', '所在地区划代码*', '统一社会信用代码', '级别', '党支部领办', '联系电话', '带动村区划代码'];
  const upload = async (cookie: string, buf: Buffer) => {
    const m = multipart('主体.xlsx', buf);
    return t.app.inject({ method: 'POST', url: '/api/v1/entities/import', payload: m.payload, headers: { ...m.headers, cookie } });
  };
  const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n);

  it('one bad row → 422 naming row, column and reason; nothing written; fixed → added; again → updated', async () => {
    const good = coopCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const rows = [
      ['东村家庭农场', '家庭农场', v11, '', '', '', '13700002222', ''],
      ['西村合作社', '合作社', v12, wrong, '县级', '是', '', ''],
      ['跨村联合体', '产业振兴联合体', v11, '', '', '', '', v12],
    ];
    const before = await count();
    const bad = await upload(town1.cookie, await xlsxBuffer(HEADER, rows, { title: '经营主体名录' }));
    expect(bad.statusCode).toBe(422);
    const issues = bad.json().error.details.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 4, path: '统一社会信用代码', field: 'creditCode' });
    expect(issues[0].messageZh).toContain('校验位错误');
    expect(await count()).toBe(before);

    rows[1]![3] = good;
    const ok = await upload(town1.cookie, await xlsxBuffer(HEADER, rows));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ added: 3, updated: 0 });
    rows[1]![0] = '西村苹果合作社';
    const again = await upload(town1.cookie, await xlsxBuffer(HEADER, rows));
    expect(again.json()).toEqual({ added: 0, updated: 3 });
    const [row] = await t.db.query<{ name: string; party_led: boolean; level: string }>('SELECT name, party_led, level FROM entities WHERE credit_code = $1', [good]);
    expect(row).toMatchObject({ name: '西村苹果合作社', party_led: true, level: 'county' });
  });

  it('row errors: a seat out of scope, a repeated code, an unknown type; phones masked in the errors', async () => {
    const c = coopCode();
    const res = await upload(
      town1.cookie,
      await xlsxBuffer(HEADER, [
        ['外镇合作社', '农民专业合作社', v21, c, '', '', '', ''],
        ['同码合作社', '农民专业合作社', v11, c, '', '', '1380000123456', ''],
        ['某某', '银行', v11, '', '', '', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const got = res.json().error.details.issues.map((i: { row: number; path: string; messageZh: string; value?: unknown }) => [i.row, i.path, i.messageZh, i.value]);
    expect(got).toEqual(
      expect.arrayContaining([
        [2, '所在地区划代码', '所在地不在您的管辖范围内', v21],
        [3, '联系电话', '联系电话应为 11 位手机号或带区号的固定电话', '138******3456'],
        [4, '主体类型', '主体类型“银行”不存在', '银行'],
      ]),
    );
    // row 3's code repeats row 2's only once its other cells pass: it is refused for the phone first
    expect(got.filter((g: unknown[]) => g[0] === 3)).toHaveLength(1);
    expect((await upload(viewer.cookie, await xlsxBuffer(HEADER, []))).statusCode).toBe(403);
  });

  it('a file without the required columns is refused as a whole', async () => {
    const res = await upload(town1.cookie, await xlsxBuffer(['姓名', '电话'], [['a', 'b']]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.messageZh).toContain('“主体名称”、“主体类型”、“所在地区划代码”');
  });

  it('export masks phones for a township officer and not for the county; the template has the columns', async () => {
    const mine = await readXlsx((await req(town1.cookie, 'GET', `/api/v1/entities/export.xlsx?entityType=family_farm&q=${encodeURIComponent('东村')}`)).rawPayload);
    expect(mine[0]!.slice(0, 3)).toEqual(['主体名称', '主体类型', '所在地区划代码']);
    expect(mine.slice(1).map((r) => [r[0], r[8]])).toEqual([['东村家庭农场', '137****2222']]);
    const full = await readXlsx((await req(county.cookie, 'GET', `/api/v1/entities/export.xlsx?entityType=family_farm&q=${encodeURIComponent('东村')}`)).rawPayload);
    expect(full.slice(1).map((r) => r[8])).toEqual(['13700002222']);
    const tpl = await readXlsx((await req(town1.cookie, 'GET', '/api/v1/entities/template.xlsx')).rawPayload);
    expect(tpl[0]!.slice(0, 3)).toEqual(['主体名称*', '主体类型*', '所在地区划代码*']);
  });
});
