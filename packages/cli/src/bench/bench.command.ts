import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { hashPassword, importExport, makeConfig, seedDictionariesIfEmpty, startServer, type Actor, type Deps } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { cliActor, cliConfig, report } from '../commands/context.ts';
import { ensureBenchFiles, loadBenchMeasures } from './bench-data.ts';
import { loadCountyByCopy, prepareRawCopy, removeRawCopy, timeRawCopy, type RawCopyInput } from './bench-raw.ts';
import { benchPgliteLatency, type PgliteLatencyResult } from './bench-pglite-latency.ts';
import { measureDistribution, type DistributionFigure } from './bench-distribution.ts';
import { BENCH_INDUSTRY, loadRulesData, loginCookie, measureRules, measureRulesLoad, type RulesFigures, type RulesLoad } from './bench-rules.ts';
import { runLoad, spawnServer, type LoadResult } from './bench-server.ts';

type BenchOpts = { households?: string; json?: boolean; duration?: string; only?: string };

/** The synthetic county (demo loader, bench kind). */
const BENCH_COUNTY = '411272000000';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** DATABASE_URL as is, or a fresh `chanbang_bench` database on the local server, or PGlite when none answers. */
async function openBenchDb(log: (s: string) => void): Promise<{ db: DbHandle; where: string; url?: string; cleanup: () => Promise<void> }> {
  const env = cliConfig().databaseUrl;
  if (env) {
    const db = await openDb({ databaseUrl: env, poolSize: 12 });
    return { db, where: `PostgreSQL (DATABASE_URL ${new URL(env).pathname.slice(1)})`, url: env, cleanup: async () => db.close() };
  }
  if (await reachable(DEFAULT_SERVER)) {
    const admin = new pg.Client({ connectionString: DEFAULT_SERVER });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS chanbang_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE chanbang_bench');
    await admin.end();
    const url = DEFAULT_SERVER.replace(/\/postgres$/, '/chanbang_bench');
    const db = await openDb({ databaseUrl: url, poolSize: 12 });
    return { db, where: 'PostgreSQL (fresh database chanbang_bench on 127.0.0.1:5432)', url, cleanup: async () => db.close() };
  }
  log('no PostgreSQL server answered: running on the embedded PGlite (figures are for PGlite, single connection)');
  const dir = mkdtempSync(join(tmpdir(), 'chanbang-bench-'));
  const db = await openDb({ dataDir: dir });
  return {
    db,
    where: 'PGlite (embedded; no PostgreSQL server reachable)',
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Peak RSS while `fn` runs, sampled every 25 ms (MB). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/** upload → validated → committed through the service functions (no HTTP, no polling); each phase timed. */
async function productImport(deps: Deps, actor: Actor, file: string) {
  const t0 = performance.now();
  const job = await importExport.createImportJob(deps, actor, { fileName: basename(file), stream: createReadStream(file) });
  const t1 = performance.now();
  const v = await importExport.startValidation(deps, actor, job.id, {});
  await v.done;
  const validated = await importExport.getImportJob(deps, actor, job.id);
  if (validated.status !== 'validated') throw new Error(`bench validation failed: ${validated.message ?? ''}`);
  const t2 = performance.now();
  const c = await importExport.startCommit(deps, actor, job.id);
  await c.done;
  const t3 = performance.now();
  const done = await importExport.getImportJob(deps, actor, job.id);
  if (done.status !== 'done') throw new Error(`bench import failed: ${done.message ?? ''}`);
  return { job: done, ms: { upload: t1 - t0, validation: t2 - t1, commit: t3 - t2, total: t3 - t0 } };
}

/**
 * The import part: product import of the .csv (upload + validation + commit), the raw COPY baseline of the same
 * rows, and a re-import of the .xlsx that changes nothing.
 */
async function measureImport(deps: Deps, actor: Actor, db: DbHandle, files: { csv: string; xlsx: string; rows: number }, log: (s: string) => void) {
  log(
    'product import of the .csv — counted: upload (store + header) + validation (read, every row and household check, staging file, errors.xlsx) + commit (one transaction: COPY to a temp table, checks, upserts, audit rows) …',
  );
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const imp = await withPeakRss(() => productImport(deps, actor, files.csv));
  const impRate = files.rows / (imp.value.ms.total / 1000);
  const ph = imp.value.ms;
  log(
    `  ${Math.round(impRate)} rows/s (${(ph.total / 1000).toFixed(2)} s = upload ${ph.upload.toFixed(0)} ms + validation ${ph.validation.toFixed(0)} ms + commit ${ph.commit.toFixed(0)} ms); peak RSS ${imp.peakMb} MB (${rssBeforeMb} MB before)`,
  );
  // the raw baseline runs after the product import, so that its prepared rows do not count in the import's peak RSS
  log('raw COPY baseline: the same rows, converted beforehand, into tables LIKE households + persons (same indexes and foreign keys) …');
  const rawInput: RawCopyInput = await prepareRawCopy(files.csv);
  const rawMs = await timeRawCopy(db, rawInput).finally(() => removeRawCopy(rawInput));
  const rawCounts = { households: rawInput.householdCount, persons: rawInput.personCount };
  const rawRate = files.rows / (rawMs / 1000);
  log(`  ${rawCounts.households} households + ${rawCounts.persons} persons in ${(rawMs / 1000).toFixed(2)} s = ${Math.round(rawRate)} person rows/s (COPY statements only)`);

  log(`  product import ${Math.round(impRate)} rows/s vs raw COPY ${Math.round(rawRate)} rows/s: ratio ${(impRate / rawRate).toFixed(2)} (target ≥ 0.3)`);

  log('product re-import of the .xlsx (streaming reader; nothing changes) …');
  const reimp = await withPeakRss(() => productImport(deps, actor, files.xlsx));
  const reRate = files.rows / (reimp.value.ms.total / 1000);
  const reCommit = (reimp.value.job.result as { commit?: { householdsUnchanged?: number } } | null)?.commit;
  log(
    `  ${Math.round(reRate)} rows/s (${(reimp.value.ms.total / 1000).toFixed(2)} s: validation ${reimp.value.ms.validation.toFixed(0)} ms, commit ${reimp.value.ms.commit.toFixed(0)} ms); households unchanged: ${reCommit?.householdsUnchanged ?? '?'}; peak RSS ${reimp.peakMb} MB`,
  );

  return {
    rawCopy: { rowsPerSec: Math.round(rawRate), ms: Math.round(rawMs), ...rawCounts },
    productImport: {
      rowsPerSec: Math.round(impRate),
      ms: Math.round(ph.total),
      uploadMs: Math.round(ph.upload),
      validationMs: Math.round(ph.validation),
      commitMs: Math.round(ph.commit),
      ratio: Number((impRate / rawRate).toFixed(3)),
      peakRssMb: imp.peakMb,
      rssBeforeMb,
    },
    reimportXlsx: { rowsPerSec: Math.round(reRate), ms: Math.round(reimp.value.ms.total), peakRssMb: reimp.peakMb },
  };
}

/**
 * `chanbang bench`: synthetic county files (cached in ./bench-data), then product import rows/s vs raw COPY,
 * the rules part (industry system of issue 7, every rule of every built-in pack: full, after one edit, what-if;
 * dashboard and warning=H1 list under load), and the household list's p50/p99 under 50 concurrent clients.
 */
export async function benchCommand(opts: BenchOpts): Promise<void> {
  const households = Number(opts.households ?? 100_000);
  const json = !!opts.json;
  const log = (s: string) => {
    if (!json) console.log(s);
  };
  const tAll = performance.now();
  log(`generating / reusing the synthetic county (${households} households, 15 townships, 300 villages) …`);
  const files = await ensureBenchFiles(households);
  log(`  ${files.rows} person rows → ${files.xlsx}, ${files.csv}${files.generatedMs === null ? ' (cached)' : ` (${(files.generatedMs / 1000).toFixed(1)} s)`}`);
  // `h1` is the old name of the rules part (H1 is one of its rules)
  const parts = new Set((opts.only ?? 'import,rules,list,pglite-latency').split(',').map((p) => (p === 'h1' ? 'rules' : p)));
  let pgliteLatency: PgliteLatencyResult | null = null;
  if (parts.has('pglite-latency')) {
    log(
      `other users' latency during a PGlite import of ${files.rows} rows: GET /api/v1/households every 200 ms by the county officer while the admin imports (server in this process) …`,
    );
    pgliteLatency = await benchPgliteLatency(files, log);
    const l = pgliteLatency;
    log(
      `  commit ${(l.commitMs / 1000).toFixed(1)} s in ${l.chunks ?? '?'} chunks: ${l.duringCommit.requests} requests, p50 ${l.duringCommit.p50} ms, p99 ${l.duringCommit.p99} ms, max ${l.duringCommit.max} ms (target < 1000 ms), ${l.duringCommit.errors} errors`,
    );
    log(
      `  validation ${(l.validationMs / 1000).toFixed(1)} s: ${l.duringValidation.requests} requests, p50 ${l.duringValidation.p50} ms, p99 ${l.duringValidation.p99} ms, max ${l.duringValidation.max} ms`,
    );
    parts.delete('pglite-latency');
    if (parts.size === 0) {
      report(json, { database: 'PGlite', households, rows: files.rows, pgliteLatency, totalSeconds: Math.round((performance.now() - tAll) / 1000) }, []);
      return;
    }
  }
  const { db, where, url: dbUrl, cleanup } = await openBenchDb(log);
  log(`database: ${where}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'chanbang-bench-data-'));
  try {
    await migrateDb(db);
    await seedDictionariesIfEmpty(db.db);
    await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
    // a city's file is over the default import limits (500 000 rows, 200 MB): the bench raises them to its file
    // (a county that size imports per township, or sets CHANBANG_IMPORT_MAX_ROWS / _MAX_UPLOAD_MB)
    const defaults = makeConfig().importLimits;
    const importLimits = {
      ...defaults,
      maxRows: Math.max(defaults.maxRows, files.rows),
      maxUploadBytes: Math.max(defaults.maxUploadBytes, Math.ceil(statSync(files.csv).size * 1.1), Math.ceil(statSync(files.xlsx).size * 1.1)),
      maxSharedStrings: Math.max(defaults.maxSharedStrings, files.rows * 4),
      maxSharedStringChars: Math.max(defaults.maxSharedStringChars, files.rows * 40),
    };
    const config = makeConfig({ dataDir, databaseUrl: undefined, port: 0, host: '127.0.0.1', webDist: '/nonexistent', importLimits });
    const deps: Deps = { config, db };
    const actor = await cliActor(db, 'admin');

    let importResult: Record<string, unknown> = {};
    if (parts.has('import')) importResult = await measureImport(deps, actor, db, files, log);
    else {
      // the rules and list parts need the county, not the import's timing: the same rows by COPY (minutes, not the
      // import's hour at city size); `--only import` measures the import
      log('loading the county by COPY into households + persons (the import is measured by --only import) …');
      const t0 = performance.now();
      const input = await prepareRawCopy(files.csv);
      try {
        await loadCountyByCopy(db, input);
      } finally {
        removeRawCopy(input);
      }
      log(`  ${input.householdCount} households + ${input.personCount} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (!parts.has('rules') && !parts.has('list')) {
      report(json, { database: where, households, rows: files.rows, ...importResult, pgliteLatency, totalSeconds: Math.round((performance.now() - tAll) / 1000) }, []);
      return;
    }

    const measures = await db.rawTransaction((tx) => loadBenchMeasures(tx, households));
    log(`${measures} support measures loaded`);
    let rules: (RulesFigures & Partial<RulesLoad>) | null = null;
    let distribution: DistributionFigure | null = null;
    if (parts.has('rules')) {
      log(
        `industry system: ${Object.entries(BENCH_INDUSTRY)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')} …`,
      );
      const industry = await loadRulesData(db, '411272');
      const { employment, ...rest } = industry;
      log(
        `  ${Object.entries(rest)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')} in the county (demo rows included); issue 8: ${Object.entries(employment)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}; VACUUM ANALYZE done`,
      );
      const year = new Date().getFullYear();
      rules = { countyCode: BENCH_COUNTY, year, industry, packs: await measureRules(deps, actor, BENCH_COUNTY, { year, log }) };
      // issue 8: a distribution for a village of 500 households proposed and confirmed (target < 1 s)
      distribution = await measureDistribution(deps, actor, '411272', { households: 500, year, log });
    } else await db.query('ANALYZE');

    // On a PostgreSQL server the platform runs as its own process (`chanbang serve`), as in production, so
    // autocannon's client work does not share the server's event loop; PGlite can only be served in-process.
    log(`load under 50 concurrent clients (autocannon in its own process; real server ${dbUrl ? 'in its own process' : 'in this process'}) …`);
    const server = dbUrl ? await spawnServer(dbUrl, dataDir) : await startServer(config, { db }).then(({ app, url }) => ({ url, stop: () => app.close() }));
    let latency: LoadResult | null = null;
    try {
      const cookie = await loginCookie(server.url);
      const durationSec = Number(opts.duration ?? 10);
      if (parts.has('list')) {
        const path = '/api/v1/households?regionCode=411272100000&householdType=monitored&pageSize=20';
        await runLoad(`${server.url}${path}`, { connections: 10, durationSec: 2, cookie }); // warm-up
        latency = await runLoad(`${server.url}${path}`, { connections: 50, durationSec, cookie });
        log(
          `  household list (monitored, one township): p50 ${latency.p50} ms, p99 ${latency.p99} ms (target < 100 ms); ${latency.requests} requests, ${latency.non2xx} non-2xx, ${latency.errors} errors`,
        );
      }
      if (rules) Object.assign(rules, await measureRulesLoad(server.url, cookie, BENCH_COUNTY, { connections: 50, durationSec, log }));
    } finally {
      await server.stop();
    }

    const result = {
      database: where,
      households,
      rows: files.rows,
      ...importResult,
      rules,
      distribution,
      list: latency,
      pgliteLatency,
      totalSeconds: Math.round((performance.now() - tAll) / 1000),
    };
    report(json, result, [`total ${result.totalSeconds} s`]);
  } finally {
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
