import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '@chanbang/db';
import { importExport } from '@chanbang/server';
import { buildDemoCounty } from '../demo/demo-county.ts';
import { generateHouseholds } from '../demo/demo-households.generator.ts';
import { householdRows, openImportFile } from '../demo/import-file.writer.ts';
import { createRng } from '../demo/prng.ts';

// "Killing the server in the middle of an import leaves the database as it was before the import": a real
// `chanbang import households` process is SIGKILLed while its commit transaction runs, then the database is
// compared with a snapshot taken before, and the same file is imported to completion.
// PGlite: a temp data folder (one process at a time: the test closes it before each child and reopens after).
// pg: a fresh `cb_kill_<random>` database on TEST_DATABASE_URL's server, dropped at the end.

const BIN = fileURLToPath(new URL('../../bin/chanbang.js', import.meta.url));
const NEW_ROWS = 24_000; // person rows of new households: enough for a commit of a few seconds

type Snapshot = { households: number; persons: number; audit: number; householdsMd5: string | null; personsMd5: string | null };

type Target = {
  kind: 'pglite' | 'pg';
  /** environment of the child CLI processes */
  env: Record<string, string>;
  /** a query in the test process (PGlite: opens the folder; call release() before a child runs) */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
  drop(): Promise<void>;
};

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function openTarget(dataDir: string): Promise<Target> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!serverUrl) {
    let db: DbHandle | undefined;
    return {
      kind: 'pglite',
      env: { DATABASE_URL: '', CHANBANG_DATA_DIR: dataDir },
      async query<T>(sql: string, params?: unknown[]) {
        db ??= await openDb({ dataDir: join(dataDir, 'pg') });
        return db.query<T>(sql, params);
      },
      async release() {
        await db?.close();
        db = undefined;
      },
      drop: async () => undefined,
    };
  }
  const name = `cb_kill_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: serverUrl, poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const db = await openDb({ databaseUrl: withDatabase(serverUrl, name), poolSize: 1 });
  return {
    kind: 'pg',
    env: { DATABASE_URL: withDatabase(serverUrl, name), CHANBANG_DATA_DIR: dataDir },
    query: <T,>(sql: string, params?: unknown[]) => db.query<T>(sql, params),
    release: async () => undefined,
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function snapshot(t: Target): Promise<Snapshot> {
  const [row] = await t.query<Snapshot>(`SELECT
      (SELECT count(*) FROM households)::int AS households,
      (SELECT count(*) FROM persons)::int AS persons,
      (SELECT count(*) FROM audit_log)::int AS audit,
      (SELECT md5(string_agg(h::text, '|' ORDER BY h.id)) FROM households h) AS "householdsMd5",
      (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM persons p) AS "personsMd5"`);
  return row as Snapshot;
}

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; killedAt: number | null };

/**
 * Runs the CLI; with `killOnCommit` it is SIGKILLed as soon as it reports commit progress (rows copied into
 * the staging table inside the commit transaction, before the upserts).
 */
function runCli(args: string[], env: Record<string, string>, killOnCommit = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { code: null, signal: null, stdout: '', stderr: '', killedAt: null };
    child.stdout.setEncoding('utf8').on('data', (s: string) => (run.stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      run.stderr += s;
      if (killOnCommit && run.killedAt === null && /"phase":"importing","processed":[1-9]/.test(run.stderr)) {
        run.killedAt = Date.now();
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

/** New households (person rows ≥ NEW_ROWS) in the demo county's groups: house numbers from 501, no demo ID numbers. */
async function writeNewHouseholds(path: string): Promise<{ households: number; rows: number }> {
  const demo = buildDemoCounty();
  const demoIds = new Set<string>();
  for (const h of demo.households()) for (const m of h.members) demoIds.add(m.idNumber);
  const groups = demo.regions.filter((r) => r.level === 'group').length;
  const sink = openImportFile(path);
  let households = 0;
  let rows = 0;
  for (const h of generateHouseholds(createRng(4242), demo.regions, demo.helpers, { households: groups * 110, h1GapRate: 0.12 })) {
    if (rows >= NEW_ROWS) break;
    if (h.members.some((m) => demoIds.has(m.idNumber))) continue;
    const houseNo = 500 + Number(h.householdNo.slice(-3));
    const r = householdRows({ ...h, householdNo: `${h.householdNo.slice(0, -3)}${houseNo}` });
    await sink.add(r);
    households++;
    rows += r.length;
  }
  await sink.close();
  return { households, rows };
}

describe('import killed mid-commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-kill-'));
  const file = join(dir, 'new-households.csv');
  let t: Target;
  let before: Snapshot;
  let written: { households: number; rows: number };

  beforeAll(async () => {
    t = await openTarget(join(dir, 'data'));
    const [demo, w] = await Promise.all([runCli(['demo', '--json'], t.env), writeNewHouseholds(file)]);
    expect(demo.code, demo.stderr).toBe(0);
    written = w;
    before = await snapshot(t);
    expect(before.households).toBeGreaterThan(1_000);
  }, 120_000);

  afterAll(async () => {
    await t?.release();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves households, persons and the audit log as they were, then imports the same file in full', async () => {
    await t.release();
    const killed = await runCli(['import', 'households', file, '--json'], t.env, true);
    expect(killed.killedAt, `the import ended before its commit reported progress:\n${killed.stdout}\n${killed.stderr}`).not.toBeNull();
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe(''); // it never printed its result

    if (t.kind === 'pg') {
      // the server aborts the transaction when the socket closes: no backend of the database is left in it
      const deadline = Date.now() + 10_000;
      let left: { pid: number; state: string }[];
      do {
        left = await t.query<{ pid: number; state: string }>(
          'SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL',
        );
        if (left.length) await new Promise((r) => setTimeout(r, 100));
      } while (left.length && Date.now() < deadline);
      expect(left).toEqual([]);
    }

    expect(await snapshot(t)).toEqual(before);
    // the job the killed process started stays where the kill left it: committing, no result
    const jobs = await t.query<{ status: string; result: { commit?: unknown } | null }>('SELECT status, result FROM import_jobs ORDER BY id');
    expect(jobs.map((j) => [j.status, j.result?.commit ?? null])).toEqual([['importing', null]]);
    // the next server start resets it: nothing was committed, so it can be committed again
    expect(await importExport.recoverInterruptedImportJobs(t)).toBe(1);
    const [recovered] = await t.query<{ status: string; message: string }>('SELECT status, message FROM import_jobs');
    expect(recovered?.status).toBe('validated');
    expect(recovered?.message).toMatch(/数据库未做任何更改/);

    await t.release();
    const full = await runCli(['import', 'households', file, '--json'], t.env);
    expect(full.code, full.stderr).toBe(0);
    const job = JSON.parse(full.stdout) as { status: string; goodRows: number; result: { commit: { householdsCreated: number; personsCreated: number } } };
    expect(job.status).toBe('done');
    expect(job.goodRows).toBe(written.rows);
    expect(job.result.commit).toMatchObject({ householdsCreated: written.households, personsCreated: written.rows });
    const after = await snapshot(t);
    expect(after.households).toBe(before.households + written.households);
    expect(after.persons).toBe(before.persons + written.rows);
    expect(after.audit).toBeGreaterThan(before.audit);
  }, 120_000);
});
