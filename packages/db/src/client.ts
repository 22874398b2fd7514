import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The drizzle handle; the same type whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Raw SQL access inside one transaction, for bulk work (COPY, staging tables). */
export type RawTx = {
  /** Run a statement with $1… parameters; returns rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY <target> FROM STDIN`-style bulk load of CSV text. `copySql` is e.g. `COPY t (a,b) FROM STDIN WITH (FORMAT csv)`. */
  copyFromCsv(copySql: string, csv: string | Buffer): Promise<void>;
};

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'pg';
  /** Run `fn` in one transaction on a single connection; rolls back if it throws. */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /** Plain query outside a transaction. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * PostgreSQL only (PGlite has one connection): runs `fn` on a connection of its own, in a read-only transaction
   * that sees exactly the snapshot another open transaction exported (`SELECT pg_export_snapshot()`), so reads can
   * run beside that transaction.
   */
  readInSnapshot?<T>(snapshot: string, fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DbOptions = {
  /** postgres://… ; when absent an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** pg pool size (default 10). */
  poolSize?: number | undefined;
};

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Open the database: pg when `databaseUrl` is set, PGlite otherwise. Does not migrate. */
export async function openDb(opts: DbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    // one process per folder: a second one refuses to start, naming the holder (DataDirLockedError)
    lock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir.startsWith('memory://') ? undefined : dataDir);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async rawTransaction(fn) {
      return client.transaction(async (t) =>
        fn({
          async query(text, params) {
            return (await t.query(text, params as unknown[])).rows as never;
          },
          async copyFromCsv(copySql, csv) {
            const sqlText = copySql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
            const blob = new Blob([typeof csv === 'string' ? csv : new Uint8Array(csv)]);
            await t.query(sqlText, [], { blob });
          },
        }),
      );
    },
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never;
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPg(url: string, max: number): Promise<DbHandle> {
  // numeric → number, int8 (count(*)) → number; the platform never holds values beyond 2^53.
  pg.types.setTypeParser(1700, (v) => Number(v));
  pg.types.setTypeParser(20, (v) => Number(v));
  // date stays a 'YYYY-MM-DD' string, as on PGlite.
  pg.types.setTypeParser(1082, (v) => v);
  // Named prepared statements (the household list) save parsing on every call but must be planned for their
  // actual values: a region prefix `LIKE $1` only becomes an index range in a custom plan, and the generic plan
  // PostgreSQL would switch to after five calls scans or sorts the whole type/region (measured 1.3–25 ms vs 1.1).
  const pool = new pg.Pool({ connectionString: url, max, options: '-c plan_cache_mode=force_custom_plan' });
  // An idle client whose connection the server ends (restart, pg_terminate_backend, DROP DATABASE … FORCE)
  // emits 'error' on the pool; unhandled, that would crash the process. The pool discards the client and
  // the next query opens a new connection.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pg',
    async rawTransaction(fn) {
      return inPgTransaction(pool, 'BEGIN', (conn) =>
        fn({
          async query(text, params) {
            return (await conn.query(text, params as unknown[])).rows as never;
          },
          async copyFromCsv(copySql, csv) {
            await new Promise<void>((resolve, reject) => {
              const stream = conn.query(copyFromStream(copySql));
              stream.on('error', reject);
              stream.on('finish', () => resolve());
              stream.end(csv);
            });
          },
        }),
      );
    },
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows as never;
    },
    async readInSnapshot(snapshot, fn) {
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
      return inPgTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (conn) => {
        await conn.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
        return fn(drizzlePg({ client: conn, schema, casing: 'snake_case' }) as unknown as Db);
      });
    },
    async close() {
      await pool.end();
    },
  };
}

/** Runs `fn` on one pooled connection between `begin` and COMMIT; rolls back if it throws. */
async function inPgTransaction<T>(pool: pg.Pool, begin: string, fn: (conn: pg.PoolClient) => Promise<T>): Promise<T> {
  const conn = await pool.connect();
  try {
    await conn.query(begin);
    const result = await fn(conn);
    await conn.query('COMMIT');
    return result;
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    conn.release();
  }
}

/** Apply the committed SQL migrations (same files for both drivers). */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, { migrationsFolder });
  else await migratePg(handle.db as never, { migrationsFolder });
}
