import { linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';

/**
 * One writer per PGlite data folder (issue 6 §7). PGlite is PostgreSQL in this process with no shared memory
 * between processes: a second process on the same folder would write past the first one's buffers and lose
 * or corrupt what either wrote. `<dataDir>.lock` holds the holder's pid, command and start time; a lock whose
 * process is gone (same host, pid dead or reused) is taken over.
 */
export type LockHolder = { pid: number; host: string; command: string; since: string; startTicks: string | null };

/** Thrown when another live process holds the data folder; the message is in Chinese and English. */
export class DataDirLockedError extends Error {
  readonly holder: LockHolder;
  readonly dataDir: string;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `数据目录 ${dataDir} 正由另一个进程使用（进程号 ${holder.pid}，主机 ${holder.host}，命令 ${holder.command}，自 ${holder.since} 起）。` +
        `一个 PGlite 数据目录同时只能由一个进程打开：请先停止该进程（或在服务器运行时通过网页/接口导入），或改用 PostgreSQL（DATABASE_URL）。\n` +
        `The data folder ${dataDir} is in use by another process (pid ${holder.pid} on ${holder.host}, command: ${holder.command}, since ${holder.since}). ` +
        `Only one process may open a PGlite data folder: stop that process first (or import through the running server), or use PostgreSQL (DATABASE_URL).`,
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
    this.dataDir = dataDir;
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), to tell a reused pid apart; null off Linux. */
function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: fields are counted after its last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true; // another machine's process cannot be checked: never taken over
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (h.startTicks === null) return true;
  const now = startTicks(h.pid);
  return now === null || now === h.startTicks;
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null; // half-written (its writer died between open and write) or gone
  }
}

function describeCommand(): string {
  const args = process.argv.slice(1).map((a, i) => (i === 0 ? basename(a) : a));
  return [basename(process.argv0 || 'node'), ...args].join(' ').slice(0, 300);
}

/** A held lock; `release()` removes it when it is still ours (idempotent). */
export type DataDirLock = { path: string; holder: LockHolder; release(): void };

const held = new Map<string, DataDirLock>();
let exitHookInstalled = false;

/**
 * Takes `<dataDir>.lock` for this process.
 * @throws DataDirLockedError when a live process (this one included, through another open handle) holds it
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  const mine: LockHolder = { pid: process.pid, host: hostname(), command: describeCommand(), since: new Date().toISOString(), startTicks: startTicks(process.pid) };
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      const lock: DataDirLock = {
        path,
        holder: mine,
        release() {
          held.delete(path);
          if (readHolder(path)?.since === mine.since && readHolder(path)?.pid === mine.pid) unlinkSync(path);
        },
      };
      held.set(path, lock);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => {
          for (const l of [...held.values()]) {
            try {
              l.release();
            } catch {
              // exiting anyway
            }
          }
        });
      }
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    if (holder === null) {
      // being written right now, or left empty by a writer that died: wait a little, then take it over
      if (attempt < 5) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
    } else if (alive(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
    // stale: move it aside, and put it back if what we moved was not the stale lock we read (a racing taker's)
    const aside = `${path}.${process.pid}.${attempt}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (holder !== null && (moved?.pid !== holder.pid || moved.since !== holder.since)) {
      try {
        linkSync(aside, path);
      } catch {
        // someone else holds it now; the loop reads them
      }
    }
    try {
      unlinkSync(aside);
    } catch {
      // already gone
    }
  }
  throw new Error(`could not take the lock ${path}`);
}
