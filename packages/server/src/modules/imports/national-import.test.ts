import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportTestApp, DAWANG, multipart, waitJob, YANGDIAN, type TestCtx, type TestUser } from './imports.test-support.ts';
import { buildNationalRoster, ROSTER_FILE_NAME, ROSTER_IGNORED, rosterXlsx, type RosterRow } from './national-roster.fixture.ts';

// The national 家庭成员信息 roster imports as it is: no manual mapping, 乡/村 names resolved, counts that add up.

const VILLAGES: [string, string, string][] = [
  ['411272100210', DAWANG, '后地村委会'],
  ['411272100211', DAWANG, '北营村委会'],
  ['411272101210', YANGDIAN, '东阳村委会'],
  ['411272101211', YANGDIAN, '西坡村委会'],
  ['411272101212', YANGDIAN, '寨子村委会'],
];
const roster = buildNationalRoster();
const X = roster.expected;

let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp();
  for (const [code, parent, name] of VILLAGES) {
    await ctx.db.query(`INSERT INTO regions (code, parent_code, level, prefix, name) VALUES ($1, $2, 'village', $1, $3)`, [code, parent, name]);
  }
  // a retired village of the same name must not match
  await ctx.db.query(`INSERT INTO regions (code, parent_code, level, prefix, name, retired_at) VALUES ('411272100299', $1, 'village', '411272100299', '后地村', now())`, [DAWANG]);
});
afterAll(async () => {
  await ctx?.close();
});

type Job = Record<string, unknown> & { id: number; status: string };
async function upload(user: TestUser, name: string, buf: Buffer): Promise<Job> {
  const m = multipart(name, buf);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as(user) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Job;
}
async function run(user: TestUser, id: number, step: 'validate' | 'commit', body?: unknown): Promise<Job> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/${step}`,
    headers: ctx.as(user),
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  expect(res.statusCode, res.body).toBe(202);
  return (await waitJob(ctx, id, user)) as Job;
}
async function importFile(name: string, rows: RosterRow[], headers = roster.headers, user: TestUser = 'admin'): Promise<{ validated: Job; done: Job }> {
  const job = await upload(user, name, await rosterXlsx(headers, rows));
  const validated = await run(user, job.id, 'validate');
  const done = await run(user, job.id, 'commit');
  return { validated, done };
}

describe('the national roster', () => {
  let jobId: number;
  let validated: Job;

  it('is recognised below its title rows and mapped with no manual step', async () => {
    const job = await upload('admin', ROSTER_FILE_NAME, await rosterXlsx(roster.headers, roster.rows));
    jobId = job.id;
    expect(job).toMatchObject({ layout: 'national_roster', headerRow: 2, totalRows: 96, ignoredHeaders: ROSTER_IGNORED, options: { householdType: 'lifted' } });
    expect(job.suggestedMapping).toMatchObject({
      township: '乡',
      village: '村',
      householdNo: '户编号',
      personNo: '人口编号',
      idNumber: '证件号码',
      laborCapacity: '劳动技能',
      monitoringType: '监测对象类别',
    });
  });

  it('validates with an empty body, and the counts add up', async () => {
    validated = await run('admin', jobId, 'validate', {});
    expect(validated).toMatchObject({ status: 'validated', totalRows: X.totalRows, goodRows: X.goodRows, badRows: X.badRows, excludedRows: X.excludedRows, warningRows: 1 });
    expect(X).toMatchObject({ totalRows: 96, goodRows: 86, badRows: 5, excludedRows: 5 });
    expect((validated.goodRows as number) + (validated.badRows as number) + (validated.excludedRows as number)).toBe(96);
    const errors = validated.errors as { row: number; column: string; messageZh: string }[];
    const rowOf = (h: number, m: number) => X.all[h - 1]?.rows[m] as number;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [rowOf(5, 1), '证件号码'],
      [rowOf(10, 1), '姓名'],
      [rowOf(15, 0), '劳动技能'],
      [rowOf(20, 1), '与户主关系'],
      [rowOf(25, 1), '证件号码'],
    ]);
    // columns are named as the file names them (劳动技能), reasons in our words
    expect(errors[2]?.messageZh).toContain('“很强”不是有效的劳动能力');
    expect(errors[3]?.messageZh).toContain('有多个户主');
    expect(errors[4]?.messageZh).toBe(`证件号码与第 ${rowOf(24, 1)} 行重复`);
    const excluded = validated.excludedHouseholds as { householdNo: string; headName: string; rows: number[]; reasonZh: string; reasonEn: string }[];
    expect(excluded.map((x) => [x.householdNo, x.headName])).toEqual(X.excluded.map((x) => [x.householdNo, x.headName]));
    expect(excluded[0]?.rows).toEqual([rowOf(5, 0)]);
    expect(excluded[0]?.reasonZh).toBe(
      `户编号 ${X.excluded[0]?.householdNo}（户主 ${X.excluded[0]?.headName}）第 ${rowOf(5, 1)} 行有错误，同户其余 1 行未导入；改正后重新导入整户`,
    );
    expect(validated.warnings).toEqual([expect.objectContaining({ row: rowOf(6, 0), column: '出生日期', level: 'warning', messageZh: expect.stringContaining('以证件号码为准') })]);
    expect(validated.messageZh).toBe('5 户有错误行，整户不导入（其中 5 行本身无误，因同户有错误未导入）');
    expect(validated.messageEn).toMatch(/^5 households have bad rows/);
  });

  it('lists bad rows, warnings and the excluded households in errors.xlsx', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${jobId}/errors.xlsx`, headers: ctx.as('admin') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts = (i: number) => (wb.worksheets[i]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    const [head, ...cells] = texts(0);
    expect(head).toEqual(['行号 Row', '列 Column', '值 Value', '原因', 'Reason', '类型 Type']);
    expect(cells.filter((r) => r[5] === '警告 warning').map((r) => r[1])).toEqual(['出生日期']);
    expect(cells.filter((r) => r[5] === '错误 error')).toHaveLength(5);
    expect(wb.worksheets[1]?.name).toBe('未导入的户');
    const [, ...out] = texts(1);
    expect(out.map((r) => [r[0], r[1], r[3]])).toEqual(X.excluded.map((x) => [x.householdNo, x.headName, '未导入（同户有错误）not imported']));
  });

  it('commits the good households into the villages the names resolve to', async () => {
    const done = await run('admin', jobId, 'commit');
    expect(done.status, String(done.messageZh)).toBe('done');
    expect((done.result as { commit: Record<string, number> }).commit).toMatchObject({ householdsCreated: 35, personsCreated: 86, casesCreated: 8 });
    const byVillage = await ctx.db.query<{ region_code: string; n: number }>('SELECT region_code, count(*)::int AS n FROM households GROUP BY 1 ORDER BY 1');
    expect(byVillage).toEqual([
      { region_code: '411272100210', n: 7 },
      { region_code: '411272100211', n: 6 },
      { region_code: '411272101210', n: 7 },
      { region_code: '411272101211', n: 7 },
      { region_code: '411272101212', n: 8 },
    ]);
    const hh = await ctx.db.query<{
      household_type: string;
      monitoring_type: string | null;
      monitoring_status: string;
      is_lifted: boolean;
      risk_types: string[];
      housing_secure: boolean | null;
    }>(`SELECT household_type, monitoring_type, monitoring_status, is_lifted, risk_types, housing_secure FROM households WHERE household_no IN ($1, $2, $3)`, [
      X.all[0]?.householdNo,
      X.all[33]?.householdNo,
      X.all[32]?.householdNo,
    ]);
    expect(hh).toEqual(
      expect.arrayContaining([
        { household_type: 'lifted', monitoring_type: null, monitoring_status: 'none', is_lifted: true, risk_types: [], housing_secure: null },
        { household_type: 'monitored', monitoring_type: 'sudden', monitoring_status: 'monitoring', is_lifted: true, risk_types: ['illness', 'schooling'], housing_secure: null },
        { household_type: 'monitored', monitoring_type: 'marginal', monitoring_status: 'monitoring', is_lifted: false, risk_types: ['disability'], housing_secure: null },
      ]),
    );
    // the 监测户 identified in the national system get their case, approved, so 风险消除 can start from it
    const cases = await ctx.db.query<{ stage: string; status: string; monitoring_type: string; n: number }>(
      `SELECT stage, status, monitoring_type, count(*)::int AS n FROM monitoring_cases GROUP BY 1, 2, 3 ORDER BY 3`,
    );
    expect(cases).toEqual([
      { stage: 'approved', status: 'monitoring', monitoring_type: 'marginal', n: 4 },
      { stage: 'approved', status: 'monitoring', monitoring_type: 'sudden', n: 4 },
    ]);
    const persons = await ctx.db.query<{
      name: string;
      id_type: string;
      id_number: string;
      person_no: string;
      health_statuses: string[];
      health_status: string;
      school_status: string | null;
      work_months: number | null;
      ethnicity: string;
    }>(`SELECT name, id_type, id_number, person_no, health_statuses, health_status, school_status, work_months, ethnicity FROM persons ORDER BY person_no`);
    const byNo = new Map(persons.map((p) => [p.person_no, p]));
    expect(byNo.get(`${X.all[6]?.householdNo}01`)).toMatchObject({ health_statuses: ['disabled', 'chronic'], health_status: 'disabled' });
    expect(byNo.get(`${X.all[7]?.householdNo}02`)).toMatchObject({ id_type: '3', id_number: 'E12345678' });
    expect(byNo.get(`${X.all[0]?.householdNo}03`)).toMatchObject({ school_status: 'grade8', work_months: null, ethnicity: '01' });
    expect(byNo.get(`${X.all[0]?.householdNo}01`)).toMatchObject({ work_months: 10 });
    expect(byNo.get(`${X.all[1]?.householdNo}01`)?.id_number).toMatch(/^\d{17}[\dX]$/); // full-width digits
    expect(byNo.get(`${X.all[3]?.householdNo}01`)?.id_number).toMatch(/X$/); // lower-case x
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const before = await ctx.db.query<{ n: number; u: string }>(`SELECT count(*)::int AS n, max(updated_at)::text AS u FROM persons`);
    const { done } = await importFile(ROSTER_FILE_NAME, roster.rows);
    expect((done.result as { commit: Record<string, number> }).commit).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 0,
      householdsUnchanged: 35,
      personsCreated: 0,
      personsUpdated: 0,
    });
    expect(await ctx.db.query(`SELECT count(*)::int AS n, max(updated_at)::text AS u FROM persons`)).toEqual(before);
  });

  it('finds a household by a prefix of its 户编号', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/households?q=${X.all[0]?.householdNo.slice(0, 9)}`, headers: ctx.as('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(7); // 后地村's households that were imported
  });
});

describe('monitoring exports and file names', () => {
  const zhaizi = roster.rows.filter((r) => r.村 === '寨子村');

  it('refuses a default lifted category that is not one', async () => {
    const job = await upload('admin', ROSTER_FILE_NAME, await rosterXlsx(roster.headers, zhaizi));
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/validate`, headers: ctx.as('admin'), payload: { options: { liftedCategory: 'rich' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].messageZh).toBe('默认脱贫户类别“rich”无效');
  });

  it('takes 风险已消除 from the file name when no column says it', async () => {
    const rows = zhaizi.map((r) => ({ ...r, 户编号: `M${String(r.户编号)}`, 证件号码: String(r.证件号码).replace(/^411282/, '411273'), 人口编号: `M${String(r.人口编号)}` }));
    const again = rows.map((r) => ({ ...r, 证件号码: fixCheck(String(r.证件号码)) }));
    const { validated, done } = await importFile('防止返贫致贫监测对象信息_20250902-风险已消除2928人.xlsx', again);
    expect(validated).toMatchObject({ options: { householdType: 'monitored', monitoringStatus: 'eliminated' }, badRows: 0 });
    expect(done.status).toBe('done');
    const statuses = await ctx.db.query<{ monitoring_status: string }>(`SELECT DISTINCT monitoring_status FROM households WHERE household_no LIKE 'M%'`);
    expect(statuses).toEqual([{ monitoring_status: 'eliminated' }]);
  });

  it('reads status, months, risks 1…5, incomes, measures and 三保障 flags from the monitoring columns', async () => {
    const extra = [
      '户类型',
      '致贫/返贫风险1',
      '致贫/返贫风险2',
      '风险是否已消除',
      '风险消除方式',
      '识别监测时间',
      '消除监测时间',
      '年度',
      '工资性收入',
      '理赔收入',
      '合规自付支出',
      '产业帮扶',
      '是否危房户',
      '是否解决安全饮用水',
    ];
    const rows = roster.rows
      .filter((r) => r.户编号 === X.all[33]?.householdNo)
      .map((r) => ({
        ...r,
        户编号: 'N0001',
        人口编号: `N${String(r.人口编号)}`,
        证件号码: fixCheck(String(r.证件号码).replace(/^411282/, '411274')),
        监测对象类别: '脱贫不稳定户',
        风险类型: '',
        户类型: '脱贫户',
        '致贫/返贫风险1': '因病',
        '致贫/返贫风险2': '因意外事故',
        风险是否已消除: '是',
        风险消除方式: '帮扶消除',
        识别监测时间: '202303',
        消除监测时间: '202406',
        年度: '2024',
        工资性收入: '12000',
        理赔收入: '800',
        合规自付支出: '1500',
        产业帮扶: '发放鸡苗 200 只',
        是否危房户: '否',
        是否解决安全饮用水: '是',
      }));
    const { validated, done } = await importFile('监测对象.xlsx', rows, [...roster.headers, ...extra]);
    expect(validated.layout).toBe('national_monitoring');
    expect(validated, JSON.stringify(validated.errors)).toMatchObject({ goodRows: 3, badRows: 0 });
    expect(done.status).toBe('done');
    const [h] = await ctx.db.query<Record<string, unknown>>(
      `SELECT h.household_type, h.monitoring_type, h.is_lifted, h.monitoring_status, h.monitoring_since::text, h.eliminated_at::text, h.elimination_method, h.risk_types,
              h.housing_secure, h.water_secure, h.education_secure, i.year, i.wage::float, i.claim_income::float, i.compliant_self_paid::float, i.member_count,
              (SELECT json_agg(json_build_object('category', category, 'description', description, 'year', year)) FROM support_measures m WHERE m.household_id = h.id) AS measures
         FROM households h JOIN household_incomes i ON i.household_id = h.id WHERE h.household_no = 'N0001'`,
    );
    expect(h).toEqual({
      household_type: 'monitored',
      monitoring_type: 'unstable',
      is_lifted: true,
      monitoring_status: 'eliminated',
      monitoring_since: '2023-03-01',
      eliminated_at: '2024-06-01',
      elimination_method: 'assisted',
      risk_types: ['illness', 'accident'],
      housing_secure: true,
      water_secure: true,
      education_secure: null,
      year: 2024,
      wage: 12000,
      claim_income: 800,
      compliant_self_paid: 1500,
      member_count: 3,
      measures: [{ category: 'industry', description: '发放鸡苗 200 只', year: 2024 }],
    });
    const again = await importFile('监测对象.xlsx', rows, [...roster.headers, ...extra]);
    expect((again.done.result as { commit: Record<string, number> }).commit).toMatchObject({ householdsUnchanged: 1, incomesWritten: 0, measuresCreated: 0, casesCreated: 0 });
    const [c] = await ctx.db.query<Record<string, unknown>>(
      `SELECT c.stage, c.status, c.monitoring_type, c.lead_date::text, c.elimination_method, c.elimination_date::text, c.risk_types
         FROM monitoring_cases c JOIN households h ON h.id = c.household_id WHERE h.household_no = 'N0001'`,
    );
    expect(c).toEqual({
      stage: 'eliminated',
      status: 'eliminated',
      monitoring_type: 'unstable',
      lead_date: '2023-03-01',
      elimination_method: 'assisted',
      elimination_date: '2024-06-01',
      risk_types: ['illness', 'accident'],
    });
  });

  it('reads a two-row header: group titles above, column names below (姓名 / 证件号码 merged down)', async () => {
    const hh = roster.rows.filter((r) => r.户编号 === X.all[35]?.householdNo);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['（自定义）监测对象信息']);
    ws.addRow([...roster.headers, '收入情况', '', '风险消除后', '']);
    ws.addRow([...roster.headers.map(() => ''), '工资性收入', '理赔收入', '工资性收入', '理赔收入']);
    for (const r of hh) {
      const id = fixCheck(String(r.证件号码).replace(/^411282/, '411276'));
      ws.addRow([
        ...roster.headers.map((h) => (h === '户编号' ? 'T0001' : h === '证件号码' ? id : h === '人口编号' ? `T${String(r.人口编号)}` : String(r[h] ?? ''))),
        '9000',
        '0',
        '15000',
        '0',
      ]);
    }
    const job = await upload('admin', '监测对象信息.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job).toMatchObject({ headerRow: 2, totalRows: hh.length });
    expect((job.suggestedMapping as Record<string, string>).incomeWage).toBe('工资性收入');
    expect(job.ignoredHeaders).toEqual(['政治面貌', '是否享受低保', '工资性收入', '理赔收入']);
    const v = await run('admin', job.id, 'validate');
    expect(v, JSON.stringify(v.errors)).toMatchObject({ goodRows: hh.length, badRows: 0 });
    await run('admin', job.id, 'commit');
    const [i] = await ctx.db.query<{ wage: number }>(
      `SELECT i.wage::float AS wage FROM household_incomes i JOIN households h ON h.id = i.household_id WHERE h.household_no = 'T0001'`,
    );
    expect(i?.wage).toBe(9000);
  });

  it('names an unknown village and how to fix it; a township officer cannot import into another township', async () => {
    const rows = zhaizi.slice(0, 3).map((r) => ({ ...r, 户编号: 'U0001', 证件号码: fixCheck(String(r.证件号码).replace(/^411282/, '411275')), 人口编号: '' }));
    const job = await upload(
      'admin',
      'x.xlsx',
      await rosterXlsx(
        roster.headers,
        rows.map((r) => ({ ...r, 村: '不存在村' })),
      ),
    );
    const v = await run('admin', job.id, 'validate');
    expect((v.errors as { column: string; messageZh: string; messageEn: string }[])[0]).toMatchObject({
      column: '村',
      messageZh: '乡镇“阳店镇”下没有村“不存在村”：请在“区划管理”中于该乡镇下新增该村，或导入统计用区划代码表',
      messageEn: 'village "不存在村" does not exist under township "阳店镇": create the village under the township in Regions, or import the region list',
    });
    const own = await upload('dawang', 'y.xlsx', await rosterXlsx(roster.headers, rows));
    const w = await run('dawang', own.id, 'validate');
    expect((w.errors as { messageZh: string }[])[0]?.messageZh).toBe('村“寨子村”不在您的管辖范围内');
  });
});

/** Gives an ID number whose address code was changed its right check character again. */
function fixCheck(id: string): string {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = id.slice(0, 17);
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (W[i] as number), 0);
  return first17 + '10X98765432'[sum % 11];
}
