export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export { openDb, migrateDb } from './client.ts';
export type { Db, DbHandle, DbOptions, RawTx, Schema } from './client.ts';
