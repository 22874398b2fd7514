import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { multipart, readXlsx, xlsxBuffer } from '../imports/imports.test-support.ts';
import { importDir } from '../imports/import-files.ts';

// The participants file of a 技能培训: all rows or none, row errors naming the row and the column in Chinese and
// English; persons of the scope and of the organiser's region only (another area's person reads as an unknown number).
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let township: U, viewer: U, county: U;
let trainingId: number;
const HEADERS = ['姓名', '证件号码', '是否结业', '证书编号'];

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.townships[0]!.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/trainings',
    headers: { cookie: township.cookie },
    payload: { regionCode: tree.townships[0]!.code, course: '果树修剪技术培训', startsOn: '2025-03-02', skill: '果树修剪' },
  });
  trainingId = res.json().id;
}, 120_000);
afterAll(async () => t?.close());

const upload = async (u: U, rows: unknown[][], id = trainingId) => {
  const m = multipart('participants.xlsx', await xlsxBuffer(HEADERS, rows));
  return t.app.inject({ method: 'POST', url: `/api/v1/trainings/${id}/participants/import`, headers: { cookie: u.cookie, ...m.headers }, payload: m.payload });
};
const person = async (village = tree.townships[0]!.villages[0]!.code) => (await buildHousehold(t, { regionCode: village, members: [{ laborCapacity: 'ordinary' }] })).members[0]!;

describe('POST /trainings/:id/participants/import', () => {
  it('planted errors: unknown ID number, a person outside the scope, a repeated row, a bad 是否结业, a wrong name — nothing written', async () => {
    const a = await person();
    const b = await person();
    const far = await person(tree.townships[1]!.villages[0]!.code);
    const res = await upload(township, [
      [a.name, a.idNumber, '是', 'ZS-001'],
      ['查无此人', '110101199001011237', '是', ''],
      [far.name, far.idNumber, '是', ''],
      [a.name, a.idNumber, '否', ''],
      [b.name, b.idNumber, '已结业', ''],
      ['张冠李戴', b.idNumber, '', ''],
    ]);
    expect(res.statusCode, res.body).toBe(422);
    const e = res.json().error;
    expect(e.code).toBe('IMPORT_REJECTED');
    const issues = e.details.issues as { row: number; path: string; messageZh: string; messageEn: string }[];
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [3, '证件号码'],
      [4, '证件号码'],
      [5, '证件号码'],
      [6, '是否结业'],
      [7, '姓名'],
    ]);
    // another township's person is worded like an unknown number (nothing of it is disclosed)
    expect(issues[1]!.messageZh).toBe(issues[0]!.messageZh);
    expect(issues[2]!.messageZh).toBe('与第 2 行的证件号码重复');
    expect(issues[3]!.messageZh).toBe('是否结业须填“是”或“否”');
    expect(issues[3]!.messageEn).toContain('yes or no');
    expect(issues[4]!.messageZh).toContain(b.name);
    // the township officer is a masked role: the ID number in the issue is masked
    expect(JSON.stringify(issues)).not.toContain(far.idNumber);
    const n = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM training_participants WHERE training_id = $1`, [trainingId]);
    expect(n[0]!.n).toBe(0);
    expect((await readdir(importDir(t.config.dataDir)).catch(() => [])).filter((f) => f.startsWith('record-'))).toEqual([]);
  });

  it('imports the rows (empty 是否结业 = 是), adds the skill, then updates 结业 / 证书编号 of recorded ones; export reads back', async () => {
    const a = await person();
    const b = await person();
    const res = await upload(township, [
      [a.name, a.idNumber, '', 'GS-2025-01'],
      [b.name, b.idNumber, '否', ''],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 2, updated: 0, skillsAdded: 1 });
    expect((await t.db.query<{ skills: string[] }>(`SELECT skills FROM persons WHERE id = $1`, [a.id]))[0]!.skills).toEqual(['果树修剪']);
    const again = await upload(township, [
      [a.name, a.idNumber, '是', 'GS-2025-01'],
      [b.name, b.idNumber, '是', 'GS-2025-02'],
    ]);
    expect(again.json()).toEqual({ added: 0, updated: 1, skillsAdded: 1 });
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/trainings/${trainingId}/export.xlsx`, headers: { cookie: county.cookie } });
    expect(file.statusCode).toBe(200);
    const rows = await readXlsx(file.rawPayload);
    expect(rows[0]).toEqual(['培训名称', '果树修剪技术培训']);
    const header = rows.findIndex((r) => r[0] === '姓名');
    expect(rows[header]).toEqual(['姓名', '证件号码', '是否结业', '证书编号', '户编号', '所在村']);
    const body = rows.slice(header + 1);
    expect(body.map((r) => [r[1], r[2], r[3]]).sort()).toEqual(
      [
        [a.idNumber, '是', 'GS-2025-01'],
        [b.idNumber, '是', 'GS-2025-02'],
      ].sort(),
    );
    // the export can be imported again as it is (nothing changes)
    const m = multipart('back.xlsx', file.rawPayload);
    const back = await t.app.inject({
      method: 'POST',
      url: `/api/v1/trainings/${trainingId}/participants/import`,
      headers: { cookie: county.cookie, ...m.headers },
      payload: m.payload,
    });
    expect(back.json()).toEqual({ added: 0, updated: 0, skillsAdded: 0 });
  });

  it('a viewer may not import; the template has the four columns', async () => {
    const a = await person();
    expect((await upload(viewer, [[a.name, a.idNumber, '是', '']])).statusCode).toBe(403);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/trainings/participants-template.xlsx', headers: { cookie: viewer.cookie } });
    expect(tpl.statusCode).toBe(200);
    expect((await readXlsx(tpl.rawPayload))[0]).toEqual(['姓名*', '证件号码*', '是否结业', '证书编号']);
  });
});
