import type { DbHandle } from '@chanbang/db';
import { copyStageFile, excludeForbiddenHouseholds, upsertFromStage, type CommitActor, type CommitCounts } from './import-commit.repo.ts';
import { reportProgress } from './import-progress.ts';

/** Steps of a commit, in order; a test hook may throw at any of them to prove the rollback. */
export type CommitStep = 'staged' | 'checked' | 'upserted' | 'audited';

let commitHook: ((step: CommitStep) => void | Promise<void>) | undefined;

/** Test hook: called after each commit step inside the transaction; throwing there aborts the commit. */
export function setImportCommitHook(hook: ((step: CommitStep) => void | Promise<void>) | undefined): void {
  commitHook = hook;
}

/** Result of one commit, stored in `import_jobs.result.commit`. */
export type CommitResult = CommitCounts & { ms: number };

/**
 * Imports the staged good households in ONE transaction: COPY into a temp table, leave out households the
 * importer may not write, set-based upserts keyed by 户编号 and 证件号码, per-household audit rows and one
 * summary audit row. Throws (and rolls everything back) on any failure.
 * @param files staging file written by validation (every valid row) and the households it left out
 */
export async function commitStagedImport(
  db: DbHandle,
  job: { id: number; fileName: string; totalRows: number; badRows: number },
  files: { stage: string; excluded: string },
  actor: CommitActor & { requestId?: string | null },
): Promise<CommitResult> {
  const t0 = Date.now();
  return db.rawTransaction(async (tx) => {
    const staged = await copyStageFile(tx, files.stage, files.excluded, (n) => reportProgress(job.id, n));
    await commitHook?.('staged');
    const excluded = await excludeForbiddenHouseholds(tx, actor);
    await commitHook?.('checked');
    const counts = await upsertFromStage(tx, actor, job.id, actor.requestId ?? null);
    await commitHook?.('upserted');
    const result: CommitResult = { stagedRows: staged, excluded, ...counts, ms: 0 };
    await tx.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, region_code, after, request_id)
       VALUES ($1, $2, 'import', 'import_job', $3, $4, $5::jsonb, $6)`,
      [
        actor.id, actor.name, String(job.id), actor.regionCode,
        JSON.stringify({ fileName: job.fileName, totalRows: job.totalRows, badRows: job.badRows, ...result, excluded: excluded.length }),
        actor.requestId ?? null,
      ],
    );
    await commitHook?.('audited');
    result.ms = Date.now() - t0;
    return result;
  });
}
