import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { multipart } from './modules/imports/imports.test-support.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';
import { buildRegionTree, buildUser, TEST_PASSWORD } from './test/factories.ts';

const HOST = 'chanbang.example:3000';
const ALLOWED = 'https://portal.example.gov.cn';
let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'cb-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>产帮</title><div id="root"></div>');
  t = await createTestApp({ webDist, allowedOrigins: [ALLOWED] });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('Origin check of state-changing requests (issue 6 §4)', () => {
  it('refuses a foreign Origin on JSON, multipart and body-less POSTs with 403 untrusted origin', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'county_officer', tree.county.code);
    const evil = { host: HOST, origin: 'https://evil.example' };
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: evil, payload: { username: u.username, password: TEST_PASSWORD } });
    expect(json.statusCode).toBe(403);
    expect(json.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'untrusted origin',
      details: { issues: [{ messageZh: '请求来源不被信任', messageEn: 'untrusted origin' }] },
    });
    expect(json.cookies.find((c) => c.name === 'cb_session')).toBeUndefined();
    const m = multipart('households.csv', '户编号\n1');
    const upload = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...m.headers, ...evil, cookie: u.cookie }, payload: m.payload });
    expect(upload.statusCode).toBe(403);
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...evil, cookie: u.cookie } });
    expect(logout.statusCode).toBe(403);
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/1', headers: { ...evil, cookie: u.cookie }, payload: {} });
    expect(patch.statusCode).toBe(403);
    // none of them did anything: the session still works
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: u.cookie } })).statusCode).toBe(200);
    // GET is not state-changing
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { ...evil, cookie: u.cookie } })).statusCode).toBe(200);
  });

  it('falls back to Referer, refuses "null" and a cross-site fetch without Origin', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    const post = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { host: HOST, cookie: u.cookie, ...headers } });
    expect((await post({ referer: 'https://evil.example/page?x=1' })).statusCode).toBe(403);
    expect((await post({ origin: 'null' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'http://chanbang.example:3001' })).statusCode).toBe(403);
    expect((await post({ referer: `http://${HOST}/households` })).statusCode).toBe(200);
  });

  it('lets the same origin, a configured origin and requests without Origin through', async () => {
    const tree = await buildRegionTree(t);
    const u = await buildUser(t, 'viewer', tree.county.code);
    const login = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username: u.username, password: TEST_PASSWORD } });
    expect((await login({ host: HOST, origin: `http://${HOST}` })).statusCode).toBe(200);
    expect((await login({ host: HOST, origin: `https://${HOST}` })).statusCode).toBe(200);
    expect((await login({ host: HOST, origin: ALLOWED })).statusCode).toBe(200);
    expect((await login({ host: HOST })).statusCode).toBe(200);
    expect((await login({ host: HOST, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });
});

describe('security headers (issue 6 §4)', () => {
  function expectHelmet(h: Record<string, unknown>) {
    const csp = String(h['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['strict-transport-security']).toBeUndefined();
  }

  it('sets them on API answers (with Cache-Control no-store), errors included', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expectHelmet(health.headers);
    expect(health.headers['cache-control']).toBe('no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expectHelmet(missing.headers);
    expect(missing.headers['cache-control']).toBe('no-store');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'https://evil.example' } });
    expectHelmet(refused.headers);
  });

  it('sets them on the web index', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/households' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('产帮');
    expectHelmet(index.headers);
    expect(index.headers['cache-control']).not.toBe('no-store');
  });
});

describe('configuration (issue 6 §4)', () => {
  it('listens on loopback unless HOST is set; Secure cookies by CHANBANG_SECURE_COOKIES or NODE_ENV=production', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', CHANBANG_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ CHANBANG_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ CHANBANG_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080/' }).allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => loadConfig({ CHANBANG_ALLOWED_ORIGINS: 'not a url' })).toThrow(/CHANBANG_ALLOWED_ORIGINS/);
  });

  it('marks the session cookie Secure when configured (and sends HSTS)', async () => {
    const s = await createTestApp({ secureCookies: true });
    try {
      const tree = await buildRegionTree(s);
      const u = await buildUser(s, 'viewer', tree.county.code);
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'cb_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
      expect(plain.statusCode).toBe(401);
      const tree2 = await buildRegionTree(t);
      const v = await buildUser(t, 'viewer', tree2.county.code);
      const res2 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: v.username, password: TEST_PASSWORD } });
      expect(res2.cookies.find((c) => c.name === 'cb_session')?.secure).toBeFalsy();
    } finally {
      await s.close();
    }
  });
});
