import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, DEFAULT_WEB_DIST } from './app.ts';
import { startCacheListener } from './cluster/cache-listener.ts';
import { startImportJobSweeper } from './cluster/import-job-sweeper.ts';
import type { Config } from './config.ts';
import { seedDictionariesIfEmpty } from './modules/dictionaries/dictionaries.service.ts';
import { recoverInterruptedImportJobs } from './modules/imports/imports.repo.ts';
import { seedMonitoringLinesIfEmpty } from './modules/monitoring-lines/monitoring-lines.service.ts';
import { clearKeptFacts } from './modules/rules/facts-cache.repo.ts';

export { buildApp, DEFAULT_WEB_DIST } from './app.ts';
export type { BuildAppOptions } from './app.ts';
export { ConfigError, loadConfig, makeConfig } from './config.ts';
export type { Config } from './config.ts';
export type { Actor, Deps } from './deps.ts';
export { recordAudit } from './modules/audit/audit.repo.ts';
export { countAllHouseholds } from './modules/households/households.repo.ts';
export { scopeWhere } from './modules/regions/scope.ts';
export { seedDictionariesIfEmpty } from './modules/dictionaries/dictionaries.service.ts';
export { seedMonitoringLinesIfEmpty } from './modules/monitoring-lines/monitoring-lines.service.ts';
export { hashPassword } from './modules/auth/passwords.ts';

/** Opens the database named by the config (PGlite at <dataDir>/pg without DATABASE_URL), migrates and seeds. */
export async function openAppDb(config: Config): Promise<DbHandle> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: join(resolve(config.dataDir), 'pg') });
  if (config.migrate) await migrateDb(db);
  // the facts kept by the last run were gathered by its code (ADR 0005)
  await clearKeptFacts(db.db);
  await seedDictionariesIfEmpty(db.db);
  await seedMonitoringLinesIfEmpty(db.db);
  return db;
}

/**
 * Boots the server: opens and migrates the database, seeds dictionaries when empty, serves the API and the
 * built web app (when present), and prints the URL.
 * @returns the listening app, its URL and the db handle (close both to stop)
 */
export async function startServer(config: Config, opts: { db?: DbHandle } = {}): Promise<{ app: FastifyInstance; url: string; db: DbHandle }> {
  const db = opts.db ?? (await openAppDb(config));
  const recovered = await recoverInterruptedImportJobs(db);
  if (recovered > 0) console.log(`${recovered} import job(s) interrupted by the last shutdown were reset; nothing they held was written`);
  // several servers on one PostgreSQL: caches follow the others' writes (NOTIFY); on PGlite a no-op
  const cacheListener = await startCacheListener(config, db);
  const app = await buildApp({ config, db });
  // jobs of a server that died are taken over once their lease runs out
  const sweeper = startImportJobSweeper(db, (m) => app.log.warn(m));
  app.addHook('onClose', async () => {
    sweeper.stop();
    await cacheListener.close();
    if (!opts.db) await db.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? address.replace('0.0.0.0', '127.0.0.1') : address;
  const web = existsSync(join(config.webDist ?? DEFAULT_WEB_DIST, 'index.html')) ? '' : ' (web app not built: npm run build:web)';
  console.log(`chanbang listening on ${shown} — database ${db.kind}${web}`);
  return { app, url: shown, db };
}

// import/export and rule services used in-process by the CLI (chanbang import|export|bench)
export * as importExport from './modules/imports/index.ts';
export { runH1 } from './modules/rules/rules.service.ts';
export { ensureFresh, type RefreshPhases } from './modules/rules/rule-store.service.ts';
export { factsMemoryOf } from './modules/rules/facts-memory.ts';
// the county's policy pack and the funds what-if, used in-process by `chanbang bench` (rules part)
export { getActive as getActivePolicyPack, setActive as setActivePolicyPack } from './modules/policy/policy.service.ts';
export { whatIf as fundsWhatIf } from './modules/funds/funds-analysis.service.ts';
// region administration services used in-process by the CLI (chanbang regions …)
export * as regionAdmin from './modules/regions/index.ts';
export { GATHERERS } from './modules/rules/gatherers/index.ts';
// 村集体产业收益分配 services, used in-process by the bench (chanbang bench: a 500-household village proposed and confirmed)
export { proposeDraft as proposeDistributionDraft } from './modules/distributions/distributions.service.ts';
export { confirmDistribution as confirmDistributionDraft } from './modules/distributions/distributions-confirm.service.ts';
