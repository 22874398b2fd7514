/**
 * In-process progress of running import jobs. Validation also writes `import_jobs.processed_rows`; the commit
 * runs inside one transaction whose writes nobody else can see, so its progress lives here until it ends.
 */
export type JobProgress = { phase: 'validating' | 'importing'; processed: number; total: number | null };

const running = new Map<number, JobProgress>();

/** Marks a job as running; false when it already is (a second validate/commit of the same job is refused). */
export function startJob(id: number, phase: JobProgress['phase'], total: number | null): boolean {
  if (running.has(id)) return false;
  running.set(id, { phase, processed: 0, total });
  return true;
}

let listener: ((id: number, progress: JobProgress) => void) | undefined;

/** Calls `fn` synchronously on every progress report (the CLI prints its --json progress lines with it). */
export function onJobProgress(fn: ((id: number, progress: JobProgress) => void) | undefined): void {
  listener = fn;
}

/** Records progress of a running job. */
export function reportProgress(id: number, processed: number): void {
  const p = running.get(id);
  if (!p) return;
  // never more than the total shown beside it ("93 / 82"): the total counts what this phase reads
  p.processed = p.total === null ? processed : Math.min(processed, p.total);
  listener?.(id, p);
}

/** Reports a phase as complete: processed = its total (the commit's rows of excluded households are never staged). */
export function completeProgress(id: number): void {
  const p = running.get(id);
  if (!p) return;
  if (p.total !== null) p.processed = p.total;
  listener?.(id, p);
}

/** Progress of a running job, if it runs in this process. */
export function getProgress(id: number): JobProgress | undefined {
  return running.get(id);
}

/** Forgets a finished job. */
export function finishJob(id: number): void {
  running.delete(id);
}

/** Resolves when no job runs (tests and the CLI wait on it). */
export async function waitForIdle(id?: number, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (id === undefined ? running.size > 0 : running.has(id)) {
    if (Date.now() > until) throw new Error('import job did not finish in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
