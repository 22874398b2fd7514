import { openDb } from '@chanbang/db';
import { buildApp } from '../app.ts';
import { makeConfig } from '../config.ts';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/cb_bench', poolSize: 10 });
const app = await buildApp({ config: makeConfig({ webDist: '/x' }), db });
await app.ready();
const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench', password: 'bench-pass-1' } });
const cookie = `cb_session=${r.cookies[0]!.value}`;
for (const path of ['/api/v1/auth/me', '/api/v1/households', '/api/v1/households', '/api/v1/households?pageSize=50', '/api/health']) {
  const t0 = performance.now();
  const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  console.log(path, res.statusCode, (performance.now() - t0).toFixed(1));
}
await app.close(); await db.close();
