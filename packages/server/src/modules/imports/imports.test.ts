import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { setImportCommitHook } from './import-commit.service.ts';
import { createImportTestApp, GROUP, multipart, OTHER_GROUP, readXlsx, waitJob, xlsxBuffer, type TestCtx, type TestUser } from './imports.test-support.ts';

const HEADERS = [
  '户编号',
  '区划代码',
  '户类型',
  '监测类型',
  '户主姓名',
  '姓名',
  '证件号码',
  '性别',
  '与户主关系',
  '劳动能力',
  '健康状况',
  '文化程度',
  '务工状况',
  '联系电话',
  '风险类型',
  '脱贫年度',
  '家庭住址',
];
const id = (birth: string, seq: string) => makeIdNumber(`411272${birth}${seq}`);

function person(hh: string, region: string, name: string, idNo: unknown, relation: string, extra: Partial<Record<string, unknown>> = {}): unknown[] {
  const r: Record<string, unknown> = {
    户编号: hh,
    区划代码: region,
    户类型: '监测户',
    监测类型: '边缘易致贫户',
    户主姓名: '',
    姓名: name,
    证件号码: idNo,
    性别: '',
    与户主关系: relation,
    劳动能力: '普通劳动力',
    健康状况: '健康',
    文化程度: '初中',
    务工状况: '县内务工',
    联系电话: '',
    风险类型: '因病',
    脱贫年度: '',
    家庭住址: '大王村1号',
    ...extra,
  };
  return HEADERS.map((h) => r[h]);
}

// household H1 (good, 3 people: full-width digits, lowercase x, spaces, formula), H2 (good), H3 (bad: wrong
// check digit → whole household out), H4 (bad: region outside 大王镇 for the township officer; fine for admin),
// H5 (bad: ID typed as a number), H6 (bad dictionary value)
const xId = (() => {
  for (let s = 100; s < 999; s++) {
    const v = id('19800101', String(s));
    if (v.endsWith('X')) return v;
  }
  throw new Error('no X');
})();
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const GOOD_ROWS = [
  person('HH001', GROUP, '王建国', ` ${toFullWidth(id('19680315', '101'))} `, '户主', { 户主姓名: '王建国', 联系电话: '13800000001' }),
  person('HH001', GROUP, '李秀兰', xId.toLowerCase(), '配偶'),
  person('HH001', GROUP, '王浩', { formula: 'CONCATENATE("4112722005","0607","1230")', result: id('20050607', '123') }, '子'),
  person('HH002', GROUP, '张红', id('19750505', '202'), '户主', { 户类型: '脱贫户', 监测类型: '', 风险类型: '', 脱贫年度: new Date(Date.UTC(2019, 11, 31)) }),
];
const badCheck = id('19700101', '303').slice(0, 17) + (id('19700101', '303').endsWith('1') ? '2' : '1');
const BAD_ROWS = [
  person('HH003', GROUP, '刘一', id('19600101', '401'), '户主'),
  person('HH003', GROUP, '刘二', badCheck, '子'),
  person('HH004', OTHER_GROUP, '赵四', id('19620202', '501'), '户主'),
  person('HH005', GROUP, '孙五', 411272196303036001, '户主'),
  person('HH006', GROUP, '周六', id('19640404', '701'), '户主', { 劳动能力: '很强' }),
];

let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

async function upload(user: TestUser, name: string, buf: Buffer | string) {
  const m = multipart(name, buf);
  return ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as(user) } });
}
async function validate(user: TestUser, jobId: number, body: Record<string, unknown> = {}) {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/validate`, payload: body, headers: ctx.as(user) });
  expect(res.statusCode, res.body).toBe(202);
  return waitJob(ctx, jobId, user);
}
async function commit(user: TestUser, jobId: number) {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: ctx.as(user) });
  expect(res.statusCode, res.body).toBe(202);
  return waitJob(ctx, jobId, user);
}
async function snapshot() {
  const [h] = await ctx.db.query<{ n: number; u: string }>(`SELECT count(*)::int AS n, coalesce(max(updated_at)::text, '') AS u FROM households`);
  const [p] = await ctx.db.query<{ n: number; u: string }>(`SELECT count(*)::int AS n, coalesce(max(updated_at)::text, '') AS u FROM persons`);
  const [a] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action <> 'import'`);
  return { households: h, persons: p, audits: a?.n };
}

describe('import template', () => {
  it('serves an .xlsx with headers, 填表说明 and 2 example rows, and a .csv', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/imports/template.xlsx', headers: ctx.as('dawang') });
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(3);
    const csv = await ctx.app.inject({ method: 'GET', url: '/api/v1/imports/template.csv', headers: ctx.as('dawang') });
    expect(csv.body.split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(',')}`);
  });
});

describe('upload, validate, commit', () => {
  let jobId: number;
  it('reports bad cells by row and column in Chinese and English and counts the good rows', async () => {
    const buf = await xlsxBuffer(HEADERS, [...GOOD_ROWS, ...BAD_ROWS], { title: '三门峡市城乡一体化示范区监测户信息表', sheets: ['封面'] });
    const up = await upload('dawang', 'households.xlsx', buf);
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json();
    jobId = job.id;
    expect(job.headers).toEqual(HEADERS);
    expect(job.sheetName).toBe('户成员信息');
    expect(job.suggestedMapping.idNumber).toBe('证件号码');
    const done = await validate('dawang', jobId);
    expect(done.status).toBe('validated');
    expect(done.totalRows).toBe(9);
    expect(done.goodRows).toBe(4);
    const errors = done.errors as { row: number; column: string; messageZh: string; messageEn: string }[];
    // data start on spreadsheet row 3 (title row, header row)
    const at = (row: number, column: string) => errors.find((e) => e.row === row && e.column === column);
    expect(at(8, '证件号码')?.messageZh).toMatch(/校验位/);
    expect(at(8, '证件号码')?.messageEn).toMatch(/check digit/);
    expect(at(9, '区划代码')?.messageZh).toMatch(/管辖范围/);
    expect(at(10, '证件号码')?.messageZh).toMatch(/数值格式.*15 位有效数字/);
    expect(at(11, '劳动能力')?.messageEn).toMatch(/not a valid labour capacity/);
    const validation = (done.result as { validation: { households: { good: number; excluded: number }; excludedRows: number } }).validation;
    expect(validation.households).toMatchObject({ good: 2, excluded: 4 });
    expect(validation.excludedRows).toBe(1); // 刘一 is fine but his household is not
    const x = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${jobId}/errors.xlsx`, headers: ctx.as('dawang') });
    expect(x.statusCode).toBe(200);
    const sheet = await readXlsx(x.rawPayload);
    expect(sheet.length - 1).toBe(errors.length);
    expect(sheet.some((r) => r[0] === '10' && r[1] === '证件号码')).toBe(true);
  });

  it('commits only the good households in one go, with audit rows', async () => {
    const done = await commit('dawang', jobId);
    expect(done.status, String(done.message)).toBe('done');
    const persons = await ctx.db.query<{ id_number: string; name: string; is_head: boolean }>('SELECT id_number, name, is_head FROM persons ORDER BY id_number');
    expect(persons.map((p) => p.name).sort()).toEqual(['张红', '李秀兰', '王建国', '王浩'].sort());
    expect(persons.find((p) => p.name === '李秀兰')?.id_number).toBe(xId);
    const [h] = await ctx.db.query<{ lifted_year: number }>(`SELECT lifted_year FROM households WHERE household_no = 'HH002'`);
    expect(h?.lifted_year).toBe(2019);
    const audits = await ctx.db.query<{ action: string; entity_type: string }>('SELECT action, entity_type FROM audit_log ORDER BY id');
    expect(audits.filter((a) => a.entity_type === 'household' && a.action === 'create')).toHaveLength(2);
    expect(audits.filter((a) => a.action === 'import')).toHaveLength(1);
  });

  it('re-importing the same file changes nothing but adds a summary audit row', async () => {
    const before = await snapshot();
    const buf = await xlsxBuffer(HEADERS, [...GOOD_ROWS, ...BAD_ROWS], { title: '三门峡市城乡一体化示范区监测户信息表' });
    const up = await upload('dawang', 'again.xlsx', buf);
    await validate('dawang', up.json().id);
    const done = await commit('dawang', up.json().id);
    expect(done.status).toBe('done');
    expect((done.result as { commit: { householdsUnchanged: number } }).commit.householdsUnchanged).toBe(2);
    expect(await snapshot()).toEqual(before);
    const [n] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'`);
    expect(n?.n).toBe(2);
  });

  it('updates changed households, hands the head role over and moves a person between households', async () => {
    const rows = [
      person('HH001', GROUP, '王建国', id('19680315', '101'), '配偶', { 联系电话: '13800000001' }),
      person('HH001', GROUP, '李秀兰', xId, '户主'),
      person('HH002', GROUP, '张红', id('19750505', '202'), '户主', { 户类型: '脱贫户', 监测类型: '', 风险类型: '', 脱贫年度: 2019, 家庭住址: '大王村2号' }),
      person('HH002', GROUP, '王浩', id('20050607', '123'), '子', { 户类型: '脱贫户', 监测类型: '', 风险类型: '', 脱贫年度: 2019, 家庭住址: '大王村2号' }),
    ];
    const up = await upload('dawang', 'moves.xlsx', await xlsxBuffer(HEADERS, rows));
    const v = await validate('dawang', up.json().id);
    expect(v.errors).toEqual([]);
    const done = await commit('dawang', up.json().id);
    expect(done.status, String(done.message)).toBe('done');
    expect((done.result as { commit: Record<string, number> }).commit).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 2,
      householdsUnchanged: 0,
      personsCreated: 0,
      personsMoved: 1,
    });
    const people = await ctx.db.query<{ name: string; household_no: string; is_head: boolean }>(
      'SELECT p.name, h.household_no, p.is_head FROM persons p JOIN households h ON h.id = p.household_id ORDER BY p.name',
    );
    expect(people).toEqual([
      { name: '张红', household_no: 'HH002', is_head: true },
      { name: '李秀兰', household_no: 'HH001', is_head: true },
      { name: '王建国', household_no: 'HH001', is_head: false },
      { name: '王浩', household_no: 'HH002', is_head: false },
    ]);
    const [hh2] = await ctx.db.query<{ address: string }>(`SELECT address FROM households WHERE household_no = 'HH002'`);
    expect(hh2?.address).toBe('大王村2号');
    const audits = await ctx.db.query<{ entity_type: string; before: { address: string } | null; after: { members: number } }>(
      `SELECT entity_type, before, after FROM audit_log WHERE action = 'update' AND entity_type = 'household' ORDER BY id`,
    );
    expect(audits.map((a) => a.after.members).sort()).toEqual([2, 2]);
    expect(audits.some((a) => a.before?.address === '大王村1号')).toBe(true);
  });

  it('a failure in the middle of the commit leaves the database unchanged', async () => {
    const before = await snapshot();
    const rows = [person('HH100', GROUP, '吴新', id('19900909', '901'), '户主')];
    const up = await upload('admin', 'fail.xlsx', await xlsxBuffer(HEADERS, rows));
    await validate('admin', up.json().id);
    setImportCommitHook((step) => {
      if (step === 'upserted') throw new Error('injected failure');
    });
    try {
      const done = await commit('admin', up.json().id);
      expect(done.status).toBe('validated');
      expect(String(done.message)).toMatch(/injected failure/);
      expect(done.commitError).toMatchObject({
        messageZh: expect.stringMatching(/^导入失败，数据库未做任何更改/),
        messageEn: expect.stringMatching(/^the import failed and nothing was changed/),
      });
      expect(done.messageEn).toMatch(/^the import failed/);
    } finally {
      setImportCommitHook(undefined);
    }
    expect(await snapshot()).toEqual(before);
    const [n] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM households WHERE household_no = 'HH100'`);
    expect(n?.n).toBe(0);
    // the job can be committed again, and then the error is gone
    const again = await commit('admin', up.json().id);
    expect(again).toMatchObject({ status: 'done', commitError: null, messageZh: null });
  });
});

describe('column mappings', () => {
  it('maps other headers, saves the mapping and reuses it by name', async () => {
    const headers = HEADERS.map((h) => (h === '证件号码' ? '身份证号码' : h === '户编号' ? '户号' : h === '与户主关系' ? '与户主的关系' : h));
    const rows = [person('HH200', GROUP, '郑七', id('19850808', '801'), '户主')];
    const up = await upload('dawang', 'other.xlsx', await xlsxBuffer(headers, rows));
    const job = up.json();
    expect(job.suggestedMapping).toMatchObject({ idNumber: '身份证号码', householdNo: '户号', relation: '与户主的关系' });
    const mapping = { ...job.suggestedMapping, name: '姓名' };
    const done = await validate('dawang', job.id, { mapping, saveAs: '乡镇台账格式' });
    expect(done.goodRows).toBe(1);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: ctx.as('dawang') });
    expect(list.json().items.map((m: { name: string }) => m.name)).toContain('乡镇台账格式');
    const up2 = await upload('dawang', 'other2.xlsx', await xlsxBuffer(headers, rows));
    expect(up2.json().savedMappings.map((m: { name: string }) => m.name)).toContain('乡镇台账格式');
    const done2 = await validate('dawang', up2.json().id, { mappingName: '乡镇台账格式' });
    expect(done2.goodRows).toBe(1);
  });

  it('reads merged household cells as filled down', async () => {
    const rows = [
      person('HH300', GROUP, '冯一', id('19700303', '111'), '户主'),
      person('', '', '冯二', id('19720404', '222'), '配偶', { 户类型: '', 监测类型: '', 风险类型: '', 家庭住址: '' }),
    ];
    const up = await upload('dawang', 'merged.xlsx', await xlsxBuffer(HEADERS, rows, { merges: ['A2:A3', 'B2:B3'] }));
    const done = await validate('dawang', up.json().id);
    expect(done.errors).toEqual([]);
    expect(done.goodRows).toBe(2);
  });
});

describe('export', () => {
  it('masks ID and phone numbers for a township officer but not for the administrator, and audits', async () => {
    const t = await ctx.app.inject({ method: 'GET', url: '/api/v1/households/export.xlsx?householdType=monitored', headers: ctx.as('dawang') });
    expect(t.statusCode, t.body).toBe(200);
    const rows = await readXlsx(t.rawPayload);
    const idCol = rows[0]?.indexOf('证件号码') ?? -1;
    const phoneCol = rows[0]?.indexOf('联系电话') ?? -1;
    const head = rows.find((r) => r.includes('王建国') && r[idCol]);
    expect(head?.[idCol]).toMatch(/\*/);
    expect(head?.[phoneCol]).toMatch(/\*/);
    const a = await ctx.app.inject({ method: 'GET', url: '/api/v1/households/export.xlsx', headers: ctx.as('admin') });
    const arows = await readXlsx(a.rawPayload);
    expect(arows.some((r) => r[idCol] === id('19680315', '101'))).toBe(true);
    const audits = await ctx.db.query<{ actor_name: string; after: { rows: number; filters: Record<string, unknown> } }>(
      `SELECT actor_name, after FROM audit_log WHERE action = 'export' ORDER BY id`,
    );
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actor_name).toBe(ctx.displayName('dawang'));
    expect(audits[0]?.after.filters).toMatchObject({ householdType: 'monitored' });
    expect(audits[0]?.after.rows).toBe(rows.length - 1);
  });
});

describe('malformed uploads', () => {
  it.each([
    ['garbage.csv', Buffer.from('这不是表格\n随便写点什么\n1,2,3\n'), /表头|header/],
    ['empty.xlsx', null, /表头|header/],
    ['picture.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /无法识别|Unrecognised/],
    ['nothing.csv', Buffer.alloc(0), /为空|empty/],
    ['headers-only.csv', Buffer.from(`${HEADERS.join(',')}\n`), /没有数据行|no data rows/],
  ])('%s → 400 with a message', async (name, content, pattern) => {
    const buf = content ?? (await xlsxBuffer([], []));
    const res = await upload('admin', name, buf);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const issue = body.error.details.issues[0];
    expect(`${issue.messageZh} ${issue.messageEn}`).toMatch(pattern);
  });

  it('refuses uploads from a read-only role', async () => {
    const res = await upload('viewer', 'x.csv', `${HEADERS.join(',')}\n`);
    expect(res.statusCode).toBe(403);
  });
});
