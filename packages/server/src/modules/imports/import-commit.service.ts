import type { DbHandle } from '@chanbang/db';
import {
  deleteStagedRows,
  excludeForbiddenHouseholds,
  findMovesAcrossChunks,
  lineChunks,
  loadChunk,
  moveToChunk,
  readExcludedHouseholdNos,
  stageBatch,
  upsertFromStage,
  type CommitActor,
  type CommitCounts,
} from './import-commit.repo.ts';
import {
  addCounts,
  claimChunk,
  EMPTY_COUNTS,
  readCommitState,
  recordImportAudit,
  saveChunkProgress,
  saveCommitDone,
  saveStaged,
  type CommitProgress,
} from './import-commit-job.repo.ts';
import { completeProgress, reportProgress } from './import-progress.ts';

/**
 * Steps of a commit, in order: `staging` after each staging batch (`chunk` = batches so far), `staged` (the file is in import_stage_rows), then per chunk `checked` and
 * `upserted` (inside the chunk's transaction, before its COMMIT) and `chunk-committed` (after it), then
 * `audited` (inside the last transaction, before its COMMIT). A test hook may throw (the running transaction
 * rolls back) or pause at any of them (a kill test kills the process there).
 */
export type CommitStep = 'staging' | 'staged' | 'checked' | 'upserted' | 'chunk-committed' | 'audited';
export type CommitHookInfo = { jobId: number; chunk: number; chunks: number };

let commitHook: ((step: CommitStep, info: CommitHookInfo) => void | Promise<void>) | undefined;

/** Test hook: called at each commit step; throwing there aborts the running transaction. */
export function setImportCommitHook(hook: ((step: CommitStep, info: CommitHookInfo) => void | Promise<void>) | undefined): void {
  commitHook = hook;
}

/**
 * Staged rows per chunk, about 170 households: one chunk's transaction holds PGlite's one connection ~0.3 s
 * (measured on a shared 2-core machine: 1 000 rows 0.4–0.9 s, 3 000 rows 0.9 s on small tables). Smaller chunks
 * cost more fixed work per chunk.
 */
export const DEFAULT_CHUNK_ROWS = 500;
/** Bytes of the staging file per staging transaction (≈ 1 000 rows, ~0.15 s on PGlite). */
const STAGE_BATCH_BYTES = 192 * 1024;
/** ANALYZE households and persons (each ~0.3 s on 100 000 rows) in chunks 0, 1, 2, 4, 8, 16 …: when they may have doubled. */
const analyseAt = (chunk: number) => (chunk & (chunk - 1)) === 0;
let chunkRows = DEFAULT_CHUNK_ROWS;

/** Sets the staged rows per chunk (tests and the CLI's CHANBANG_IMPORT_CHUNK_ROWS); undefined restores the default. */
export function setImportChunkRows(rows: number | undefined): void {
  chunkRows = rows && rows > 0 ? Math.floor(rows) : DEFAULT_CHUNK_ROWS;
}

/** Result of one commit, stored in `import_jobs.result.commit`. */
export type CommitResult = CommitCounts & { ms: number; chunks: number };

/** Thrown when a chunk fails after earlier chunks were committed: those stay, the job resumes from the cursor. */
export class PartialCommitError extends Error {
  readonly committedChunks: number;
  readonly chunks: number;
  readonly householdsWritten: number;
  constructor(cause: unknown, committedChunks: number, chunks: number, householdsWritten: number) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PartialCommitError';
    this.committedChunks = committedChunks;
    this.chunks = chunks;
    this.householdsWritten = householdsWritten;
  }
}

/** Another process holds the job's next chunk (it resumed the job too): this one stops and leaves the job to it. */
export class ChunkTakenError extends Error {
  constructor(jobId: number, chunk: number) {
    super(`chunk ${chunk} of import job ${jobId} is committed by another process`);
    this.name = 'ChunkTakenError';
  }
}

/** Lets other requests run between two transactions: PGlite has one connection, held by each of ours. */
async function yieldToOthers(db: DbHandle, lastMs: number): Promise<void> {
  await new Promise((r) => setImmediate(r));
  if (db.kind === 'pglite') await new Promise((r) => setTimeout(r, Math.min(100, Math.max(5, Math.round(lastMs / 4)))));
}

/**
 * Households a person moves between go into one chunk (the lowest of theirs), found chunk by chunk, each a short
 * read, and joined transitively (A→B, B→C: one chunk), so that a household is never seen half-moved.
 */
async function keepMovesTogether(db: DbHandle, jobId: number, chunks: number): Promise<void> {
  const parent = new Map<string, string>();
  const chunkOf = new Map<string, number>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  const add = (x: string, c: number) => {
    if (!parent.has(x)) parent.set(x, x);
    chunkOf.set(x, c);
  };
  for (let c = 0; c < chunks; c++) {
    const t0 = Date.now();
    for (const m of await findMovesAcrossChunks(db, jobId, c)) {
      add(m.a, m.aChunk);
      add(m.b, m.bChunk);
      const [ra, rb] = [find(m.a), find(m.b)];
      if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    }
    await yieldToOthers(db, Date.now() - t0);
  }
  const groups = new Map<string, string[]>();
  for (const x of parent.keys()) groups.set(find(x), [...(groups.get(find(x)) ?? []), x]);
  for (const members of groups.values()) {
    const target = Math.min(...members.map((m) => chunkOf.get(m) ?? 0));
    const moving = members.filter((m) => chunkOf.get(m) !== target);
    if (moving.length) await moveToChunk(db, jobId, moving, target);
  }
}

type Job = { id: number; fileName: string; totalRows: number; badRows: number; goodRows?: number };

/** Copies the staging file into import_stage_rows, one short transaction per batch, and records the progress. */
async function stage(db: DbHandle, job: Job, files: { stage: string; excluded: string }, actor: CommitProgress['actor']): Promise<CommitProgress> {
  const excludedNos = await readExcludedHouseholdNos(files.excluded);
  const chunks = Math.max(1, Math.ceil((job.goodRows ?? job.totalRows) / chunkRows));
  await deleteStagedRows(db, job.id); // a staging a kill interrupted
  let stagedRows = 0;
  let batches = 0;
  for await (const batch of lineChunks(files.stage, STAGE_BATCH_BYTES)) {
    const t0 = Date.now();
    stagedRows += await db.rawTransaction((tx) => stageBatch(tx, job.id, chunks, batch, excludedNos));
    reportProgress(job.id, Math.round(stagedRows / 2));
    await commitHook?.('staging', { jobId: job.id, chunk: ++batches, chunks });
    await yieldToOthers(db, Date.now() - t0);
  }
  await keepMovesTogether(db, job.id, chunks);
  const progress: CommitProgress = { chunks, stagedRows, committedRows: 0, actor, counts: EMPTY_COUNTS };
  await db.rawTransaction((tx) => saveStaged(tx, job.id, progress));
  return progress;
}

/**
 * Imports the staged good households in chunks (ADR 0003): the staging file goes into import_stage_rows, each
 * row in the chunk its 户编号 hashes to; each chunk is one transaction — claim the chunk (commit_cursor), leave
 * out the households the importer may not write, set-based upserts keyed by 户编号 and 证件号码, per-household
 * audit rows, the running totals — and between chunks other requests run. A last transaction writes the
 * summary audit row and marks the job done. Resumes a job a kill interrupted (its progress is in the job row).
 * @throws the error of a failed first chunk (nothing written); PartialCommitError when earlier chunks stay
 */
export async function commitStagedImport(
  db: DbHandle,
  job: Job,
  files: { stage: string; excluded: string },
  actor: CommitActor & { requestId?: string | null },
): Promise<CommitResult> {
  const t0 = Date.now();
  const state = await readCommitState(db, job.id);
  let progress = state?.progress ?? (await stage(db, job, files, { ...actor, requestId: actor.requestId ?? null }));
  let cursor = state?.progress ? state.cursor : 0;
  await commitHook?.('staged', { jobId: job.id, chunk: cursor, chunks: progress.chunks });
  const who = progress.actor;
  for (; cursor < progress.chunks; cursor++) {
    const c0 = Date.now();
    const chunk = cursor;
    try {
      progress = await db.rawTransaction(async (tx) => {
        if (!(await claimChunk(tx, job.id, chunk))) throw new ChunkTakenError(job.id, chunk);
        const rows = await loadChunk(tx, job.id, chunk);
        const info = { jobId: job.id, chunk, chunks: progress.chunks };
        const excluded = await excludeForbiddenHouseholds(tx, who, job.id);
        await commitHook?.('checked', info);
        const counts = await upsertFromStage(tx, who, job.id, who.requestId, { analyse: analyseAt(chunk) });
        await commitHook?.('upserted', info);
        const next: CommitProgress = { ...progress, committedRows: progress.committedRows + rows, counts: addCounts(progress.counts, { ...counts, excluded }) };
        await saveChunkProgress(tx, job.id, next, Math.round((progress.stagedRows + next.committedRows) / 2));
        return next;
      });
    } catch (err) {
      if (chunk === 0 || err instanceof ChunkTakenError) throw err;
      const c = progress.counts;
      throw new PartialCommitError(err, chunk, progress.chunks, c.householdsCreated + c.householdsUpdated);
    }
    reportProgress(job.id, Math.round((progress.stagedRows + progress.committedRows) / 2));
    await commitHook?.('chunk-committed', { jobId: job.id, chunk, chunks: progress.chunks });
    await yieldToOthers(db, Date.now() - c0);
  }
  // the staged rows go chunk by chunk (each a short statement, so that nobody waits on a big DELETE), before the
  // job is marked done: a kill here resumes straight to the last transaction
  for (let c = 0; c < progress.chunks; c++) {
    const d0 = Date.now();
    await deleteStagedRows(db, job.id, c);
    await yieldToOthers(db, Date.now() - d0);
  }
  const result: CommitResult = { stagedRows: progress.stagedRows, ...progress.counts, chunks: progress.chunks, ms: 0 };
  await db.rawTransaction(async (tx) => {
    await recordImportAudit(tx, who, job.id, {
      fileName: job.fileName,
      totalRows: job.totalRows,
      badRows: job.badRows,
      ...result,
      excluded: result.excluded.length,
    });
    await commitHook?.('audited', { jobId: job.id, chunk: progress.chunks, chunks: progress.chunks });
    result.ms = Date.now() - t0;
    await saveCommitDone(tx, job.id, result, progress.stagedRows);
  });
  completeProgress(job.id);
  return result;
}
