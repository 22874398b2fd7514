import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@chanbang/db';
import { POLICY_PACKS } from '@chanbang/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

// No lost update for the admin records (issue 6 §3): users, dictionary items, regions, monitoring lines and the
// county's policy choice. A save sends the version it read (body or If-Match); of two saves based on the same
// version exactly one wins and the other gets 409 STALE_VERSION with the record as it is now; none is 428; the
// audit's before/after are read and written inside the save's transaction.
let t: TestApp;
let tree: RegionTree;
type U = { id: number; cookie: string };
let admin: U, admin2: U, officer: U;

const call = (u: U, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: u.cookie, ...headers }, ...(payload !== undefined ? { payload } : {}) });
const auditOf = (type: string, id: string) =>
  t.db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, type), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));

let seq = 0;
const uniq = () => ++seq;
const [PACK_A, PACK_B] = POLICY_PACKS.map((p) => p.id) as [string, string];

/**
 * One kind of admin record: `make` creates a fresh one and answers how to save it; `body(n)` is a save whose
 * value is `n`; `valueOf` reads that value back from a view. `as` is who saves (the second saver is `as2`).
 */
type Area = {
  name: string;
  make(): Promise<{ url: string; method: 'PATCH' | 'PUT'; entityType: string; entityId: string; read(): Promise<{ version: number } & Record<string, unknown>>; as: U; as2: U }>;
  body(n: number): Record<string, unknown>;
  valueOf(view: Record<string, unknown>): unknown;
  expected(n: number): unknown;
};

const areas: Area[] = [
  {
    name: 'PATCH users/:id',
    async make() {
      const res = await call(admin, 'POST', '/api/v1/users', {
        username: `ver${uniq()}`,
        displayName: '原名',
        password: 'Mountain-river-77',
        role: 'viewer',
        regionCode: tree.county.code,
      });
      const id = res.json().id as number;
      const read = async () => (await call(admin, 'GET', `/api/v1/users?q=${res.json().username}`)).json().items[0];
      return { url: `/api/v1/users/${id}`, method: 'PATCH', entityType: 'user', entityId: String(id), read, as: admin, as2: admin2 };
    },
    body: (n) => ({ displayName: `用户${n}` }),
    valueOf: (v) => v.displayName,
    expected: (n) => `用户${n}`,
  },
  {
    name: 'PATCH dictionaries/:dict/items/:code',
    async make() {
      const code = `ver_${uniq()}`;
      expect((await call(admin, 'POST', '/api/v1/dictionaries/risk_type/items', { code, labelZh: '原名', labelEn: 'original' })).statusCode).toBe(201);
      const read = async () =>
        (await call(admin, 'GET', '/api/v1/dictionaries')).json().items.find((i: { dictCode: string; code: string }) => i.dictCode === 'risk_type' && i.code === code);
      return { url: `/api/v1/dictionaries/risk_type/items/${code}`, method: 'PATCH', entityType: 'dictionary_item', entityId: `risk_type:${code}`, read, as: admin, as2: admin2 };
    },
    body: (n) => ({ labelZh: `标签${n}` }),
    valueOf: (v) => v.labelZh,
    expected: (n) => `标签${n}`,
  },
  {
    name: 'PATCH regions/:code',
    async make() {
      const tw = tree.townships[1]!;
      const code = `${tw.prefix}${String(300 + uniq()).padStart(3, '0')}`;
      expect((await call(officer, 'POST', '/api/v1/regions', { code, name: '原名村', parentCode: tw.code })).statusCode).toBe(201);
      const read = async () => (await call(officer, 'GET', `/api/v1/regions/${code}`)).json();
      // a county officer and an admin both administer regions
      return { url: `/api/v1/regions/${code}`, method: 'PATCH', entityType: 'region', entityId: code, read, as: officer, as2: admin };
    },
    body: (n) => ({ name: `新名${n}村` }),
    valueOf: (v) => v.name,
    expected: (n) => `新名${n}村`,
  },
  {
    name: 'PUT monitoring-lines/:province/:year',
    async make() {
      const year = 2040 + uniq();
      const created = await call(admin, 'PUT', `/api/v1/monitoring-lines/41/${year}`, { amountYuan: 7000, source: '测试文件', confirmed: false });
      expect(created.json()).toMatchObject({ year, amountYuan: 7000, version: 1 });
      const read = async () => (await call(admin, 'GET', '/api/v1/monitoring-lines?provinceCode=41')).json().items.find((l: { year: number }) => l.year === year);
      return { url: `/api/v1/monitoring-lines/41/${year}`, method: 'PUT', entityType: 'monitoring_line', entityId: `41-${year}`, read, as: admin, as2: admin2 };
    },
    body: (n) => ({ amountYuan: 7000 + n, source: '测试文件', confirmed: true }),
    valueOf: (v) => v.amountYuan,
    expected: (n) => 7000 + n,
  },
  {
    name: 'PUT policy/active',
    async make() {
      // a county of its own: the choice is one settings row per county
      const own = await buildRegionTree(t, { townships: 1, villages: 1 });
      const a = await buildUser(t, 'admin', own.county.code);
      const b = await buildUser(t, 'admin', own.county.code);
      expect((await call(a, 'GET', '/api/v1/policy/active')).json()).toMatchObject({ isDefault: true, version: null });
      const first = await call(a, 'PUT', '/api/v1/policy/active', { packId: PACK_A });
      expect(first.json()).toMatchObject({ packId: PACK_A, version: 1 });
      const read = async () => (await call(a, 'GET', '/api/v1/policy/active')).json();
      return { url: '/api/v1/policy/active', method: 'PUT', entityType: 'setting', entityId: `policy_pack:${own.county.code}`, read, as: a, as2: b };
    },
    body: (n) => ({ packId: n % 2 ? PACK_B : PACK_A }),
    valueOf: (v) => v.packId,
    expected: (n) => (n % 2 ? PACK_B : PACK_A),
  },
];

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
  admin2 = await buildUser(t, 'admin', tree.county.code);
  officer = await buildUser(t, 'county_officer', tree.county.code);
  expect(PACK_A).not.toBe(PACK_B);
});
afterAll(async () => t?.close());

describe.each(areas)('$name', (area) => {
  it('the view carries the version; two saves of the same version: 200, then 409 with the winner’s value; the loser writes nothing', async () => {
    const r = await area.make();
    const read = await r.read();
    expect(read.version).toBe(1);
    const first = await call(r.as, r.method, r.url, { ...area.body(1), version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    expect(area.valueOf(first.json())).toBe(area.expected(1));
    const audits = await auditOf(r.entityType, r.entityId);
    const second = await call(r.as2, r.method, r.url, { ...area.body(2), version: 1 });
    expect(second.statusCode).toBe(409);
    const err = second.json().error;
    expect(err.code).toBe('STALE_VERSION');
    expect(err.details.current.version).toBe(2);
    expect(area.valueOf(err.details.current)).toBe(area.expected(1));
    expect(err.details.issues[0]).toMatchObject({ path: 'version', messageZh: '此记录已被他人修改（您读取的是第 1 版，现为第 2 版），请重新载入后再修改' });
    const now = await r.read();
    expect(now.version).toBe(2);
    expect(area.valueOf(now)).toBe(area.expected(1));
    expect(await auditOf(r.entityType, r.entityId)).toEqual(audits);
  });

  it('no version is 428 and writes nothing; If-Match carries it; a stale If-Match is 409', async () => {
    const r = await area.make();
    const audits = await auditOf(r.entityType, r.entityId);
    const none = await call(r.as, r.method, r.url, area.body(3));
    expect(none.statusCode).toBe(428);
    expect(none.json().error).toMatchObject({ code: 'VERSION_REQUIRED', details: { issues: [{ path: 'version' }] } });
    expect((await r.read()).version).toBe(1);
    expect(await auditOf(r.entityType, r.entityId)).toEqual(audits);
    const viaHeader = await call(r.as, r.method, r.url, area.body(3), { 'if-match': '"1"' });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json().version).toBe(2);
    expect(area.valueOf(viaHeader.json())).toBe(area.expected(3));
    const staleHeader = await call(r.as2, r.method, r.url, area.body(4), { 'if-match': 'W/"1"' });
    expect(staleHeader.statusCode).toBe(409);
    expect(area.valueOf(staleHeader.json().error.details.current)).toBe(area.expected(3));
  });

  it('two saves of the same version at once: exactly one wins, the other’s current is the winner', async () => {
    const r = await area.make();
    const [a, b] = await Promise.all([call(r.as, r.method, r.url, { ...area.body(5), version: 1 }), call(r.as2, r.method, r.url, { ...area.body(6), version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.details.current).toMatchObject({ version: 2 });
    expect(area.valueOf(lost.json().error.details.current)).toBe(area.valueOf(won.json()));
    const now = await r.read();
    expect(now.version).toBe(2);
    expect(area.valueOf(now)).toBe(area.valueOf(won.json()));
  });

  it('a chain of saves: each audit entry’s before is the previous entry’s after', async () => {
    const r = await area.make();
    for (let n = 7; n <= 10; n++) {
      const { version } = await r.read();
      expect((await call(n % 2 ? r.as : r.as2, r.method, r.url, { ...area.body(n), version })).statusCode).toBe(200);
    }
    const entries = await auditOf(r.entityType, r.entityId);
    const updates = entries.slice(-4);
    expect(updates).toHaveLength(4);
    // a user's "after" also says whether the password changed; the row itself is the next "before"
    const row = (x: unknown) => (x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'passwordChanged')) : x);
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.before).toEqual(row(updates[i - 1]!.after));
    expect((await r.read()).version).toBe(5);
  });
});

describe('what each record adds', () => {
  it('a stale password reset leaves the old password working; details.current carries no hash', async () => {
    const made = await areas[0]!.make();
    expect((await call(admin, 'PATCH', made.url, { displayName: '先改名', version: 1 })).statusCode).toBe(200);
    const reset = await call(admin2, 'PATCH', made.url, { password: 'Another-long-secret-9', version: 1 });
    expect(reset.statusCode).toBe(409);
    expect(JSON.stringify(reset.json())).not.toMatch(/argon2|passwordHash/);
    expect(reset.json().error.details.current).toMatchObject({ displayName: '先改名', regionName: expect.any(String), version: 2 });
    const username = (await made.read()).username as string;
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Mountain-river-77' } });
    expect(login.statusCode).toBe(200);
  });

  it('a monitoring line: created without a version; a version sent for a line removed since is 409 with current null; DELETE honours If-Match', async () => {
    const year = 2090;
    const url = `/api/v1/monitoring-lines/41/${year}`;
    const body = { amountYuan: 9000, source: '测试文件', confirmed: false };
    expect((await call(admin, 'PUT', url, body)).json()).toMatchObject({ year, version: 1 });
    expect((await call(admin, 'PUT', url, body)).statusCode).toBe(428); // it exists now: a change needs the version
    expect((await call(admin, 'DELETE', url, undefined, { 'if-match': '"7"' })).statusCode).toBe(409);
    expect((await call(admin, 'DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    const gone = await call(admin2, 'PUT', url, { ...body, version: 1 });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error).toMatchObject({
      code: 'STALE_VERSION',
      details: { current: null, issues: [{ path: 'version', messageZh: `${year} 年的监测范围已被他人删除，请重新载入后再保存` }] },
    });
    expect((await call(admin, 'GET', '/api/v1/monitoring-lines?provinceCode=41')).json().items.some((l: { year: number }) => l.year === year)).toBe(false);
  });

  it('two admins creating the same missing line at once: one line, one creation audited, the other refused', async () => {
    const year = 2091;
    const url = `/api/v1/monitoring-lines/41/${year}`;
    const [a, b] = await Promise.all([
      call(admin, 'PUT', url, { amountYuan: 9100, source: '甲', confirmed: false }),
      call(admin2, 'PUT', url, { amountYuan: 9200, source: '乙', confirmed: false }),
    ]);
    // on PostgreSQL the loser may have seen "no line" (409, based on version 0) or the winner's line (428)
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([409, 428]).toContain(codes[1]);
    const won = a.statusCode === 200 ? a : b;
    const lines = (await call(admin, 'GET', '/api/v1/monitoring-lines?provinceCode=41')).json().items.filter((l: { year: number }) => l.year === year);
    expect(lines).toEqual([expect.objectContaining({ amountYuan: won.json().amountYuan, version: 1 })]);
    expect((await auditOf('monitoring_line', `41-${year}`)).map((e) => e.action)).toEqual(['create']);
  });

  it('the policy choice: a first choice needs no version; once saved, a change without one is 428', async () => {
    const own = await buildRegionTree(t, { townships: 1, villages: 1 });
    const a = await buildUser(t, 'admin', own.county.code);
    const first = await call(a, 'PUT', '/api/v1/policy/active', { packId: PACK_B });
    expect(first.json()).toEqual({ countyCode: own.county.code, packId: PACK_B, isDefault: false, version: 1 });
    expect((await call(a, 'PUT', '/api/v1/policy/active', { packId: PACK_A })).statusCode).toBe(428);
    expect((await call(a, 'GET', '/api/v1/policy/active')).json()).toMatchObject({ packId: PACK_B, version: 1 });
    const audits = await auditOf('setting', `policy_pack:${own.county.code}`);
    expect(audits.map((e) => [e.before, e.after])).toEqual([[null, PACK_B]]);
  });

  it('a region: a rename that changes nothing keeps the version but still needs the current one', async () => {
    const made = await areas[2]!.make();
    const same = await call(officer, 'PATCH', made.url, { name: '原名村', version: 1 });
    expect(same.json()).toMatchObject({ name: '原名村', version: 1 });
    expect((await call(officer, 'PATCH', made.url, { name: '原名村' })).statusCode).toBe(428);
    expect((await call(officer, 'PATCH', made.url, { retired: true, version: 1 })).json()).toMatchObject({ version: 2, retiredAt: expect.any(String) });
    const staleRestore = await call(admin, 'PATCH', made.url, { retired: false, version: 1 });
    expect(staleRestore.statusCode).toBe(409);
    expect(staleRestore.json().error.details.current).toMatchObject({ retiredAt: expect.any(String), version: 2 });
  });
});
