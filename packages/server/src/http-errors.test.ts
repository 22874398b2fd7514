import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/test-app.ts';
import { buildRegionTree, buildUser } from './test/factories.ts';
import { buildApp } from './app.ts';
import { toAppError } from './http-errors.ts';
import { makeConfig } from './config.ts';

let t: TestApp;
let cookie = '';
beforeAll(async () => {
  t = await createTestApp();
  const tree = await buildRegionTree(t);
  cookie = (await buildUser(t, 'county_officer', tree.county.code)).cookie;
});
afterAll(async () => t?.close());

const stripId = (body: { error: { requestId: string } }) => ({ error: { ...body.error, requestId: body.error.requestId ? '<id>' : 'missing' } });

describe('error envelope', () => {
  it('zod failures → 400 VALIDATION_FAILED with every issue', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/households', headers: { cookie }, payload: { householdNo: '', members: [] } });
    expect(res.statusCode).toBe(400);
    expect(stripId(res.json())).toMatchSnapshot();
    expect(res.json().error.details.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('unauthenticated, not found and unknown routes', async () => {
    const unauth = await t.app.inject({ method: 'GET', url: '/api/v1/households' });
    expect(unauth.statusCode).toBe(401);
    expect(stripId(unauth.json())).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "UNAUTHENTICATED",
          "message": "login required",
          "requestId": "<id>",
        },
      }
    `);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/households/999999999', headers: { cookie } });
    expect(stripId(missing.json())).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "NOT_FOUND",
          "details": {
            "householdId": 999999999,
          },
          "message": "household not found",
          "requestId": "<id>",
        },
      }
    `);
    const route = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('NOT_FOUND');
    expect(route.headers['x-request-id']).toBe(route.json().error.requestId);
  });

  it('unknown errors → 500 INTERNAL without SQL or stack', async () => {
    const app = await buildApp({ config: makeConfig({ webDist: '/nonexistent' }), db: t.db });
    app.get('/api/boom', async () => {
      throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/boom', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error', requestId: 'req-123' } });
    expect(res.body).not.toContain('secret_table');
    await app.close();
  });

  it('health and OpenAPI', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', db: t.db.kind });
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    for (const p of [
      '/api/v1/households',
      '/api/v1/households/{id}',
      '/api/v1/auth/login',
      '/api/v1/rules/{ruleId}/evaluate',
      '/api/v1/dashboard',
      '/api/v1/users/{id}',
      '/api/v1/monitoring-cases/{id}/eliminate',
      '/api/health',
    ]) {
      expect(paths).toContain(p);
    }
    const create = doc.json().paths['/api/v1/households'].post;
    expect(JSON.stringify(create.requestBody)).toContain('户编号');
  });
});

describe('two writers at once', () => {
  it('a deadlock, a serialization failure or a lock timeout is 409 CONFLICT asking to try again, not a 500', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      // as drizzle throws it: the driver's error as the cause of a "Failed query"
      const err = Object.assign(new Error('Failed query: select … params: 1'), { cause: Object.assign(new Error('deadlock detected'), { code }) });
      const { appError, unexpected } = toAppError(err);
      expect(unexpected, code).toBe(false);
      expect(appError.code, code).toBe('CONFLICT');
      expect(appError.details?.issues).toEqual([expect.objectContaining({ messageZh: '其他用户正在同时修改相同的记录，本次未保存，请稍后重试' })]);
    }
    expect(toAppError(Object.assign(new Error('boom'), { code: '42P01' })).appError.code).toBe('INTERNAL');
  });
});
