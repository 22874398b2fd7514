import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { allJobFiles, startImportFileSweeper, sweepImportFiles } from './import-cleanup.ts';
import { waitForIdle } from './import-progress.ts';
import { insertImportJob } from './imports.repo.ts';
import { createImportTestApp, GROUP, multipart, waitJob, xlsxBuffer, type TestCtx } from './imports.test-support.ts';

// Uploaded, staged and error files (issue 6 §5): created 0600 in a 0700 folder, removed when the job ends, and a
// sweep removes what is older than 7 days. The job keeps its counts and first errors; its errors.xlsx answers 410.

const HEADERS = ['户编号', '区划代码', '户类型', '监测类型', '姓名', '证件号码', '与户主关系', '劳动能力', '健康状况', '文化程度', '务工状况', '风险类型'];
const row = (hh: string, name: string, idNo: string, relation: string, labour = '普通劳动力') => [
  hh,
  GROUP,
  '监测户',
  '边缘易致贫户',
  name,
  idNo,
  relation,
  labour,
  '健康',
  '初中',
  '县内务工',
  '因病',
];

let ctx: TestCtx;
let dir: string;
beforeAll(async () => {
  ctx = await createImportTestApp();
  dir = join(ctx.config.dataDir, 'imports');
});
afterAll(async () => {
  await ctx?.close();
});

const mode = async (p: string) => (await stat(p)).mode & 0o777;
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('files of a job', () => {
  it('are 0600 in a 0700 folder while the job lives, and removed when it is done; the job keeps its counts and errors, errors.xlsx answers 410', async () => {
    const buf = await xlsxBuffer(HEADERS, [row('F001', '王一', makeIdNumber('41127219700101101'), '户主'), row('F002', '王二', makeIdNumber('41127219710101201'), '户主', '很强')]);
    const m = multipart('files.xlsx', buf);
    const up = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as('admin') } });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id as number;
    expect(await mode(dir)).toBe(0o700);
    const [jobRow] = await ctx.db.query<{ filePath: string }>('SELECT file_path AS "filePath" FROM import_jobs WHERE id = $1', [id]);
    const filePath = jobRow?.filePath as string;
    expect(await mode(filePath as string)).toBe(0o600);

    const v = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/validate`, payload: {}, headers: ctx.as('admin') });
    expect(v.statusCode, v.body).toBe(202);
    const validated = await waitJob(ctx, id);
    expect(validated).toMatchObject({ status: 'validated', goodRows: 1, badRows: 1, filesDeletedAt: null });
    const written = (await readdir(dir)).filter((n) => n.startsWith(String(filePath).split('/').pop() as string));
    // upload, staging CSV, excluded list, error and excluded logs, errors.xlsx
    expect(written.length).toBe(6);
    for (const n of written) expect([n, await mode(join(dir, n))]).toEqual([n, 0o600]);
    const x = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors.xlsx`, headers: ctx.as('admin') });
    expect(x.statusCode).toBe(200);

    const c = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/commit`, headers: ctx.as('admin') });
    expect(c.statusCode, c.body).toBe(202);
    const done = await waitJob(ctx, id);
    expect(done.status).toBe('done');
    // the files go right after the status is written, before the job leaves this process's running list
    await waitForIdle(id);
    for (const p of allJobFiles(filePath as string)) expect([p, await exists(p)]).toEqual([p, false]);
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: ctx.as('admin') })).json();
    expect(after.filesDeletedAt).toEqual(expect.any(String));
    expect(after).toMatchObject({ status: 'done', totalRows: 2, goodRows: 1, badRows: 1 });
    expect((after.errors as { row: number; column: string }[]).map((e) => [e.row, e.column])).toEqual([[3, '劳动能力']]);

    const gone = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/errors.xlsx`, headers: ctx.as('admin') });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error).toMatchObject({ code: 'GONE' });
    expect(gone.json().error.details.messageZh).toBe('导入任务已结束，上传的文件和错误明细文件已删除（页面上的统计和前 100 条错误仍保留）；如需重新导入，请重新上传文件');
    const again = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/validate`, payload: {}, headers: ctx.as('admin') });
    expect(again.statusCode).toBe(410);
  });
});

describe('the sweep', () => {
  const DAY = 24 * 60 * 60 * 1000;
  async function jobWithFiles(daysAgo: number, status = 'validated'): Promise<{ id: number; paths: string[] }> {
    await mkdir(dir, { recursive: true });
    const filePath = join(dir, `sweep-${daysAgo}-${status}.upload`);
    const job = await insertImportJob(ctx.db, {
      kind: 'households',
      fileName: 'x.xlsx',
      fileSha256: '0',
      filePath,
      sheetName: null,
      headers: [],
      createdBy: 1,
      regionCode: GROUP,
      totalRows: 1,
      headerRow: 0,
      layout: 'template',
      ignoredHeaders: [],
      options: {},
      mapping: null,
    });
    await ctx.db.query(`UPDATE import_jobs SET status = $2, created_at = now() - make_interval(days => $3) WHERE id = $1`, [job.id, status, daysAgo]);
    const paths = [filePath, `${filePath}.stage.csv`, `${filePath}.errors.xlsx`];
    for (const p of paths) await writeFile(p, 'x', { mode: 0o600 });
    return { id: job.id, paths };
  }
  const jobRow = async (id: number) =>
    (
      await ctx.db.query<{ status: string; filesDeletedAt: string | null; message: string | null }>(
        'SELECT status, files_deleted_at AS "filesDeletedAt", message FROM import_jobs WHERE id = $1',
        [id],
      )
    )[0];

  it('removes the files of a job created 8 days ago (ending it) and keeps those of a 1-day-old one; removes old orphans only', async () => {
    const old = await jobWithFiles(8);
    const recent = await jobWithFiles(1);
    const endedRecent = await jobWithFiles(1, 'failed');
    const orphanOld = join(dir, 'orphan-old.upload');
    const orphanNew = join(dir, 'orphan-new.upload');
    await writeFile(orphanOld, 'x');
    await writeFile(orphanNew, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * DAY);
    await utimes(orphanOld, eightDaysAgo, eightDaysAgo);

    const r = await sweepImportFiles(ctx.db, ctx.config.dataDir, 7);
    expect(r).toMatchObject({ expired: 1, jobs: 1 });
    for (const p of old.paths) expect([p, await exists(p)]).toEqual([p, false]);
    for (const p of recent.paths) expect([p, await exists(p)]).toEqual([p, true]);
    for (const p of endedRecent.paths) expect([p, await exists(p)]).toEqual([p, false]);
    expect(await exists(orphanOld)).toBe(false);
    expect(await exists(orphanNew)).toBe(true);

    const o = await jobRow(old.id);
    expect(o?.status).toBe('failed');
    expect(o?.filesDeletedAt).not.toBeNull();
    expect(JSON.parse(o?.message ?? '{}').zh).toBe('上传已超过 7 天，文件已删除，请重新上传');
    expect((await jobRow(recent.id))?.filesDeletedAt).toBeNull();
    expect((await jobRow(endedRecent.id))?.filesDeletedAt).not.toBeNull();
    // the expired job can no longer be validated: its file is gone
    const v = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${old.id}/validate`, payload: {}, headers: ctx.as('admin') });
    expect(v.statusCode).toBe(410);
    // a second sweep finds nothing more to do
    expect(await sweepImportFiles(ctx.db, ctx.config.dataDir, 7)).toEqual({ jobs: 0, expired: 0, files: 0 });
  });

  it('the sweeper sweeps at once, logs what it removed and stops its timer', async () => {
    const old = await jobWithFiles(9);
    const logged: unknown[] = [];
    const sweeper = startImportFileSweeper(ctx.db, { dataDir: ctx.config.dataDir, importFileDays: 7 }, (r) => logged.push(r));
    await sweeper.first;
    sweeper.stop();
    expect(logged).toEqual([{ jobs: 0, expired: 1, files: 3 }]);
    for (const p of old.paths) expect([p, await exists(p)]).toEqual([p, false]);
  });
});
