import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const launcher = fileURLToPath(new URL('../../bin/chanbang.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Start `chanbang serve` in its own process on `databaseUrl` (migrations already applied) and wait for
 * /api/health. The bench's load generator then runs in this process, as a client would.
 */
export async function spawnServer(databaseUrl: string, dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [launcher, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHANBANG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench server exited (${child.exitCode}): ${stderr}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bench server did not answer in 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** What the bench keeps of an autocannon run. */
export type LoadResult = { p50: number; p99: number; requests: number; errors: number; non2xx: number };

/**
 * Runs autocannon in a process of its own, so that the load generator's work and garbage collection do not
 * share the bench's heap (which has just held a 300 000-row import) and skew the latency figures.
 */
export async function runLoad(url: string, opts: { connections: number; durationSec: number; cookie: string }): Promise<LoadResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [bin, '--json', '-c', String(opts.connections), '-d', String(opts.durationSec), '-H', `cookie=${opts.cookie}`, url];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (err += String(d)));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`autocannon failed (${code}): ${err}`);
  const r = JSON.parse(out) as { latency: { p50: number; p99: number }; requests: { total: number }; errors: number; non2xx: number };
  return { p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors, non2xx: r.non2xx };
}
