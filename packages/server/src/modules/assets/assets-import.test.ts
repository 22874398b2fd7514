import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { multipart } from '../imports/imports.test-support.ts';

// 资产台账 import (issue 8 §1) through the real app: a county ledger (title rows, 万元 header, village names, 确权主体,
// 运营主体 by name) with planted errors, the platform's own export read back, scope (another township's number, place
// and operator), roles, all or nothing; on PGlite and, with DATABASE_URL, PostgreSQL.
let t: TestApp;
let tree: RegionTree;
let town1: { cookie: string };
let town2: { cookie: string };
let village1: { cookie: string };
let v11: string;
let v21: string;
let v11Name: string;
let v21Name: string;
let opId: number;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  v11 = tree.townships[0]!.villages[0]!.code;
  v21 = tree.townships[1]!.villages[0]!.code;
  v11Name = tree.townships[0]!.villages[0]!.name;
  v21Name = tree.townships[1]!.villages[0]!.name;
  town1 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  town2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village1 = await buildUser(t, 'village_officer', v11);
  const [op] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', '一村果蔬合作社') RETURNING id`, [v11]);
  opId = Number(op!.id);
  await t.db.query(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', '二镇养殖合作社')`, [v21]);
}, 60_000);
afterAll(async () => t?.close());

/** A county 资产台账: two title rows, then the header, in its own words and order. */
async function ledger(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资产明细台账');
  ws.addRow(['某县扶贫项目资产明细台账']);
  ws.addRow(['填报单位：某镇人民政府', '', '', '单位：万元']);
  ws.addRow(['序号', '资产编号', '资产名称', '资产类别', '资产原值（万元）', '所在村', '确权主体', '管理层级', '运营主体', '经营方式', '形成时间']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (cookie: string, buf: Buffer) => {
  const m = multipart('资产台账.xlsx', buf);
  return t.app.inject({ method: 'POST', url: '/api/v1/assets/import', payload: m.payload, headers: { ...m.headers, cookie } });
};
const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assets'))[0]!.n);
type Issue = { row: number; path: string; messageZh: string; messageEn: string; value?: unknown };

describe('资产台账 import', () => {
  const good = () => [
    ['LZ-0001', '一村光伏电站', '经营性', '120.5', '', '一村股份经济合作社', '村级直管', '一村果蔬合作社', '租赁', '2022-06'],
    ['LZ-0002', '一村产业路', '公益性', 35, '', '某镇人民政府', '乡镇辖管', '', '', '202109'],
    ['LZ-0003', '到户羊圈', '到户类', '0.8', '', '受益农户', '村直管', '', '', '2023-04-01'],
  ];
  const withNames = () => good().map((r) => [...r.slice(0, 4), v11Name, ...r.slice(5)]);

  it('a ledger with planted errors → 422 naming row, column and reason (zh and en); nothing written', async () => {
    const rows = withNames();
    rows[0]![2] = '经营类资产X'; // unknown category
    rows[1]![3] = '三十五'; // a value that is not a number
    rows[2]![7] = '不存在的合作社'; // an operator the registry does not hold
    rows.push(['LZ-0003', '重复编号', '经营性', '1', v11Name, '', '', '', '', '']); // repeats row 6 (refused for its operator, still read)
    rows.push(['LZ-0005', '外镇资产', '经营性', '1', v21Name, '', '', '', '', '']); // another township's village
    const before = await count();
    const res = await upload(town1.cookie, await ledger(rows));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as Issue[];
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [4, '资产类别'],
      [5, '资产原值（万元）'],
      [6, '运营主体'],
      [7, '资产编号'],
      [8, '所在村'],
    ]);
    for (const i of issues) expect(i.messageEn.length).toBeGreaterThan(0);
    expect(issues[4]!.messageZh).toBe(`在您的管辖范围内找不到名为“${v21Name}”的乡镇或行政村`);
    expect(issues[2]!.messageZh).toContain('不存在的合作社');
    expect(await count()).toBe(before);
  });

  it('the good ledger creates; again unchanged; a changed value updates with version + 1 and an audit entry', async () => {
    const ok = await upload(town1.cookie, await ledger(withNames()));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const [solar] = await t.db.query<Record<string, unknown>>(
      'SELECT id, value_fen, region_code, owner_kind, management_level, operator_entity_id, operating_mode, formed_on, version FROM assets WHERE asset_no = $1',
      ['LZ-0001'],
    );
    expect(solar).toMatchObject({
      region_code: v11,
      owner_kind: 'village_collective',
      management_level: 'village_runs',
      operating_mode: 'leased',
      formed_on: expect.anything(),
      version: 1,
    });
    expect(Number(solar!.value_fen)).toBe(120_500_000);
    expect(Number(solar!.operator_entity_id)).toBe(opId);
    const [road] = await t.db.query<{ owner_kind: string; value_fen: number }>('SELECT owner_kind, value_fen FROM assets WHERE asset_no = $1', ['LZ-0002']);
    expect(road).toMatchObject({ owner_kind: 'township' });
    expect(Number(road!.value_fen)).toBe(35_000_000);

    expect((await upload(town1.cookie, await ledger(withNames()))).json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const rows = withNames();
    rows[0]![3] = '121';
    expect((await upload(town1.cookie, await ledger(rows))).json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const [after] = await t.db.query<{ value_fen: number; version: number }>('SELECT value_fen, version FROM assets WHERE asset_no = $1', ['LZ-0001']);
    expect(Number(after!.value_fen)).toBe(121_000_000);
    expect(after!.version).toBe(2);
    const audits = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'asset' AND entity_id = $1 ORDER BY id`, [solar!.id]);
    expect(audits.map((a) => a.action)).toEqual(['import_create', 'import_update']);
  });

  it('another township: the number reads as unusable (not confirming an outside record), the operator is not found; a village officer may not import', async () => {
    const rows = [['LZ-0001', '冒名资产', '经营性', '1', v21Name, '', '', '一村果蔬合作社', '', '']];
    const res = await upload(town2.cookie, await ledger(rows));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as Issue[];
    expect(issues.map((i) => [i.path, i.messageZh])).toEqual([
      ['资产编号', '资产编号不可用，请核对编号'],
      ['运营主体', '经营主体“一村果蔬合作社”在经营主体库（本县、您的管辖范围）中找不到，请先登记该主体'],
    ]);
    expect(res.body).not.toContain('一村光伏电站');
    expect(res.body).not.toMatch(/其他地区|outside your area/);
    expect((await upload(village1.cookie, await ledger(withNames()))).statusCode).toBe(403);
  });

  it('reads back the platform export (所在地 name + 所在地区划代码, 资产原值（元）) unchanged, and a code outside the scope is refused', async () => {
    const exp = await t.app.inject({ method: 'GET', url: '/api/v1/assets/export.xlsx', headers: { cookie: town1.cookie } });
    expect(exp.statusCode).toBe(200);
    const again = await upload(town1.cookie, exp.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    ws.getRow(2).getCell(headers.indexOf('所在地区划代码')).value = v21;
    const out = await upload(town1.cookie, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(out.statusCode).toBe(422);
    expect(out.json().error.details.issues).toEqual([expect.objectContaining({ row: 2, path: '所在地区划代码', messageZh: '所在地不在您的管辖范围内' })]);
  });
});
