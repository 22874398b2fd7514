import { openDb } from '@chanbang/db';
import { commitStagedImport, setImportCommitHook } from './packages/server/src/modules/imports/import-commit.service.ts';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/chanbang_bench' });
let t = Date.now();
setImportCommitHook((s) => { console.log(s, Date.now() - t); t = Date.now(); });
const r = await commitStagedImport(db, { id: 999, fileName: 'x', totalRows: 0, badRows: 0 }, '/tmp/p.csv.stage.csv', { id: 1, name: 'a', scopePrefix: '411272', regionCode: '411272000000' });
console.log(r.ms, r.householdsUnchanged);
await db.close();
