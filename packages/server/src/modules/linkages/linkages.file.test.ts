import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities, linkages } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { multipart, xlsxBuffer } from '../imports/imports.test-support.ts';

// The 联农带农 file: all rows or none, row errors naming the row and the column, households of the scope only.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let township: U, viewer: U;
const HEADERS = ['年度', '带动主体', '户编号', '带动方式', '开始日期', '结束日期', '收入（元）', '收入类型'];

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.townships[0]!.code);
  await t.db.db.insert(entities).values([
    { regionCode: tree.county.code, entityType: 'leading_enterprise', name: '导入测试食品公司' },
    { regionCode: tree.townships[0]!.code, entityType: 'cooperative', name: '同名合作社' },
    { regionCode: tree.townships[1]!.code, entityType: 'cooperative', name: '同名合作社' },
  ]);
});
afterAll(async () => t?.close());

const upload = async (u: U, rows: unknown[][]) => {
  const m = multipart('linkages.xlsx', await xlsxBuffer(HEADERS, rows));
  return t.app.inject({ method: 'POST', url: '/api/v1/linkages/import', headers: { cookie: u.cookie, ...m.headers }, payload: m.payload });
};

describe('POST /linkages/import', () => {
  it('imports the rows (labels, default income type), then replaces the figures of the same key', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const res = await upload(township, [
      [2024, '导入测试食品公司', h.householdNo, '吸纳就业', '2024-03-01', '2024-11-30', '4,800.50', ''],
      [2024, '导入测试食品公司', h.householdNo, '土地流转', '', '', 600, ''],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 2, updated: 0 });
    const rows = await t.db.db.select().from(linkages).where(eq(linkages.householdId, h.id)).orderBy(linkages.id);
    expect(rows.map((r) => [r.mode, r.incomeFen, r.incomeType])).toEqual([
      ['employment', 480050, 'wage'],
      ['land_transfer', 60000, 'property'],
    ]);
    const again = await upload(township, [[2024, '导入测试食品公司', h.householdNo, '务工就业', '', '', 5000, '工资性收入']]);
    expect(again.json()).toEqual({ added: 0, updated: 1 });
    const [emp] = await t.db.db.select().from(linkages).where(eq(linkages.id, rows[0]!.id));
    expect(emp).toMatchObject({ incomeFen: 500000, version: 2 });
  });

  it('any row error: 422 naming every row and column, nothing written; other townships’ households are not found', async () => {
    const mine = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const other = await buildHousehold(t, { regionCode: tree.townships[1]!.villages[0]!.code });
    const res = await upload(township, [
      [2024, '导入测试食品公司', mine.householdNo, '订单生产', '', '', 100, ''],
      [2024, '导入测试食品公司', other.householdNo, '订单生产', '', '', 100, ''],
      [2024, '同名合作社', mine.householdNo, '订单生产', '', '', 100, ''],
      [2024, '导入测试食品公司', mine.householdNo, '捐赠', '', '', -3, ''],
      [2024, '导入测试食品公司', mine.householdNo, '订单生产', '', '', 200, ''],
    ]);
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as { row: number; path: string; messageZh: string }[];
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [3, '户编号'],
      [4, '带动主体'],
      [5, '带动方式'],
      [5, '收入（元）'],
      [6, '带动方式'],
    ]);
    expect(issues[0]!.messageZh).toBe('户编号不存在或不在您的管辖范围内');
    expect(issues[1]!.messageZh).toBe('同名经营主体不止一个，请填写统一社会信用代码');
    expect(res.body).not.toContain(other.members[0]!.name);
    expect(await t.db.db.select().from(linkages).where(eq(linkages.householdId, mine.id))).toEqual([]);
  });

  it('a viewer cannot import; the template names the columns', async () => {
    expect((await upload(viewer, [[2024, '导入测试食品公司', 'X', '订单生产', '', '', 1, '']])).statusCode).toBe(403);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/linkages/template.xlsx', headers: { cookie: viewer.cookie } });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
  });
});
