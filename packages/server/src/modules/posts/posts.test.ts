import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { todayInChina } from '../households/household.rules.ts';
import { readXlsx } from '../imports/imports.test-support.ts';

// 公益性岗位 through the real app (issue 8 §4; J5 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗): create with the
// need, hire (the post filled, the person's 就业渠道 公益性岗位 in the same transaction), pay months (a month not on
// post or paid twice refused by name), exit with the reason (the post open again), close, batch pay, export; scope
// (another township 404 / 403); on PGlite and, with DATABASE_URL, PostgreSQL.
let t: TestApp;
let tree: RegionTree;
let town1: { cookie: string };
let town2: { cookie: string };
let village1: { cookie: string };
let viewer: { cookie: string };
let v11: string;
let v12: string;

type Method = 'GET' | 'POST' | 'PATCH';
const req = (cookie: string, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });

/** The month `back` months before the current one, YYYY-MM. */
function monthBack(back: number): string {
  const [y, m] = todayInChina().split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - back;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

let liftedPerson = 0;
let otherVillagePerson = 0;
let ordinaryPerson = 0;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  v11 = tree.townships[0]!.villages[0]!.code;
  v12 = tree.townships[0]!.villages[1]!.code;
  town1 = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  town2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village1 = await buildUser(t, 'village_officer', v11);
  viewer = await buildUser(t, 'viewer', tree.county.code);
  const h1 = await buildHousehold(t, { regionCode: v11, householdType: 'lifted', members: [{ name: '王桂花', employmentChannel: 'flexible' }] });
  liftedPerson = h1.members[0]!.id;
  const h2 = await buildHousehold(t, { regionCode: v12, members: [{ name: '李二' }] });
  otherVillagePerson = h2.members[0]!.id;
  const h3 = await buildHousehold(t, { regionCode: v11, householdType: 'ordinary', members: [{ name: '赵三' }] });
  ordinaryPerson = h3.members[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

const cleaner = () => ({ name: '一村保洁员', postType: 'cleaning', regionCode: v11, needReason: '村内主干道及公共区域日常保洁', monthlySubsidyYuan: 500.5 });

describe('按需设岗 → 以岗聘任 → 在岗领补 → 有序退岗', () => {
  let id = 0;
  let appointmentId = 0;
  const start = `${monthBack(3)}-15`;

  it('a village officer sets a post with its need; the subsidy is exact in 元 and stored in 分', async () => {
    const res = await req(village1.cookie, 'POST', '/api/v1/posts', cleaner());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ status: 'open', monthlySubsidyYuan: 500.5, version: 1, holderName: null, appointments: [] });
    const [row] = await t.db.query<{ monthly_subsidy_fen: string }>('SELECT monthly_subsidy_fen FROM public_welfare_posts WHERE id = $1', [id]);
    expect(Number(row!.monthly_subsidy_fen)).toBe(50050);
  });

  it('refuses a post without its need (400 naming the field), in another township (403), and hides it from there (404)', async () => {
    const noNeed = await req(village1.cookie, 'POST', '/api/v1/posts', { ...cleaner(), needReason: ' ' });
    expect(noNeed.statusCode).toBe(400);
    expect(JSON.stringify(noNeed.json().error.details)).toContain('needReason');
    expect((await req(town2.cookie, 'POST', '/api/v1/posts', cleaner())).statusCode).toBe(403);
    const other = await req(town2.cookie, 'GET', `/api/v1/posts/${id}`);
    const missing = await req(town2.cookie, 'GET', '/api/v1/posts/99999999');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
    expect((await req(viewer.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId: liftedPerson, startedOn: start, version: 1 })).statusCode).toBe(403);
  });

  it('聘任: a person of another village is refused by personId; a person of the village is hired, the post 在岗, 就业渠道 公益性岗位', async () => {
    const far = await req(town1.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId: otherVillagePerson, startedOn: start, version: 1 });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details.issues[0].path).toBe('personId');
    const res = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId: liftedPerson, startedOn: start, version: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'filled', holderName: '王桂花', holderSince: start, version: 2 });
    appointmentId = p.appointments[0].id;
    expect(p.appointments[0].idNumber).toMatch(/^\d{4}\*{10}/); // masked for a village officer
    const [person] = await t.db.query<{ employment_channel: string; version: number }>('SELECT employment_channel, version FROM persons WHERE id = $1', [liftedPerson]);
    expect(person).toMatchObject({ employment_channel: 'public_post', version: 2 });
    const second = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId: ordinaryPerson, startedOn: start, version: 2 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.issues[0].messageZh).toBe('该岗位已有在岗人员，须其退岗后才能另行聘任');
  });

  it('在岗领补: months on post are paid once; a second payment of the same month and a month before the hire are 409 naming the month', async () => {
    const ok = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(3), monthBack(2)] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().appointments[0].payments.map((p: { month: string; amountYuan: number }) => [p.month, p.amountYuan])).toEqual([
      [monthBack(3), 500.5],
      [monthBack(2), 500.5],
    ]);
    const twice = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(2)] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'CONFLICT' });
    const y = monthBack(2).slice(0, 4);
    expect(twice.json().error.details.issues[0].messageZh).toBe(`${y}年${Number(monthBack(2).slice(5))}月的岗位补贴已发放，不能重复发放`);
    const before = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(4)] });
    expect(before.statusCode).toBe(409);
    expect(before.json().error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(before.json().error.details.issues[0].messageZh).toContain('早于聘任日期');
    const future = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(-1)] });
    expect(future.statusCode).toBe(400);
    const n = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM post_payments WHERE appointment_id = $1', [appointmentId]);
    expect(n[0]!.n).toBe(2);
  });

  it('the batch pays last month to every holder of the village once', async () => {
    const body = { regionCode: v11, month: monthBack(1) };
    const first = await req(village1.cookie, 'POST', '/api/v1/posts/payments/batch', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ paid: 1, alreadyPaid: 0, totalYuan: 500.5, holderExited: [] });
    expect((await req(village1.cookie, 'POST', '/api/v1/posts/payments/batch', body)).json()).toEqual({ paid: 0, alreadyPaid: 1, totalYuan: 0, holderExited: [] });
    expect((await req(town2.cookie, 'POST', '/api/v1/posts/payments/batch', body)).statusCode).toBe(403);
  });

  it('退岗: a version is needed; a date before a paid month is refused; with the reason the post is 待聘 again and 就业渠道 cleared', async () => {
    const url = `/api/v1/posts/${id}/appointments/${appointmentId}/exit`;
    const noVersion = await req(village1.cookie, 'POST', url, { endedOn: todayInChina(), exitReason: 'found_job' });
    expect(noVersion.statusCode).toBe(428);
    const early = await req(village1.cookie, 'POST', url, { endedOn: `${monthBack(2)}-28`, exitReason: 'found_job', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0].path).toBe('endedOn');
    const noReason = await req(village1.cookie, 'POST', url, { endedOn: todayInChina(), version: 1 });
    expect(noReason.statusCode).toBe(400);
    const res = await req(village1.cookie, 'POST', url, { endedOn: todayInChina(), exitReason: 'found_job', exitNote: '外出务工', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', holderName: null });
    expect(res.json().appointments[0]).toMatchObject({ endedOn: todayInChina(), exitReason: 'found_job', version: 2 });
    const [person] = await t.db.query<{ employment_channel: string | null }>('SELECT employment_channel FROM persons WHERE id = $1', [liftedPerson]);
    expect(person!.employment_channel).toBeNull();
    const again = await req(village1.cookie, 'POST', url, { endedOn: todayInChina(), exitReason: 'found_job', version: 2 });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'public_post' AND entity_id = $1 ORDER BY id", [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'hire', 'pay', 'pay', 'exit']);
  });

  it('the list filters by status and holder; the export carries the holder history with the reason in words', async () => {
    const open = await req(town1.cookie, 'GET', `/api/v1/posts?status=open&regionCode=${v11}`);
    expect(open.json().items.map((p: { id: number }) => p.id)).toContain(id);
    expect((await req(town1.cookie, 'GET', `/api/v1/posts?status=filled&regionCode=${v11}`)).json().total).toBe(0);
    const xlsx = await req(town1.cookie, 'GET', `/api/v1/posts/export.xlsx?regionCode=${v11}`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]).toContain('退岗原因');
    expect(rows.flat()).toContain('实现稳定就业');
    expect(rows.flat()).toContain('王桂花');
  });

  it('撤岗: an open post closes with its reason and then takes nobody (409 RECORD_EXITED)', async () => {
    const cur = (await req(town1.cookie, 'GET', `/api/v1/posts/${id}`)).json();
    const res = await req(town1.cookie, 'POST', `/api/v1/posts/${id}/close`, { reason: '道路已移交物业', closedOn: todayInChina(), version: cur.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closedReason: '道路已移交物业' });
    const hire = await req(town1.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId: ordinaryPerson, startedOn: todayInChina(), version: res.json().version });
    expect(hire.statusCode).toBe(409);
    expect(hire.json().error.code).toBe('RECORD_EXITED');
  });

  it('candidates: persons of the village by name, ID masked, 优先安置 flagged', async () => {
    const res = await req(village1.cookie, 'GET', `/api/v1/posts/candidates?regionCode=${v11}&q=${encodeURIComponent('王桂')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ personId: liftedPerson, priority: true, onPost: false, idNumber: expect.stringMatching(/^\d{4}\*{10}/) })]);
    expect((await req(village1.cookie, 'GET', `/api/v1/posts/candidates?regionCode=${v12}&q=${encodeURIComponent('李二')}`)).statusCode).toBe(404);
  });
});

describe('在岗领补 at the standard, and never after the holder’s 自然减少', () => {
  let id = 0;
  let personId = 0;
  const died = `${monthBack(2)}-10`;
  beforeAll(async () => {
    const h = await buildHousehold(t, { regionCode: v11, householdType: 'lifted', members: [{ name: '孙老汉' }] });
    personId = h.members[0]!.id;
    id = (await req(village1.cookie, 'POST', '/api/v1/posts', { ...cleaner(), name: '一村护林员', postType: 'forest_ranger', monthlySubsidyYuan: 600 })).json().id;
    const hired = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/appointments`, { personId, startedOn: `${monthBack(3)}-01`, version: 1 });
    expect(hired.statusCode, hired.body).toBe(201);
  });

  it('an amount other than the post’s standard is refused (400 on amountYuan naming the standard); the standard is paid', async () => {
    for (const amountYuan of [300, 900]) {
      const res = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(3)], amountYuan });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ path: 'amountYuan', messageZh: '每月补贴金额须为本岗位补贴标准 600 元，不能另行填写' });
    }
    const ok = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(3)], amountYuan: 600 });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('after the holder’s death a later month is 409 naming the exit and its date; the month of the death is still paid', async () => {
    await t.db.query(`UPDATE persons SET exit_reason = 'death', exit_date = $2 WHERE id = $1`, [personId, died]);
    const later = await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(2), monthBack(1)] });
    expect(later.statusCode).toBe(409);
    expect(later.json().error.code).toBe('RECORD_EXITED');
    const w = `${monthBack(1).slice(0, 4)}年${Number(monthBack(1).slice(5))}月`;
    expect(later.json().error.details.issues).toEqual([
      {
        path: 'months[1]',
        value: monthBack(1),
        messageZh: `持岗人员已自然减少（死亡，${died}），${w}不能发放岗位补贴，请办理退岗`,
        messageEn: `the holder left the registry (Death, ${died}): ${monthBack(1)} cannot be paid; record the exit from the post`,
      },
    ]);
    expect((await req(village1.cookie, 'POST', `/api/v1/posts/${id}/payments`, { months: [monthBack(2)] })).statusCode).toBe(201);
  });

  it('the village batch skips the holder who died and names them', async () => {
    const res = await req(village1.cookie, 'POST', '/api/v1/posts/payments/batch', { regionCode: v11, month: monthBack(1) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      paid: 0,
      alreadyPaid: 0,
      totalYuan: 0,
      holderExited: [{ postId: id, postName: '一村护林员', personName: '孙老汉', exitReason: 'death', exitDate: died, exitZh: `死亡，${died}`, exitEn: `Death, ${died}` }],
    });
    const n = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM post_payments WHERE post_id = $1', [id]);
    expect(n[0]!.n).toBe(2);
  });
});

describe('entities carry J4’s 吸纳就业人数 and 安置区加工园区', () => {
  it('a workshop is created with its employee count, shown back, and a PATCH of another field keeps both', async () => {
    const res = await req(town1.cookie, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'workshop', name: '一村帮扶车间', isRelocationPark: true, employeeCount: 24 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ isRelocationPark: true, employeeCount: 24 });
    const patched = await req(town1.cookie, 'PATCH', `/api/v1/entities/${res.json().id}`, { note: '扩建厂房', version: res.json().version });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ isRelocationPark: true, employeeCount: 24, note: '扩建厂房' });
    const bad = await req(town1.cookie, 'POST', '/api/v1/entities', { regionCode: v11, entityType: 'workshop', name: '二村帮扶车间', employeeCount: -1 });
    expect(bad.statusCode).toBe(400);
  });
});
