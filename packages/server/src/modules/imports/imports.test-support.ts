import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import type { DbHandle } from '@chanbang/db';
import type { Role } from '@chanbang/domain';
import type { Config } from '../../config.ts';
import { buildUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

// The import/export integration tests run on the real app (createTestApp: real routes, session cookies, error
// handler, seeded dictionaries) on a fresh database, with a fixed small region tree and three logged-in users.

export const COUNTY = '411272000000';
export const DAWANG = '411272100000';
export const YANGDIAN = '411272101000';
export const VILLAGE = '411272100201';
export const GROUP = '411272100201001';
export const OTHER_GROUP = '411272101201001';

/** The users of the tests, by short name. */
export type TestUser = 'admin' | 'dawang' | 'viewer';

export type TestCtx = {
  app: FastifyInstance;
  db: DbHandle;
  config: Config;
  /** request headers that authenticate as a test user (its session cookie) */
  as(user: TestUser): { cookie: string };
  /** the display name audit rows carry for a test user */
  displayName(user: TestUser): string;
  close(): Promise<void>;
};

const REGIONS: [string, string | null, string, string, string][] = [
  [COUNTY, null, 'county', '411272', '三门峡市城乡一体化示范区'],
  [DAWANG, COUNTY, 'township', '411272100', '大王镇'],
  [YANGDIAN, COUNTY, 'township', '411272101', '阳店镇'],
  [VILLAGE, DAWANG, 'village', VILLAGE, '大王村'],
  [GROUP, VILLAGE, 'group', GROUP, '第一村民小组'],
  ['411272101201', YANGDIAN, 'village', '411272101201', '阳店村'],
  [OTHER_GROUP, '411272101201', 'group', OTHER_GROUP, '第一村民小组'],
];

const USERS: Record<TestUser, [Role, string]> = { admin: ['admin', COUNTY], dawang: ['township_officer', DAWANG], viewer: ['viewer', COUNTY] };

/** Builds the real app on a fresh migrated database with the regions above and logs the three users in. */
export async function createImportTestApp(overrides: Partial<Config> = {}): Promise<TestCtx> {
  const t = await createTestApp({ dataDir: mkdtempSync(join(tmpdir(), 'cb-import-test-')), ...overrides });
  for (const r of REGIONS) await t.db.query('INSERT INTO regions (code, parent_code, level, prefix, name) VALUES ($1, $2, $3, $4, $5)', r);
  const cookies = {} as Record<TestUser, string>;
  for (const [user, [role, region]] of Object.entries(USERS) as [TestUser, [Role, string]][]) cookies[user] = (await buildUser(t, role, region)).cookie;
  return { app: t.app, db: t.db, config: t.config, as: (user) => ({ cookie: cookies[user] }), displayName: (user) => `测试${USERS[user][0]}`, close: () => t.close() };
}

/** A multipart body with one `file` field. */
export function multipart(fileName: string, content: Buffer | string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----chanbangTestBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Writes rows to an .xlsx buffer; a cell may be a number, a formula `{ formula, result }` or a Date. */
export async function xlsxBuffer(headers: string[], rows: unknown[][], opts: { title?: string; merges?: string[]; sheets?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of opts.sheets ?? []) wb.addWorksheet(s).addRow(['说明']);
  const ws = wb.addWorksheet('户成员信息');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet of an .xlsx buffer as arrays of cell texts. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws?.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

/** Polls a job until it leaves validating/importing. */
export async function waitJob(ctx: TestCtx, id: number, user: TestUser = 'admin'): Promise<Record<string, unknown>> {
  for (let i = 0; i < 1_500; i++) {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: ctx.as(user) });
    const body = res.json() as Record<string, unknown>;
    if (body.status !== 'validating' && body.status !== 'importing') return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}
