import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { DbHandle } from '@chanbang/db';

/**
 * Import jobs are claimed in the database, so that several server processes on one PostgreSQL database (or a CLI
 * beside them) never run the same phase of a job twice. A claim is `claimed_by` (this process: host:pid:random)
 * with a lease (`lease_until`) the worker renews while it works; once the lease has run out (the process died),
 * another process may take the job over. PGlite runs the same statements (one process per data folder).
 */

/**
 * This machine in a claim: the host name and, on Linux, the PID namespace (two containers given the same host
 * name are then still told apart, so one never takes the other's pid for a dead process of its own).
 */
export const HOST_ID = ((): string => {
  try {
    return `${hostname()}~${readlinkSync('/proc/self/ns/pid').replace(/\D/g, '')}`;
  } catch {
    return hostname();
  }
})();

/** This process in `import_jobs.claimed_by`: host, pid and a random part (a reused pid is another owner). */
export const WORKER_ID = `${HOST_ID}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** How long a claim holds without renewal. */
export const JOB_LEASE_MS = 60_000;

type Q = Pick<DbHandle, 'query'>;

/**
 * Moves a job from one of `from` to `to` and claims it — in one UPDATE, only when no live claim holds it.
 * A job left in `to` by a dead process (its lease ran out, or it was a process of this host that is gone) may be
 * taken over when `from` includes `to`.
 * @returns the claim's lease end, or undefined when the job is not in one of `from` or another process holds it
 */
export async function claimImportJob(db: Q, id: number, from: readonly string[], to: string, owner: string = WORKER_ID, leaseMs: number = JOB_LEASE_MS): Promise<Date | undefined> {
  const [held] = await db.query<{ claimedBy: string | null }>('SELECT claimed_by AS "claimedBy" FROM import_jobs WHERE id = $1', [id]);
  const deadOwner = held?.claimedBy && ownerDeadHere(held.claimedBy) ? held.claimedBy : null;
  const [row] = await db.query<{ leaseUntil: Date | string }>(
    `UPDATE import_jobs SET status = $3, claimed_by = $4, lease_until = now() + $5 * interval '1 millisecond'
      WHERE id = $1 AND status = ANY($2::text[])
        AND (claimed_by IS NULL OR lease_until IS NULL OR lease_until < now() OR claimed_by = $6)
      RETURNING lease_until AS "leaseUntil"`,
    [id, [...from], to, owner, leaseMs, deadOwner],
  );
  return row ? new Date(row.leaseUntil) : undefined;
}

/** Extends a claim this owner holds. @returns false when the claim was lost (released, or taken over after it ran out) */
export async function renewImportJobClaim(db: Q, id: number, owner: string = WORKER_ID, leaseMs: number = JOB_LEASE_MS): Promise<boolean> {
  const rows = await db.query(`UPDATE import_jobs SET lease_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND claimed_by = $2 RETURNING id`, [id, owner, leaseMs]);
  return rows.length > 0;
}

/** Gives a claim up (the phase ended, well or not). @returns false when this owner no longer held it */
export async function releaseImportJobClaim(db: Q, id: number, owner: string = WORKER_ID): Promise<boolean> {
  const rows = await db.query(`UPDATE import_jobs SET claimed_by = NULL, lease_until = NULL WHERE id = $1 AND claimed_by = $2 RETURNING id`, [id, owner]);
  return rows.length > 0;
}

/** Who holds a job now (null when nobody, or the lease ran out). */
export async function importJobHolder(db: Q, id: number): Promise<string | null> {
  const [row] = await db.query<{ claimedBy: string | null }>(`SELECT CASE WHEN lease_until >= now() THEN claimed_by END AS "claimedBy" FROM import_jobs WHERE id = $1`, [id]);
  return row?.claimedBy ?? null;
}

/**
 * Keeps a claim alive while `work` runs (renewing every third of the lease) and releases it at the end.
 * `onLost` is told when a renewal finds the claim gone (the database was unreachable longer than the lease).
 */
export async function whileClaimed<T>(db: Q, id: number, work: () => Promise<T>, opts: { owner?: string; leaseMs?: number; onLost?: () => void } = {}): Promise<T> {
  const owner = opts.owner ?? WORKER_ID;
  const leaseMs = opts.leaseMs ?? JOB_LEASE_MS;
  const timer = setInterval(
    () => {
      renewImportJobClaim(db, id, owner, leaseMs).then(
        (held) => {
          if (!held) opts.onLost?.();
        },
        () => undefined, // the next renewal tries again
      );
    },
    Math.max(1_000, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await releaseImportJobClaim(db, id, owner).catch(() => undefined);
  }
}

/** Whether a claim's owner was a process of this host that is gone (its lease need not run out first). */
function ownerDeadHere(owner: string): boolean {
  const m = /^(.*):(\d+):[0-9a-f]+$/.exec(owner);
  if (!m || m[1] !== HOST_ID) return false;
  const pid = Number(m[2]);
  if (pid === process.pid) return owner !== WORKER_ID; // an earlier process that had our pid
  try {
    process.kill(pid, 0);
    return false; // alive (or a reused pid: wait for the lease)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Owners of live claims on running jobs that were processes of this host and are gone (killed, crashed): their
 * jobs need not wait for the lease to run out. Used by the recovery of interrupted jobs.
 */
export async function deadLocalClaimOwners(db: Q): Promise<string[]> {
  const held = await db.query<{ claimedBy: string }>(
    `SELECT DISTINCT claimed_by AS "claimedBy" FROM import_jobs WHERE status IN ('importing', 'validating') AND claimed_by IS NOT NULL AND lease_until >= now()`,
  );
  return held.map((r) => r.claimedBy).filter(ownerDeadHere);
}
