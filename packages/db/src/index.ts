export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export { openDb, migrateDb } from './client.ts';
export type { Db, DbHandle, DbOptions, RawTx, Schema } from './client.ts';
export { listenForNotifications } from './listen.ts';
export type { ListenOptions, NotificationListener } from './listen.ts';
export { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';
export type { DataDirLock, LockHolder } from './data-dir-lock.ts';
