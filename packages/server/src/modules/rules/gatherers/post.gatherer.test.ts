import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../../test/factories.ts';
import { EMPLOYER_GATHERER } from './employer.gatherers.ts';
import { employerFactsQuery, gatherEmployerFacts } from './employer-facts.repo.ts';
import { POST_GATHERER } from './post.gatherers.ts';
import { gatherPostFacts, postFactsQuery } from './post-facts.repo.ts';

// J5 (003 §二(二)4) and J4 (002 §二(二)3): the post and employer facts statements, their rows, and the rules through
// the stored results (三门峡示范区 pack for J5, 晋城 pack for J4 in 2023).
const dialect = new PgDialect({ casing: 'snake_case' });
const snap = (what: string, q: { sql: string; params: unknown[] }) => `-- ${what}\n-- params: ${JSON.stringify(q.params)}\n${q.sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n`;

describe('post and employer facts SQL', () => {
  it('every post under the prefix with its holdings and paid months', async () => {
    const q = dialect.sqlToQuery(postFactsQuery({ prefix: '411272', year: 2025 }));
    expect(q.params).toEqual(['411272%']);
    await expect(snap('post facts over a county, year 2025', q)).toMatchFileSnapshot('./__snapshots__/post-facts.sql');
  });
  it('workshops and relocation parks with their lifted employees, and each region’s post holders of the year', async () => {
    const q = dialect.sqlToQuery(employerFactsQuery({ prefix: '140521', year: 2023 }));
    expect(q.params).toEqual(['140521%', '140521%', 2023, 2023]);
    await expect(snap('employer facts over a county, year 2023', q)).toMatchFileSnapshot('./__snapshots__/employer-facts.sql');
  });
});

describe('post and employer facts on rows, J5 and J4 through the rule layer', () => {
  let t: TestApp;
  let tree: RegionTree;
  let admin: { cookie: string };
  let v: string;
  const ids: Record<string, number> = {};
  const year = 2023;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    admin = await buildUser(t, 'admin', tree.county.code);
    v = tree.townships[0]!.villages[0]!.code;
    const q = async (text: string, params: unknown[]) => Number((await t.db.query<{ id: number }>(text, params))[0]?.id);
    const post = (name: string, status: string) =>
      q(
        `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status, created_at) VALUES ($1, $2, 'cleaning', '村道保洁', 50000, $3, '2023-01-02') RETURNING id`,
        [v, name, status],
      );
    const lifted = await buildHousehold(t, { regionCode: v, householdType: 'lifted', members: [{ name: '王桂花' }, { name: '王大' }, { name: '王二' }] });
    const ordinary = await buildHousehold(t, { regionCode: v, householdType: 'ordinary', members: [{ name: '赵三' }, { name: '赵四' }] });
    const hold = (post: number, person: { id: number; householdId: number }, startedOn: string, endedOn: string | null, reason: string | null) =>
      q(`INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on, ended_on, exit_reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [
        post,
        person.id,
        person.householdId,
        v,
        startedOn,
        endedOn,
        reason,
      ]);
    const pay = (appointment: number, post: number, personId: number, months: string[]) =>
      Promise.all(
        months.map((m) =>
          t.db.query(`INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen) VALUES ($1, $2, $3, $4, $5, 50000)`, [
            appointment,
            post,
            personId,
            v,
            `${m}-01`,
          ]),
        ),
      );
    const all = (to: number) => Array.from({ length: to }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
    // a post paid every month of 2023; one whose holder lacks November; one paid in March after a February exit
    ids.paid = await post('一村保洁员', 'filled');
    ids.wang = lifted.members[0]!.id;
    ids.a1 = await hold(ids.paid, lifted.members[0]!, '2023-01-05', null, null);
    await pay(ids.a1, ids.paid, lifted.members[0]!.id, all(12));
    ids.gap = await post('一村护路员', 'filled');
    ids.a2 = await hold(ids.gap, ordinary.members[0]!, '2023-01-05', null, null);
    await pay(
      ids.a2,
      ids.gap,
      ordinary.members[0]!.id,
      all(12).filter((m) => m !== '2023-11'),
    );
    ids.after = await post('一村水管员', 'open');
    ids.a3 = await hold(ids.after, lifted.members[1]!, '2023-01-05', '2023-02-10', 'resigned');
    await pay(ids.a3, ids.after, lifted.members[1]!.id, ['2023-01', '2023-02', '2023-03']);
    // J4: a workshop with 9 employees, 3 of them from the lifted household (3/9 = 1/3: met); a park without its count
    ids.workshop = await q(`INSERT INTO entities (region_code, entity_type, name, employee_count) VALUES ($1, 'workshop', '一村帮扶车间', 9) RETURNING id`, [v]);
    ids.park = await q(`INSERT INTO entities (region_code, entity_type, name, is_relocation_park) VALUES ($1, 'enterprise', '安置区加工园', true) RETURNING id`, [v]);
    await q(`INSERT INTO entities (region_code, entity_type, name, employee_count) VALUES ($1, 'enterprise', '普通企业', 50) RETURNING id`, [v]);
    await t.db.query(`UPDATE persons SET employer_entity_id = $1 WHERE household_id IN ($2, $3)`, [ids.workshop, lifted.id, ordinary.id]);
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps each post with its holdings and paid months', async () => {
    const facts = await gatherPostFacts(t.db.db, { prefix: tree.county.prefix, year }, '2024-02-01');
    expect(facts.map((f) => f.postId)).toEqual([ids.paid, ids.gap, ids.after]);
    expect(facts[2]).toMatchObject({ status: 'open', createdOn: '2023-01-02', closedOn: null, asOf: '2024-02-01' });
    expect(facts[2]!.holdings).toEqual([
      {
        appointmentId: ids.a3,
        personName: '王大',
        startedOn: '2023-01-05',
        endedOn: '2023-02-10',
        exitReason: 'resigned',
        holderExitReason: null,
        holderExitDate: null,
        paidMonths: ['2023-01', '2023-02', '2023-03'],
      },
    ]);
    expect(POST_GATHERER.kind).toBe('post');
  });

  it('maps workshops and parks with their lifted employees and the village’s post holders', async () => {
    const facts = await gatherEmployerFacts(t.db.db, { prefix: tree.county.prefix, year }, '2024-02-01');
    expect(facts).toEqual([
      {
        kind: 'entity',
        entityId: ids.workshop,
        regionCode: v,
        name: '一村帮扶车间',
        entityType: 'workshop',
        isRelocationPark: false,
        status: 'active',
        employeeCount: 9,
        liftedEmployed: 3,
      },
      {
        kind: 'entity',
        entityId: ids.park,
        regionCode: v,
        name: '安置区加工园',
        entityType: 'enterprise',
        isRelocationPark: true,
        status: 'active',
        employeeCount: null,
        liftedEmployed: 0,
      },
      {
        kind: 'village_posts',
        regionCode: v,
        name: tree.townships[0]!.villages[0]!.name,
        asOf: '2024-02-01',
        holders: [
          { startedOn: '2023-01-05', endedOn: null, lifted: true },
          { startedOn: '2023-01-05', endedOn: null, lifted: false },
          { startedOn: '2023-01-05', endedOn: '2023-02-10', lifted: true },
        ],
      },
    ]);
    expect(EMPLOYER_GATHERER.kind).toBe('employer');
  });

  const evaluate = async (packId: string, ruleId: string) => {
    const now = (await t.app.inject({ method: 'GET', url: `/api/v1/policy/active?countyCode=${tree.county.code}`, headers: { cookie: admin.cookie } })).json() as {
      version: number | null;
    };
    const payload = { packId, countyCode: tree.county.code, ...(now.version === null ? {} : { version: now.version }) };
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/policy/active', headers: { cookie: admin.cookie }, payload });
    expect(put.statusCode, put.body).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/${ruleId}/evaluate?regionCode=${tree.county.code}&year=${year}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('J5 through the stored results: 在岗未领补 November and a month paid after the exit are the two failing posts', async () => {
    const r = await evaluate('sanmenxia', 'J5');
    expect([r.total, r.met, r.status]).toEqual([3, 1, 'not_met']);
    const byKey = Object.fromEntries(r.failing.map((f: { key: string; reasonZh: string }) => [f.key, f.reasonZh]));
    expect(byKey[String(ids.gap)]).toBe('「一村护路员」在岗未领补：赵三 2023年11月');
    expect(byKey[String(ids.after)]).toBe('「一村水管员」王大在2023年3月不在岗却领取补贴');
    // the drill-down names the post and links to it
    expect(r.failing.find((f: { key: string }) => f.key === String(ids.gap))).toMatchObject({ label: '一村护路员', link: `/industry/posts/${ids.gap}` });
  });

  it('J4 through the stored results (晋城 2023): the workshop 1/3 met, the park 职工人数未填报, the village’s posts 1 of 2 脱贫 = 一半', async () => {
    const r = await evaluate('jincheng', 'J4');
    expect([r.total, r.met]).toEqual([3, 2]);
    expect(r.failing.map((f: { key: string }) => f.key)).toEqual([String(ids.park)]);
    expect(r.failing[0].reasonZh).toContain('职工人数未填报');
    expect(r.failing[0]).toMatchObject({ label: '安置区加工园', link: `/industry/entities/${ids.park}` });
  });

  const read = async (ruleId: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/${ruleId}/evaluate?regionCode=${tree.county.code}&year=${year}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { failing: { key: string; reasonZh: string }[] };
  };

  it('J4 is re-gathered for the county: a 脱贫 person of another township joining a workshop of this village changes its result on the next read', async () => {
    const small = await t.db.query<{ id: number }>(
      `INSERT INTO entities (region_code, entity_type, name, employee_count) VALUES ($1, 'workshop', '一村编织车间', 3) RETURNING id`,
      [v],
    );
    const key = String(small[0]!.id);
    const before = await read('J4');
    expect(before.failing.find((f) => f.key === key)?.reasonZh).toContain('其中脱贫人口 0 人');
    const far = tree.townships[1]!.villages[0]!.code;
    const h = await buildHousehold(t, { regionCode: far, householdType: 'lifted', members: [{ name: '钱远' }] });
    await t.db.query(`UPDATE persons SET employer_entity_id = $1 WHERE id = $2`, [key, h.members[0]!.id]);
    const after = await read('J4');
    expect(after.failing.map((f) => f.key)).not.toContain(key);
  });

  it('J5: an active holding whose holder died (自然减少) is 持岗人员已自然减少，未办理退岗, the months paid after it listed', async () => {
    await t.db.query(`UPDATE persons SET exit_reason = 'death', exit_date = '2023-06-15' WHERE id = $1`, [ids.wang]);
    const r = await evaluate('sanmenxia', 'J5');
    expect(r.failing.find((f: { key: string }) => f.key === String(ids.paid))?.reasonZh).toBe(
      '「一村保洁员」持岗人员王桂花已自然减少（死亡，2023-06-15），未办理退岗；王桂花在2023年7月、8月、9月、10月、11月、12月不在岗却领取补贴',
    );
  });
});
