import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDb } from '@chanbang/db';

// Issue 6 §7: `chanbang import` beside a running `serve` on the same PGlite folder printed success and the
// write was lost. Now a second process refuses to start, naming the holder; a dead holder's lock is taken over.

const BIN = fileURLToPath(new URL('../../bin/chanbang.js', import.meta.url));

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', CHANBANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('one process per PGlite data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second process (the CLI) refuses while this process holds the folder, and works once it is closed', async () => {
    const db = await openDb({ dataDir: join(dir, 'pg') });
    let closed = false;
    try {
      await db.query('CREATE TABLE marker (n int)');
      const refused = await runCli(['migrate', '--json'], dir);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`正由另一个进程使用（进程号 ${process.pid}`);
      expect(refused.stderr).toContain(`is in use by another process (pid ${process.pid} on ${hostname()}`);
      expect(refused.stderr).toMatch(/since \d{4}-\d\d-\d\dT/);
      // the holder's data is untouched and it can still write
      await db.query('INSERT INTO marker VALUES (1)');
      // a second handle in the same process is refused as well (two PGlite instances on one folder corrupt it)
      await expect(openDb({ dataDir: join(dir, 'pg') })).rejects.toBeInstanceOf(DataDirLockedError);
      await db.close();
      closed = true;
    } finally {
      if (!closed) await db.close();
    }
    expect(existsSync(join(dir, 'pg.lock'))).toBe(false);
    const ok = await runCli(['migrate', '--json'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ migrated: true, db: 'pglite' });
    const again = await openDb({ dataDir: join(dir, 'pg') });
    try {
      expect(await again.query<{ n: number }>('SELECT n FROM marker')).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('takes over the lock of a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const stale = { pid: deadPid, host: hostname(), command: 'node chanbang.js serve', since: '2026-01-01T00:00:00.000Z', startTicks: null };
    writeFileSync(join(dir, 'pg.lock'), JSON.stringify(stale));
    const ok = await runCli(['migrate', '--json'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'pg.lock'))).toBe(false);
  }, 60_000);
});
