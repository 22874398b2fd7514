import { join, resolve } from 'node:path';
import { migrateDb, openDb } from '@chanbang/db';
import { countAllHouseholds, ensureFresh, hashPassword, startServer } from '@chanbang/server';
import { loadDemo, type DemoLoadResult } from '../demo/demo-loader.ts';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { DEMO_COUNTY } from '../demo/demo-regions.ts';
import { cliConfig, openDeps, report } from './context.ts';
import { applyImportEnv } from './import-env.ts';

function demoLines(r: DemoLoadResult): string[] {
  const head = r.loaded
    ? [
        `demo county loaded: ${r.regions} regions, ${r.households} households, ${r.persons} persons, ${r.measures} measures, ${r.monitoringCases} monitoring cases, ${r.helpers} helpers`,
      ]
    : [`demo county not loaded: ${r.reason ?? ''}`];
  return [...head, 'logins (password for all: ' + (r.users[0]?.password ?? '') + '):', ...r.users.map((u) => `  ${u.username.padEnd(11)} ${u.role.padEnd(17)} ${u.regionCode}`)];
}

/** `chanbang serve [--demo] [--port]`: migrate, load the demo when asked and the database has no households, listen. */
export async function serveCommand(opts: { demo?: boolean; port?: string }): Promise<void> {
  applyImportEnv();
  const config = cliConfig(opts.port ? { port: Number(opts.port) } : {});
  const deps = await openDeps(config);
  if (opts.demo) {
    if ((await countAllHouseholds(deps.db.db)) === 0) {
      const t0 = Date.now();
      const r = await loadDemo(deps.db, { hashPassword });
      for (const l of demoLines(r)) console.log(l);
      console.log(`(demo loaded in ${Date.now() - t0} ms)`);
      // the policy rules of the demo county, evaluated once now, so the first dashboard reads stored results
      const t1 = Date.now();
      const rules = await ensureFresh(deps, DEMO_COUNTY.code, new Date().getFullYear());
      console.log(`policy rules of ${rules.packId} evaluated: ${rules.full.length} rules (${Date.now() - t1} ms)`);
    } else {
      console.log(`demo data already present; demo logins: admin / county / dawang / dawang-cun, password ${DEMO_PASSWORD} (unless changed)`);
    }
  }
  const { app } = await startServer(config, { db: deps.db });
  const stop = async () => {
    await app.close();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** `chanbang migrate`. */
export async function migrateCommand(opts: { json?: boolean }): Promise<void> {
  // the database as openAppDb opens it, without the seeding (which needs the tables the migrations create)
  const config = cliConfig({ migrate: false });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: join(resolve(config.dataDir), 'pg') });
  try {
    await migrateDb(db);
  } finally {
    await db.close();
  }
  report(!!opts.json, { migrated: true, db: db.kind }, [`migrations applied (${db.kind})`]);
}

/** `chanbang demo [--reset]`: loads the demo county (idempotent), printing the logins. */
export async function demoCommand(opts: { reset?: boolean; json?: boolean }): Promise<void> {
  const deps = await openDeps(cliConfig());
  const t0 = Date.now();
  const r = await loadDemo(deps.db, { reset: !!opts.reset, hashPassword });
  await deps.db.close();
  report(!!opts.json, { ...r, ms: Date.now() - t0 }, [...demoLines(r), `(${Date.now() - t0} ms)`]);
}
