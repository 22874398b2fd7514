import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditLog, entities, householdIncomes, households, linkages } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// 联农带农 records (issue 7 §3): scope by the household, versions, the carry-over into the income year.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let county: U, township: U, township2: U, village: U, viewer: U;
let entityId: number;
let foreignEntityId: number;

const v1 = () => tree.townships[0]!.villages[0]!.code;
const v3 = () => tree.townships[1]!.villages[0]!.code;
const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });

async function buildEntity(regionCode: string, name: string): Promise<number> {
  const [e] = await t.db.db.insert(entities).values({ regionCode, entityType: 'leading_enterprise', name }).returning();
  return e!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
  township2 = await buildUser(t, 'township_officer', tree.townships[1]!.code);
  village = await buildUser(t, 'village_officer', v1());
  viewer = await buildUser(t, 'viewer', tree.townships[0]!.code);
  entityId = await buildEntity(tree.county.code, '雨轩食品有限公司');
  foreignEntityId = await buildEntity(v3(), '外镇合作社');
});
afterAll(async () => t?.close());

describe('linkage records', () => {
  it('records, lists with names and totals, defaults the income type from the mode, refuses a duplicate', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const res = await call(village, 'POST', '/api/v1/linkages', {
      entityId,
      householdId: h.id,
      mode: 'employment',
      year: 2024,
      startDate: '2024-03-01',
      endDate: '2024-11-30',
      amountYuan: 4800.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      entityName: '雨轩食品有限公司',
      householdNo: h.householdNo,
      headName: h.members[0]!.name,
      incomeType: 'wage',
      amountYuan: 4800.5,
      carriedAt: null,
      version: 1,
    });
    expect(res.body).not.toContain(h.members[0]!.idNumber);
    const [row] = await t.db.db.select().from(linkages).where(eq(linkages.householdId, h.id));
    expect(row).toMatchObject({ incomeFen: 480050, regionCode: v1() });
    const dup = await call(village, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'employment', year: 2024, amountYuan: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
    const div = await call(village, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'share_dividend', year: 2024, amountYuan: 300 });
    expect(div.json()).toMatchObject({ incomeType: 'property' });
    const list = await call(township, 'GET', `/api/v1/linkages?householdId=${h.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().totals).toEqual({ linkages: 2, households: 1, amountYuan: 5100.5 });
    expect(list.json().items.map((i: { villageName: string }) => i.villageName)).toEqual([tree.townships[0]!.villages[0]!.name, tree.townships[0]!.villages[0]!.name]);
  });

  it('names the field of bad input in Chinese and English', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const bad = await call(county, 'POST', '/api/v1/linkages', {
      entityId,
      householdId: h.id,
      mode: 'employment',
      year: 2024,
      startDate: '2024-06-01',
      endDate: '2024-05-01',
      amountYuan: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'endDate', messageZh: '带动结束日期不能早于开始日期' });
    const mode = await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'gift', year: 2024, amountYuan: 1 });
    expect(mode.json().error.details.issues[0].path).toBe('mode');
    const money = await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'employment', year: 2024, amountYuan: -5 });
    expect(money.statusCode).toBe(400);
    const missing = await call(county, 'POST', '/api/v1/linkages', { entityId: 999999, householdId: h.id, mode: 'employment', year: 2024, amountYuan: 1 });
    expect(missing.json().error.details.issues[0]).toMatchObject({ path: 'entityId', messageZh: '带动主体不存在' });
    const project = await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, projectId: 987654, mode: 'employment', year: 2024, amountYuan: 1 });
    expect(project.statusCode).toBe(400);
    expect(project.json().error.details.issues[0].path).toBe('projectId');
  });

  it('scope: out-of-scope household or linkage write and read 404; viewer cannot write; the entity page names no household outside the scope', async () => {
    const mine = await buildHousehold(t, { regionCode: v1() });
    const other = await buildHousehold(t, { regionCode: v3() });
    expect((await call(township2, 'POST', '/api/v1/linkages', { entityId, householdId: mine.id, mode: 'employment', year: 2024, amountYuan: 1 })).statusCode).toBe(404);
    expect((await call(viewer, 'POST', '/api/v1/linkages', { entityId, householdId: mine.id, mode: 'employment', year: 2024, amountYuan: 1 })).statusCode).toBe(403);
    const a = await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: mine.id, mode: 'order_production', year: 2023, amountYuan: 1000 });
    const b = await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: other.id, mode: 'order_production', year: 2023, amountYuan: 2000 });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect((await call(township, 'GET', `/api/v1/households/${other.id}/linkages`)).statusCode).toBe(404);
    expect((await call(township, 'PATCH', `/api/v1/linkages/${b.json().id}`, { note: 'x', version: 1 })).statusCode).toBe(404);
    expect((await call(township, 'DELETE', `/api/v1/linkages/${b.json().id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
    const page = await call(township, 'GET', `/api/v1/entities/${entityId}/households?year=2023`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(mine.householdNo);
    expect(page.body).not.toContain(other.householdNo);
    const all = await call(county, 'GET', `/api/v1/entities/${entityId}/households?year=2023`);
    expect(all.body).toContain(other.householdNo);
    // an entity of another township that drives none of the township's households
    expect((await call(township, 'GET', `/api/v1/entities/${foreignEntityId}/households`)).statusCode).toBe(404);
    expect((await call(township, 'GET', `/api/v1/linkages?regionCode=${v3()}`)).statusCode).toBe(404);
  });

  it('entity totals by year and mode count households, of them 脱贫户 and 监测户', async () => {
    const e = await buildEntity(tree.county.code, '合计测试社');
    const h1 = await buildHousehold(t, { regionCode: v1(), householdType: 'lifted' });
    const h2 = await buildHousehold(t, { regionCode: v1(), householdType: 'monitored' });
    const h3 = await buildHousehold(t, { regionCode: v1(), householdType: 'ordinary' });
    for (const [h, amount] of [
      [h1, 100.1],
      [h2, 200.2],
      [h3, 0.01],
    ] as const)
      expect((await call(county, 'POST', '/api/v1/linkages', { entityId: e, householdId: h.id, mode: 'land_transfer', year: 2024, amountYuan: amount })).statusCode).toBe(201);
    const res = await call(village, 'GET', `/api/v1/entities/${e}/households`);
    expect(res.json().totals).toEqual([{ year: 2024, mode: 'land_transfer', households: 3, liftedHouseholds: 1, monitoredHouseholds: 1, amountYuan: 300.31 }]);
  });

  it('PATCH and DELETE need the version; stale is 409 with the record as it is now', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const c = (await call(village, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'consignment', year: 2024, amountYuan: 50 })).json();
    expect((await call(village, 'PATCH', `/api/v1/linkages/${c.id}`, { amountYuan: 60 })).statusCode).toBe(428);
    const ok = await call(village, 'PATCH', `/api/v1/linkages/${c.id}`, { amountYuan: 60, version: 1 });
    expect(ok.json()).toMatchObject({ amountYuan: 60, version: 2 });
    const stale = await call(village, 'PATCH', `/api/v1/linkages/${c.id}`, { amountYuan: 70, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', details: { current: { amountYuan: 60, version: 2 } } });
    expect((await call(village, 'DELETE', `/api/v1/linkages/${c.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(409);
    expect((await call(village, 'DELETE', `/api/v1/linkages/${c.id}`, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'linkage'), eq(auditLog.entityId, String(c.id))))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('an exited household is read-only (RECORD_EXITED)', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const c = (await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'custody', year: 2024, amountYuan: 10 })).json();
    await t.db.db.update(households).set({ exitReason: 'death', exitDate: '2024-05-01' }).where(eq(households.id, h.id));
    const res = await call(county, 'PATCH', `/api/v1/linkages/${c.id}`, { note: '补记', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RECORD_EXITED');
    expect((await call(county, 'POST', `/api/v1/households/${h.id}/linkages/carry`, { year: 2024 })).json().error.code).toBe('RECORD_EXITED');
  });
});

describe('carry into the income year', () => {
  it('adds the amounts by type to a recorded year (with its version), marks them, shows the source; a second carry is refused', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    await t.db.db.insert(householdIncomes).values({ householdId: h.id, regionCode: v1(), year: 2024, wage: 12000, property: 0.1, memberCount: 2 });
    for (const body of [
      { mode: 'employment', amountYuan: 4800 },
      { mode: 'guaranteed_dividend', amountYuan: 0.2 },
      { mode: 'order_production', amountYuan: 1500.5 },
    ])
      expect((await call(village, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, year: 2024, ...body })).statusCode).toBe(201);
    const before = (await call(village, 'GET', `/api/v1/households/${h.id}/linkages`)).json();
    expect(before.years).toEqual([
      { year: 2024, totalYuan: 6300.7, carriedYuan: 0, pending: { wage: 4800, business: 1500.5, property: 0.2, transfer: 0 }, pendingYuan: 6300.7, incomeVersion: 1 },
    ]);
    const url = `/api/v1/households/${h.id}/linkages/carry`;
    expect((await call(village, 'POST', url, { year: 2024 })).statusCode).toBe(428);
    const res = await call(village, 'POST', url, { year: 2024, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().added).toEqual({ wage: 4800, business: 1500.5, property: 0.2, transfer: 0 });
    expect(res.json().income).toMatchObject({
      year: 2024,
      wage: 16800,
      business: 1500.5,
      property: 0.3,
      version: 2,
      fromLinkages: { wage: 4800, business: 1500.5, property: 0.2, transfer: 0 },
    });
    // the household page shows the source
    const detail = (await call(township, 'GET', `/api/v1/households/${h.id}`)).json();
    expect(detail.incomes[0].fromLinkages).toEqual({ wage: 4800, business: 1500.5, property: 0.2, transfer: 0 });
    // twice: the old version is stale, the new one finds nothing left to carry
    expect((await call(village, 'POST', url, { year: 2024, version: 1 })).json().error.code).toBe('STALE_VERSION');
    const again = await call(village, 'POST', url, { year: 2024, version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    const [inc] = await t.db.db.select().from(householdIncomes).where(eq(householdIncomes.householdId, h.id));
    expect(inc).toMatchObject({ wage: 16800, version: 2 });
    // a carried linkage keeps its amount and cannot be deleted
    const carried = (await call(village, 'GET', `/api/v1/households/${h.id}/linkages`)).json().items[0];
    expect(carried.carriedAt).not.toBeNull();
    expect((await call(village, 'PATCH', `/api/v1/linkages/${carried.id}`, { amountYuan: 1, version: carried.version })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await call(village, 'PATCH', `/api/v1/linkages/${carried.id}`, { note: '已核实', version: carried.version })).statusCode).toBe(200);
    expect((await call(village, 'DELETE', `/api/v1/linkages/${carried.id}`, undefined, { 'if-match': `"${carried.version + 1}"` })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('creates a missing income year without a version; of two carries at once one wins', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    await call(county, 'POST', '/api/v1/linkages', { entityId, householdId: h.id, mode: 'employment', year: 2025, amountYuan: 3000 });
    const url = `/api/v1/households/${h.id}/linkages/carry`;
    const [a, b] = await Promise.all([call(county, 'POST', url, { year: 2025 }), call(village, 'POST', url, { year: 2025 })]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    // the loser finds the year recorded meanwhile: it must now send that year's version (as the incomes PUT)
    expect(codes[1]).toBe(428);
    const rows = await t.db.db.select().from(householdIncomes).where(eq(householdIncomes.householdId, h.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ year: 2025, wage: 3000, memberCount: 2, version: 1 });
    expect((await call(township2, 'POST', url, { year: 2025 })).statusCode).toBe(404);
  });
});

describe('export', () => {
  it('exports the scope’s linkages with labels, no other township’s household', async () => {
    const res = await call(township, 'GET', '/api/v1/linkages/export.xlsx?year=2023');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 5)).toEqual(['年度', '带动主体', '统一社会信用代码', '户编号']);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows.slice(1)) expect(r[7]).toBe('订单生产');
    const total = (await call(county, 'GET', '/api/v1/linkages?year=2023')).json().total;
    expect(total).toBe(rows.length); // the county sees one more (the other township's) than the township's rows + header
  });
});
