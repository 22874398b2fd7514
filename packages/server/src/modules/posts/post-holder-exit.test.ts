import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate, lockWaiters } from '../../test/concurrency.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber } from '../../test/factories.ts';
import { todayInChina } from '../households/household.rules.ts';

// 就业渠道“公益性岗位” follows the holding of a post (003 §二(二)4 以岗聘任、有序退岗) through the real app: the member form
// can neither set it without a hire nor clear it while the person holds a post; a member's or a whole household's
// 自然减少 ends the holding in the same transaction (退岗 on the exit date, the post 待聘 again, the channel cleared,
// audited), refused while a later month is already paid; on PGlite and, with DATABASE_URL, PostgreSQL.
let t: TestApp;
let village: string;
let town: { cookie: string };
let admin: { cookie: string };

type Method = 'GET' | 'POST' | 'PATCH';
const req = (cookie: string, method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** The month `back` months before the current one, YYYY-MM. */
function monthBack(back: number): string {
  const [y, m] = todayInChina().split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - back;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

const HIRE_FIRST = '就业渠道“公益性岗位”随岗位聘任自动登记，请在“公益性岗位”中聘任该成员';
const EXIT_FIRST = '该成员现聘公益性岗位，请先在公益性岗位中办理退岗';

beforeAll(async () => {
  t = await createTestApp();
  const tree = await buildRegionTree(t, { townships: 1, villages: 1 });
  village = tree.townships[0]!.villages[0]!.code;
  town = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  admin = await buildUser(t, 'admin', tree.county.code);
}, 60_000);
afterAll(async () => t?.close());

/** A post of the village, and its holder hired from `startedOn`; returns the post id. */
async function hiredPost(name: string, personId: number, startedOn: string): Promise<number> {
  const created = await req(town.cookie, 'POST', '/api/v1/posts', { name, postType: 'cleaning', regionCode: village, needReason: '村内保洁', monthlySubsidyYuan: 500 });
  expect(created.statusCode, created.body).toBe(201);
  const hired = await req(town.cookie, 'POST', `/api/v1/posts/${created.json().id}/appointments`, { personId, startedOn, version: 1 });
  expect(hired.statusCode, hired.body).toBe(201);
  return created.json().id;
}

const personRow = async (id: number) =>
  (
    await t.db.query<{ employment_channel: string | null; exit_reason: string | null; version: number }>(
      'SELECT employment_channel, exit_reason, version FROM persons WHERE id = $1',
      [id],
    )
  )[0]!;
const holdings = (postId: number) =>
  t.db.query<{ ended_on: string | null; exit_reason: string | null; exit_note: string | null }>(
    `SELECT to_char(ended_on, 'YYYY-MM-DD') AS ended_on, exit_reason, exit_note FROM post_appointments WHERE post_id = $1`,
    [postId],
  );
const postStatus = async (postId: number) => (await t.db.query<{ status: string }>('SELECT status FROM public_welfare_posts WHERE id = $1', [postId]))[0]!.status;
const issuesOf = (res: { json: () => { error: { code: string; details: { issues: { path: string; messageZh: string; messageEn: string }[] } } } }) => res.json().error;

describe('the member form: 公益性岗位 only through a hire, cleared only through an exit', () => {
  it('a new member or a member without a post cannot be given 公益性岗位 (400 on employmentChannel); another channel is fine', async () => {
    const h = await buildHousehold(t, { regionCode: village });
    const add = await req(town.cookie, 'POST', `/api/v1/households/${h.id}/members`, {
      idNumber: makeTestIdNumber(),
      name: '刘公益',
      relation: '20',
      education: 'junior',
      employmentChannel: 'public_post',
    });
    expect(add.statusCode, add.body).toBe(400);
    expect(issuesOf(add)).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'employmentChannel', messageZh: HIRE_FIRST }] } });
    expect(issuesOf(add).details.issues[0]!.messageEn).toContain('hire');
    const member = h.members[1]!;
    const patch = await req(town.cookie, 'PATCH', `/api/v1/persons/${member.id}`, { employmentChannel: 'public_post', version: 1 });
    expect(patch.statusCode).toBe(400);
    expect(issuesOf(patch).details.issues).toEqual([expect.objectContaining({ path: 'employmentChannel', messageZh: HIRE_FIRST })]);
    expect((await personRow(member.id)).employment_channel).toBeNull();
    const ok = await req(town.cookie, 'PATCH', `/api/v1/persons/${member.id}`, { employmentChannel: 'enterprise', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().employmentChannel).toBe('enterprise');
  });

  it('a holder keeps 公益性岗位: another channel or none is 400 naming the exit; the unchanged value is saved with other fields', async () => {
    const h = await buildHousehold(t, { regionCode: village });
    const holder = h.members[1]!.id;
    await hiredPost('表单保洁员', holder, `${monthBack(1)}-01`);
    const p = await personRow(holder);
    expect(p.employment_channel).toBe('public_post');
    for (const employmentChannel of ['enterprise', null]) {
      const res = await req(town.cookie, 'PATCH', `/api/v1/persons/${holder}`, { employmentChannel, version: p.version });
      expect(res.statusCode, res.body).toBe(400);
      expect(issuesOf(res).details.issues).toEqual([expect.objectContaining({ path: 'employmentChannel', messageZh: EXIT_FIRST })]);
    }
    const same = await req(town.cookie, 'PATCH', `/api/v1/persons/${holder}`, { employmentChannel: 'public_post', employerName: '村委会', version: p.version });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ employmentChannel: 'public_post', employerName: '村委会' });
  });
});

describe('a member’s 自然减少 ends the holding', () => {
  let postId = 0;
  let holder = 0;

  it('is refused (409 naming the post and the month) while a month after the exit date is paid; nothing changes', async () => {
    const h = await buildHousehold(t, { regionCode: village });
    holder = h.members[1]!.id;
    postId = await hiredPost('减员保洁员', holder, `${monthBack(3)}-15`);
    const paid = await req(town.cookie, 'POST', `/api/v1/posts/${postId}/payments`, { months: [monthBack(3), monthBack(2)] });
    expect(paid.statusCode, paid.body).toBe(201);
    const v = (await personRow(holder)).version;
    const res = await req(town.cookie, 'POST', `/api/v1/persons/${holder}/exit`, { reason: 'death', date: `${monthBack(3)}-20`, version: v });
    expect(res.statusCode, res.body).toBe(409);
    const [y, m] = monthBack(2).split('-').map(Number);
    expect(issuesOf(res)).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: {
        issues: [{ path: 'date', messageZh: `该成员所聘公益性岗位“减员保洁员”已发放${y}年${m}月的岗位补贴，晚于自然减少日期 ${monthBack(3)}-20，不能办理自然减少：请核实日期` }],
      },
    });
    expect(issuesOf(res).details.issues[0]!.messageEn).toContain(monthBack(2));
    expect(await personRow(holder)).toMatchObject({ exit_reason: null, employment_channel: 'public_post', version: v });
    expect(await holdings(postId)).toEqual([{ ended_on: null, exit_reason: null, exit_note: null }]);
    expect(await postStatus(postId)).toBe('filled');
  });

  it('on death: 退岗 on the exit date with reason 死亡, the post 待聘 again, 就业渠道 cleared, all audited', async () => {
    const date = `${monthBack(2)}-10`;
    const v = (await personRow(holder)).version;
    const res = await req(town.cookie, 'POST', `/api/v1/persons/${holder}/exit`, { reason: 'death', date, version: v });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ employmentChannel: null, exitReason: 'death' });
    expect(await holdings(postId)).toEqual([{ ended_on: date, exit_reason: 'death', exit_note: '随成员自然减少自动退岗' }]);
    expect(await postStatus(postId)).toBe('open');
    const audit = await t.db.query<{ action: string; after: { status?: string; employmentChannel?: string | null; appointment?: { endedOn: string } } }>(
      `SELECT action, after FROM audit_log WHERE (entity_type = 'public_post' AND entity_id = $1) OR (entity_type = 'person' AND entity_id = $2) ORDER BY id`,
      [postId, holder],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'hire', 'update', 'pay', 'exit', 'exit']);
    expect(audit[4]!.after).toMatchObject({ status: 'open', appointment: { endedOn: date } });
    expect(audit[5]!.after).toMatchObject({ employmentChannel: null });
    // J5 reads active holdings: none is left for the exited holder
    const active = await t.db.query('SELECT 1 FROM post_appointments WHERE person_id = $1 AND ended_on IS NULL', [holder]);
    expect(active).toEqual([]);
  });

  it('a restore brings the member back without the post (hire again under 公益性岗位)', async () => {
    const v = (await personRow(holder)).version;
    const res = await req(admin.cookie, 'POST', `/api/v1/persons/${holder}/restore`, { version: v });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ exitReason: null, employmentChannel: null });
    expect((await holdings(postId))[0]!.ended_on).not.toBeNull();
    expect(await postStatus(postId)).toBe('open');
  });

  it('moving out before the hire date: 退岗 on the start date, reason 不再符合条件', async () => {
    const h = await buildHousehold(t, { regionCode: village });
    const person = h.members[1]!.id;
    const start = `${monthBack(1)}-15`;
    const id = await hiredPost('迁出保洁员', person, start);
    const res = await req(town.cookie, 'POST', `/api/v1/persons/${person}/exit`, { reason: 'moved_out', date: `${monthBack(2)}-01`, version: (await personRow(person)).version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await holdings(id)).toEqual([{ ended_on: start, exit_reason: 'no_longer_eligible', exit_note: '随成员自然减少自动退岗' }]);
  });
});

describe('a whole household’s 自然减少 ends its members’ holdings', () => {
  it('refused while a later month is paid; then every holding ends on the date, posts 待聘, channels cleared and audited', async () => {
    const h = await buildHousehold(t, { regionCode: village });
    const [head, spouse] = [h.members[0]!.id, h.members[1]!.id];
    const first = await hiredPost('整户保洁员一', head, `${monthBack(3)}-01`);
    const second = await hiredPost('整户保洁员二', spouse, `${monthBack(3)}-01`);
    expect((await req(town.cookie, 'POST', `/api/v1/posts/${second}/payments`, { months: [monthBack(1)] })).statusCode).toBe(201);
    const early = await req(town.cookie, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'moved_out', date: `${monthBack(2)}-05`, version: 1 });
    expect(early.statusCode, early.body).toBe(409);
    expect(issuesOf(early).details.issues[0]!.messageZh).toContain('整户保洁员二');
    expect(await postStatus(first)).toBe('filled');
    const date = `${monthBack(1)}-05`;
    const res = await req(town.cookie, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'moved_out', date, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    for (const id of [first, second]) {
      expect(await holdings(id)).toEqual([{ ended_on: date, exit_reason: 'no_longer_eligible', exit_note: '随成员自然减少自动退岗' }]);
      expect(await postStatus(id)).toBe('open');
    }
    for (const id of [head, spouse]) expect(await personRow(id)).toMatchObject({ employment_channel: null, exit_reason: 'moved_out' });
    const audit = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_log WHERE action IN ('exit', 'update') AND ((entity_type = 'public_post' AND entity_id IN ($1, $2)) OR (entity_type = 'person' AND entity_id IN ($3, $4))) ORDER BY id`,
      [first, second, head, spouse],
    );
    expect(audit).toEqual([
      { entity_type: 'person', action: 'update' }, // the hire sets the channel
      { entity_type: 'person', action: 'update' },
      { entity_type: 'public_post', action: 'exit' },
      { entity_type: 'person', action: 'update' }, // the channel cleared
      { entity_type: 'public_post', action: 'exit' },
      { entity_type: 'person', action: 'update' },
    ]);
  });
});

// A member's or household's 自然减少 locks the person, then the holdings; a hire and a 退岗 lock the person before the
// post too, so the two never wait on each other in a circle (before, a 退岗 locked the post first: deadlock)
describe('lock order: the person before the post', () => {
  // two connections at once: PGlite has one, and serialises transactions
  it.runIf(!!process.env.TEST_DATABASE_URL)('a 退岗 and a hire wait for a 自然减少 that holds the person, and leave the post free to it', async () => {
    const waiting = () => lockWaiters(t);
    /** Holds the person's row as a 自然减少 does first, waits until `during` blocks on it, then locks the post as a 自然减少 does next. */
    async function asALeaver(personId: number, postId: number, during: () => Promise<{ statusCode: number; body: string }>): Promise<number> {
      const [held, go] = [gate(), gate()];
      let postLocked = false;
      const leaver = t.db.rawTransaction(async (tx) => {
        await tx.query(`SET LOCAL lock_timeout = '5s'`);
        await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR UPDATE', [personId]);
        held.open();
        await go.opened;
        await tx.query('SELECT 1 FROM public_welfare_posts WHERE id = $1 FOR UPDATE', [postId]);
        postLocked = true;
      });
      await held.opened;
      const other = during();
      await waiting();
      go.open();
      await leaver;
      expect(postLocked).toBe(true);
      return (await other).statusCode;
    }
    const h = await buildHousehold(t, { regionCode: village });
    const member = h.members[1]!.id;
    const postId = await hiredPost('锁序保洁员', member, `${monthBack(2)}-01`);
    const appointmentId = (await t.db.query<{ id: number }>('SELECT id FROM post_appointments WHERE post_id = $1', [postId]))[0]!.id;
    const exit = () => req(town.cookie, 'POST', `/api/v1/posts/${postId}/appointments/${appointmentId}/exit`, { endedOn: todayInChina(), exitReason: 'found_job', version: 1 });
    expect(await asALeaver(member, postId, exit)).toBe(200);
    expect(await postStatus(postId)).toBe('open');
    const version = (await req(town.cookie, 'GET', `/api/v1/posts/${postId}`)).json().version;
    const hire = () => req(town.cookie, 'POST', `/api/v1/posts/${postId}/appointments`, { personId: member, startedOn: todayInChina(), version });
    expect(await asALeaver(member, postId, hire)).toBe(201);
    expect(await postStatus(postId)).toBe('filled');
  });
});
