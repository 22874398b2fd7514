import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DbHandle } from '@chanbang/db';
import type { Config } from '../../config.ts';
import { importDir, removeFiles } from './import-files.ts';
import { jobFiles } from './import-validate.service.ts';
import { expireIdleImportJob, listImportJobsWithFilesToRemove, markImportFilesDeleted } from './imports.repo.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The sweep runs at start-up and then every hour. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Every file a job may have: the upload, its staging CSV, excluded lists, error logs and errors.xlsx (and its .tmp). */
export function allJobFiles(filePath: string): string[] {
  const f = jobFiles(filePath);
  return [filePath, f.stage, f.excluded, f.excludedLog, f.errorsLog, f.errorsXlsx, `${f.errorsXlsx}.tmp`];
}

/**
 * Removes a job's files when it ends (done, failed, cancelled) and sets `files_deleted_at`. The job row keeps its
 * counts and first errors; errors.xlsx of the job then answers 410. Never throws: a file left behind is removed by
 * the sweep.
 */
export async function removeImportJobFiles(db: Pick<DbHandle, 'query'>, job: { id: number; filePath: string }): Promise<void> {
  try {
    await markImportFilesDeleted(db, job.id);
    await removeFiles(allJobFiles(job.filePath));
  } catch {
    // the hourly sweep retries (ended jobs with files, and any file past the keep time)
  }
}

/** What a sweep removed. */
export type SweepResult = { jobs: number; expired: number; files: number };

/**
 * Removes the files of ended jobs not yet cleaned, ends idle jobs (uploaded, validated) older than `days` and
 * removes their files, and removes any file of the imports folder last written more than `days` ago (orphans of
 * a crash).
 */
export async function sweepImportFiles(db: Pick<DbHandle, 'query'>, dataDir: string, days: number, now = new Date()): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const out: SweepResult = { jobs: 0, expired: 0, files: 0 };
  for (const job of await listImportJobsWithFilesToRemove(db, cutoff)) {
    const ended = ['done', 'failed', 'cancelled'].includes(job.status);
    // an idle job is expired only if it is still idle (a validation may have started since the list was read)
    const claimed = ended ? await markImportFilesDeleted(db, job.id) : await expireIdleImportJob(db, job.id, days);
    if (!claimed) continue;
    if (ended) out.jobs++;
    else out.expired++;
    out.files += await removeFiles(allJobFiles(job.filePath));
  }
  const dir = importDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (st?.isFile() && st.mtimeMs < cutoff.getTime()) out.files += await removeFiles([path]);
  }
  return out;
}

/**
 * Sweeps at once, then hourly with an unref'd timer (it never keeps the process alive).
 * @returns stop (clears the timer), and the first sweep's promise
 */
export function startImportFileSweeper(
  db: Pick<DbHandle, 'query'>,
  config: Pick<Config, 'dataDir' | 'importFileDays'>,
  log: (result: SweepResult | Error) => void = () => undefined,
): { stop(): void; first: Promise<void> } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweepImportFiles(db, config.dataDir, config.importFileDays);
      if (r.jobs + r.expired + r.files > 0) log(r);
    } catch (err) {
      log(err instanceof Error ? err : new Error(String(err)));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), first: run() };
}
