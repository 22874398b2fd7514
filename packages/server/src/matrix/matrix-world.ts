import { helpers, householdHelpers, householdIncomes, monitoringCases, supportMeasures } from '@chanbang/db';
import { MATRIX_AREAS } from './areas/index.ts';
import type { Role } from '@chanbang/domain';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../test/factories.ts';
import type { TestApp } from '../test/test-app.ts';
import { multipart, xlsxBuffer } from '../modules/imports/imports.test-support.ts';

// The world of the role matrix: one county, two townships of two villages. Households with members who have full
// ID numbers and phones, a support measure, a monitoring case, an income year and a paired helper with a phone:
//   mine    in township 1, village 1 (one per acting role, so writes of one role leave the others' alone)
//   sibling in township 1, village 2 (inside a township officer's scope, outside a village officer's)
//   foreign in township 2
// Every name is unique and not a substring of another, so a name in a response says whose record leaked.

export type Records = {
  household: number;
  householdNo: string;
  person: number;
  head: number;
  measure: number;
  caseId: number;
  helper: number;
  job: number;
  /** the modules' records (matrix/areas), by the URL's first segment after /api/v1 */
  extra: Record<string, number>;
};
export type Actor = { role: Role; cookie: string; id: number; regionCode: string };
export type World = {
  tree: RegionTree;
  admin: Actor;
  /** the masked roles under test, acting in township 1 (village officer: village 1) */
  actors: Actor[];
  /** records each acting role may read and write */
  mine: Map<Role, Records>;
  sibling: Records;
  foreign: Records;
  /** every full ID number and phone of the fixtures */
  secrets: { idNumbers: string[]; phones: string[] };
  /** texts that name a record outside a role's scope (names, 户编号, region names) */
  foreignMarkers(role: Role): string[];
};

let phoneSeq = 0;
const newPhone = () => `139${String(10_000_000 + ++phoneSeq * 7919).slice(-8)}`;

const IMPORT_HEADERS = ['户编号', '区划代码', '户类型', '姓名', '证件号码', '与户主关系', '劳动能力', '健康状况', '文化程度', '联系电话', '风险类型'];

export async function buildWorld(t: TestApp): Promise<World> {
  const tree = await buildRegionTree(t);
  const [t1, t2] = tree.townships as [RegionTree['townships'][number], RegionTree['townships'][number]];
  const village = t1.villages[0]!.code;
  const siblingVillage = t1.villages[1]!.code;
  const foreignVillage = t2.villages[0]!.code;
  const secrets = { idNumbers: [] as string[], phones: [] as string[] };
  const markers = { sibling: [] as string[], foreign: [] as string[] };
  const login = async (role: Role, regionCode: string): Promise<Actor> => ({ role, regionCode, ...(await buildUser(t, role, regionCode)) });
  const admin = await login('admin', tree.county.code);
  const owners: Record<string, Actor> = {
    township_officer: await login('township_officer', t1.code),
    village_officer: await login('village_officer', village),
    foreign: await login('township_officer', t2.code),
    sibling: await login('village_officer', siblingVillage),
  };

  async function records(label: string, regionCode: string, importer: Actor | undefined, marks?: string[]): Promise<Records> {
    const members = [0, 1].map((i) => ({ idNumber: makeTestIdNumber(), phone: newPhone(), name: `${label}成员${i === 0 ? '甲' : '乙'}`, laborCapacity: 'ordinary' }));
    const h = await buildHousehold(t, { regionCode, householdNo: `MX${label.length}${Date.now().toString(36)}${phoneSeq}`, phone: newPhone(), address: `${label}住址`, members });
    const [m] = await t.db.db
      .insert(supportMeasures)
      .values({ householdId: h.id, regionCode, category: 'industry', year: 2024, description: `${label}措施` })
      .returning();
    const [c] = await t.db.db.insert(monitoringCases).values({ householdId: h.id, regionCode, monitoringType: 'marginal', status: 'monitoring' }).returning();
    await t.db.db.insert(householdIncomes).values({ householdId: h.id, regionCode, year: 2024, wage: 12000, memberCount: 2 });
    const [hp] = await t.db.db
      .insert(helpers)
      .values({ regionCode, name: `${label}帮扶人`, role: 'responsible', phone: newPhone() })
      .returning();
    await t.db.db.insert(householdHelpers).values({ householdId: h.id, helperId: hp!.id, regionCode });
    secrets.idNumbers.push(...h.members.map((p) => p.idNumber));
    secrets.phones.push(h.phone!, hp!.phone!, ...h.members.map((p) => p.phone!));
    marks?.push(h.householdNo, `${label}成员甲`, `${label}成员乙`, `${label}住址`, `${label}措施`, `${label}帮扶人`, `${label}导入甲`, `${label}导入乙`);
    const job = importer ? await importJob(t, importer, regionCode, label, secrets) : 0;
    const extra: Record<string, number> = {};
    for (const area of MATRIX_AREAS) Object.assign(extra, await area.seed(t, regionCode, label, marks ?? [], secrets));
    return { household: h.id, householdNo: h.householdNo, person: h.members[1]!.id, head: h.members[0]!.id, measure: m!.id, caseId: c!.id, helper: hp!.id, job, extra };
  }

  const actors = [owners.township_officer!, owners.village_officer!, await login('viewer', t1.code)];
  const mine = new Map<Role, Records>();
  for (const a of actors) mine.set(a.role, await records(`本村${a.role.slice(0, 4)}`, village, a.role === 'viewer' ? owners.township_officer : a));
  const sibling = await records('邻村', siblingVillage, owners.sibling, markers.sibling);
  const foreign = await records('外镇', foreignVillage, owners.foreign, markers.foreign);
  markers.foreign.push(t2.name, ...t2.villages.map((v) => v.name));
  markers.sibling.push(t1.villages[1]!.name);
  return {
    tree,
    admin,
    actors,
    mine,
    sibling,
    foreign,
    secrets,
    foreignMarkers: (role) => (role === 'village_officer' ? [...markers.foreign, ...markers.sibling] : markers.foreign),
  };
}

/** An import job of `who` with a bad ID number and a phone in its error list (validated, not committed). */
async function importJob(t: TestApp, who: Actor, regionCode: string, label: string, secrets: World['secrets']): Promise<number> {
  const good = makeTestIdNumber();
  const wrong = makeTestIdNumber();
  const bad = wrong.slice(0, 17) + (wrong.endsWith('1') ? '2' : '1');
  const phone = newPhone();
  secrets.idNumbers.push(good, bad);
  secrets.phones.push(phone);
  const no = `IM${label.length}${Date.now().toString(36)}${phoneSeq}`;
  const rows = [
    [no, regionCode, '一般农户', `${label}导入甲`, good, '户主', '普通劳动力', '健康', '初中', phone, ''],
    [`${no}B`, regionCode, '一般农户', `${label}导入乙`, bad, '户主', '普通劳动力', '健康', '初中', phone, ''],
  ];
  const m = multipart('matrix.xlsx', await xlsxBuffer(IMPORT_HEADERS, rows));
  const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, cookie: who.cookie } });
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  const id = up.json().id as number;
  const v = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/validate`, payload: {}, headers: { cookie: who.cookie } });
  if (v.statusCode !== 202) throw new Error(`validate: ${v.statusCode} ${v.body}`);
  for (let i = 0; i < 1_500; i++) {
    const job = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie: who.cookie } });
    if (!['validating', 'importing'].includes(job.json().status as string)) return id;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`import job ${id} did not finish validating`);
}
