import type { DbHandle } from '@chanbang/db';
import { JOB_LEASE_MS } from '../modules/imports/import-claims.repo.ts';
import { resumeInterruptedCommits } from '../modules/imports/import-resume.service.ts';
import { recoverInterruptedImportJobs } from '../modules/imports/imports.repo.ts';

/**
 * Takes over the import jobs of a server that died: once a minute (one lease), jobs whose claim ran out are reset
 * (staging not finished) or resumed from their commit cursor (chunked commit under way). Jobs that a live process
 * holds are left to it. With one server this only ever finds the jobs of its own previous run (done at start).
 */
export function startImportJobSweeper(db: DbHandle, log: (msg: string) => void, everyMs: number = JOB_LEASE_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        const reset = await recoverInterruptedImportJobs(db);
        if (reset) log(`${reset} import job(s) of a stopped process were reset`);
        const resumed = (await resumeInterruptedCommits({ db })).filter((j) => j.status !== 'skipped');
        if (resumed.length) log(`import job(s) of a stopped process taken over: ${resumed.map((j) => `${j.id} → ${j.status}`).join(', ')}`);
      } catch (err) {
        log(`import job sweep failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        running = false;
      }
    })();
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
