import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, sessions } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildRegionTree, buildUser, TEST_PASSWORD } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('login throttle (issue 6 §4)', () => {
  it('answers the 6th failure with 429 and Retry-After; others are unaffected; failures are audited', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    const other = await buildUser(t, 'viewer', tree.county.code);
    for (let i = 0; i < 5; i++) expect((await login(u.username, `wrong-${i}-password`, '10.1.1.1')).statusCode).toBe(401);
    const sixth = await login(u.username, 'wrong-6-password', '10.1.1.1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBe(30);
    // the user name is blocked from any address, even with the right password
    const right = await login(u.username, TEST_PASSWORD, '10.1.1.2');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // another user name from another address goes ahead
    expect((await login(other.username, TEST_PASSWORD, '10.1.1.3')).statusCode).toBe(200);

    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login_failed'), eq(auditLog.entityId, String(u.id))));
    expect(audits).toHaveLength(7);
    const reasons = audits.map((a) => (a.after as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'rate_limited')).toHaveLength(2);
    expect(audits[0]!.after).toMatchObject({ username: u.username, address: '10.1.1.1' });
    expect(JSON.stringify(audits)).not.toContain('wrong-0-password');
  });

  it('blocks an address after 5 failures across user names, and audits unknown users', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`nobody-${i}`, 'whatever-password', '10.2.2.2')).statusCode).toBe(401);
    expect((await login('nobody-9', 'whatever-password', '10.2.2.2')).statusCode).toBe(429);
    const rows = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    expect(rows.some((a) => (a.after as { username: string; reason: string }).username === 'nobody-0' && (a.after as { reason: string }).reason === 'unknown_user')).toBe(true);
  });

  it('a success resets the user name counter', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    for (let i = 0; i < 4; i++) await login(u.username, 'wrong-password-x', `10.3.3.${i}`);
    expect((await login(u.username, TEST_PASSWORD, '10.3.4.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'wrong-password-x', `10.3.5.${i}`)).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD, '10.3.4.2')).statusCode).toBe(200);
  });

  it('audits logout', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: u.cookie } })).statusCode).toBe(200);
    const rows = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'logout'), eq(auditLog.actorId, u.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('password rules and own password change (issue 6 §4)', () => {
  it('user create and admin reset refuse weak passwords with Chinese and English messages', async () => {
    const tree = await buildRegionTree(t);
    const admin = await buildUser(t, 'admin', tree.county.code);
    const create = (password: string, username = 'li.ming') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin.cookie },
        payload: { username, displayName: '李明', password, role: 'viewer', regionCode: tree.county.code },
      });
    for (const weak of ['short-pw1', 'li.ming-2026', 'qwertyuiop', 'Password123']) {
      const res = await create(weak);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const common = await create('1qaz2wsx3edc');
    expect(common.json().error.details.issues[0]).toMatchObject({ path: 'password', messageZh: '密码过于常见，请换一个' });
    const ok = await create('Chanbang@2026');
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin.cookie },
      payload: { password: 'LI.MING.mountain', version: ok.json().version },
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.details.issues[0].messageEn).toContain('user name');
  });

  it('changes the own password: wrong current → 400, rules apply, other sessions end, audited', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'county_officer', tree.county.code);
    const second = await login(u.username, TEST_PASSWORD, '10.4.4.4');
    const otherCookie = `cb_session=${second.cookies.find((c) => c.name === 'cb_session')!.value}`;
    const change = (payload: object, cookie = u.cookie) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload });

    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'x', newPassword: 'y' } })).statusCode).toBe(401);
    const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'Mountain-river-77' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({ path: 'currentPassword', messageZh: '当前密码不正确' });
    const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].path).toBe('newPassword');

    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'Mountain-river-77' })).statusCode).toBe(200);
    // this session stays, the other one ended
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: u.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect(await t.db.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(1);
    expect((await login(u.username, TEST_PASSWORD, '10.4.4.5')).statusCode).toBe(401);
    expect((await login(u.username, 'Mountain-river-77', '10.4.4.6')).statusCode).toBe(200);
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'password_change'), eq(auditLog.actorId, u.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain('Mountain-river-77');
  });
});
