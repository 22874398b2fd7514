import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegionTree, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { claimImportJob, HOST_ID, importJobHolder, releaseImportJobClaim, renewImportJobClaim, WORKER_ID } from './import-claims.repo.ts';
import { recoverInterruptedImportJobs } from './imports.repo.ts';

// Claims of import jobs in the database (issue 6 §8): one UPDATE moves a job into its phase and claims it only
// when no live claim holds it; a lease that ran out, or an owner process of this host that is gone, lets another
// process take over. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (where claims race for real).

let t: TestApp;
let userId: number;
let regionCode: string;

// owners that look alive: processes of this host that exist (the test runner's parent)
const A = `${HOST_ID}:${process.ppid}:aaaa0001`;
const B = `${HOST_ID}:${process.ppid}:bbbb0002`;

/** A pid that surely belongs to no process any more: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid as number;
}

async function newJob(status: string, claimedBy: string | null = null, leaseSql = 'NULL'): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO import_jobs (kind, status, file_name, file_sha256, file_path, created_by, region_code, claimed_by, lease_until)
     VALUES ('households', $1, 'x.csv', 'sha', '/nonexistent/x.upload', $2, $3, $4, ${leaseSql}) RETURNING id`,
    [status, userId, regionCode, claimedBy],
  );
  return Number(row?.id);
}

async function statusOf(id: number): Promise<{ status: string; claimedBy: string | null }> {
  const [r] = await t.db.query<{ status: string; claimedBy: string | null }>('SELECT status, claimed_by AS "claimedBy" FROM import_jobs WHERE id = $1', [id]);
  return r as { status: string; claimedBy: string | null };
}

beforeAll(async () => {
  t = await createTestApp();
  const tree = await buildRegionTree(t);
  regionCode = tree.county.code;
  userId = (await buildUser(t, 'admin', regionCode)).id;
});

afterAll(async () => {
  await t?.close();
});

describe('import job claims', () => {
  it('one claim at a time: the phase moves with the claim, a second owner is refused until it is released', async () => {
    const id = await newJob('validated');
    expect(await claimImportJob(t.db, id, ['validated'], 'importing', A)).toBeInstanceOf(Date);
    expect(await statusOf(id)).toEqual({ status: 'importing', claimedBy: A });
    expect(await claimImportJob(t.db, id, ['validated', 'importing'], 'importing', B)).toBeUndefined();
    expect(await renewImportJobClaim(t.db, id, A)).toBe(true);
    expect(await renewImportJobClaim(t.db, id, B)).toBe(false);
    expect(await importJobHolder(t.db, id)).toBe(A);
    expect(await releaseImportJobClaim(t.db, id, B)).toBe(false);
    expect(await releaseImportJobClaim(t.db, id, A)).toBe(true);
    expect(await importJobHolder(t.db, id)).toBeNull();
    // released but still `importing`: a claim from `validated` only does not take it
    expect(await claimImportJob(t.db, id, ['validated'], 'importing', B)).toBeUndefined();
  });

  it('two owners claiming at the same moment: exactly one gets the job', async () => {
    const id = await newJob('validated');
    const got = await Promise.all([A, B, `${HOST_ID}:${process.ppid}:cccc0003`].map((o) => claimImportJob(t.db, id, ['validated'], 'importing', o)));
    expect(got.filter(Boolean)).toHaveLength(1);
  });

  it('a lease that ran out is taken over, and the old owner can neither renew nor release it', async () => {
    const id = await newJob('validated');
    expect(await claimImportJob(t.db, id, ['validated'], 'importing', A, 1)).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(await claimImportJob(t.db, id, ['importing'], 'importing', B)).toBeDefined();
    expect(await renewImportJobClaim(t.db, id, A)).toBe(false);
    expect(await releaseImportJobClaim(t.db, id, A)).toBe(false);
    expect(await importJobHolder(t.db, id)).toBe(B);
  });

  it('a live lease of a process of this host that is gone is taken over at once; a live process keeps its job', async () => {
    const dead = `${HOST_ID}:${deadPid()}:dead0001`;
    const deadJob = await newJob('importing', dead, "now() + interval '1 hour'");
    const liveJob = await newJob('importing', `${HOST_ID}:${process.ppid}:live0001`, "now() + interval '1 hour'");
    const otherHostJob = await newJob('validating', `another-host:${deadPid()}:cafe0001`, "now() + interval '1 hour'");
    const expiredJob = await newJob('validating', `another-host:1:cafe0002`, "now() - interval '1 second'");
    // same host name, another PID namespace (a container given the same name): not ours to judge
    const otherNsJob = await newJob('validating', `${hostname()}~1:${deadPid()}:cafe0003`, "now() + interval '1 hour'");
    expect(await recoverInterruptedImportJobs(t.db)).toBeGreaterThanOrEqual(2);
    expect(await statusOf(deadJob)).toEqual({ status: 'validated', claimedBy: null });
    expect(await statusOf(expiredJob)).toEqual({ status: 'failed', claimedBy: null });
    expect((await statusOf(liveJob)).status).toBe('importing');
    expect((await statusOf(otherHostJob)).status).toBe('validating'); // another host: wait for its lease
    expect((await statusOf(otherNsJob)).status).toBe('validating');

    const deadAgain = await newJob('importing', `${HOST_ID}:${deadPid()}:dead0002`, "now() + interval '1 hour'");
    expect(await claimImportJob(t.db, deadAgain, ['importing'], 'importing', WORKER_ID)).toBeDefined();
    expect(await claimImportJob(t.db, liveJob, ['importing'], 'importing', WORKER_ID)).toBeUndefined();
  });
});
