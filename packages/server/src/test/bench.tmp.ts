import { migrateDb, openDb, users } from '@chanbang/db';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { makeConfig } from '../config.ts';
import { seedDictionariesIfEmpty } from '../modules/dictionaries/dictionaries.service.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedPerfData } from '../test/perf-seed.ts';

const base = 'postgres://postgres@127.0.0.1:5432/';
const admin = new pg.Client(base + 'postgres');
await admin.connect();
const fresh = process.argv.includes('--fresh');
if (fresh) { await admin.query('DROP DATABASE IF EXISTS cb_bench WITH (FORCE)'); await admin.query('CREATE DATABASE cb_bench'); }
await admin.end();
const db = await openDb({ databaseUrl: base + 'cb_bench', poolSize: 10 });
if (fresh) {
  await migrateDb(db); await seedDictionariesIfEmpty(db.db);
  console.time('seed');
  await seedPerfData(db, { countyPrefix: '411224', townships: 10, villages: 20, households: 100_000, year: new Date().getFullYear() });
  console.timeEnd('seed');
  await db.db.insert(users).values([
    { username: 'bench', displayName: 'b', passwordHash: await hashPassword('bench-pass-1'), role: 'county_officer', regionCode: '411224000000' },
    { username: 'bencht', displayName: 'b', passwordHash: await hashPassword('bench-pass-1'), role: 'township_officer', regionCode: '411224003000' },
  ]);
}
const app = await buildApp({ config: makeConfig({ webDist: '/x' }), db });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
async function login(u: string) {
  const r = await fetch(url + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'bench-pass-1' }) });
  return r.headers.get('set-cookie')!.split(';')[0]!;
}
const cookie = await login('bench');
const ct = await login('bencht');
async function timeOne(path: string, c = cookie) { const t0 = performance.now(); const r = await fetch(url + path, { headers: { cookie: c } }); await r.text(); if (r.status !== 200) throw new Error(path + ' ' + r.status); return performance.now() - t0; }
console.log('H1 county', (await timeOne('/api/v1/rules/H1/evaluate')).toFixed(0), 'ms');
console.log('H1 county again', (await timeOne('/api/v1/rules/H1/evaluate')).toFixed(0), 'ms');
console.log('dashboard', (await timeOne('/api/v1/dashboard')).toFixed(0), 'ms');
console.log('warning=H1 list', (await timeOne('/api/v1/households?warning=H1')).toFixed(0), 'ms');
const paths = ['/api/v1/households', '/api/v1/households?page=7&pageSize=50', '/api/v1/households?regionCode=411224005000&householdType=monitored', '/api/v1/households?regionCode=411224002203&page=2', '/api/v1/households?q=P4112240000123'];
for (const [label, c] of [['county', cookie], ['township', ct]] as const) {
  const lat: number[] = [];
  const end = Date.now() + 8000;
  let i = 0;
  await Promise.all(Array.from({ length: 50 }, async () => { while (Date.now() < end) lat.push(await timeOne(paths[i++ % paths.length]!, c)); }));
  lat.sort((a, b) => a - b);
  const p = (q: number) => lat[Math.floor(lat.length * q)]!.toFixed(1);
  console.log(label, 'list: n', lat.length, 'p50', p(0.5), 'p95', p(0.95), 'p99', p(0.99), 'max', lat[lat.length - 1]!.toFixed(1));
}
await app.close(); await db.close();
