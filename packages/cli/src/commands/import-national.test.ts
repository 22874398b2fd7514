import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildNationalRoster, ROSTER_FILE_NAME, rosterXlsx } from '../../../server/src/modules/imports/national-roster.fixture.ts';
import { cliConfig, openDeps } from './context.ts';
import { importHouseholdsCommand } from './data.commands.ts';

// `chanbang import households FILE --json` on the national roster: the same counts, errors and excluded households
// as GET /api/v1/imports/:id, and progress lines that never report more rows than their total (it once said 93 / 82:
// the commit counted every valid row it staged against the good rows only).

const REGIONS: [string, string | null, string, string, string][] = [
  ['411272000000', null, 'county', '411272', '三门峡市城乡一体化示范区'],
  ['411272100000', '411272000000', 'township', '411272100', '大王镇'],
  ['411272101000', '411272000000', 'township', '411272101', '阳店镇'],
  ['411272100240', '411272100000', 'village', '411272100240', '后地村'],
  ['411272100241', '411272100000', 'village', '411272100241', '北营村'],
  ['411272101240', '411272101000', 'village', '411272101240', '东阳村'],
  ['411272101241', '411272101000', 'village', '411272101241', '西坡村'],
  ['411272101242', '411272101000', 'village', '411272101242', '寨子村'],
];

describe('chanbang import households --json (national roster)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-cli-national-'));
  const env = { DATABASE_URL: process.env.DATABASE_URL, CHANBANG_DATA_DIR: process.env.CHANBANG_DATA_DIR };
  const roster = buildNationalRoster();
  const file = join(dir, ROSTER_FILE_NAME);

  beforeAll(async () => {
    process.env.DATABASE_URL = '';
    process.env.CHANBANG_DATA_DIR = join(dir, 'data');
    writeFileSync(file, await rosterXlsx(roster.headers, roster.rows));
    const deps = await openDeps(cliConfig());
    for (const r of REGIONS) await deps.db.query('INSERT INTO regions (code, parent_code, level, prefix, name) VALUES ($1, $2, $3, $4, $5)', r);
    await deps.db.query(`INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ('admin', '县管理员', 'x', 'admin', '411272000000')`);
    await deps.db.close();
  });
  afterAll(() => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CHANBANG_DATA_DIR = env.CHANBANG_DATA_DIR;
    vi.restoreAllMocks();
  });

  it('prints the job as the API shows it, with progress never above its total', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
    try {
      await importHouseholdsCommand(file, { json: true });
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
    const job = JSON.parse(out.join('\n')) as Record<string, unknown>;
    const X = roster.expected;
    expect(job).toMatchObject({
      status: 'done',
      layout: 'national_roster',
      totalRows: X.totalRows,
      goodRows: X.goodRows,
      badRows: X.badRows,
      excludedRows: X.excludedRows,
      warningRows: 1,
      messageZh: null,
      ignoredHeaders: ['政治面貌', '是否享受低保'],
    });
    expect((job.errors as unknown[]).length).toBe(X.badRows);
    expect((job.excludedHouseholds as { householdNo: string; headName: string }[]).map((x) => [x.householdNo, x.headName])).toEqual(
      X.excluded.map((x) => [x.householdNo, x.headName]),
    );
    expect((job.result as { commit: Record<string, number> }).commit).toMatchObject({ householdsCreated: X.households.good, personsCreated: X.goodRows });

    const progress = err
      .filter((l) => l.startsWith('{"progress"'))
      .map((l) => (JSON.parse(l) as { progress: { phase: string; processed: number; total: number | null } }).progress);
    const commit = progress.filter((p) => p.phase === 'importing');
    expect(commit.length).toBeGreaterThan(0);
    expect(commit.at(-1)).toMatchObject({ total: X.goodRows + X.excludedRows, processed: X.goodRows + X.excludedRows });
    for (const p of progress) expect(p.processed).toBeLessThanOrEqual(p.total ?? Number.POSITIVE_INFINITY);
    expect(progress.filter((p) => p.phase === 'validating').at(-1)).toMatchObject({ total: 96, processed: 96 });
  });
});
