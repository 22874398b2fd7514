import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

// A real `chanbang import households` process is SIGKILLed at named points of its commit (ADR 0003: staged rows,
// then one transaction per chunk of whole households): while staging (nothing written; the job is reset), during
// a chunk's upserts, just after a chunk's COMMIT and inside the last transaction. After each kill no household
// is half-imported, and `chanbang import resume` finishes the job with the data and the audit log (by content)
// of a run nobody killed. The commit pauses at a point named by CHANBANG_TEST_COMMIT_PAUSE, so the test knows
// when to kill. Each case runs on a copy of the demo database.
// PGlite: temp data folders (one process at a time: the test closes a folder before each child and reopens after).
// pg: fresh `cb_kill_<random>` databases on TEST_DATABASE_URL's server (copies by TEMPLATE), dropped at the end.

const BIN = fileURLToPath(new URL('../../bin/chanbang.js', import.meta.url));
const NEW_ROWS = 12_000; // person rows of new households: 8 chunks of CHUNK_ROWS

type Snapshot = { households: number; persons: number; audit: number; householdsMd5: string | null; personsMd5: string | null };

type Target = {
  kind: 'pglite' | 'pg';
  /** PGlite: the data folder; pg: the database name */
  where: string;
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

async function openTarget(dataDir: string, copyOf?: Target): Promise<Target> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!serverUrl) {
    let db: DbHandle | undefined;
    if (copyOf) cpSync(copyOf.where, dataDir, { recursive: true });
    return {
      kind: 'pglite',
      where: dataDir,
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
  await admin.query(copyOf ? `CREATE DATABASE ${name} TEMPLATE ${copyOf.where}` : `CREATE DATABASE ${name}`);
  let db: DbHandle | undefined;
  return {
    kind: 'pg',
    where: name,
    env: { DATABASE_URL: withDatabase(serverUrl, name), CHANBANG_DATA_DIR: dataDir },
    async query<T>(sql: string, params?: unknown[]) {
      db ??= await openDb({ databaseUrl: withDatabase(serverUrl, name), poolSize: 1 });
      return db.query<T>(sql, params);
    },
    // a template database must have no connection while it is copied
    async release() {
      await db?.close();
      db = undefined;
    },
    async drop() {
      await db?.close();
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

/** Runs the CLI to its end. */
function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { code: null, signal: null, stdout: '', stderr: '', killedAt: null };
    child.stdout.setEncoding('utf8').on('data', (s: string) => (run.stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      run.stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

/** New households (person rows ≥ NEW_ROWS) in the demo county's groups: house numbers from 501, no demo ID numbers. */
async function writeNewHouseholds(path: string): Promise<{ households: number; rows: number; sizes: Map<string, number> }> {
  const demo = buildDemoCounty();
  const demoIds = new Set<string>();
  for (const h of demo.households()) for (const m of h.members) demoIds.add(m.idNumber);
  const groups = demo.regions.filter((r) => r.level === 'group').length;
  const sink = openImportFile(path);
  let households = 0;
  let rows = 0;
  const sizes = new Map<string, number>();
  for (const h of generateHouseholds(createRng(4242), demo.regions, demo.helpers, { households: groups * 110, h1GapRate: 0.12 })) {
    if (rows >= NEW_ROWS) break;
    if (h.members.some((m) => demoIds.has(m.idNumber))) continue;
    const houseNo = 500 + Number(h.householdNo.slice(-3));
    const householdNo = `${h.householdNo.slice(0, -3)}${houseNo}`;
    const r = householdRows({ ...h, householdNo });
    await sink.add(r);
    sizes.set(householdNo, r.length);
    households++;
    rows += r.length;
  }
  await sink.close();
  return { households, rows, sizes };
}

/** The data of households and persons without ids and timestamps (a rolled-back transaction uses up ids). */
type Content = { households: number; persons: number; householdsMd5: string | null; personsMd5: string | null; incomes: number; measures: number; cases: number };

async function content(t: Target): Promise<Content> {
  const [row] = await t.query<Content>(`SELECT
      (SELECT count(*) FROM households)::int AS households,
      (SELECT count(*) FROM persons)::int AS persons,
      (SELECT md5(string_agg((to_jsonb(h) - 'id' - 'created_at' - 'updated_at')::text, '|' ORDER BY h.household_no)) FROM households h) AS "householdsMd5",
      (SELECT md5(string_agg((to_jsonb(p) - 'id' - 'household_id' - 'created_at' - 'updated_at' || jsonb_build_object('hh', h.household_no))::text, '|' ORDER BY p.id_number))
         FROM persons p JOIN households h ON h.id = p.household_id) AS "personsMd5",
      (SELECT count(*) FROM household_incomes)::int AS incomes,
      (SELECT count(*) FROM support_measures)::int AS measures,
      (SELECT count(*) FROM monitoring_cases)::int AS cases`);
  return row as Content;
}

/** Audit entries written after `afterId`, by content: action, entity type, the household's 户编号 or the import's counts. */
async function auditContent(t: Target, afterId: number): Promise<string[]> {
  const rows = await t.query<{ e: string }>(
    `SELECT a.action || '|' || a.entity_type || '|' || coalesce(h.household_no,
              CASE WHEN a.action = 'import' THEN (a.after - 'ms')::text END, a.entity_id) AS e
       FROM audit_log a LEFT JOIN households h ON h.id = a.household_id AND a.entity_type = 'household'
      WHERE a.id > $1 AND a.action IN ('create', 'update', 'import')`,
    [afterId],
  );
  return rows.map((r) => r.e).sort();
}

/** Households of the file whose member count in the database is neither 0 nor the file's (a half-imported one). */
async function halfImported(t: Target, sizes: Map<string, number>): Promise<string[]> {
  const rows = await t.query<{ household_no: string; n: number }>(
    'SELECT h.household_no, count(p.id)::int AS n FROM households h JOIN persons p ON p.household_id = h.id WHERE h.household_no = ANY($1::text[]) GROUP BY 1',
    [[...sizes.keys()]],
  );
  return rows.filter((r) => r.n !== sizes.get(r.household_no)).map((r) => `${r.household_no}: ${r.n} of ${sizes.get(r.household_no)}`);
}

/** Runs the CLI until it prints that it paused at `pause` (CHANBANG_TEST_COMMIT_PAUSE), then SIGKILLs it. */
function runCliKilledAt(args: string[], env: Record<string, string>, pause: string): Promise<Run & { paused: Record<string, number> | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, CHANBANG_TEST_COMMIT_PAUSE: pause },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run & { paused: Record<string, number> | null } = { code: null, signal: null, stdout: '', stderr: '', killedAt: null, paused: null };
    child.stdout.setEncoding('utf8').on('data', (s: string) => (run.stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      run.stderr += s;
      const m = /\{"paused":(\{[^}]*\})\}/.exec(run.stderr);
      if (m && run.killedAt === null) {
        run.paused = JSON.parse(m[1] as string) as Record<string, number>;
        run.killedAt = Date.now();
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

const CHUNK_ROWS = 1_500; // 8 chunks of about 500 households
const CHUNK_ENV = { CHANBANG_IMPORT_CHUNK_ROWS: String(CHUNK_ROWS) };

describe('import killed mid-commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-kill-'));
  const file = join(dir, 'new-households.csv');
  let base: Target;
  let before: Snapshot;
  let baseAudit: number;
  let written: { households: number; rows: number; sizes: Map<string, number> };
  let clean: { content: Content; audit: string[] };
  const targets: Target[] = [];

  /** A copy of the demo database (PGlite: the folder; PostgreSQL: CREATE DATABASE … TEMPLATE). */
  async function copyOfBase(name: string): Promise<Target> {
    await base.release();
    const t = await openTarget(join(dir, name), base);
    targets.push(t);
    return t;
  }

  beforeAll(async () => {
    base = await openTarget(join(dir, 'base'));
    const [demo, w] = await Promise.all([runCli(['demo', '--json'], base.env), writeNewHouseholds(file)]);
    expect(demo.code, demo.stderr).toBe(0);
    written = w;
    before = await snapshot(base);
    expect(before.households).toBeGreaterThan(1_000);
    const [a] = await base.query<{ max: number | null }>('SELECT max(id)::int AS max FROM audit_log');
    baseAudit = a?.max ?? 0;
    // the reference: the same file imported by a process nobody kills
    const ref = await copyOfBase('clean');
    const run = await runCli(['import', 'households', file, '--json'], { ...ref.env, ...CHUNK_ENV });
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout) as { status: string; result: { commit: { householdsCreated: number; personsCreated: number; chunks: number } } };
    expect(job.status).toBe('done');
    expect(job.result.commit).toMatchObject({ householdsCreated: written.households, personsCreated: written.rows, chunks: Math.ceil(written.rows / CHUNK_ROWS) });
    clean = { content: await content(ref), audit: await auditContent(ref, baseAudit) };
    expect(clean.content.households).toBe(before.households + written.households);
    expect(clean.audit.filter((e) => e.startsWith('create|household|'))).toHaveLength(written.households);
    await ref.release();
  }, 300_000);

  afterAll(async () => {
    for (const t of [...targets, base]) {
      await t?.release();
      await t?.drop();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('killed while staging: households, persons and the audit log as they were; the next start resets the job', async () => {
    const t = await copyOfBase('staging');
    await t.release();
    const killed = await runCliKilledAt(['import', 'households', file, '--json'], { ...t.env, ...CHUNK_ENV }, 'staging:1');
    expect(killed.paused, `the import never reached its first staging batch:\n${killed.stderr.slice(-2000)}`).not.toBeNull();
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe(''); // it never printed its result
    await noOpenTransaction(t);
    expect(await snapshot(t)).toEqual(before);
    const jobs = await t.query<{ status: string; result: { commit?: unknown; commitProgress?: unknown } | null }>('SELECT status, result FROM import_jobs ORDER BY id');
    expect(jobs.map((j) => [j.status, j.result?.commit ?? null, j.result?.commitProgress ?? null])).toEqual([['importing', null, null]]);
    // the next start resets it: nothing was committed, so it can be committed again
    expect(await importExport.recoverInterruptedImportJobs(t)).toBe(1);
    const [recovered] = await t.query<{ status: string; message: string }>('SELECT status, message FROM import_jobs');
    expect(recovered?.status).toBe('validated');
    expect(recovered?.message).toMatch(/数据库未做任何更改/);
  }, 300_000);

  it.each([
    ['during the upserts of a chunk (inside its transaction)', 'upserted:3'],
    ['just after a chunk’s COMMIT', 'chunk-committed:5'],
    ['in the last transaction, before its COMMIT (summary audit row written, job not yet done)', 'audited'],
  ])(
    'killed %s: no household half-imported, `chanbang import resume` finishes the job as a clean run would',
    async (_what, pause) => {
      const t = await copyOfBase(`kill-${pause.replace(':', '-')}`);
      await t.release();
      const killed = await runCliKilledAt(['import', 'households', file, '--json'], { ...t.env, ...CHUNK_ENV }, pause);
      expect(killed.paused, `the import never reached ${pause}:\n${killed.stderr.slice(-2000)}`).not.toBeNull();
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.stdout).toBe('');
      await noOpenTransaction(t);

      expect(await halfImported(t, written.sizes)).toEqual([]);
      const chunks = Math.ceil(written.rows / CHUNK_ROWS);
      const committed = pause === 'upserted:3' ? 3 : pause === 'chunk-committed:5' ? 6 : chunks;
      const [job] = await t.query<{ status: string; commit_cursor: number }>('SELECT status, commit_cursor FROM import_jobs');
      expect(job).toEqual({ status: 'importing', commit_cursor: committed });
      const [n] = await t.query<{ households: number }>('SELECT count(*)::int AS households FROM households');
      if (committed === 0) expect(n?.households).toBe(before.households);
      else expect(n?.households).toBeGreaterThan(before.households);
      if (committed < chunks) expect(n?.households).toBeLessThan(clean.content.households);
      expect(await auditContent(t, baseAudit)).not.toContain(clean.audit.find((e) => e.startsWith('import|')));

      await t.release();
      const resumed = await runCli(['import', 'resume', '--json'], { ...t.env, ...CHUNK_ENV });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({ reset: 0, resumed: [{ status: 'done' }] });
      const [done] = await t.query<{ status: string; commit_cursor: number; staged: number }>(
        'SELECT status, commit_cursor, (SELECT count(*)::int FROM import_stage_rows) AS staged FROM import_jobs',
      );
      expect(done).toEqual({ status: 'done', commit_cursor: chunks, staged: 0 });
      expect(await content(t)).toEqual(clean.content);
      expect(await auditContent(t, baseAudit)).toEqual(clean.audit);
    },
    300_000,
  );
});

/** PostgreSQL: the server aborts a killed client's transaction when its socket closes; wait until none is left. */
async function noOpenTransaction(t: Target): Promise<void> {
  if (t.kind !== 'pg') return;
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
