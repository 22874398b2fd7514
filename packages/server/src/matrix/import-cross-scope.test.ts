import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { createImportTestApp, GROUP, multipart, OTHER_GROUP, waitJob, xlsxBuffer, type TestCtx, type TestUser } from '../modules/imports/imports.test-support.ts';

// issue 6 "Tests": an import by the officer of 大王镇 that reuses a 户编号 or an ID number of 阳店镇 changes
// nothing in 阳店镇 — whether 阳店镇 had the record when the file was validated (validation leaves the household
// out) or registered it between validation and commit (only the commit's own check stands in the way then).
const HEADERS = ['户编号', '区划代码', '户类型', '姓名', '证件号码', '与户主关系', '劳动能力', '健康状况', '文化程度', '联系电话', '风险类型'];
const id = (birth: string, seq: string) => makeIdNumber(`411272${birth}${seq}`);
const row = (hh: string, region: string, name: string, idNo: string, relation: string) => [hh, region, '一般农户', name, idNo, relation, '普通劳动力', '健康', '初中', '', ''];

let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp();
}, 180_000);
afterAll(async () => ctx?.close());

async function upload(user: TestUser, rows: unknown[][]): Promise<number> {
  const m = multipart('cross.xlsx', await xlsxBuffer(HEADERS, rows));
  const up = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as(user) } });
  expect(up.statusCode, up.body).toBe(201);
  const jobId = up.json().id as number;
  const v = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/validate`, payload: {}, headers: ctx.as(user) });
  expect(v.statusCode, v.body).toBe(202);
  await waitJob(ctx, jobId, user);
  return jobId;
}

async function commit(user: TestUser, jobId: number): Promise<Record<string, unknown>> {
  const c = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: ctx.as(user) });
  expect(c.statusCode, c.body).toBe(202);
  return waitJob(ctx, jobId, user);
}

/** Every row of 阳店镇's households, persons and their audit entries. */
async function yangdian(): Promise<string> {
  const like = '411272101%';
  const hh = await ctx.db.query('SELECT * FROM households WHERE region_code LIKE $1 ORDER BY id', [like]);
  const ps = await ctx.db.query('SELECT * FROM persons WHERE region_code LIKE $1 ORDER BY id', [like]);
  const audit = await ctx.db.query('SELECT id, actor_name, action, entity_type, entity_id, before, after FROM audit_log WHERE region_code LIKE $1 ORDER BY id', [like]);
  return JSON.stringify({ hh, ps, audit });
}

/** A household of 阳店镇 registered by the admin through the API. */
async function registerInYangdian(householdNo: string, head: string, name: string): Promise<void> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: ctx.as('admin'),
    payload: { householdNo, regionCode: OTHER_GROUP, householdType: 'lifted', members: [{ idNumber: head, name, relation: '02', education: 'junior' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('an import of 大王镇 cannot take over what 阳店镇 registered', () => {
  it("registered before validation: its 户编号 or a member's ID number reused in the file changes nothing there", async () => {
    const taken = id('19500101', '111');
    await registerInYangdian('YD-CROSS-1', taken, '阳店原户主');
    const before = await yangdian();
    const jobId = await upload('dawang', [
      row('YD-CROSS-1', GROUP, '冒用户编号', id('19510202', '221'), '户主'),
      row('DW-CROSS-2', GROUP, '冒用证件号', taken, '户主'),
      row('YD-CROSS-1', GROUP, '整户照搬', taken, '户主'),
    ]);
    const job = await commit('dawang', jobId);
    expect(job.status, JSON.stringify(job)).toBe('done');
    expect(await yangdian()).toBe(before);
    const [p] = await ctx.db.query<{ region_code: string; name: string }>('SELECT region_code, name FROM persons WHERE id_number = $1', [taken]);
    expect(p).toEqual({ region_code: OTHER_GROUP, name: '阳店原户主' });
  }, 120_000);

  it('registered between validation and commit: the commit itself leaves both households out', async () => {
    const raceHead = id('19600303', '331');
    const raceMember = id('19610404', '441');
    // the file is validated while 阳店镇 has neither the 户编号 nor the ID number
    const jobId = await upload('dawang', [row('YD-RACE-1', GROUP, '抢先户主', id('19620505', '551'), '户主'), row('DW-RACE-2', GROUP, '抢先成员', raceMember, '户主')]);
    await registerInYangdian('YD-RACE-1', raceHead, '阳店后登记甲');
    await registerInYangdian('YD-RACE-3', raceMember, '阳店后登记乙');
    const before = await yangdian();
    const job = await commit('dawang', jobId);
    expect(job.status, JSON.stringify(job)).toBe('done');
    expect(await yangdian()).toBe(before);
    const hh = await ctx.db.query<{ household_no: string; region_code: string }>(
      "SELECT household_no, region_code FROM households WHERE household_no IN ('YD-RACE-1', 'DW-RACE-2', 'YD-RACE-3') ORDER BY household_no",
    );
    expect(hh).toEqual([
      { household_no: 'YD-RACE-1', region_code: OTHER_GROUP },
      { household_no: 'YD-RACE-3', region_code: OTHER_GROUP },
    ]);
    // the job says why, without naming 阳店镇's household, person or region
    const body = JSON.stringify(job);
    expect(body).toContain('该户编号已在其他地区登记');
    expect(body).toContain('该证件号码已在其他地区登记');
    for (const s of ['阳店后登记', 'YD-RACE-3', '411272101']) expect(body).not.toContain(s);
  }, 120_000);
});
