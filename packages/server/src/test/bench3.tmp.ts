import { openDb } from '@chanbang/db';
import { buildApp } from '../app.ts';
import { makeConfig } from '../config.ts';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/cb_bench', poolSize: 10 });
const app = await buildApp({ config: makeConfig({ webDist: '/x' }), db });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const lr = await fetch(url + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: process.argv[3] ?? 'bench', password: 'bench-pass-1' }) });
const cookie = lr.headers.get('set-cookie')!.split(';')[0]!;
async function timeOne(path: string) { const t0 = performance.now(); const r = await fetch(url + path, { headers: { cookie } }); await r.text(); if (r.status !== 200) throw new Error(path + ' ' + r.status); return performance.now() - t0; }
const paths = (process.argv[2] ?? '/api/v1/households').split(',');
const lat: number[] = [];
const end = Date.now() + 5000;
let i = 0;
await Promise.all(Array.from({ length: 50 }, async () => { while (Date.now() < end) lat.push(await timeOne(paths[i++ % paths.length]!)); }));
lat.sort((a, b) => a - b);
const p = (q: number) => lat[Math.floor(lat.length * q)]!.toFixed(1);
console.log(paths.join(' '), 'n', lat.length, 'p50', p(0.5), 'p95', p(0.95), 'p99', p(0.99));
await app.close(); await db.close();
