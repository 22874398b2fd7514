import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { maskIdNumber } from '@chanbang/domain';
import { gate, lockWaiters } from '../../test/concurrency.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';
import { multipart, readXlsx } from '../imports/imports.test-support.ts';
import { todayInChina } from '../households/household.rules.ts';

// 外出务工信息 import and export (issue 8) through the real app: the national export's layout (title rows, 是否已务工,
// 务工所在县, 就业渠道, 务工月收入, 务工企业名称, 所属行业, 开始时间, 结束时间, 年度交通费补助) and the person columns of the
// 监测对象信息 export, with planted errors; persons of another township read like unknown numbers; masking; all or
// nothing; on PGlite and, with DATABASE_URL, PostgreSQL.
let t: TestApp;
let tree: RegionTree;
let town1: { cookie: string };
let county: { cookie: string };
let viewer: { cookie: string };
let mine: { id: number; idNumber: string; name: string }[];
let theirs: { idNumber: string };
let employerId: number;
const year = Number(todayInChina().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 1 });
  const v11 = tree.townships[0]!.villages[0]!.code;
  const v21 = tree.townships[1]!.villages[0]!.code;
  town1 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  county = await buildUser(t, 'county_officer', tree.county.code);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  const h = await buildHousehold(t, { regionCode: v11, members: [{}, { relation: '10' }, { relation: '20' }] });
  mine = h.members.map((m) => ({ id: m.id, idNumber: m.idNumber, name: m.name }));
  theirs = (await buildHousehold(t, { regionCode: v21 })).members[0]!;
  const [e] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'workshop', '一村帮扶车间') RETURNING id`, [v11]);
  employerId = Number(e!.id);
}, 60_000);
afterAll(async () => t?.close());

const NATIONAL = [
  '序号',
  '县',
  '乡(镇)',
  '村',
  '户编号',
  '姓名',
  '证件号码',
  '是否已务工',
  '务工所在县',
  '就业渠道',
  '务工月收入',
  '务工企业名称',
  '所属行业',
  '开始时间',
  '结束时间',
  '年度交通费补助',
];
const PERSON = ['姓名', '证件号码', '与户主关系', '劳动技能', '务工时间（月）', '务工所在地', '务工企业名称', '公益性岗位', '就业渠道'];

async function sheet(headers: string[], rows: unknown[][], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (title) {
    ws.addRow([title]);
    ws.addRow(['导出时间：2026-11-30']);
  }
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (cookie: string, buf: Buffer) => {
  const m = multipart('外出务工信息.xlsx', buf);
  return t.app.inject({ method: 'POST', url: '/api/v1/migrant-work/import', payload: m.payload, headers: { ...m.headers, cookie } });
};
const person = async (id: number) =>
  (
    await t.db.query<Record<string, unknown>>(
      'SELECT work_months, employment_status, employment_place, employment_channel, employer_name, employer_entity_id, monthly_wage_fen, version FROM persons WHERE id = $1',
      [id],
    )
  )[0]!;
type Issue = { row: number; path: string; messageZh: string; value?: unknown };

describe('外出务工信息 import', () => {
  const national = () => [
    [
      1,
      tree.county.name,
      '',
      '',
      '',
      mine[0]!.name,
      mine[0]!.idNumber,
      '是',
      '广东省深圳市宝安区',
      '企业务工',
      '4500',
      '深圳某电子厂',
      '制造业',
      `${year}03`,
      `${year}-08-31`,
      '300',
    ],
    [
      2,
      tree.county.name,
      '',
      '',
      '',
      mine[1]!.name,
      mine[1]!.idNumber,
      '是',
      `河南省${tree.county.name}城关镇`,
      '扶贫车间',
      '2,000.5',
      '一村帮扶车间',
      '',
      `${year}-01-01`,
      `${year}-04-30`,
      '',
    ],
  ];

  it('planted errors → 422 with row, column and reason; another township’s person reads exactly like an unknown number, masked', async () => {
    const rows = national();
    rows[0]![10] = '四千五'; // a wage that is not a number
    rows[1]![9] = '包工头介绍'; // an unknown channel
    const unknown = makeTestIdNumber();
    rows.push([3, '', '', '', '', '张三', unknown, '是', '省外', '企业务工', '3000', '', '', '', '', '']);
    rows.push([4, '', '', '', '', '李四', theirs.idNumber, '是', '省外', '企业务工', '3000', '', '', '', '', '']);
    const res = await upload(town1.cookie, await sheet(NATIONAL, rows, '外出务工信息'));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as Issue[];
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [4, '务工月收入'],
      [5, '就业渠道'],
      [6, '证件号码'],
      [7, '证件号码'],
    ]);
    expect(issues[2]!.messageZh).toBe(issues[3]!.messageZh);
    expect(issues[2]!.value).toBe(maskIdNumber(unknown));
    expect(res.body).not.toContain(theirs.idNumber);
    expect(res.body).not.toContain(unknown);
    expect(await person(mine[0]!.id)).toMatchObject({ work_months: null, version: 1 });
  });

  it('the national file: months from 开始时间/结束时间, 省外 / 县内 from the place, channel alias, wage in 分, the employer linked, the subsidy ignored', async () => {
    const res = await upload(town1.cookie, await sheet(NATIONAL, national(), '外出务工信息'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ updated: 2, unchanged: 0, year, employersMatched: 1 });
    expect(res.json().ignored).toEqual([expect.objectContaining({ column: '年度交通费补助', rows: 1 }), expect.objectContaining({ column: '所属行业', rows: 1 })]);
    const a = await person(mine[0]!.id);
    expect(a).toMatchObject({
      work_months: 6,
      employment_status: 'out_province',
      employment_place: '广东省深圳市宝安区',
      employment_channel: 'enterprise',
      employer_name: '深圳某电子厂',
      version: 2,
    });
    expect(Number(a.monthly_wage_fen)).toBe(450000);
    expect(a.employer_entity_id).toBeNull();
    const b = await person(mine[1]!.id);
    expect(b).toMatchObject({ work_months: 4, employment_status: 'in_county', employment_channel: 'workshop' });
    expect(Number(b.employer_entity_id)).toBe(employerId);
    expect(Number(b.monthly_wage_fen)).toBe(200050);
    const audits = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'person' AND entity_id = $1`, [mine[0]!.id]);
    expect(audits.map((x) => x.action)).toEqual(['import_update']);
    expect((await upload(town1.cookie, await sheet(NATIONAL, national()))).json()).toMatchObject({ updated: 0, unchanged: 2 });
  });

  it('the person columns of the registry export: 务工时间（月） checked 0–12, 公益性岗位; a place it cannot judge is a row error', async () => {
    const rows = [
      [mine[2]!.name, mine[2]!.idNumber, '配偶', '普通劳动力', '13', '河南省郑州市', '', '', ''],
      [mine[1]!.name, mine[1]!.idNumber, '子', '普通劳动力', '-2', '', '', '', ''],
      [mine[0]!.name, mine[0]!.idNumber, '户主', '普通劳动力', '5', '某某工地', '', '', ''],
    ];
    const bad = await upload(town1.cookie, await sheet(PERSON, rows));
    expect(bad.statusCode).toBe(422);
    expect((bad.json().error.details.issues as Issue[]).map((i) => [i.row, i.path])).toEqual([
      [2, '务工时间（月）'],
      [3, '务工时间（月）'],
      [4, '务工所在地'],
    ]);
    const ok = await upload(town1.cookie, await sheet(PERSON, [[mine[2]!.name, mine[2]!.idNumber, '配偶', '普通劳动力', '10', '河南省郑州市', '', '是', '']]));
    expect(ok.statusCode, ok.body).toBe(200);
    // 公益性岗位 = 是 for a person who holds no post: the channel is a hire's, never the file's; the row says so
    expect(await person(mine[2]!.id)).toMatchObject({ work_months: 10, employment_status: 'in_province', employment_channel: null });
    expect(ok.json().ignored).toEqual([
      {
        column: '就业渠道',
        rows: 1,
        reasonZh: '就业渠道“公益性岗位”随岗位聘任自动登记，未在公益性岗位聘任的人员不按导入登记，请在“公益性岗位”中办理聘任',
        reasonEn: 'the channel “public-welfare post” is recorded by a hire: not set for persons who hold no post (hire them under Public-welfare posts)',
      },
    ]);
    expect((await upload(viewer.cookie, await sheet(PERSON, []))).statusCode).toBe(403);
  });

  it('a post holder keeps 就业渠道 公益性岗位 whatever the row says; the other columns are imported and the row is reported', async () => {
    const holder = mine[2]!;
    const village = tree.townships[0]!.villages[0]!.code;
    const [post] = await t.db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, '护林员', 'forest_ranger', '护林防火', 60000, 'filled') RETURNING id`,
      [village],
    );
    const [hh] = await t.db.query<{ household_id: number }>('SELECT household_id FROM persons WHERE id = $1', [holder.id]);
    await t.db.query(`INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2024-01-01')`, [
      post!.id,
      holder.id,
      hh!.household_id,
      village,
    ]);
    await t.db.query(`UPDATE persons SET employment_channel = 'public_post' WHERE id = $1`, [holder.id]);
    const rows = [
      [holder.name, holder.idNumber, '配偶', '普通劳动力', '7', '河南省郑州市', '', '否', '企业务工'],
      [mine[0]!.name, mine[0]!.idNumber, '户主', '普通劳动力', '3', '', '', '', '自主创业'],
    ];
    const res = await upload(town1.cookie, await sheet(PERSON, rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(await person(holder.id)).toMatchObject({ work_months: 7, employment_status: 'in_province', employment_channel: 'public_post' });
    // a person without a post takes the row's channel as before
    expect(await person(mine[0]!.id)).toMatchObject({ work_months: 3, employment_channel: 'self_employed' });
    expect(res.json().ignored).toEqual([
      {
        column: '就业渠道',
        rows: 1,
        reasonZh: '现聘公益性岗位人员的就业渠道保持“公益性岗位”，如已不在岗，请在“公益性岗位”中办理退岗',
        reasonEn: 'persons holding a public-welfare post keep that channel: record the exit from the post if they left it',
      },
    ]);
  });

  it('export: the scope’s workers in the import layout, ID numbers masked for a masked role; a county officer sees them whole', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/migrant-work/export.xlsx', headers: { cookie: town1.cookie } });
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['户编号', '证件号码', '是否已务工', '务工所在县', '就业渠道', '务工月收入', '务工时间（月）']));
    expect(rows).toHaveLength(4);
    const flat = rows.flat().join('|');
    for (const m of mine) expect(flat).not.toContain(m.idNumber);
    expect(flat).toContain('帮扶车间');
    const whole = (await readXlsx((await t.app.inject({ method: 'GET', url: '/api/v1/migrant-work/export.xlsx', headers: { cookie: county.cookie } })).rawPayload)).flat();
    expect(whole).toContain(mine[0]!.idNumber);
    expect(whole).not.toContain(theirs.idNumber);
  });

  it('a township’s own export comes back in: its masked numbers are matched by 户编号 and 姓名; without 户编号 the row is an error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/migrant-work/export.xlsx', headers: { cookie: town1.cookie } });
    const rows = await readXlsx(res.rawPayload);
    const [head, ...body] = rows;
    const c = (name: string) => head!.indexOf(name);
    const row = body.find((r) => r[c('姓名')] === mine[1]!.name)!;
    expect(row[c('证件号码')]).toBe(maskIdNumber(mine[1]!.idNumber));
    // the officer corrects the months worked and sends the sheet back
    const edited = body.map((r) => (r === row ? r.map((v, i) => (i === c('务工时间（月）') ? '7' : v)) : r));
    const back = await upload(town1.cookie, await sheet(head!, edited));
    expect(back.statusCode, back.body).toBe(200);
    expect((await person(mine[1]!.id)).work_months).toBe(7);
    // the same masked number without its 户编号, or with another member's name, cannot tell the member
    const noHousehold = await upload(town1.cookie, await sheet(head!, [row.map((v, i) => (i === c('户编号') ? '' : v))]));
    expect(noHousehold.statusCode).toBe(422);
    expect(noHousehold.json().error.details.issues).toEqual([
      expect.objectContaining({ row: 2, path: '户编号', messageZh: '证件号码已脱敏，须填写户编号和姓名才能确定是哪位成员' }),
    ]);
    const otherName = await upload(town1.cookie, await sheet(head!, [row.map((v, i) => (i === c('姓名') ? mine[2]!.name : v))]));
    expect(otherName.statusCode).toBe(422);
    expect(otherName.json().error.details.issues[0]).toMatchObject({ path: '证件号码', value: maskIdNumber(mine[1]!.idNumber) });
  });
});

describe('外出务工信息 import against a hire at the same moment', () => {
  // two connections at once: PGlite has one, and serialises transactions
  it.runIf(!!process.env.TEST_DATABASE_URL)('a hire committed between the file’s check and its write keeps 就业渠道 公益性岗位; the row’s other columns are written', async () => {
    const village = tree.townships[0]!.villages[0]!.code;
    const h = await buildHousehold(t, { regionCode: village, members: [{}] });
    const hired = h.members[0]!;
    const [held, go] = [gate(), gate()];
    // a hire as posts.service does it: the person locked first, then the post, the holding and the channel
    const hire = t.db.rawTransaction(async (tx) => {
      await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR UPDATE', [hired.id]);
      held.open();
      await go.opened;
      const [post] = await tx.query<{ id: number }>(
        `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, '保洁员', 'cleaning', '村内保洁', 50000, 'filled') RETURNING id`,
        [village],
      );
      await tx.query(`INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, current_date)`, [
        post!.id,
        hired.id,
        h.id,
        village,
      ]);
      await tx.query(`UPDATE persons SET employment_channel = 'public_post' WHERE id = $1`, [hired.id]);
    });
    await held.opened;
    const imported = upload(town1.cookie, await sheet(PERSON, [[hired.name, hired.idNumber, '户主', '普通劳动力', '5', '河南省郑州市', '', '否', '企业务工']]));
    // the import has checked its file (no post then) and waits for the person's row
    await lockWaiters(t);
    go.open();
    await hire;
    const res = await imported;
    expect(res.statusCode, res.body).toBe(200);
    expect(await person(hired.id)).toMatchObject({ work_months: 5, employment_status: 'in_province', employment_channel: 'public_post' });
    expect(res.json().ignored).toEqual([expect.objectContaining({ column: '就业渠道', rows: 1, reasonZh: expect.stringContaining('现聘公益性岗位人员的就业渠道保持') })]);
  });
});
