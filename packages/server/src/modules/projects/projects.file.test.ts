import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, projectBudgets, projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { multipart, readXlsx, xlsxBuffer } from '../imports/imports.test-support.ts';

// The 项目库 file: all rows or none, row errors naming the row and the column, places of the scope only; the export
// carries the import's columns so that it can be imported again.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let township: U, viewer: U, county: U;
const HEADERS = ['项目编号', '项目名称', '实施地点代码', '计划年度', '项目类型', '项目子类型', '总投资（元）', '联农带农方式', '带动脱贫户数'];

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.townships[0]!.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
});
afterAll(async () => t?.close());

const upload = async (u: U, rows: unknown[][]) => {
  const m = multipart('projects.xlsx', await xlsxBuffer(HEADERS, rows));
  return t.app.inject({ method: 'POST', url: '/api/v1/projects/import', headers: { cookie: u.cookie, ...m.headers }, payload: m.payload });
};
const inTree = () =>
  t.db.db
    .select()
    .from(projects)
    .where(like(projects.regionCode, `${tree.county.prefix}%`));

describe('POST /projects/import', () => {
  it('proposes every row (labels resolved, 元 to 分, numbers generated), one step each', async () => {
    const v = tree.townships[0]!.villages[0]!.code;
    const res = await upload(township, [
      ['', '导入大棚项目', v, 2025, '产业发展', '生产项目', '1,200,000.50', '股份合作、务工就业', 30],
      [`IMP${tree.county.prefix}01`, '导入就业项目', tree.townships[0]!.code, 2025, '就业项目', '', 0.3, '', ''],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [a] = await t.db.db.select().from(projects).where(eq(projects.name, '导入大棚项目'));
    expect(a).toMatchObject({
      projectType: 'industry',
      projectSubtype: 'production',
      budgetFen: 120_000_050,
      linkageModes: ['equity_coop', 'employment'],
      drivenHouseholds: 30,
      stage: 'draft',
    });
    expect(a!.projectNo).toBe(`XM2025${tree.townships[0]!.prefix}0001`);
  });

  it('any row error: 422 naming every row and column in Chinese and English, nothing written', async () => {
    // a project of another township: its number is refused for this township without telling anything of it
    await t.db.db
      .insert(projects)
      .values({ projectNo: `OUT${tree.county.prefix}01`, name: '别乡的秘密项目', regionCode: tree.townships[1]!.villages[0]!.code, projectType: 'other', year: 2025 });
    const before = (await inTree()).length;
    const res = await upload(township, [
      ['', '好项目', tree.townships[0]!.villages[0]!.code, 2025, '产业发展', '', 100, '股份合作', ''],
      ['', '别处的项目', tree.townships[1]!.villages[0]!.code, 2025, '产业发展', '', 100, '', ''],
      ['', '坏项目', tree.townships[0]!.villages[0]!.code, 2025, '不存在的类型', '以工代赈', 1.234, '捐赠', -1],
      [`OUT${tree.county.prefix}01`, '重号', tree.townships[0]!.code, 2025, '其他', '', '', '', ''],
    ]);
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as { row: number; path: string; messageZh: string; messageEn: string }[];
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [3, '实施地点代码'],
      [4, '项目类型'],
      [4, '项目子类型'],
      [4, '总投资（元）'],
      [4, '联农带农方式'],
      [4, '带动脱贫户数'],
      [5, '项目编号'],
    ]);
    expect(issues[0]!.messageZh).toBe('实施地点代码不是您管辖范围内在用的乡镇或行政村');
    expect(issues[6]!.messageZh).toBe(`项目编号 OUT${tree.county.prefix}01 已被您管辖范围以外的项目使用`);
    expect(res.body).not.toContain('别乡的秘密项目');
    expect(issues.every((i) => i.messageEn.length > 0)).toBe(true);
    expect((await inTree()).length).toBe(before);
  });

  it('a viewer may not import (403)', async () => {
    expect((await upload(viewer, [['', 'x', tree.townships[0]!.code, 2025, '其他', '', '', '', '']])).statusCode).toBe(403);
  });
});

describe('POST /projects/import updates by 项目编号', () => {
  const no = () => `IMP${tree.county.prefix}01`;
  const stored = async () => (await t.db.db.select().from(projects).where(eq(projects.projectNo, no())))[0]!;
  const row = (over: Partial<Record<'name' | 'place' | 'budget' | 'modes', unknown>> = {}) => [
    no(),
    over.name ?? '导入就业项目（修订）',
    over.place ?? tree.townships[0]!.code,
    2025,
    '就业项目',
    '',
    over.budget ?? 500,
    over.modes ?? '',
    '',
  ];

  it('a known number of the scope updates the project (version + 1, audited); the same row again is unchanged', async () => {
    const before = await stored();
    const res = await upload(township, [row()]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await stored();
    expect(after).toMatchObject({ id: before.id, name: '导入就业项目（修订）', budgetFen: 50_000, version: before.version + 1, stage: 'draft' });
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'project'), eq(auditLog.entityId, String(before.id)), eq(auditLog.action, 'import_update')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ name: '导入就业项目', version: before.version });
    expect(audits[0]!.after).toMatchObject({ name: '导入就业项目（修订）', version: before.version + 1 });

    const again = await upload(township, [row()]);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await stored()).version).toBe(before.version + 1);
  });

  it('refuses, naming the row and column: another place, a total that differs from the budget rows, a project past 谋划', async () => {
    const p = await stored();
    await t.db.db.insert(projectBudgets).values({ projectId: p.id, year: 2025, fundLevel: 'county', fundKind: 'linkage', amountFen: 50_000 });
    const moved = await upload(township, [row({ place: tree.townships[0]!.villages[1]!.code })]);
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.details.issues[0]).toMatchObject({ row: 2, path: '实施地点代码', messageZh: `项目 ${no()} 的实施地点不能通过导入修改` });
    const budget = await upload(township, [row({ budget: 600 })]);
    expect(budget.statusCode).toBe(422);
    expect(budget.json().error.details.issues[0]).toMatchObject({
      path: '总投资（元）',
      messageZh: `项目 ${no()} 已有分年度分来源预算，合计 500 元；总投资须与之一致（请先修改预算明细）`,
    });
    // the total equal to the rows: the other columns are taken
    expect((await upload(township, [row({ budget: 500, modes: '务工就业' })])).json()).toEqual({ created: 0, updated: 1, unchanged: 0 });

    await t.db.db.update(projects).set({ stage: 'in_library' }).where(eq(projects.id, p.id));
    const v = (await stored()).version;
    const late = await upload(township, [row({ name: '入库后改名' })]);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details.issues[0]).toMatchObject({ path: '项目编号', messageZh: `项目 ${no()} 处于“已入库”阶段，只有谋划或退回修改的项目可以通过导入修改` });
    // an export of a library project imported again as it is: unchanged, not an error
    expect((await upload(township, [row({ modes: '务工就业' })])).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await stored()).version).toBe(v);
  });
});

describe('GET /projects/export.xlsx and template.xlsx', () => {
  it('exports the scope in the import columns with labels and 元; the template has the same header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects/export.xlsx?year=2025', headers: { cookie: county.cookie } });
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['项目编号', '项目名称', '实施地点代码']);
    const big = rows.find((r) => r[1] === '导入大棚项目')!;
    expect(big[5]).toBe('产业发展');
    expect(big[7]).toBe('1200000.5');
    expect(big[8]).toBe('股份合作、务工就业');
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/projects/export.xlsx?regionCode=${tree.townships[1]!.code}`, headers: { cookie: township.cookie } });
    expect(other.statusCode).toBe(404);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/projects/template.xlsx', headers: { cookie: township.cookie } });
    expect((await readXlsx(tpl.rawPayload))[0]![1]).toBe('项目名称*');
  });
});
