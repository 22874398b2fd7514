import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, sessions } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, TEST_PASSWORD } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('auth', () => {
  it('logs in, answers /me, logs out', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'county_officer', tree.county.code);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: u.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: u.id, username: u.username, role: 'county_officer', regionCode: tree.county.code, regionName: tree.county.name });
    expect(me.json().user.passwordHash).toBeUndefined();
    const audits = await t.db.db.select().from(auditLog).where(eq(auditLog.actorId, u.id));
    expect(audits.map((a) => a.action)).toContain('login');

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: u.cookie } });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: u.cookie } });
    expect(after.statusCode).toBe(401);
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
  });

  it('sets an httpOnly cb_session cookie and keeps only a hash of the token', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'cb_session')!;
    expect(c.httpOnly).toBe(true);
    const rows = await t.db.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows.some((r) => r.tokenHash === c.value)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('refuses a wrong password with 401 UNAUTHENTICATED', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'nope-nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'nope-nope' } });
    expect(unknown.statusCode).toBe(401);
  });

  it('ends cached sessions at once when an admin disables or demotes the user', async () => {
    const tree = await buildRegionTree(t);
    const admin = await buildUser(t, 'admin', tree.county.code);
    const a = await buildUser(t, 'county_officer', tree.county.code);
    const b = await buildUser(t, 'county_officer', tree.county.code);
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    // resolve both sessions once so that they sit in the session cache
    expect((await me(a.cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie: b.cookie } })).statusCode).toBe(200);
    const patch = (id: number, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin.cookie }, payload });
    // a user just built is at version 1 (PATCH sends the version read)
    expect((await patch(a.id, { disabled: true, version: 1 })).statusCode).toBe(200);
    expect((await patch(b.id, { role: 'viewer', version: 1 })).statusCode).toBe(200);
    expect((await me(a.cookie)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie: b.cookie } })).statusCode).toBe(401);
  });

  it('requires a session for API routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/households' });
    expect(res.statusCode).toBe(401);
  });
});
