import { randomBytes } from 'node:crypto';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { makeConfig, type Config } from '../config.ts';
import { seedDictionariesIfEmpty } from '../modules/dictionaries/dictionaries.service.ts';
import { seedMonitoringLinesIfEmpty } from '../modules/monitoring-lines/monitoring-lines.service.ts';

export type TestApp = {
  app: FastifyInstance;
  db: DbHandle;
  config: Config;
  /** closes the app and the database (and drops the per-file PostgreSQL database) */
  close(): Promise<void>;
};

/** A URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A migrated, seeded app for one test file: in-memory PGlite when TEST_DATABASE_URL is empty, otherwise a fresh
 * `cb_test_<random>` database on that server, dropped by `close()`.
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  let db: DbHandle;
  let drop: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    db = await openDb({ dataDir: 'memory://' });
  } else {
    const name = `cb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    db = await openDb({ databaseUrl: withDatabase(serverUrl, name), poolSize: 5 });
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrateDb(db);
  await seedDictionariesIfEmpty(db.db);
  await seedMonitoringLinesIfEmpty(db.db);
  const config = makeConfig({ webDist: '/nonexistent', ...overrides });
  const app = await buildApp({ config, db });
  await app.ready();
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      await db.close();
      await drop?.();
    },
  };
}
