import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { setImportChunkRows, setImportCommitHook } from './import-commit.service.ts';
import { createImportTestApp, GROUP, multipart, OTHER_GROUP, waitJob, type TestCtx } from './imports.test-support.ts';

// ADR 0003: the commit runs in chunks of whole households (here 2 staged rows per chunk, so every file below
// spans several chunks). What must hold: the counts and audit rows of one transaction, no household split,
// versions bumped, a household's moved region carried by every table hanging on it, a failed chunk keeping the
// chunks before it and a second commit finishing the rest.

const HEADERS = ['户编号', '区划代码', '户类型', '监测类型', '姓名', '证件号码', '与户主关系', '劳动能力', '健康状况', '文化程度', '务工状况', '风险类型', '家庭住址'];
const id = (birth: string, seq: string) => makeIdNumber(`411272${birth}${seq}`);
const row = (hh: string, region: string, name: string, idNo: string, relation: string, address = '大王村1号') =>
  [hh, region, '监测户', '边缘易致贫户', name, idNo, relation, '普通劳动力', '健康', '初中', '县内务工', '因病', address].join(',');
const csv = (rows: string[]) => `${HEADERS.join(',')}\n${rows.join('\n')}\n`;

/** 8 households of 1–3 people (15 rows) in 大王村第一组: house numbers from `from`. */
function households(from: number, birthYear: number): { rows: string[]; sizes: Map<string, number> } {
  const rows: string[] = [];
  const sizes = new Map<string, number>();
  for (let h = 0; h < 8; h++) {
    const no = `CK${from + h}`;
    const size = (h % 3) + 1;
    sizes.set(no, size);
    for (let m = 0; m < size; m++) rows.push(row(no, GROUP, `成员${h}${m}`, id(`${birthYear + m}0${(h % 9) + 1}15`, `${from % 10}${h}${m}`), m === 0 ? '户主' : '子'));
  }
  return { rows, sizes };
}

let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp();
  setImportChunkRows(2);
});
afterAll(async () => {
  setImportChunkRows(undefined);
  setImportCommitHook(undefined);
  await ctx?.close();
});

async function uploadAndValidate(name: string, content: string): Promise<number> {
  const m = multipart(name, content);
  const up = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as('admin') } });
  expect(up.statusCode, up.body).toBe(201);
  const jobId = (up.json() as { id: number }).id;
  const v = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/validate`, payload: {}, headers: ctx.as('admin') });
  expect(v.statusCode, v.body).toBe(202);
  const job = await waitJob(ctx, jobId);
  expect(job.status).toBe('validated');
  return jobId;
}

async function commit(jobId: number): Promise<Record<string, unknown>> {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: ctx.as('admin') });
  expect(res.statusCode, res.body).toBe(202);
  return waitJob(ctx, jobId);
}

async function memberCounts(prefix: string): Promise<Map<string, number>> {
  const rows = await ctx.db.query<{ household_no: string; n: number }>(
    `SELECT h.household_no, count(p.id)::int AS n FROM households h LEFT JOIN persons p ON p.household_id = h.id WHERE h.household_no LIKE $1 GROUP BY 1`,
    [`${prefix}%`],
  );
  return new Map(rows.map((r) => [r.household_no, r.n]));
}

describe('chunked import commit', () => {
  it('commits a file in several chunks with the counts and audit rows of a single commit, and clears its stage', async () => {
    const { rows, sizes } = households(100, 1970);
    const jobId = await uploadAndValidate('chunks.csv', csv(rows));
    const done = await commit(jobId);
    expect(done.status, String(done.message)).toBe('done');
    const c = (done.result as { commit: Record<string, number> }).commit;
    expect(c).toMatchObject({ stagedRows: 15, householdsCreated: 8, householdsUpdated: 0, personsCreated: 15, chunks: 8 });
    expect(await memberCounts('CK1')).toEqual(sizes);
    const audit = await ctx.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE (action = 'create' AND entity_type = 'household' AND (after->>'importJobId')::bigint = $1)
          OR (action = 'import' AND entity_id = $2) GROUP BY action ORDER BY action`,
      [jobId, String(jobId)],
    );
    expect(audit).toEqual([
      { action: 'create', n: 8 },
      { action: 'import', n: 1 },
    ]);
    const [job] = await ctx.db.query<{ commit_cursor: number; staged: number }>(
      'SELECT commit_cursor, (SELECT count(*)::int FROM import_stage_rows WHERE job_id = $1) AS staged FROM import_jobs WHERE id = $1',
      [jobId],
    );
    expect(job).toEqual({ commit_cursor: 8, staged: 0 });
  });

  it('a household moved to another township takes its members, incomes, measures, cases, post holdings and their payments along, with versions bumped', async () => {
    const head = id('19550505', '551');
    const spouse = id('19560606', '552');
    const first = await uploadAndValidate('move-1.csv', csv([row('MV001', GROUP, '迁户主', head, '户主'), row('MV001', GROUP, '迁配偶', spouse, '配偶')]));
    expect((await commit(first)).status).toBe('done');
    const [hh] = await ctx.db.query<{ id: number; version: number }>(`SELECT id, version FROM households WHERE household_no = 'MV001'`);
    const hid = Number(hh?.id);
    await ctx.db.query(`INSERT INTO support_measures (household_id, region_code, category, year) VALUES ($1, $2, 'industry', 2024)`, [hid, GROUP]);
    await ctx.db.query(`INSERT INTO household_incomes (household_id, region_code, year, member_count) VALUES ($1, $2, 2024, 2)`, [hid, GROUP]);
    // a member's post holding and its paid month (post_payments has no household_id: it moves through the holding)
    const [post] = await ctx.db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, '保洁员', 'cleaning', '村内保洁', 50000, 'filled') RETURNING id`,
      [GROUP.slice(0, 12)],
    );
    const [holder] = await ctx.db.query<{ id: number }>('SELECT id FROM persons WHERE household_id = $1 ORDER BY id LIMIT 1', [hid]);
    const [appointment] = await ctx.db.query<{ id: number }>(
      `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2024-01-01') RETURNING id`,
      [post?.id, holder?.id, hid, GROUP],
    );
    await ctx.db.query(`INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen) VALUES ($1, $2, $3, $4, '2024-01-01', 50000)`, [
      appointment?.id,
      post?.id,
      holder?.id,
      GROUP,
    ]);
    // the second file names the head only, in 阳店镇: the spouse (not in the file) moves with the household too
    const second = await uploadAndValidate('move-2.csv', csv([row('MV001', OTHER_GROUP, '迁户主', head, '户主', '阳店村1号')]));
    expect((await commit(second)).status).toBe('done');
    const [moved] = await ctx.db.query<{ region_code: string; version: number }>('SELECT region_code, version FROM households WHERE id = $1', [hid]);
    expect(moved).toEqual({ region_code: OTHER_GROUP, version: (hh?.version ?? 0) + 1 });
    const children = await ctx.db.query<{ t: string; region_code: string; version: number }>(
      `SELECT 'person:' || id_number AS t, region_code, version FROM persons WHERE household_id = $1
       UNION ALL SELECT 'measure', region_code, version FROM support_measures WHERE household_id = $1
       UNION ALL SELECT 'income', region_code, version FROM household_incomes WHERE household_id = $1
       UNION ALL SELECT 'holding', region_code, version FROM post_appointments WHERE household_id = $1
       UNION ALL SELECT 'payment', p.region_code, 0 FROM post_payments p JOIN post_appointments a ON a.id = p.appointment_id WHERE a.household_id = $1 ORDER BY 1`,
      [hid],
    );
    expect(children).toEqual([
      { t: 'holding', region_code: OTHER_GROUP, version: 2 },
      { t: 'income', region_code: OTHER_GROUP, version: 2 },
      { t: 'measure', region_code: OTHER_GROUP, version: 2 },
      { t: 'payment', region_code: OTHER_GROUP, version: 0 },
      { t: `person:${head}`, region_code: OTHER_GROUP, version: 2 },
      { t: `person:${spouse}`, region_code: OTHER_GROUP, version: 2 },
    ]);
  });

  it('a chunk that fails keeps the whole households of the chunks before it; committing again finishes the rest once', async () => {
    const { rows, sizes } = households(300, 1980);
    const jobId = await uploadAndValidate('fail-mid.csv', csv(rows));
    setImportCommitHook((step, info) => {
      if (step === 'upserted' && info.chunk === 3) throw new Error('injected failure in chunk 3');
    });
    let failed: Record<string, unknown>;
    try {
      failed = await commit(jobId);
    } finally {
      setImportCommitHook(undefined);
    }
    expect(failed.status).toBe('validated');
    expect(failed.commitError).toMatchObject({
      messageZh: expect.stringMatching(/^导入中断：已导入 3\/8 批/),
      messageEn: expect.stringMatching(/^the import stopped: 3 of 8 batches/),
    });
    // exactly the households staged in chunks 0–2 are in, each with all its members
    const staged = await ctx.db.query<{ household_no: string }>('SELECT DISTINCT household_no FROM import_stage_rows WHERE job_id = $1 AND chunk_no < 3', [jobId]);
    const partial = await memberCounts('CK3');
    expect([...partial.keys()].sort()).toEqual(staged.map((s) => s.household_no).sort());
    for (const [no, n] of partial) expect(n, no).toBe(sizes.get(no));

    const done = await commit(jobId);
    expect(done.status).toBe('done');
    expect(done.commitError).toBeNull();
    expect((done.result as { commit: Record<string, number> }).commit).toMatchObject({ householdsCreated: 8, personsCreated: 15, stagedRows: 15 });
    expect(await memberCounts('CK3')).toEqual(sizes);
    const [creates] = await ctx.db.query<{ n: number; households: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS households FROM audit_log WHERE action = 'create' AND entity_type = 'household' AND (after->>'importJobId')::bigint = $1`,
      [jobId],
    );
    expect(creates).toEqual({ n: 8, households: 8 });
  });
});
