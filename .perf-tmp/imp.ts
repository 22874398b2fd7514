// temporary: time the product import of the 20k csv on a fresh DB (INDEX=partial|plain)
import { basename } from 'node:path';
import { createReadStream } from 'node:fs';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, importExport, makeConfig, seedDictionariesIfEmpty } from '@chanbang/server';
import { loadDemo } from '../packages/cli/src/demo/demo-loader.ts';
import { cliActor } from '../packages/cli/src/commands/context.ts';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL!, poolSize: 12 });
await migrateDb(db);
await seedDictionariesIfEmpty(db.db);
await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
if (process.env.INDEX === 'plain') {
  await db.query('DROP INDEX households_type_idx');
  await db.query('CREATE INDEX households_type_idx ON households USING btree (household_type, region_code varchar_pattern_ops, id)');
}
const deps = { config: makeConfig({ dataDir: '/tmp/perf-data' }), db };
const actor = await cliActor(db, 'admin');
const file = 'bench-data/county-20000.csv';
const t0 = performance.now();
const job = await importExport.createImportJob(deps, actor, { fileName: basename(file), stream: createReadStream(file) });
const v = await importExport.startValidation(deps, actor, job.id, {});
await v.done;
const t1 = performance.now();
const c = await importExport.startCommit(deps, actor, job.id);
await c.done;
const done = await importExport.getImportJob(deps, actor, job.id);
console.log(process.env.INDEX, done.status, 'validation', Math.round(t1 - t0), 'commit', Math.round(performance.now() - t1), 'ms');
await db.close();
