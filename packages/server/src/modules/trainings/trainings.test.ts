import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { entities } from '@chanbang/db';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 技能培训 (issue 8 §6): CRUD scoped by the organising region, versions and audit; participants of the scope; a
// completed course adds its skill to the person (H4 有技能); the member form's employment fields (issue 8 §4).
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let township: U, otherTownship: U, village: U, viewer: U;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  otherTownship = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village = await buildUser(t, 'village_officer', tree.townships[0]!.villages[0]!.code);
  viewer = await buildUser(t, 'viewer', tree.townships[0]!.code);
}, 120_000);
afterAll(async () => t?.close());

const buildEntity = async (_t: TestApp, v: { regionCode: string; name: string }) =>
  (
    await t.db.db
      .insert(entities)
      .values({ ...v, entityType: 'leading_enterprise' })
      .returning()
  )[0]!;

const req = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

const course = (over: Record<string, unknown> = {}) => ({
  regionCode: tree.townships[0]!.code,
  course: '大枣栽培管理培训班',
  provider: '县农业技术推广中心',
  startsOn: '2025-04-10',
  endsOn: '2025-04-12',
  skill: '大枣栽培管理',
  certificate: 'completion',
  ...over,
});

describe('trainings', () => {
  it('create, read, list by year, edit with version (409 stale), audited', async () => {
    const res = await req(township, 'POST', '/api/v1/trainings', course());
    expect(res.statusCode, res.body).toBe(201);
    const tr = res.json();
    expect(tr).toMatchObject({ course: '大枣栽培管理培训班', skill: '大枣栽培管理', participants: 0, version: 1, participantList: [] });
    const list = await req(township, 'GET', `/api/v1/trainings?year=2025&q=${encodeURIComponent('大枣')}`);
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(tr.id);
    expect((await req(township, 'GET', '/api/v1/trainings?year=2024')).json().items.map((i: { id: number }) => i.id)).not.toContain(tr.id);
    const ok = await req(township, 'PATCH', `/api/v1/trainings/${tr.id}`, { provider: '县人社局', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ provider: '县人社局', version: 2 });
    const stale = await req(township, 'PATCH', `/api/v1/trainings/${tr.id}`, { provider: '某机构', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await req(township, 'PATCH', `/api/v1/trainings/${tr.id}`, { provider: '某机构' })).statusCode).toBe(428);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'training' AND entity_id = $1 ORDER BY id`, [String(tr.id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('bad input names the field; another township’s region is 403, its training 404; a viewer may not write', async () => {
    const bad = await req(township, 'POST', '/api/v1/trainings', course({ endsOn: '2025-04-01', certificate: 'gold' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['certificate', 'endsOn']);
    expect(bad.json().error.details.issues[0].messageZh).toBeTruthy();
    expect((await req(township, 'POST', '/api/v1/trainings', course({ regionCode: tree.townships[1]!.code }))).statusCode).toBe(403);
    const theirs = (await req(otherTownship, 'POST', '/api/v1/trainings', course({ regionCode: tree.townships[1]!.code }))).json();
    const missing = await req(township, 'GET', `/api/v1/trainings/999999999`);
    const hidden = await req(township, 'GET', `/api/v1/trainings/${theirs.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe(missing.json().error.code);
    expect((await req(township, 'PATCH', `/api/v1/trainings/${theirs.id}`, { note: 'x', version: 1 })).statusCode).toBe(404);
    expect((await req(viewer, 'POST', '/api/v1/trainings', course())).statusCode).toBe(403);
  });

  it('participants: a completed course adds its skill once; persons outside the scope or the organiser’s region are refused alike', async () => {
    const tr = (await req(township, 'POST', '/api/v1/trainings', course({ skill: '设施蔬菜种植' }))).json();
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code, members: [{ laborCapacity: 'ordinary', skills: ['电工'] }] });
    const p = h.members[0]!;
    const add = await req(village, 'POST', `/api/v1/trainings/${tr.id}/participants`, { personId: p.id, certificateNo: 'JY-2025-001' });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ skillAdded: '设施蔬菜种植', participant: { personId: p.id, completed: true, certificateNo: 'JY-2025-001' } });
    // the village officer sees a masked ID number
    expect(add.json().participant.idNumber).toContain('*');
    // the township's course is open to the village officer (listed, readable) but only its organiser changes it
    expect((await req(village, 'GET', '/api/v1/trainings')).json().items.map((i: { id: number }) => i.id)).toContain(tr.id);
    expect((await req(village, 'PATCH', `/api/v1/trainings/${tr.id}`, { note: '村里改', version: tr.version })).statusCode).toBe(403);
    const person = (await t.db.query<{ skills: string[]; version: number }>(`SELECT skills, version FROM persons WHERE id = $1`, [p.id]))[0]!;
    expect(person.skills).toEqual(['电工', '设施蔬菜种植']);
    expect(person.version).toBe(2);
    expect((await req(township, 'POST', `/api/v1/trainings/${tr.id}/participants`, { personId: p.id })).statusCode).toBe(409);
    // not completed: no skill
    const h2 = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code, members: [{ laborCapacity: 'ordinary' }] });
    const add2 = await req(township, 'POST', `/api/v1/trainings/${tr.id}/participants`, { personId: h2.members[0]!.id, completed: false });
    expect(add2.json().skillAdded).toBeNull();
    // then completed by a PATCH: the skill comes
    const part = add2.json().participant;
    const done = await req(township, 'PATCH', `/api/v1/training-participants/${part.id}`, { completed: true, version: part.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().skillAdded).toBe('设施蔬菜种植');
    // other township's person, and a person of this township but another village for a village officer: the same 400
    const far = await buildHousehold(t, { regionCode: tree.townships[1]!.villages[0]!.code });
    const refused = await req(township, 'POST', `/api/v1/trainings/${tr.id}/participants`, { personId: far.members[0]!.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('personId');
    const gone = await req(township, 'POST', `/api/v1/trainings/${tr.id}/participants`, { personId: 999999999 });
    expect(gone.json().error.details.issues[0].messageZh).toBe(refused.json().error.details.issues[0].messageZh);
    // candidates: by name prefix, marked when already in
    const cand = await req(township, 'GET', `/api/v1/trainings/${tr.id}/candidates?q=${encodeURIComponent(p.name)}`);
    expect(cand.json().items).toEqual([expect.objectContaining({ personId: p.id, already: true })]);
    // detail lists both; remove one with its version
    const detail = (await req(township, 'GET', `/api/v1/trainings/${tr.id}`)).json();
    expect([detail.participants, detail.completed]).toEqual([2, 2]);
    const first = detail.participantList.find((x: { personId: number }) => x.personId === p.id);
    expect((await req(township, 'DELETE', `/api/v1/training-participants/${first.id}`)).statusCode).toBe(428);
    expect((await req(township, 'DELETE', `/api/v1/training-participants/${first.id}?version=${first.version}`)).statusCode).toBe(204);
    expect((await req(otherTownship, 'DELETE', `/api/v1/trainings/${tr.id}?version=${detail.version}`)).statusCode).toBe(404);
    expect((await req(township, 'DELETE', `/api/v1/trainings/${tr.id}?version=${detail.version}`)).statusCode).toBe(204);
    // the person keeps the skill
    expect((await t.db.query<{ skills: string[] }>(`SELECT skills FROM persons WHERE id = $1`, [p.id]))[0]!.skills).toContain('设施蔬菜种植');
  });
});

describe('member employment fields (PATCH /persons/:id)', () => {
  it('就业意愿, 就业渠道, 务工企业 (an entity of the scope), 月收入 in 元 → 分, skills without repeats; versioned', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const p = h.members[1]!;
    const ent = await buildEntity(t, { regionCode: tree.county.code, name: '县红枣加工有限公司' });
    const res = await req(township, 'PATCH', `/api/v1/persons/${p.id}`, {
      version: p.version,
      wantsWork: true,
      employmentStatus: 'in_county',
      employmentChannel: 'enterprise',
      employerEntityId: ent.id,
      monthlyWageYuan: 3200.5,
      skills: ['电工', ' 电工', '果树修剪'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      wantsWork: true,
      employmentChannel: 'enterprise',
      employerEntityId: ent.id,
      employerName: '县红枣加工有限公司',
      monthlyWageYuan: 3200.5,
      skills: ['电工', '果树修剪'],
    });
    const row = (await t.db.query<{ monthly_wage_fen: string }>(`SELECT monthly_wage_fen FROM persons WHERE id = $1`, [p.id]))[0]!;
    expect(Number(row.monthly_wage_fen)).toBe(320050);
    const badChannel = await req(township, 'PATCH', `/api/v1/persons/${p.id}`, { version: p.version + 1, employmentChannel: 'lottery', monthlyWageYuan: 1.234 });
    expect(badChannel.statusCode).toBe(400);
    const other = await buildEntity(t, { regionCode: tree.townships[1]!.code, name: '别镇合作社' });
    const hidden = await req(township, 'PATCH', `/api/v1/persons/${p.id}`, { version: p.version + 1, employerEntityId: other.id });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details.issues[0].path).toBe('employerEntityId');
    expect(hidden.body).not.toContain('别镇合作社');
  });
});
