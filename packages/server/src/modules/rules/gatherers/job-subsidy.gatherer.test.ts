import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../../test/factories.ts';
import { JOB_SUBSIDY_GATHERER } from './job-subsidy.gatherers.ts';
import { gatherJobSubsidyFacts, jobSubsidyFactsQuery } from './job-subsidy-facts.repo.ts';

describe('job-subsidy facts SQL', () => {
  it('persons of 脱贫户/监测户 who work out of the province, run a business or have a registry employer, and persons paid', async () => {
    const { params, text } = factsSnapshot('job-subsidy facts over a county, year 2025', jobSubsidyFactsQuery({ prefix: '411272', year: 2025 }));
    expect(params).toEqual([2025, '411272%', 'lifted', 'monitored', 'out_province', 'self_employed', 'self_employed', '411272%', 2025]);
    await expect(text).toMatchFileSnapshot('./__snapshots__/job-subsidy-facts.sql');
  });
});

describe('job-subsidy facts on rows, and J1/J2/J3 through the rule layer (sanmenxia pack)', () => {
  let t: TestApp;
  let tree: RegionTree;
  let admin: { cookie: string };
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    admin = await buildUser(t, 'admin', tree.county.code);
    const v = tree.townships[0]!.villages[0]!.code;
    const far = tree.townships[1]!.villages[0]!.code;
    const [ent] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'enterprise', '红枣加工厂') RETURNING id`, [v]);
    ids.entity = Number(ent!.id);
    const lifted = await buildHousehold(t, {
      regionCode: v,
      householdType: 'lifted',
      members: [{ employmentStatus: 'out_province' }, { relation: '10', employmentChannel: 'self_employed' }, { relation: '20', employmentStatus: 'in_county' }],
    });
    const monitored = await buildHousehold(t, { regionCode: v, householdType: 'monitored', members: [{ employerEntityId: ids.entity, workMonths: 7 }] });
    const ordinary = await buildHousehold(t, { regionCode: v, householdType: 'ordinary', members: [{ employmentStatus: 'out_province' }] });
    const farH = await buildHousehold(t, { regionCode: far, householdType: 'lifted', members: [{ employmentStatus: 'out_province' }] });
    ids.migrant = lifted.members[0]!.id;
    ids.owner = lifted.members[1]!.id;
    ids.local = lifted.members[2]!.id;
    ids.hired = monitored.members[0]!.id;
    ids.ordinary = ordinary.members[0]!.id;
    ids.far = farH.members[0]!.id;
    // J1 of 2025 paid to the far migrant (300 元); the ordinary person was paid in 2024 (kept as a subject: paid)
    await t.db.query(
      `INSERT INTO subsidy_payments (kind, year, person_id, household_id, region_code, amount_fen, paid_on) VALUES ('travel', 2025, $1, $2, $3, 30000, '2025-03-01')`,
      [ids.far, farH.id, far],
    );
    await t.db.query(
      `INSERT INTO subsidy_payments (kind, year, person_id, household_id, region_code, amount_fen, paid_on) VALUES ('travel', 2024, $1, $2, $3, 20000, '2024-03-01')`,
      [ids.ordinary, ordinary.id, v],
    );
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/policy/active',
      headers: { cookie: admin.cookie },
      payload: { packId: 'sanmenxia', countyCode: tree.county.code },
    });
    expect(put.statusCode, put.body).toBe(200);
  }, 240_000);
  afterAll(async () => t?.close());

  it('maps the candidates of the prefix with their payments up to the year', async () => {
    const facts = await gatherJobSubsidyFacts(t.db.db, { prefix: tree.townships[0]!.prefix, year: 2025 });
    expect(facts.map((f) => f.personId).sort()).toEqual([ids.migrant, ids.owner, ids.hired, ids.ordinary].sort());
    expect(facts.find((f) => f.personId === ids.hired)).toMatchObject({ householdType: 'monitored', workMonths: 7, employerEntityId: ids.entity, exited: false, payments: [] });
    expect(facts.find((f) => f.personId === ids.ordinary)!.payments).toEqual([{ kind: 'travel', year: 2024, amountFen: 20_000, entityId: null }]);
    const before = await gatherJobSubsidyFacts(t.db.db, { prefix: tree.townships[0]!.prefix, year: 2023 });
    expect(before.map((f) => f.personId)).not.toContain(ids.ordinary);
    expect(JOB_SUBSIDY_GATHERER.kind).toBe('job_subsidy');
  });

  it('J1 through the stored results: the far migrant is paid, the village migrant is not', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/J1/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect([r.total, r.met, r.status]).toEqual([2, 1, 'not_met']);
    expect(r.failing.map((f: { key: string }) => Number(f.key))).toEqual([ids.migrant]);
    expect(r.failing[0].reasonZh).toContain('符合条件未发放');
    // the drill-down names the person with the 户编号 (rule-subjects.ts labels job_subsidy keys as persons)
    expect(r.failing[0].label).toMatch(/^成员\d+（T\w+）$/);
  });

  it('J2 and J3 through the stored results', async () => {
    const j2 = (await t.app.inject({ method: 'GET', url: `/api/v1/rules/J2/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } })).json();
    expect([j2.total, j2.met]).toEqual([1, 0]);
    expect(j2.failing.map((f: { key: string }) => Number(f.key))).toEqual([ids.owner]);
    const j3 = (await t.app.inject({ method: 'GET', url: `/api/v1/rules/J3/evaluate?regionCode=${tree.county.code}&year=2025`, headers: { cookie: admin.cookie } })).json();
    expect([j3.total, j3.met]).toEqual([1, 0]);
    expect(j3.failing.map((f: { key: string }) => f.key)).toEqual([`${ids.entity}:${ids.hired}`]);
  });
});
