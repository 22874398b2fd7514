import type { Deps } from '../../deps.ts';
import { claimImportJob, releaseImportJobClaim, whileClaimed } from './import-claims.repo.ts';
import { ChunkTakenError, commitStagedImport, PartialCommitError } from './import-commit.service.ts';
import { listResumableCommits } from './import-commit-job.repo.ts';
import { finishJob, startJob } from './import-progress.ts';
import { jobFiles } from './import-validate.service.ts';
import { findImportJob, updateImportJob } from './imports.repo.ts';

/** What became of a resumed job. */
export type ResumedJob = { id: number; status: 'done' | 'validated' | 'skipped'; messageEn?: string };

/**
 * Continues the chunked commits a kill or crash interrupted after staging (ADR 0003): each job goes on from its
 * commit cursor as the user who started it, to `done`; a chunk that fails leaves the job `validated` with the
 * reason (committing it again continues). Called at server start-up (in the background) and by
 * `chanbang import resume`. A job this process is already running is skipped.
 */
export async function resumeInterruptedCommits(deps: Pick<Deps, 'db'>): Promise<ResumedJob[]> {
  const out: ResumedJob[] = [];
  for (const job of await listResumableCommits(deps.db)) {
    // a job another live server is committing is its own; one whose process died (lease out) is taken over
    if (!(await claimImportJob(deps.db, job.id, ['importing'], 'importing'))) {
      out.push({ id: job.id, status: 'skipped' });
      continue;
    }
    if (!startJob(job.id, 'importing', job.goodRows || null)) {
      await releaseImportJobClaim(deps.db, job.id);
      out.push({ id: job.id, status: 'skipped' });
      continue;
    }
    try {
      out.push(await whileClaimed(deps.db, job.id, () => resumeOne(deps, job)));
    } finally {
      finishJob(job.id);
    }
  }
  return out;
}

async function resumeOne(deps: Pick<Deps, 'db'>, job: Awaited<ReturnType<typeof listResumableCommits>>[number]): Promise<ResumedJob> {
  try {
    await commitStagedImport(deps.db, job, jobFiles(job.filePath), { id: 0, name: '', scopePrefix: '', regionCode: '' });
    return { id: job.id, status: 'done' };
  } catch (err) {
    if (err instanceof ChunkTakenError) return { id: job.id, status: 'skipped' };
    const msg = err instanceof Error ? err.message : String(err);
    const partial = err instanceof PartialCommitError ? err : null;
    const commitError = {
      messageZh: `续传导入中断${partial ? `：已导入 ${partial.committedChunks}/${partial.chunks} 批` : ''}，可继续导入：${msg}`,
      messageEn: `the resumed import stopped${partial ? ` after ${partial.committedChunks} of ${partial.chunks} batches` : ''}; you can continue it: ${msg}`,
      at: new Date().toISOString(),
    };
    const current = (await findImportJob(deps.db, job.id).catch(() => undefined))?.result ?? {};
    await updateImportJob(deps.db, job.id, {
      status: 'validated',
      result: { ...current, commitError },
      message: JSON.stringify({ zh: commitError.messageZh, en: commitError.messageEn }),
    }).catch(() => undefined);
    return { id: job.id, status: 'validated', messageEn: commitError.messageEn };
  }
}
