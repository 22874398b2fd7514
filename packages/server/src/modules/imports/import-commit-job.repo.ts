import type { DbHandle, RawTx } from '@chanbang/db';
import type { CommitActor, CommitCounts } from './import-commit.repo.ts';

/**
 * The state of a chunked commit, kept in `import_jobs.result.commitProgress` and `import_jobs.commit_cursor`
 * (chunks committed) so that a commit interrupted by a kill resumes where it stopped (ADR 0003). Written in
 * the same transaction as each chunk's upserts.
 */
export type CommitProgress = {
  /** chunks the staged rows are hashed into (by 户编号) */
  chunks: number;
  stagedRows: number;
  /** rows of the chunks committed so far */
  committedRows: number;
  actor: CommitActor & { requestId: string | null };
  counts: Omit<CommitCounts, 'stagedRows'>;
};

export const EMPTY_COUNTS: CommitProgress['counts'] = {
  householdsCreated: 0,
  householdsUpdated: 0,
  householdsUnchanged: 0,
  personsCreated: 0,
  personsUpdated: 0,
  personsMoved: 0,
  incomesWritten: 0,
  measuresCreated: 0,
  casesCreated: 0,
  excluded: [],
};

/** Adds one chunk's counts to the running totals. */
export function addCounts(a: CommitProgress['counts'], b: Omit<CommitCounts, 'stagedRows'>): CommitProgress['counts'] {
  const n = (k: Exclude<keyof CommitProgress['counts'], 'excluded'>) => a[k] + b[k];
  return {
    householdsCreated: n('householdsCreated'),
    householdsUpdated: n('householdsUpdated'),
    householdsUnchanged: n('householdsUnchanged'),
    personsCreated: n('personsCreated'),
    personsUpdated: n('personsUpdated'),
    personsMoved: n('personsMoved'),
    incomesWritten: n('incomesWritten'),
    measuresCreated: n('measuresCreated'),
    casesCreated: n('casesCreated'),
    excluded: [...a.excluded, ...b.excluded],
  };
}

/** The job's commit state: its progress (null before staging has finished) and the chunks committed. */
export async function readCommitState(db: Pick<DbHandle, 'query'>, jobId: number): Promise<{ progress: CommitProgress | null; cursor: number; status: string } | undefined> {
  const [r] = await db.query<{ progress: CommitProgress | null; cursor: number; status: string }>(
    `SELECT result->'commitProgress' AS progress, commit_cursor AS cursor, status FROM import_jobs WHERE id = $1`,
    [jobId],
  );
  return r ? { progress: r.progress, cursor: Number(r.cursor), status: r.status } : undefined;
}

/** Records that staging has finished: the progress from here on, no chunk committed yet. */
export async function saveStaged(tx: RawTx, jobId: number, progress: CommitProgress): Promise<void> {
  await tx.query(`UPDATE import_jobs SET commit_cursor = 0, result = jsonb_set(coalesce(result, '{}'::jsonb), '{commitProgress}', $2::jsonb) WHERE id = $1`, [
    jobId,
    JSON.stringify(progress),
  ]);
}

/**
 * Claims chunk `chunk` inside its transaction: moves the cursor from `chunk` to `chunk + 1` (the row lock is
 * held until COMMIT). False when the cursor is elsewhere — another process committed it or is committing it.
 */
export async function claimChunk(tx: RawTx, jobId: number, chunk: number): Promise<boolean> {
  const rows = await tx.query(`UPDATE import_jobs SET commit_cursor = $2 + 1 WHERE id = $1 AND commit_cursor = $2 AND status = 'importing' RETURNING id`, [jobId, chunk]);
  return rows.length === 1;
}

/** Stores the running totals and the rows committed, in the chunk's transaction. */
export async function saveChunkProgress(tx: RawTx, jobId: number, progress: CommitProgress, processedRows: number): Promise<void> {
  await tx.query(`UPDATE import_jobs SET processed_rows = $3, result = jsonb_set(coalesce(result, '{}'::jsonb), '{commitProgress}', $2::jsonb) WHERE id = $1`, [
    jobId,
    JSON.stringify(progress),
    processedRows,
  ]);
}

/** Marks the job done with its commit result (in the transaction of the summary audit row). */
export async function saveCommitDone(tx: RawTx, jobId: number, commit: Record<string, unknown>, processedRows: number): Promise<void> {
  await tx.query(
    `UPDATE import_jobs SET status = 'done', processed_rows = $3, message = NULL, finished_at = now(),
            result = (coalesce(result, '{}'::jsonb) - 'commitProgress' - 'commitError') || jsonb_build_object('commit', $2::jsonb)
      WHERE id = $1`,
    [jobId, JSON.stringify(commit), processedRows],
  );
}

/** The commit's summary audit row (action import, entity import_job), written in the commit's last transaction. */
export async function recordImportAudit(tx: Pick<RawTx, 'query'>, actor: CommitProgress['actor'], jobId: number, after: Record<string, unknown>): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, region_code, after, request_id)
     VALUES ($1, $2, 'import', 'import_job', $3, $4, $5::jsonb, $6)`,
    [actor.id, actor.name, String(jobId), actor.regionCode, JSON.stringify(after), actor.requestId],
  );
}

/** Jobs in the middle of a chunked commit (staged, some chunks perhaps committed); the caller claims each (import-claims.repo.ts) before it resumes one. */
export async function listResumableCommits(
  db: Pick<DbHandle, 'query'>,
): Promise<{ id: number; fileName: string; totalRows: number; goodRows: number; badRows: number; filePath: string }[]> {
  const rows = await db.query<{ id: number; fileName: string; totalRows: number; goodRows: number; badRows: number; filePath: string }>(
    `SELECT id, file_name AS "fileName", total_rows AS "totalRows", good_rows AS "goodRows", bad_rows AS "badRows", file_path AS "filePath"
       FROM import_jobs WHERE status = 'importing' AND result ? 'commitProgress' ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
