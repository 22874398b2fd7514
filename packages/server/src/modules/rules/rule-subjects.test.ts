import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';

// The drill-down of a rule (rule-subjects.ts): labels, region names and links of person, J3 pair, household and
// village-posts subjects, read through the stored results and GET /rules/:ruleId/evaluate and /results.

type Item = { key: string; label: string | null; regionCode: string; regionName: string | null; link: string | null; reasonZh: string };

describe('rule drill-down subjects: labels, regions and links', () => {
  let t: TestApp;
  let tree: RegionTree;
  let jin: RegionTree;
  let admin: { cookie: string };
  let jinAdmin: { cookie: string };
  let group: string;
  let groupName: string;
  const ids: Record<string, number> = {};
  let householdNo = '';

  const cookieOf = (countyCode: string) => (countyCode === jin.county.code ? jinAdmin : admin).cookie;
  const activate = async (packId: string, countyCode: string) => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/policy/active', headers: { cookie: cookieOf(countyCode) }, payload: { packId, countyCode } });
    expect(put.statusCode, put.body).toBe(200);
  };
  const failing = async (ruleId: string, countyCode: string, year: number): Promise<Item[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rules/${ruleId}/evaluate?regionCode=${countyCode}&year=${year}`, headers: { cookie: cookieOf(countyCode) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().failing as Item[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
    jin = await buildRegionTree(t, { townships: 1, villages: 1 });
    admin = await buildUser(t, 'admin', tree.county.code);
    jinAdmin = await buildUser(t, 'admin', jin.county.code);
    const village = tree.townships[0]!.villages[0]!;
    group = `${village.code}002`;
    groupName = '第二村民小组';
    await t.db.db.insert(regions).values({ code: group, prefix: group, level: 'group', name: groupName, parentCode: village.code });
    const [ent] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'enterprise', '红枣加工厂') RETURNING id`, [village.code]);
    ids.entity = Number(ent!.id);
    // a 脱贫户 in the village's second group: the head works out of the province (J1 unpaid), the second member has
    // labour and wants work but no job and no skill (H4), the third has worked 7 months for the entity (J3 unpaid);
    // no measure, project or linkage (H3 fails the household)
    const born = makeTestIdNumber({ birth: '19900101' });
    const h = await buildHousehold(t, {
      regionCode: group,
      householdType: 'lifted',
      members: [
        { name: '李建国', idNumber: born, employmentStatus: 'out_province', laborCapacity: 'ordinary' },
        { name: '李秀英', idNumber: makeTestIdNumber({ birth: '19920301' }), relation: '10', laborCapacity: 'ordinary', wantsWork: true },
        { name: '李小军', idNumber: makeTestIdNumber({ birth: '19980505' }), relation: '20', laborCapacity: 'ordinary', employerEntityId: ids.entity, workMonths: 7 },
      ],
    });
    ids.household = h.id;
    householdNo = h.householdNo;
    ids.head = h.members[0]!.id;
    ids.idle = h.members[1]!.id;
    ids.hired = h.members[2]!.id;
    await activate('sanmenxia', tree.county.code);

    // 晋城 2023 (J4): the village's only post holder is of an ordinary household (0 of 1 脱贫)
    const jv = jin.townships[0]!.villages[0]!.code;
    const holder = await buildHousehold(t, { regionCode: jv, householdType: 'ordinary', members: [{ name: '赵三' }] });
    const [post] = await t.db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status, created_at) VALUES ($1, '护路员', 'cleaning', '村道保洁', 50000, 'active', '2023-01-02') RETURNING id`,
      [jv],
    );
    await t.db.query(`INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2023-01-05')`, [
      post!.id,
      holder.members[0]!.id,
      holder.id,
      jv,
    ]);
    await activate('jincheng', jin.county.code);
  }, 240_000);
  afterAll(async () => t?.close());

  const villageGroup = () => `${tree.townships[0]!.villages[0]!.name}${groupName}`;

  it('a person subject (H4) is 姓名（户编号） with the household link, its region 村名组名 and no ID number', async () => {
    const items = await failing('H4', tree.county.code, 2025);
    expect(items.map((i) => i.key)).toEqual([String(ids.idle)]);
    expect(items[0]).toMatchObject({
      label: `李秀英（${householdNo}）`,
      link: `/households/${ids.household}`,
      regionCode: group,
      regionName: villageGroup(),
    });
    expect(JSON.stringify(items)).not.toMatch(/\d{17}[\dX]/);
  });

  it('a job-subsidy person (J1) opens the 就业补助 tab of its kind and year filtered to the household', async () => {
    const items = await failing('J1', tree.county.code, 2025);
    expect(items.map((i) => i.key)).toEqual([String(ids.head)]);
    expect(items[0]!.label).toBe(`李建国（${householdNo}）`);
    expect(items[0]!.link).toBe(`/job-subsidies?kind=travel&year=2025&q=${encodeURIComponent(householdNo)}`);
    expect(items[0]!.regionName).toBe(villageGroup());
  });

  it('a J3 pair is 企业名称 · 姓名（户编号） and opens the hiring tab where the entity’s subsidy is paid', async () => {
    const items = await failing('J3', tree.county.code, 2025);
    expect(items.map((i) => i.key)).toEqual([`${ids.entity}:${ids.hired}`]);
    expect(items[0]).toMatchObject({
      label: `红枣加工厂 · 李小军（${householdNo}）`,
      link: `/job-subsidies?kind=hiring&year=2025&q=${encodeURIComponent(householdNo)}`,
      regionName: villageGroup(),
    });
    // the paged results give the same item
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/rules/J3/results?regionCode=${tree.county.code}&year=2025&page=1&pageSize=20`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ key: items[0]!.key, label: items[0]!.label, link: items[0]!.link });
  });

  it('a household subject (H3) is 户编号 户主 with the household link', async () => {
    const items = await failing('H3', tree.county.code, 2025);
    expect(items.map((i) => i.key)).toEqual([String(ids.household)]);
    expect(items[0]).toMatchObject({ label: `${householdNo} 李建国`, link: `/households/${ids.household}`, regionName: villageGroup() });
  });

  it('a village’s posts (J4) are 某村公益性岗位 linking to the post list of that village', async () => {
    const v = jin.townships[0]!.villages[0]!;
    const items = await failing('J4', jin.county.code, 2023);
    expect(items.map((i) => i.key)).toEqual([`posts:${v.code}`]);
    expect(items[0]).toMatchObject({ label: `${v.name}公益性岗位`, link: `/industry/posts?regionCode=${v.code}`, regionName: v.name });
  });
});
