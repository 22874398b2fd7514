// temporary perf harness (not part of the product): server against DATABASE_URL, autocannon on several paths
import autocannon from 'autocannon';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
import { openDb } from '@chanbang/db';
import { makeConfig, startServer } from '@chanbang/server';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL!, poolSize: Number(process.env.POOL ?? 12) });
const config = makeConfig({ dataDir: '/tmp/perf-data', port: 0, host: '127.0.0.1', webDist: '/nonexistent', logLevel: (process.env.LOG as never) ?? 'silent' });
const { app, url } = await startServer(config, { db });
const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Chanbang@2026' }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const paths: Record<string, string> = {
  list: '/api/v1/households?regionCode=411272100000&householdType=monitored&pageSize=20',
  health: '/api/health',
  me: '/api/v1/auth/me',
  h1: '/api/v1/rules/H1/evaluate?regionCode=411272000000',
};
const which = (process.env.PATHS ?? 'list,health,me').split(',');
const dur = Number(process.env.DUR ?? 5);
for (const name of which) {
  const path = paths[name]!;
  const r0 = await fetch(`${url}${path}`, { headers: { cookie } });
  if (!r0.ok) console.log(name, r0.status, await r0.text());
  for (const c of (process.env.CONN ?? '1,50').split(',').map(Number)) {
    if (process.env.PROF) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
    const cpu0 = process.cpuUsage();
    const r = await autocannon({ url: `${url}${path}`, connections: c, duration: dur, headers: { cookie } });
    if (process.env.PROF) { const { profile } = await session.post('Profiler.stop'); writeFileSync(`/tmp/prof-${name}-${c}.cpuprofile`, JSON.stringify(profile)); }
    console.log(`${name.padEnd(7)} c=${String(c).padEnd(3)} p50 ${r.latency.p50} p90 ${r.latency.p90} p99 ${r.latency.p99} ms  ${Math.round(r.requests.average)} req/s non2xx ${r.non2xx}  node cpu ${Math.round(((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / r.requests.total))} µs/req`);
  }
}
await app.close();
await db.close();
