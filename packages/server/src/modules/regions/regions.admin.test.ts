import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// POST /api/v1/regions and PATCH /api/v1/regions/:code: codes consistent with the parent, never reused,
// retire/restore, audited, admin or county officer within scope.
let t: TestApp;
let tree: RegionTree;
let admin: { cookie: string };
let officer: { cookie: string };
let otherOfficer: { cookie: string };
let township: string;
let townshipPrefix: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  const other = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  officer = await buildUser(t, 'county_officer', tree.county.code);
  otherOfficer = await buildUser(t, 'county_officer', other.county.code);
  township = tree.townships[0]!.code;
  townshipPrefix = tree.townships[0]!.prefix;
});
afterAll(async () => t?.close());

const post = (cookie: { cookie: string }, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: cookie, payload });
/** PATCH as an officer does it: read the region (its version), then save with that version. */
const patch = async (cookie: { cookie: string }, code: string, payload: object) => {
  const read = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${code}`, headers: cookie });
  const version = read.statusCode === 200 ? (read.json().version as number) : undefined;
  return t.app.inject({ method: 'PATCH', url: `/api/v1/regions/${code}`, headers: cookie, payload: { ...payload, ...(version ? { version } : {}) } });
};
const audits = async (code: string) =>
  t.db.query<{ action: string; actor_name: string }>("SELECT action, actor_name FROM audit_log WHERE entity_type = 'region' AND entity_id = $1 ORDER BY id", [code]);

describe('POST /api/v1/regions', () => {
  it('adds a village under a township (201), audited, and shows it in the tree', async () => {
    const code = `${townshipPrefix}240`;
    const res = await post(admin, { code, name: '后地村', parentCode: township });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code, name: '后地村', level: 'village', parentCode: township, prefix: code, retiredAt: null });
    expect(await audits(code)).toEqual([{ action: 'create', actor_name: '测试admin' }]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${township}`, headers: admin });
    expect(detail.json().children.map((c: { code: string }) => c.code)).toContain(code);
  });

  it('adds a 组 as its village + 3 digits (county officer)', async () => {
    const village = `${townshipPrefix}240`;
    const res = await post(officer, { code: `${village}001`, name: '第一村民小组', parentCode: village });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 'group', prefix: `${village}001` });
  });

  it('refuses a code that does not fit the parent, naming the expected prefix', async () => {
    const wrong = `${tree.townships[1]!.prefix}241`;
    const res = await post(admin, { code: wrong, name: '错村', parentCode: township });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'code', messageZh: expect.stringContaining(`村代码应以 ${townshipPrefix} 开头`) });
    const group = await post(admin, { code: `${townshipPrefix}000001`, name: '错组', parentCode: township });
    expect(group.statusCode).toBe(400);
  });

  it('answers 409 for a code that exists, even retired', async () => {
    const code = tree.townships[0]!.villages[0]!.code;
    const dup = await post(admin, { code, name: '别的村', parentCode: township });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].messageZh).toContain('区划代码不能重复使用');
    expect((await patch(admin, code, { retired: true })).statusCode).toBe(200);
    const again = await post(admin, { code, name: '别的村', parentCode: township });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.issues[0].messageZh).toContain('已撤销');
    expect((await patch(admin, code, { retired: false })).statusCode).toBe(200);
  });

  it('forbids a county officer of another county (403) and a township officer (403)', async () => {
    const res = await post(otherOfficer, { code: `${townshipPrefix}250`, name: '越界村', parentCode: township });
    expect(res.statusCode).toBe(403);
    const tw = await buildUser(t, 'township_officer', township);
    expect((await post(tw, { code: `${townshipPrefix}251`, name: '本镇村', parentCode: township })).statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/regions/:code', () => {
  it('renames, audited with before and after', async () => {
    const code = tree.townships[1]!.villages[1]!.code;
    const res = await patch(officer, code, { name: '新名村' });
    expect(res.json()).toMatchObject({ code, name: '新名村' });
    const [a] = await t.db.query<{ action: string; before: { name: string }; after: { name: string } }>(
      "SELECT action, before, after FROM audit_log WHERE entity_type = 'region' AND entity_id = $1",
      [code],
    );
    expect(a).toMatchObject({ action: 'rename', before: { name: tree.townships[1]!.villages[1]!.name }, after: { name: '新名村' } });
  });

  it('retires a village: kept in the tree as retired, refused for new households, then restored', async () => {
    const code = tree.townships[1]!.villages[0]!.code;
    const res = await patch(admin, code, { retired: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().retiredAt).toMatch(/^\d{4}-/);
    const treeRes = await t.app.inject({ method: 'GET', url: `/api/v1/regions/tree?root=${tree.townships[1]!.code}&depth=1`, headers: admin });
    expect(treeRes.json()[0].children.find((c: { code: string }) => c.code === code)).toMatchObject({ retired: true });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${code}`, headers: admin });
    expect(detail.json().retiredAt).toBe(res.json().retiredAt);
    const hh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: admin,
      payload: { householdNo: 'RET-1', regionCode: code, householdType: 'lifted', members: [{ idNumber: '11010119600101001X', name: '甲', relation: '02' }] },
    });
    expect(hh.statusCode).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(hh.json())).toContain('该区划已撤销');
    const restored = await patch(admin, code, { retired: false });
    expect(restored.json().retiredAt).toBeNull();
    expect((await audits(code)).map((a) => a.action)).toEqual(['retire', 'restore']);
  });

  it('does not restore a village under a retired township', async () => {
    const tw = tree.townships[1]!;
    await patch(admin, tw.villages[0]!.code, { retired: true });
    await patch(admin, tw.code, { retired: true });
    const res = await patch(admin, tw.villages[0]!.code, { retired: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].messageZh).toContain('请先恢复上级');
    await patch(admin, tw.code, { retired: false });
    expect((await patch(admin, tw.villages[0]!.code, { retired: false })).statusCode).toBe(200);
  });

  it('writes nothing when nothing changes, refuses the county itself, 404 for an unknown code and for one out of scope', async () => {
    const code = tree.townships[0]!.villages[1]!.code;
    await patch(admin, code, { name: tree.townships[0]!.villages[1]!.name });
    expect(await audits(code)).toEqual([]);
    expect((await patch(admin, tree.county.code, { name: '改县名' })).statusCode).toBe(400);
    expect((await patch(admin, `${townshipPrefix}299`, { name: 'x' })).statusCode).toBe(404);
    expect((await patch(otherOfficer, code, { name: 'x' })).statusCode).toBe(404);
  });
});
