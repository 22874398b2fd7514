import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, dictionaryItems, sessions, settings, users } from '@chanbang/db';
import { DICTIONARIES } from '@chanbang/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';

let t: TestApp;
let tree: RegionTree;
let admin: { cookie: string; id: number };
beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  admin = await buildUser(t, 'admin', tree.county.code);
});
afterAll(async () => t?.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('users (admin)', () => {
  it('creates a user with an argon2id hash who can then log in; disabling ends sessions', async () => {
    const res = await call(admin.cookie, 'POST', '/api/v1/users', {
      username: 'wang.li',
      displayName: '王丽',
      password: 'very-secret-1',
      role: 'village_officer',
      regionCode: tree.townships[0]!.villages[0]!.code,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'wang.li', role: 'village_officer', disabled: false });
    const [row] = await t.db.db.select().from(users).where(eq(users.username, 'wang.li'));
    expect(row!.passwordHash.startsWith('$argon2id$')).toBe(true);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'wang.li', password: 'very-secret-1' } });
    expect(login.statusCode).toBe(200);
    expect(
      (await call(admin.cookie, 'POST', '/api/v1/users', { username: 'wang.li', displayName: 'x', password: 'very-secret-1', role: 'viewer', regionCode: tree.county.code }))
        .statusCode,
    ).toBe(409);

    const off = await call(admin.cookie, 'PATCH', `/api/v1/users/${row!.id}`, { disabled: true, version: res.json().version });
    expect(off.statusCode).toBe(200);
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, row!.id))).toHaveLength(0);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(row!.id))));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'login', 'update']);
    expect(JSON.stringify(audit)).not.toContain('argon2');
    const list = await call(admin.cookie, 'GET', '/api/v1/users?q=wang');
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['wang.li']);
  });

  it('refuses short passwords and users outside the admin’s county', async () => {
    const other = await buildRegionTree(t);
    expect(
      (await call(admin.cookie, 'POST', '/api/v1/users', { username: 'short', displayName: 'x', password: 'short', role: 'viewer', regionCode: tree.county.code })).statusCode,
    ).toBe(400);
    expect(
      (await call(admin.cookie, 'POST', '/api/v1/users', { username: 'far', displayName: 'x', password: 'long-enough-1', role: 'viewer', regionCode: other.county.code }))
        .statusCode,
    ).toBe(403);
  });
});

describe('dictionaries', () => {
  it('are seeded from the domain and editable by an admin', async () => {
    const all = await call(admin.cookie, 'GET', '/api/v1/dictionaries');
    const expected = DICTIONARIES.reduce((n, d) => n + d.items.length, 0);
    expect(all.json().items).toHaveLength(expected);
    const created = await call(admin.cookie, 'POST', '/api/v1/dictionaries/risk_type/items', { code: 'local_x', labelZh: '因地方特殊原因', labelEn: 'Local reason' });
    expect(created.statusCode).toBe(201);
    expect((await call(admin.cookie, 'POST', '/api/v1/dictionaries/risk_type/items', { code: 'local_x', labelZh: 'a', labelEn: 'b' })).statusCode).toBe(409);
    const edited = await call(admin.cookie, 'PATCH', '/api/v1/dictionaries/risk_type/items/local_x', { labelZh: '因地方原因', active: false, version: created.json().version });
    expect(edited.json()).toMatchObject({ labelZh: '因地方原因', active: false, version: 2 });
    const [row] = await t.db.db
      .select()
      .from(dictionaryItems)
      .where(and(eq(dictionaryItems.dictCode, 'risk_type'), eq(dictionaryItems.code, 'local_x')));
    expect(row!.active).toBe(false);
    // an inactive code is no longer accepted on households
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    const res = await call(admin.cookie, 'PATCH', `/api/v1/households/${h.id}`, { riskTypes: ['local_x'], version: 1 }); // a new household is at version 1
    expect(res.statusCode).toBe(400);
  });
});

describe('policy packs', () => {
  it('lists packs and lets an admin choose the county’s pack', async () => {
    const packs = await call(admin.cookie, 'GET', '/api/v1/policy/packs');
    expect(packs.json().packs.map((p: { id: string }) => p.id)).toContain('jincheng');
    const before = await call(admin.cookie, 'GET', '/api/v1/policy/active');
    expect(before.json()).toMatchObject({ countyCode: tree.county.code, isDefault: true, version: null });
    const put = await call(admin.cookie, 'PUT', '/api/v1/policy/active', { packId: 'jincheng' });
    expect(put.json()).toEqual({ countyCode: tree.county.code, packId: 'jincheng', isDefault: false, version: 1 });
    const [row] = await t.db.db
      .select()
      .from(settings)
      .where(eq(settings.key, `policy_pack:${tree.county.code}`));
    expect(row!.value).toBe('jincheng');
    expect((await call(admin.cookie, 'PUT', '/api/v1/policy/active', { packId: 'nowhere' })).statusCode).toBe(404);
  });
});

describe('audit browse', () => {
  it('filters by entity and action, admins only', async () => {
    const h = await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code });
    expect((await call(admin.cookie, 'PATCH', `/api/v1/households/${h.id}`, { note: '复核', version: 1 })).statusCode).toBe(200); // a new household is at version 1
    const res = await call(admin.cookie, 'GET', `/api/v1/audit?entityType=household&entityId=${h.id}&action=update`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({ action: 'update', actorId: admin.id, after: { note: '复核' } });
    const officer = await buildUser(t, 'county_officer', tree.county.code);
    expect((await call(officer.cookie, 'GET', '/api/v1/audit')).statusCode).toBe(403);
  });
});
