import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households, persons } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// No lost update (issue 6 §3): a save sends the version it read; of two saves based on the same version exactly
// one wins and the other gets 409 STALE_VERSION with the record as it is now; the audit's before/after are read
// and written inside the save's transaction, so each entry's "before" is the previous entry's "after".
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let county: U, county2: U, township: U;

const v1 = () => tree.townships[0]!.villages[0]!.code;
const call = (u: U, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const householdRow = async (id: number) => (await t.db.db.select().from(households).where(eq(households.id, id)))[0]!;
const auditOf = (type: string, id: number) =>
  t.db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, type), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  county = await buildUser(t, 'county_officer', tree.county.code);
  county2 = await buildUser(t, 'county_officer', tree.county.code);
  township = await buildUser(t, 'township_officer', tree.townships[0]!.code);
});
afterAll(async () => t?.close());

describe('household PATCH with versions', () => {
  it('the detail carries the version; a save answers the next one', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const read = await call(county, 'GET', `/api/v1/households/${h.id}`);
    expect(read.json().version).toBe(1);
    expect(read.json().members.map((m: { version: number }) => m.version)).toEqual([1, 1]);
    const saved = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: '一组 1 号', version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ address: '一组 1 号', version: 2 });
    expect((await householdRow(h.id)).version).toBe(2);
  });

  it('two saves of the same version, one after the other: 200, then 409 with the winner’s value; the loser changes nothing', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const first = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: '甲写的', version: 1 });
    expect(first.statusCode).toBe(200);
    const rowBefore = await householdRow(h.id);
    const auditBefore = await auditOf('household', h.id);
    const second = await call(county2, 'PATCH', `/api/v1/households/${h.id}`, { address: '乙写的', note: '乙的备注', version: 1 });
    expect(second.statusCode).toBe(409);
    const err = second.json().error;
    expect(err.code).toBe('STALE_VERSION');
    expect(err.details.current).toMatchObject({ id: h.id, address: '甲写的', note: null, version: 2 });
    expect(err.details.issues[0]).toMatchObject({ path: 'version', messageZh: '此记录已被他人修改（您读取的是第 1 版，现为第 2 版），请重新载入后再修改' });
    expect(await householdRow(h.id)).toEqual(rowBefore);
    expect(await auditOf('household', h.id)).toEqual(auditBefore);
  });

  it('two saves of the same version at once: exactly one 200 and one 409 whose current is the winner', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const [a, b] = await Promise.all([
      call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: 'A', version: 1 }),
      call(county2, 'PATCH', `/api/v1/households/${h.id}`, { address: 'B', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.details.current).toMatchObject({ address: won.json().address, version: 2 });
    expect(await householdRow(h.id)).toMatchObject({ address: won.json().address, version: 2 });
    expect(await auditOf('household', h.id)).toHaveLength(1);
  });

  it('no version is 428; If-Match carries it; a malformed If-Match is 400', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const none = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: 'x' });
    expect(none.statusCode).toBe(428);
    expect(none.json().error).toMatchObject({ code: 'VERSION_REQUIRED', details: { issues: [{ path: 'version' }] } });
    expect(await auditOf('household', h.id)).toHaveLength(0);
    const viaHeader = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: 'y' }, { 'if-match': '"1"' });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json().version).toBe(2);
    const staleHeader = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: 'z' }, { 'if-match': 'W/"1"' });
    expect(staleHeader.statusCode).toBe(409);
    expect((await call(county, 'PATCH', `/api/v1/households/${h.id}`, { address: 'z' }, { 'if-match': 'abc' })).statusCode).toBe(400);
    expect((await householdRow(h.id)).address).toBe('y');
  });

  it('a township officer’s 409 shows the current household masked: no full ID number or phone', async () => {
    const h = await buildHousehold(t, { regionCode: v1(), phone: '13812345678', members: [{ phone: '13987654321' }, { relation: '10' }] });
    expect((await call(county, 'PATCH', `/api/v1/households/${h.id}`, { note: '县里改过', version: 1 })).statusCode).toBe(200);
    const res = await call(township, 'PATCH', `/api/v1/households/${h.id}`, { note: '乡里改', version: 1 });
    expect(res.statusCode).toBe(409);
    const current = res.json().error.details.current;
    expect(current).toMatchObject({ note: '县里改过', version: 2, phone: '138****5678' });
    const head = h.members[0]!;
    expect(current.headIdNumber).toBe(`${head.idNumber.slice(0, 4)}**********${head.idNumber.slice(14)}`);
    expect(current.members[0]).toMatchObject({ idNumber: current.headIdNumber, phone: '139****4321' });
    for (const m of h.members) expect(res.body).not.toContain(m.idNumber);
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('13987654321');
  });

  it('exit and restore need the version too', async () => {
    const admin = await buildUser(t, 'admin', tree.county.code);
    const h = await buildHousehold(t, { regionCode: v1() });
    expect((await call(county, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'death', date: '2024-05-01' })).statusCode).toBe(428);
    const exit = await call(county, 'POST', `/api/v1/households/${h.id}/exit`, { reason: 'death', date: '2024-05-01', version: 1 });
    expect(exit.statusCode).toBe(200);
    expect(exit.json().version).toBe(2);
    // the members the exit marked are new versions of themselves
    expect(exit.json().members.map((m: { version: number }) => m.version)).toEqual([2, 2]);
    expect((await call(admin, 'POST', `/api/v1/households/${h.id}/restore`)).statusCode).toBe(428);
    expect((await call(admin, 'POST', `/api/v1/households/${h.id}/restore`, { version: 1 })).statusCode).toBe(409);
    const restored = await call(admin, 'POST', `/api/v1/households/${h.id}/restore`, undefined, { 'if-match': '2' });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().version).toBe(3);
  });
});

describe('a move to another village', () => {
  it('makes the household’s members and records new versions: an edit based on the old one is stale', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const inc = await call(county, 'POST', `/api/v1/households/${h.id}/incomes`, { year: 2024, wage: 1000 });
    expect(inc.json().version).toBe(1);
    const moved = await call(county, 'PATCH', `/api/v1/households/${h.id}`, { regionCode: tree.townships[0]!.villages[1]!.code, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().members.map((m: { version: number; regionCode: string }) => [m.version, m.regionCode])).toEqual(
      h.members.map(() => [2, tree.townships[0]!.villages[1]!.code]),
    );
    expect(moved.json().incomes[0].version).toBe(2);
    expect((await call(county, 'PATCH', `/api/v1/persons/${h.members[1]!.id}`, { name: '旧版本', version: 1 })).statusCode).toBe(409);
  });
});

describe('the audit chain under concurrent saves', () => {
  it('over ~20 alternating saves by two users each entry’s before equals the previous entry’s after', async () => {
    const h = await buildHousehold(t, { regionCode: v1() });
    const saves = 10;
    // each user reads, saves with what it read, and on 409 takes details.current's version and saves again
    const worker = async (u: U, name: string) => {
      let version = (await call(u, 'GET', `/api/v1/households/${h.id}`)).json().version as number;
      let done = 0;
      let stale = 0;
      while (done < saves) {
        const res = await call(u, 'PATCH', `/api/v1/households/${h.id}`, { note: `${name}-${done}`, version });
        if (res.statusCode === 200) {
          done++;
          version = res.json().version;
        } else {
          expect(res.statusCode).toBe(409);
          stale++;
          version = res.json().error.details.current.version;
        }
      }
      return stale;
    };
    await Promise.all([worker(county, 'A'), worker(county2, 'B')]);
    const entries = await auditOf('household', h.id);
    expect(entries).toHaveLength(2 * saves);
    const mismatches = entries.slice(1).filter((e, i) => JSON.stringify(e.before) !== JSON.stringify(entries[i]!.after));
    expect(mismatches).toHaveLength(0);
    expect(entries.map((e) => (e.after as { version: number }).version)).toEqual(Array.from({ length: 2 * saves }, (_, i) => i + 2));
    expect((await householdRow(h.id)).version).toBe(2 * saves + 1);
  });
});

describe('members with versions', () => {
  it('two edits of one member with the same version: one 200, one 409 with the winner; exit needs the version', async () => {
    const h = await buildHousehold(t, { regionCode: v1(), members: [{}, { relation: '10' }, { relation: '20' }] });
    const spouse = h.members[1]!;
    const [a, b] = await Promise.all([
      call(county, 'PATCH', `/api/v1/persons/${spouse.id}`, { name: '张一', version: 1 }),
      call(county2, 'PATCH', `/api/v1/persons/${spouse.id}`, { name: '张二', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.details.current).toMatchObject({ id: spouse.id, name: won.json().name, version: 2 });
    const [row] = await t.db.db.select().from(persons).where(eq(persons.id, spouse.id));
    expect(row).toMatchObject({ name: won.json().name, version: 2 });
    expect((await call(county, 'PATCH', `/api/v1/persons/${spouse.id}`, { name: '无版本' })).statusCode).toBe(428);
    const audits = await auditOf('person', spouse.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ version: 1, name: spouse.name });
    const other = h.members[2]!;
    expect((await call(county, 'POST', `/api/v1/persons/${other.id}/exit`, { reason: 'moved_out', date: '2024-05-01' })).statusCode).toBe(428);
    expect((await call(county, 'POST', `/api/v1/persons/${other.id}/exit`, { reason: 'moved_out', date: '2024-05-01', version: 1 })).json().version).toBe(2);
  });

  it('a township officer’s stale member edit shows the member masked', async () => {
    const h = await buildHousehold(t, { regionCode: v1(), members: [{ phone: '13900001111' }, { relation: '10' }] });
    const head = h.members[0]!;
    expect((await call(county, 'PATCH', `/api/v1/persons/${head.id}`, { phone: '13900002222', version: 1 })).statusCode).toBe(200);
    const res = await call(township, 'PATCH', `/api/v1/persons/${head.id}`, { name: '改名', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current).toMatchObject({ version: 2, phone: '139****2222', idNumber: `${head.idNumber.slice(0, 4)}**********${head.idNumber.slice(14)}` });
    expect(res.body).not.toContain(head.idNumber);
    expect(res.body).not.toContain('13900002222');
  });
});
