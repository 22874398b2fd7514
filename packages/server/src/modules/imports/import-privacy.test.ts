import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { createImportTestApp, GROUP, multipart, OTHER_GROUP, readXlsx, waitJob, xlsxBuffer, type TestCtx, type TestUser } from './imports.test-support.ts';

// issue 6 §1-2 for imports: a township officer's error list and errors.xlsx carry no full ID number or phone (the
// admin's do), and a conflict with another township's record names no household, person or region.
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const HEADERS = ['户编号', '区划代码', '户类型', '姓名', '证件号码', '与户主关系', '劳动能力', '健康状况', '文化程度', '联系电话', '风险类型'];
const id = (birth: string, seq: string) => makeIdNumber(`411272${birth}${seq}`);
const row = (hh: string, region: string, name: string, idNo: string, relation: string, phone = '') => [
  hh,
  region,
  '一般农户',
  name,
  idNo,
  relation,
  '普通劳动力',
  '健康',
  '初中',
  phone,
  '',
];
const badCheck = (v: string) => v.slice(0, 17) + (v.endsWith('1') ? '2' : '1');

let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp();
});
afterAll(async () => ctx?.close());

async function run(user: TestUser, rows: unknown[][], commit = false): Promise<Record<string, unknown>> {
  const m = multipart('p.xlsx', await xlsxBuffer(HEADERS, rows));
  const up = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as(user) } });
  expect(up.statusCode, up.body).toBe(201);
  const jobId = up.json().id as number;
  const v = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/validate`, payload: {}, headers: ctx.as(user) });
  expect(v.statusCode, v.body).toBe(202);
  const job = await waitJob(ctx, jobId, user);
  if (!commit) return job;
  const c = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: ctx.as(user) });
  expect(c.statusCode, c.body).toBe(202);
  return waitJob(ctx, jobId, user);
}

describe('import error lists are masked for a township officer', () => {
  const wrong = badCheck(id('19700101', '303'));
  const rows = [row('PV01', GROUP, '刘一', id('19600101', '401'), '户主'), row('PV01', GROUP, '刘二', wrong, '子', '1380000000123')];

  it('JSON errors and errors.xlsx: ID and phone cells masked; the admin sees them in full', async () => {
    const job = await run('dawang', rows);
    const errors = job.errors as { column: string; value: string }[];
    expect(errors.find((e) => e.column === '证件号码')?.value).toBe(`${wrong.slice(0, 4)}**********${wrong.slice(14)}`);
    expect(errors.find((e) => e.column === '联系电话')?.value).toBe('138******0123');
    expect(FULL_ID.test(JSON.stringify(job))).toBe(false);
    expect(JSON.stringify(job)).not.toContain('1380000000123');
    const x = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${job.id}/errors.xlsx`, headers: ctx.as('dawang') });
    expect(x.statusCode).toBe(200);
    const cells = (await readXlsx(x.rawPayload)).flat().join('\n');
    expect(cells).toContain(`${wrong.slice(0, 4)}**********`);
    expect(FULL_ID.test(cells)).toBe(false);
    expect(cells).not.toContain('1380000000123');

    const byAdmin = await run('admin', rows);
    expect((byAdmin.errors as { column: string; value: string }[]).find((e) => e.column === '证件号码')?.value).toBe(wrong);
    const xa = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${byAdmin.id}/errors.xlsx`, headers: ctx.as('admin') });
    expect((await readXlsx(xa.rawPayload)).flat()).toContain(wrong);
  });
});

describe('import conflicts with another township name nothing', () => {
  it('a member or a 户编号 registered in 阳店镇: the household is left out with the fixed sentence', async () => {
    const taken = id('19550505', '808');
    const admin = await run('admin', [row('YD-OTHER-9', OTHER_GROUP, '阳店户主甲', taken, '户主')], true);
    expect(admin.status, String(admin.message)).toBe('done');
    const job = await run('dawang', [row('PV02', GROUP, '大王户主乙', taken, '户主'), row('YD-OTHER-9', GROUP, '大王户主丙', id('19560606', '909'), '户主')], true);
    expect(job.status, String(job.message)).toBe('done');
    const body = JSON.stringify(job);
    expect(body).toContain('该证件号码已在其他地区登记，请联系县级管理员核实');
    expect(body).toContain('该户编号已在其他地区登记，请联系县级管理员核实');
    for (const s of ['阳店户主甲', '阳店', OTHER_GROUP, '411272101']) expect(body).not.toContain(s);
    expect(FULL_ID.test(body)).toBe(false);
  });
});
