import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from '@fastify/type-provider-zod';
import ExcelJS from 'exceljs';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { makeConfig } from '../../config.ts';
import type { Actor, Deps } from '../../deps.ts';
import { registerErrorHandling } from '../../http-errors.ts';
import { registerImportExportRoutes } from './index.ts';

// A small app around the import/export routes for their integration tests: real routes, real error
// handler, real database (PGlite, or a fresh PostgreSQL database when TEST_DATABASE_URL is set); the actor
// comes from an `x-test-user` header instead of a session cookie.

export const COUNTY = '411272000000';
export const DAWANG = '411272100000';
export const YANGDIAN = '411272101000';
export const VILLAGE = '411272100201';
export const GROUP = '411272100201001';
export const OTHER_GROUP = '411272101201001';

export type TestCtx = { app: FastifyInstance; db: DbHandle; deps: Deps; actors: Record<string, Actor>; close(): Promise<void> };

async function openTestDb(): Promise<{ db: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { db: await openDb({ dataDir: 'memory://' }), drop: async () => undefined };
  const name = `cb_imp_${process.pid}_${Date.now()}`;
  const admin = await openDb({ databaseUrl: url, poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const drop = async () => {
    const a = await openDb({ databaseUrl: url, poolSize: 1 });
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.close();
  };
  return { db: await openDb({ databaseUrl: u.toString(), poolSize: 5 }), drop };
}

async function seed(db: DbHandle): Promise<Record<string, Actor>> {
  const regions: [string, string | null, string, string, string][] = [
    [COUNTY, null, 'county', '411272', '三门峡市城乡一体化示范区'],
    [DAWANG, COUNTY, 'township', '411272100', '大王镇'],
    [YANGDIAN, COUNTY, 'township', '411272101', '阳店镇'],
    [VILLAGE, DAWANG, 'village', VILLAGE, '大王村'],
    [GROUP, VILLAGE, 'group', GROUP, '第一村民小组'],
    ['411272101201', YANGDIAN, 'village', '411272101201', '阳店村'],
    [OTHER_GROUP, '411272101201', 'group', OTHER_GROUP, '第一村民小组'],
  ];
  for (const r of regions) await db.query('INSERT INTO regions (code, parent_code, level, prefix, name) VALUES ($1, $2, $3, $4, $5)', r);
  const users: [string, string, string, string][] = [
    ['admin', 'admin', COUNTY, '411272'],
    ['dawang', 'township_officer', DAWANG, '411272100'],
    ['viewer', 'viewer', COUNTY, '411272'],
  ];
  const actors: Record<string, Actor> = {};
  for (const [username, role, regionCode, scopePrefix] of users) {
    const [u] = await db.query<{ id: number }>(
      `INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ($1::text, $1::text, 'x', $2, $3) RETURNING id`,
      [username, role, regionCode],
    );
    actors[username] = { id: Number(u?.id), username, displayName: username, role: role as Actor['role'], regionCode, scopePrefix, requestId: 'test' };
  }
  return actors;
}

/** Builds the test app on a fresh migrated database with the regions and users above. */
export async function createImportTestApp(): Promise<TestCtx> {
  const { db, drop } = await openTestDb();
  await migrateDb(db);
  const actors = await seed(db);
  const config = makeConfig({ dataDir: mkdtempSync(join(tmpdir(), 'cb-import-test-')) });
  const deps: Deps = { config, db };
  const app = Fastify({ logger: process.env.CB_TEST_LOG ? { level: 'error' } : false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const u = req.headers['x-test-user'];
    req.actor = typeof u === 'string' ? (actors[u] ?? null) : null;
  });
  await registerImportExportRoutes(app, deps);
  await app.ready();
  return { app, db, deps, actors, close: async () => { await app.close(); await db.close(); await drop(); } };
}

/** A multipart body with one `file` field. */
export function multipart(fileName: string, content: Buffer | string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----chanbangTestBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
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
export async function waitJob(app: FastifyInstance, id: number, user = 'admin'): Promise<Record<string, unknown>> {
  for (let i = 0; i < 1_500; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { 'x-test-user': user } });
    const body = res.json() as Record<string, unknown>;
    if (body.status !== 'validating' && body.status !== 'importing') return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}
