// scratch profiler (deleted before hand-off)
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, importExport, makeConfig, seedDictionariesIfEmpty, type Deps } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { cliActor } from '../commands/context.ts';

const url = process.env.DATABASE_URL!;
const db = await openDb({ databaseUrl: url, poolSize: 4 });
await migrateDb(db);
await seedDictionariesIfEmpty(db.db);
await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
const orig = db.rawTransaction.bind(db);
db.rawTransaction = (fn) => orig((tx) => fn({
  async query(text, params) { if (process.env.EXPLAIN && /^WITH up AS/.test(text.trim())) { const e = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params); console.log(e.map((r) => r['QUERY PLAN']).join('\n')); } const t = performance.now(); const r = await tx.query(text, params); console.log(`  ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${text.replace(/\s+/g, ' ').slice(0, 110)}`); return r as never; },
  async copyFromCsv(sql, csv) { const t = performance.now(); await tx.copyFromCsv(sql, csv); console.log(`  ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${sql.slice(0, 60)}`); },
}));
const deps: Deps = { config: makeConfig({ dataDir: mkdtempSync(join(tmpdir(), 'prof-')), webDist: '/nonexistent' }), db };
const actor = await cliActor(db, 'admin');
const file = process.argv[2]!;
for (const round of (process.env.ROUNDS ?? "1,2").split(",").map(Number)) {
  let t = performance.now();
  const job = await importExport.createImportJob(deps, actor, { fileName: basename(file), stream: createReadStream(file) });
  console.log(`round ${round} upload ${(performance.now() - t).toFixed(0)} ms`); t = performance.now();
  await (await importExport.startValidation(deps, actor, job.id, {})).done;
  const v = await importExport.getImportJob(deps, actor, job.id);
  console.log(`validate ${(performance.now() - t).toFixed(0)} ms status ${v.status} good ${v.goodRows} bad ${v.badRows} ${v.message ?? ''}`); t = performance.now();
  await (await importExport.startCommit(deps, actor, job.id)).done;
  const d = await importExport.getImportJob(deps, actor, job.id);
  console.log(`commit ${(performance.now() - t).toFixed(0)} ms status ${d.status} ${d.message ?? ''}`);
}
await db.close();
