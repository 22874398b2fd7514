import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../../test/factories.ts';
import { WORKER_GATHERER } from './worker.gatherers.ts';
import { gatherWorkerFacts, workerFactsQuery } from './worker-facts.repo.ts';

describe('worker facts SQL', () => {
  it('working-age persons of the asked household types with jobs, skills and the year’s trainings', async () => {
    const { params, text } = factsSnapshot(
      'worker facts over a county, year 2025, 脱贫户 and 监测户',
      workerFactsQuery({ prefix: '410781', year: 2025, filter: { householdTypes: ['lifted', 'monitored'] } }),
    );
    expect(params).toEqual([
      '410781%',
      '2025-12-31',
      '2025-01-01',
      '2025-12-31',
      '2025-01-01',
      '2025-12-31',
      '410781%',
      2025,
      '410781%',
      2025,
      59,
      2025,
      16,
      '{"lifted","monitored"}',
    ]);
    await expect(text).toMatchFileSnapshot('./__snapshots__/worker-facts.sql');
  });
});

describe('worker facts on rows, and H4 / H7 through the rule layer', () => {
  let t: TestApp;
  let smx: RegionTree;
  let jc: RegionTree;
  const ids: Record<string, number> = {};
  const cookies: Record<string, string> = {};
  const person = async (tree: RegionTree, key: string, householdType: string, birth: string, fields: Record<string, unknown>) => {
    const h = await buildHousehold(t, {
      regionCode: tree.townships[0]!.villages[0]!.code,
      householdType,
      members: [{ idNumber: makeTestIdNumber({ birth }), laborCapacity: 'ordinary', ...fields }],
    });
    ids[key] = h.members[0]!.id;
    return h.members[0]!;
  };
  const training = async (tree: RegionTree, startsOn: string, skill: string | null) =>
    Number(
      (
        await t.db.query<{ id: number }>(`INSERT INTO trainings (region_code, course, starts_on, skill) VALUES ($1, $2, $3, $4) RETURNING id`, [
          tree.townships[0]!.code,
          `${skill ?? '综合'}培训班`,
          startsOn,
          skill,
        ])
      )[0]?.id,
    );
  const join = async (trainingId: number, p: { id: number; householdId: number; regionCode: string }, completed = true) =>
    t.db.query(`INSERT INTO training_participants (training_id, person_id, household_id, region_code, completed) VALUES ($1, $2, $3, $4, $5)`, [
      trainingId,
      p.id,
      p.householdId,
      p.regionCode,
      completed,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    smx = await buildRegionTree(t);
    jc = await buildRegionTree(t);
    // 三门峡 H4 (003 §一(二)2), 2025: a job and a skill for every willing worker of 脱贫户 and 监测户
    await person(smx, 'both', 'lifted', '19850315', { wantsWork: true, employmentStatus: 'in_county', skills: ['电工'] });
    const viaPost = await person(smx, 'viaPost', 'lifted', '19900101', { wantsWork: true, employmentStatus: 'not_working' });
    // 就业渠道 recorded, 务工状况 blank: has a job, as the coverage gatherer counts workers
    await person(smx, 'viaChannel', 'lifted', '19870101', { wantsWork: true, employmentStatus: null, employmentChannel: 'flexible', skills: ['电焊'] });
    await person(smx, 'neither', 'monitored', '19800601', { wantsWork: true, employmentStatus: 'not_working' });
    await person(smx, 'old', 'lifted', '19600101', { wantsWork: true, employmentStatus: 'not_working' }); // 65 in 2025
    await person(smx, 'ordinary', 'ordinary', '19850101', { wantsWork: true, employmentStatus: 'not_working' });
    await person(smx, 'unwilling', 'lifted', '19850101', { wantsWork: false, employmentStatus: 'not_working' });
    const v = smx.townships[0]!.villages[0]!.code;
    const post = Number(
      (
        await t.db.query<{ id: number }>(
          `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, '村保洁员', 'cleaning', '村内环境保洁', 50000, 'filled') RETURNING id`,
          [v],
        )
      )[0]?.id,
    );
    await t.db.query(`INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2025-03-01')`, [
      post,
      viaPost.id,
      viaPost.householdId,
      v,
    ]);
    await join(await training(smx, '2025-04-10', '大枣栽培管理'), viaPost);
    // 晋城 H7 (002 §二(三)1), 2023: at least one training a year for every willing 脱贫 worker
    const trained = await person(jc, 'trained', 'lifted', '19850315', { wantsTraining: true });
    const lastYear = await person(jc, 'lastYear', 'lifted', '19880315', { wantsTraining: true });
    await person(jc, 'noWish', 'lifted', '19880315', { wantsTraining: false });
    await join(await training(jc, '2023-05-06', '设施蔬菜种植'), trained, false);
    await join(await training(jc, '2022-11-01', '果树修剪'), lastYear);
    for (const [tree, packId] of [
      [smx, 'sanmenxia'],
      [jc, 'jincheng'],
    ] as const) {
      const admin = await buildUser(t, 'admin', tree.county.code);
      cookies[packId] = admin.cookie;
      const put = await t.app.inject({ method: 'PUT', url: '/api/v1/policy/active', headers: { cookie: admin.cookie }, payload: { packId, countyCode: tree.county.code } });
      expect(put.statusCode, put.body).toBe(200);
    }
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps working-age persons: a job through a 公益性岗位, a skill through a completed training', async () => {
    const facts = await gatherWorkerFacts(t.db.db, { prefix: smx.county.prefix, year: 2025, filter: { householdTypes: ['lifted', 'monitored'] } });
    expect(facts.map((f) => f.personId).sort()).toEqual([ids.both!, ids.viaPost!, ids.viaChannel!, ids.neither!, ids.unwilling!].sort());
    expect(facts.find((f) => f.personId === ids.viaPost)).toMatchObject({
      age: 35,
      householdType: 'lifted',
      wantsWork: true,
      hasJob: true,
      skills: ['大枣栽培管理'],
      trainingsThisYear: 1,
    });
    expect(facts.find((f) => f.personId === ids.neither)).toMatchObject({ householdType: 'monitored', hasJob: false, skills: [], trainingsThisYear: 0 });
    expect(facts.find((f) => f.personId === ids.both)).toMatchObject({ age: 40, hasJob: true, skills: ['电工'] });
    expect(facts.find((f) => f.personId === ids.viaChannel)).toMatchObject({ hasJob: true, skills: ['电焊'] });
    // a training not completed counts as a training of the year but teaches no skill
    const jcFacts = await gatherWorkerFacts(t.db.db, { prefix: jc.county.prefix, year: 2023 });
    expect(jcFacts.find((f) => f.personId === ids.trained)).toMatchObject({ trainingsThisYear: 1, skills: [] });
    expect(jcFacts.find((f) => f.personId === ids.lastYear)).toMatchObject({ trainingsThisYear: 0, skills: ['果树修剪'] });
    expect(WORKER_GATHERER.kind).toBe('worker');
  });

  it('H4 through the stored results: the 监测户 worker without job and skill fails, named', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/H4/evaluate?regionCode=${smx.county.code}&year=2025`, headers: { cookie: cookies.sanmenxia! } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.total, r.met, r.status]).toEqual([4, 3, 'not_met']);
    expect(r.failing.map((f: { key: string }) => Number(f.key))).toEqual([ids.neither]);
    expect(r.failing[0].reasonZh).toBe('无就业岗位、无技能');
    expect(r.failing[0].label).toMatch(/^成员/);
  });

  it('H7 through the stored results: trained in 2022 only is 本年度未参加培训 in 2023', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/H7/evaluate?regionCode=${jc.county.code}&year=2023`, headers: { cookie: cookies.jincheng! } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.total, r.met, r.status]).toEqual([2, 1, 'not_met']);
    expect(r.failing.map((f: { key: string }) => Number(f.key))).toEqual([ids.lastYear]);
    expect(r.failing[0].reasonZh).toBe('本年度未参加培训；掌握技能 1 项');
  });

  it('a training added later reaches H7 through the dirty marks', async () => {
    const p = (await t.db.query<{ id: number; household_id: number; region_code: string }>(`SELECT id, household_id, region_code FROM persons WHERE id = $1`, [ids.lastYear]))[0]!;
    await join(await training(jc, '2023-09-01', '果树修剪'), { id: p.id, householdId: p.household_id, regionCode: p.region_code });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/H7/evaluate?regionCode=${jc.county.code}&year=2023`, headers: { cookie: cookies.jincheng! } });
    expect([res.json().total, res.json().met, res.json().status]).toEqual([2, 2, 'met']);
  });
});
