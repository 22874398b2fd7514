import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { migrateDb, openDb } from '@chanbang/db';
import { hashPassword, importExport, makeConfig, seedDictionariesIfEmpty, startServer, type Deps } from '@chanbang/server';
import { cliActor } from '../commands/context.ts';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { loadDemo } from '../demo/demo-loader.ts';
import type { BenchFiles } from './bench-data.ts';

/** Latency figures of one phase (ms). */
export type LatencyStats = { requests: number; p50: number; p99: number; max: number; errors: number };
export type PgliteLatencyResult = {
  rows: number;
  validationMs: number;
  commitMs: number;
  chunks: number | null;
  /** requests answered while the commit ran */
  duringCommit: LatencyStats;
  /** requests answered while the file was validated */
  duringValidation: LatencyStats;
};

function stats(samples: { ms: number; ok: boolean }[]): LatencyStats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number) : 0);
  return { requests: ms.length, p50: at(0.5), p99: at(0.99), max: Math.round(ms[ms.length - 1] ?? 0), errors: samples.filter((s) => !s.ok).length };
}

/**
 * Other users' latency during a big import on PGlite (issue 6 §7: a single-transaction commit of 100 000 rows
 * made every request wait 11–13 s). A fresh PGlite folder, the real server in this process (PGlite has one
 * connection in one process), and a second user asking for GET /api/v1/households every 200 ms while the
 * admin's import of the bench county's .xlsx (what officers upload) is validated and committed (in chunks, ADR 0003).
 */
export async function benchPgliteLatency(files: BenchFiles, log: (s: string) => void): Promise<PgliteLatencyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'chanbang-bench-pglite-'));
  const db = await openDb({ dataDir: join(dir, 'pg') });
  try {
    await migrateDb(db);
    await seedDictionariesIfEmpty(db.db);
    await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
    const config = makeConfig({ dataDir: dir, databaseUrl: undefined, port: 0, host: '127.0.0.1', webDist: '/nonexistent', logLevel: 'warn' });
    const deps: Deps = { config, db };
    const actor = await cliActor(db, 'admin');
    const { app, url } = await startServer(config, { db });
    try {
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'county', password: DEMO_PASSWORD }),
      });
      if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const samples: { start: number; ms: number; ok: boolean }[] = [];
      const ask = async () => {
        const start = performance.now();
        const ok = await fetch(`${url}/api/v1/households?pageSize=20`, { headers: { cookie } }).then(
          async (r) => (await r.arrayBuffer(), r.ok),
          () => false,
        );
        samples.push({ start, ms: performance.now() - start, ok });
      };
      await ask(); // warm-up
      samples.length = 0;
      const pending: Promise<void>[] = [];
      const timer = setInterval(() => pending.push(ask()), 200);
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      let chunks: number | null = null;
      try {
        const job = await importExport.createImportJob(deps, actor, { fileName: basename(files.xlsx), stream: createReadStream(files.xlsx) });
        t1 = performance.now();
        const v = await importExport.startValidation(deps, actor, job.id, {});
        await v.done;
        t2 = performance.now();
        log(`  validated in ${((t2 - t1) / 1000).toFixed(1)} s; committing …`);
        const c = await importExport.startCommit(deps, actor, job.id);
        await c.done;
        t3 = performance.now();
        const done = await importExport.getImportJob(deps, actor, job.id);
        if (done.status !== 'done') throw new Error(`bench import failed: ${done.messageEn ?? done.status}`);
        chunks = (done.result as { commit?: { chunks?: number } } | null)?.commit?.chunks ?? null;
      } finally {
        clearInterval(timer);
        await Promise.all(pending);
      }
      // a request belongs to the phase it was sent in
      const during = (a: number, b: number) => samples.filter((s) => s.start >= a && s.start < b);
      return {
        rows: files.rows,
        validationMs: Math.round(t2 - t1),
        commitMs: Math.round(t3 - t2),
        chunks,
        duringCommit: stats(during(t2, t3)),
        duringValidation: stats(during(t1, t2)),
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
