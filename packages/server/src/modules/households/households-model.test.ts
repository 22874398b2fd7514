import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, householdIncomes, households, persons, regions } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, makeTestIdNumber, type RegionTree } from '../../test/factories.ts';

// Issue 5 §3 and §5: 是否脱贫户 apart from the monitoring category, person fields of the national export,
// 自然减少 instead of deletes, incomes that never overwrite a year, list names and filters.
let t: TestApp;
let tree: RegionTree;
let county: { cookie: string };
let admin: { cookie: string };
let village: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  admin = await buildUser(t, 'admin', tree.county.code);
  village = await buildUser(t, 'village_officer', tree.townships[0]!.villages[0]!.code);
});
afterAll(async () => t?.close());

const v1 = () => tree.townships[0]!.villages[0]!.code;
const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const head = (over: Record<string, unknown> = {}) => ({ idNumber: makeTestIdNumber(), name: '王户主', relation: '02', education: 'junior', ...over });
const household = (over: Record<string, unknown> = {}) => ({
  householdNo: `M${Math.random().toString(36).slice(2, 10)}`,
  regionCode: v1(),
  householdType: 'lifted',
  members: [head()],
  ...over,
});
const issuePaths = (res: { json(): { error: { details: { issues: { path: string }[] } } } }) => res.json().error.details.issues.map((i) => i.path);

describe('是否脱贫户, 监测对象类别 and 监测状态 are kept apart', () => {
  it('a 脱贫户 is lifted by default, with its category; 三保障 start not assessed', async () => {
    const res = await inject(county.cookie, 'POST', '/api/v1/households', household({ liftedCategory: 'dibao' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ isLifted: true, liftedCategory: 'dibao', housingSecure: null, waterSecure: null, educationSecure: null, medicalSecure: null });
  });

  it('refuses a 脱贫不稳定户 that is not a 脱贫户 and a 边缘易致贫户 that is one', async () => {
    const unstable = await inject(county.cookie, 'POST', '/api/v1/households', household({ householdType: 'monitored', monitoringType: 'unstable', isLifted: false }));
    expect(unstable.statusCode).toBe(400);
    expect(issuePaths(unstable)).toEqual(['isLifted']);
    expect(unstable.json().error.details.issues[0].messageZh).toContain('脱贫不稳定户须是脱贫户');
    const marginal = await inject(county.cookie, 'POST', '/api/v1/households', household({ householdType: 'monitored', monitoringType: 'marginal', isLifted: true }));
    expect(marginal.statusCode).toBe(400);
    const ok = await inject(county.cookie, 'POST', '/api/v1/households', household({ householdType: 'monitored', monitoringType: 'unstable', liftedCategory: 'general' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ householdType: 'monitored', isLifted: true, monitoringStatus: 'monitoring' });
    // an edit that would contradict the stored category is refused too
    const edit = await inject(county.cookie, 'PATCH', `/api/v1/households/${ok.json().id}`, { isLifted: false, version: ok.json().version });
    expect(edit.statusCode).toBe(400);
  });

  it('approving a monitoring case keeps that the household is a 脱贫户', async () => {
    const h = await buildHousehold(t, { regionCode: v1(), householdType: 'lifted', isLifted: true, liftedCategory: 'general' });
    const steps = {
      leadDate: '2024-02-01',
      homeVisitDate: '2024-02-03',
      infoCheckDate: '2024-02-05',
      villageReviewDate: '2024-02-08',
      publicityStart: '2024-02-09',
      publicityEnd: '2024-02-16',
      townshipReviewDate: '2024-02-20',
    };
    // a case decided on paper, recorded by the county with its 县级审批 date: the household enters monitoring
    const approved = await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/monitoring-cases`, { monitoringType: 'unstable', ...steps, countyApprovalDate: '2024-03-01' });
    expect(approved.statusCode).toBe(201);
    const detail = (await inject(county.cookie, 'GET', `/api/v1/households/${h.id}`)).json();
    expect(detail).toMatchObject({ householdType: 'monitored', monitoringType: 'unstable', monitoringStatus: 'monitoring', isLifted: true, liftedCategory: 'general' });
    const listed = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${v1()}&isLifted=true&monitoringStatus=monitoring`);
    expect(listed.json().items.map((i: { id: number }) => i.id)).toContain(h.id);
  });
});

describe('person fields of the national export', () => {
  it('stores 民族, 在校生状况, 务工时间, health as a set with 残疾类别/等级, and shows 人口编号', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    await t.db.db
      .update(persons)
      .set({ personNo: `P${h.id}01` })
      .where(eq(persons.id, h.members[0]!.id));
    const add = await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/members`, {
      idNumber: makeTestIdNumber(),
      name: '王小明',
      relation: '20',
      ethnicity: '03',
      schoolStatus: 'grade8',
      workMonths: 0,
      healthStatuses: ['chronic', 'disabled'],
      disabilityType: '4',
      disabilityGrade: '3',
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({
      ethnicity: '03',
      schoolStatus: 'grade8',
      education: null,
      workMonths: 0,
      healthStatuses: ['chronic', 'disabled'],
      disabilityType: '4',
      disabilityGrade: '3',
      idType: '1',
    });
    const [row] = await t.db.db.select().from(persons).where(eq(persons.id, add.json().id));
    expect(row!.healthStatus).toBe('disabled'); // the old column keeps the most serious value for its readers
    const detail = (await inject(county.cookie, 'GET', `/api/v1/households/${h.id}`)).json();
    expect(detail.members.find((m: { isHead: boolean }) => m.isHead).personNo).toBe(`P${h.id}01`);
  });

  it('refuses both 文化程度 and 在校生状况, neither, 务工 over 12 months, 残疾类别 without 残疾', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const url = `/api/v1/households/${h.id}/members`;
    const both = await inject(county.cookie, 'POST', url, { idNumber: makeTestIdNumber(), name: '甲', relation: '20', education: 'junior', schoolStatus: 'grade7' });
    expect(issuePaths(both)).toEqual(['schoolStatus']);
    const neither = await inject(county.cookie, 'POST', url, { idNumber: makeTestIdNumber(), name: '甲', relation: '20' });
    expect(issuePaths(neither)).toEqual(['education']);
    expect((await inject(county.cookie, 'POST', url, { idNumber: makeTestIdNumber(), name: '甲', relation: '20', education: 'junior', workMonths: 13 })).statusCode).toBe(400);
    const disability = await inject(county.cookie, 'POST', url, {
      idNumber: makeTestIdNumber(),
      name: '甲',
      relation: '20',
      education: 'junior',
      healthStatuses: ['chronic'],
      disabilityType: '1',
    });
    expect(issuePaths(disability)).toEqual(['disabilityType']);
  });

  it('another document type skips the check digit, takes birth date and gender from the form, and stays unique', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const url = `/api/v1/households/${h.id}/members`;
    const number = `CJZ${Date.now()}`.slice(0, 20);
    const missing = await inject(county.cookie, 'POST', url, { idType: '2', idNumber: number, name: '残疾证', relation: '20', education: 'primary' });
    expect(issuePaths(missing).sort()).toEqual(['birthDate', 'gender']);
    const ok = await inject(county.cookie, 'POST', url, {
      idType: '2',
      idNumber: number,
      name: '残疾证',
      relation: '20',
      education: 'primary',
      birthDate: '1990-04-05',
      gender: '2',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ idType: '2', idNumber: number, birthDate: '1990-04-05', gender: '2' });
    const other = await buildHousehold(t, { regionCode: v1() });
    const dup = await inject(county.cookie, 'POST', `/api/v1/households/${other.id}/members`, {
      idType: '2',
      idNumber: number,
      name: '重复',
      relation: '20',
      education: 'primary',
      birthDate: '1990-04-05',
      gender: '2',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.householdNo).toBe(h.householdNo);
    // a citizen ID keeps its check digit
    const bad = makeTestIdNumber();
    const badRes = await inject(county.cookie, 'POST', url, { idNumber: bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0'), name: '错', relation: '20', education: 'primary' });
    expect(issuePaths(badRes)).toEqual(['idNumber']);
  });
});

describe('自然减少 instead of deletes', () => {
  it('a member leaves with reason and date, is read-only, and an admin restores it', async () => {
    const h = await buildHousehold(t, { regionCode: v1(), members: [{ education: 'junior' }, { relation: '10', education: 'junior' }, { relation: '20', education: 'junior' }] });
    const spouse = h.members[1]!;
    const headExit = await inject(village.cookie, 'POST', `/api/v1/persons/${h.members[0]!.id}/exit`, { reason: 'death', date: '2024-05-01', version: 1 });
    expect(headExit.statusCode).toBe(409);
    const future = await inject(village.cookie, 'POST', `/api/v1/persons/${spouse.id}/exit`, { reason: 'married_out', date: '2999-01-01', version: 1 });
    expect(future.statusCode).toBe(400);
    expect(issuePaths(future)).toEqual(['date']);
    const exit = await inject(village.cookie, 'POST', `/api/v1/persons/${spouse.id}/exit`, {
      reason: 'married_out',
      date: '2024-05-01',
      note: '嫁往外县',
      version: spouse.version,
    });
    expect(exit.statusCode).toBe(200);
    expect(exit.json()).toMatchObject({ exitReason: 'married_out', exitDate: '2024-05-01', exitNote: '嫁往外县' });
    const edit = await inject(village.cookie, 'PATCH', `/api/v1/persons/${spouse.id}`, { name: '改名', version: exit.json().version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('RECORD_EXITED');
    expect(edit.json().error.details.issues[0].messageZh).toBe('该成员已自然减少（嫁出，2024-05-01），记录只读；如需恢复请联系县级管理员');
    const detail = (await inject(village.cookie, 'GET', `/api/v1/households/${h.id}`)).json();
    expect(detail.memberCount).toBe(2);
    expect(detail.members).toHaveLength(3);
    expect((await inject(village.cookie, 'POST', `/api/v1/persons/${spouse.id}/restore`, { version: exit.json().version })).statusCode).toBe(403);
    const restored = await inject(admin.cookie, 'POST', `/api/v1/persons/${spouse.id}/restore`, { version: exit.json().version });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().exitReason).toBeNull();
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(spouse.id)));
    expect(
      audits
        .filter((a) => a.entityType === 'person')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['exit', 'restore']);
  });

  it('a household leaves with its members; every write is 409; listed for the admin only; restored with its members', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const [early] = await t.db.db
      .insert(persons)
      .values({
        householdId: h.id,
        regionCode: h.regionCode,
        idNumber: makeTestIdNumber(),
        name: '早迁出',
        gender: '1',
        birthDate: '1990-01-01',
        relation: '20',
        exitReason: 'moved_out',
        exitDate: '2023-01-01',
      })
      .returning();
    const exit = await inject(village.cookie, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'death', date: '2024-05-01', version: h.version });
    expect(exit.statusCode).toBe(200);
    const [row] = await t.db.db.select().from(households).where(eq(households.id, h.id));
    expect(row).toMatchObject({ exitReason: 'death', exitDate: '2024-05-01' });
    expect(row!.deletedAt).not.toBeNull();
    const members = await t.db.db.select().from(persons).where(eq(persons.householdId, h.id));
    expect(members.filter((m) => m.exitReason === 'death')).toHaveLength(2);

    const writes = [
      inject(village.cookie, 'PATCH', `/api/v1/households/${h.id}`, { address: 'x', version: exit.json().version }),
      inject(village.cookie, 'POST', `/api/v1/households/${h.id}/members`, { idNumber: makeTestIdNumber(), name: '新', relation: '20', education: 'junior' }),
      inject(village.cookie, 'PUT', `/api/v1/households/${h.id}/incomes/2024`, { wage: 1, version: 1 }),
      inject(village.cookie, 'POST', `/api/v1/households/${h.id}/measures`, { category: 'industry', year: 2024 }),
      inject(village.cookie, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'death', date: '2024-05-01', version: exit.json().version }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.issues[0].messageZh).toBe('该户已自然减少（死亡，2024-05-01），记录只读；如需恢复请联系县级管理员');
    }
    expect((await inject(village.cookie, 'GET', `/api/v1/households/${h.id}`)).statusCode).toBe(404);
    expect((await inject(admin.cookie, 'GET', `/api/v1/households/${h.id}`)).json()).toMatchObject({ exitReason: 'death', exitDate: '2024-05-01' });
    expect((await inject(village.cookie, 'GET', '/api/v1/households?status=exited')).statusCode).toBe(403);
    const active = await inject(admin.cookie, 'GET', `/api/v1/households?regionCode=${v1()}&pageSize=200`);
    expect(active.json().items.map((i: { id: number }) => i.id)).not.toContain(h.id);
    const exited = await inject(admin.cookie, 'GET', `/api/v1/households?regionCode=${v1()}&status=exited&pageSize=200`);
    expect(exited.json().items.find((i: { id: number }) => i.id === h.id)).toMatchObject({ exitReason: 'death', exitDate: '2024-05-01' });

    expect((await inject(county.cookie, 'POST', `/api/v1/households/${h.id}/restore`, { version: exit.json().version })).statusCode).toBe(403);
    const restored = await inject(admin.cookie, 'POST', `/api/v1/households/${h.id}/restore`, { version: exit.json().version });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ exitReason: null, memberCount: 2 });
    const after = await t.db.db.select().from(persons).where(eq(persons.householdId, h.id));
    // the member who had moved out before the household's exit stays out
    expect(after.find((m) => m.id === early!.id)).toMatchObject({ exitReason: 'moved_out' });
    expect(after.filter((m) => m.exitReason === null)).toHaveLength(2);
    expect((await inject(village.cookie, 'PATCH', `/api/v1/households/${h.id}`, { address: '回来了', version: restored.json().version })).statusCode).toBe(200);
  });
});

describe('incomes', () => {
  it('adding a year that exists is 409 and leaves it unchanged; 理赔收入 and 合规自付支出 are kept', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const url = `/api/v1/households/${h.id}/incomes`;
    const first = await inject(county.cookie, 'POST', url, {
      year: 2024,
      wage: 10000,
      business: 0,
      businessExpense: 0,
      property: 0,
      transfer: 2000,
      claimIncome: 3000,
      compliantSelfPaid: 5000,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ year: 2024, claimIncome: 3000, compliantSelfPaid: 5000, netIncome: 12000, perCapita: 6000 });
    const again = await inject(county.cookie, 'POST', url, { year: 2024, wage: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.issues[0].messageZh).toBe('2024 年的收入已登记，请在收入表中编辑该年度');
    const [stored] = await t.db.db.select().from(householdIncomes).where(eq(householdIncomes.householdId, h.id));
    expect(stored).toMatchObject({ wage: 10000, claimIncome: 3000, compliantSelfPaid: 5000 });
    // an edit that leaves the claim fields out keeps them
    expect((await inject(county.cookie, 'PUT', `${url}/2024`, { wage: 11000 })).statusCode).toBe(428);
    const edit = await inject(county.cookie, 'PUT', `${url}/2024`, { wage: 11000, business: 0, businessExpense: 0, property: 0, transfer: 2000, version: first.json().version });
    expect(edit.json()).toMatchObject({ wage: 11000, claimIncome: 3000, compliantSelfPaid: 5000 });
    const edit2 = await inject(county.cookie, 'PUT', `${url}/2024`, { wage: 11000, claimIncome: 0, compliantSelfPaid: 800, version: edit.json().version });
    expect(edit2.json()).toMatchObject({ claimIncome: 0, compliantSelfPaid: 800 });
  });
});

describe('the household list', () => {
  it('names 乡镇 / 村 / 组, filters by 是否脱贫户 and 监测状态, and counts the labour of members still in the registry', async () => {
    const village = tree.townships[1]!.villages[0]!;
    const groupCode = `${village.code}001`;
    await t.db.db.insert(regions).values({ code: groupCode, prefix: groupCode, level: 'group', name: '一组', parentCode: village.code });
    const inGroup = await buildHousehold(t, { regionCode: groupCode, householdType: 'monitored', monitoringType: 'sudden', monitoringStatus: 'eliminated', isLifted: true });
    const plain = await buildHousehold(t, {
      regionCode: village.code,
      householdType: 'ordinary',
      members: [{ laborCapacity: 'none' }, { relation: '20', laborCapacity: 'skilled', exitReason: 'moved_out', exitDate: '2024-01-01' }],
    });
    const list = await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${village.code}`);
    const byId = new Map(list.json().items.map((i: { id: number }) => [i.id, i]));
    expect(byId.get(inGroup.id)).toMatchObject({
      townshipName: tree.townships[1]!.name,
      villageName: village.name,
      groupName: '一组',
      isLifted: true,
      monitoringStatus: 'eliminated',
    });
    expect(byId.get(plain.id)).toMatchObject({ townshipName: tree.townships[1]!.name, villageName: village.name, groupName: null, isLifted: false, memberCount: 1 });
    const ids = async (q: string) => (await inject(county.cookie, 'GET', `/api/v1/households?regionCode=${village.code}&${q}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids('isLifted=true')).toEqual([inGroup.id]);
    expect(await ids('isLifted=false')).toEqual([plain.id]);
    expect(await ids('monitoringStatus=eliminated')).toEqual([inGroup.id]);
    // the member with 技能劳动力 has moved out: the household no longer has one
    expect(await ids('laborCapacity=skilled')).toEqual([]);
    expect(await ids('laborCapacity=none')).toEqual([plain.id]);
  });
});
