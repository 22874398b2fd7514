import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { hashPassword, importExport, loadConfig, makeConfig, seedDictionariesIfEmpty, type Deps } from '@chanbang/server';
import { buildDemoCounty } from '../demo/demo-county.ts';
import type { DemoRegion } from '../demo/demo-regions.ts';
import { loadDemo } from '../demo/demo-loader.ts';
import { cliActor, report } from '../commands/context.ts';

// The largest allowed import (issue 6 §5): a national-layout 家庭成员信息 roster with as many rows as the row limit
// (CHANBANG_IMPORT_MAX_ROWS, 500 000 by default), written with exceljs's streaming writer WITH shared strings (as
// Excel saves a file: the reader must cache them), then uploaded and validated while the peak RSS is sampled.

/** The national roster's columns (national-exports.md §2), two title rows above them. */
const ROSTER_HEADERS = [
  '省',
  '市',
  '县',
  '乡',
  '村',
  '户编号',
  '人口编号',
  '姓名',
  '性别',
  '出生日期',
  '证件类型',
  '证件号码',
  '民族',
  '与户主关系',
  '文化程度',
  '在校生状况',
  '劳动技能',
  '务工时间（月）',
  '健康状况',
  '监测对象类别',
  '风险类型',
  '户联系电话',
  '政治面貌',
  '是否享受低保',
];
/** The national export's file name: its defaults (脱贫户, 继续享受政策) apply to rows without a category. */
const ROSTER_FILE_NAME = (rows: number) => `脱贫户信息_bench-${rows}-继续享受政策.xlsx`;

/** Writes (or reuses from ./bench-data) the roster of `rows` persons from the bench county. @returns its path */
export async function writeLargestRoster(rows: number, dir = resolve('bench-data')): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `national-roster-${rows}.xlsx`);
  if (existsSync(path)) return path;
  const county = buildDemoCounty({ kind: 'bench', households: Math.ceil(rows / 2) });
  const byCode = new Map<string, DemoRegion>(county.regions.map((r) => [r.code, r]));
  const up = (code: string, level: DemoRegion['level']): DemoRegion | undefined => {
    let r = byCode.get(code);
    while (r && r.level !== level) r = r.parentCode ? byCode.get(r.parentCode) : undefined;
    return r;
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.tmp`, useStyles: false, useSharedStrings: true });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['（自定义）家庭成员信息']).commit();
  ws.addRow(['导出单位：bench', '', '', '导出时间：2025-09-02']).commit();
  ws.addRow(ROSTER_HEADERS).commit();
  let n = 0;
  for (const h of county.households()) {
    const village = up(h.regionCode, 'village');
    const township = village?.parentCode ? byCode.get(village.parentCode) : undefined;
    const countyName = up(h.regionCode, 'county')?.name ?? '';
    for (const m of h.members) {
      if (n >= rows) break;
      ws.addRow([
        '河南省',
        '三门峡市',
        countyName,
        township?.name ?? '',
        village?.name ?? '',
        h.householdNo,
        m.personNo,
        m.name,
        m.gender === '1' ? '男' : '女',
        m.birthDate,
        '居民身份证',
        m.idNumber,
        m.ethnicity,
        m.relation,
        m.education ?? '',
        m.schoolStatus ?? '',
        m.laborCapacity,
        m.workMonths === null ? '' : String(m.workMonths),
        m.healthStatuses.join(','),
        h.monitoringType ?? '',
        h.riskTypes.join('、'),
        m.phone ?? '',
        '群众',
        '否',
      ]).commit();
      n++;
    }
    if (n >= rows) break;
  }
  ws.commit();
  await wb.commit();
  renameSync(`${path}.tmp`, path);
  return path;
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A PostgreSQL server when one answers (DATABASE_URL, else a fresh chanbang_bench_largest on 127.0.0.1:5432), so the
 * figure is the import's own; else PGlite, whose WebAssembly heap alone is about 650 MB of RSS.
 */
async function openLargestDb(): Promise<{ db: DbHandle; where: string; close(): Promise<void> }> {
  const url = loadConfig().databaseUrl;
  if (url) {
    const db = await openDb({ databaseUrl: url });
    return { db, where: 'PostgreSQL (DATABASE_URL)', close: () => db.close() };
  }
  const admin = new pg.Client({ connectionString: LOCAL_SERVER, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS chanbang_bench_largest WITH (FORCE)');
    await admin.query('CREATE DATABASE chanbang_bench_largest');
    await admin.end();
    const db = await openDb({ databaseUrl: LOCAL_SERVER.replace(/\/postgres$/, '/chanbang_bench_largest') });
    return { db, where: 'PostgreSQL (fresh chanbang_bench_largest on 127.0.0.1:5432)', close: () => db.close() };
  } catch {
    await admin.end().catch(() => undefined);
    const dir = mkdtempSync(join(tmpdir(), 'chanbang-bench-largest-pg-'));
    const db = await openDb({ dataDir: dir });
    return {
      db,
      where: 'PGlite (no PostgreSQL server reachable; its WebAssembly heap counts in the RSS)',
      close: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

/** Peak RSS (and the JS heap and external memory at their peaks) while `fn` runs, sampled every 25 ms (MB). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; heapMb: number; externalMb: number }> {
  const peak = { rss: 0, heap: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  sample();
  const timer = setInterval(sample, 25);
  try {
    const value = await fn();
    sample();
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    return { value, peakMb: mb(peak.rss), heapMb: mb(peak.heap), externalMb: mb(peak.external) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `chanbang bench --only largest`: the roster with as many rows as the row limit is generated in a child process
 * (its writer's memory does not count), then this process uploads and validates it on an embedded database and
 * prints the peak RSS (target < 1 024 MB).
 */
export async function benchLargestCommand(opts: { json?: boolean }): Promise<void> {
  const json = !!opts.json;
  const log = (s: string) => {
    if (!json) console.log(s);
  };
  const rows = loadConfig().importLimits.maxRows;
  const file = join(resolve('bench-data'), `national-roster-${rows}.xlsx`);
  if (!existsSync(file)) {
    log(`generating the national roster of ${rows} rows (streaming writer, shared strings) in a child process …`);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, 'bench', '--only', 'largest-file'], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`generating ${file} failed`);
  }
  log(`  ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const { db, where, close } = await openLargestDb();
  log(`database: ${where}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'chanbang-bench-largest-'));
  try {
    await migrateDb(db);
    await seedDictionariesIfEmpty(db.db);
    await loadDemo(db, { reset: true, hashPassword, county: { kind: 'bench', households: 0 } });
    const deps: Deps = { config: makeConfig({ dataDir, databaseUrl: undefined, webDist: '/nonexistent' }), db };
    const actor = await cliActor(db, 'admin');
    const rssBeforeMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    log(`upload + validation of the largest allowed file (${rows} rows; RSS before: ${rssBeforeMb} MB) …`);
    const t0 = performance.now();
    const run = await withPeakRss(async () => {
      const job = await importExport.createImportJob(deps, actor, { fileName: ROSTER_FILE_NAME(rows), stream: createReadStream(file) });
      const t1 = performance.now();
      const v = await importExport.startValidation(deps, actor, job.id, {});
      await v.done;
      return { job: await importExport.getImportJob(deps, actor, job.id), uploadMs: t1 - t0, validationMs: performance.now() - t1 };
    });
    const j = run.value.job;
    const result = {
      database: where,
      rows,
      fileMb: Number((statSync(file).size / 1024 / 1024).toFixed(1)),
      status: j.status,
      totalRows: j.totalRows,
      goodRows: j.goodRows,
      badRows: j.badRows,
      uploadMs: Math.round(run.value.uploadMs),
      validationMs: Math.round(run.value.validationMs),
      rssBeforeMb,
      peakRssMb: run.peakMb,
      peakHeapMb: run.heapMb,
      peakExternalMb: run.externalMb,
      targetMb: 1024,
    };
    report(json, result, [
      `  ${j.status}: ${j.totalRows} rows (${j.goodRows} good, ${j.badRows} bad); upload ${(result.uploadMs / 1000).toFixed(1)} s, validation ${(result.validationMs / 1000).toFixed(1)} s`,
      `  peak RSS ${result.peakRssMb} MB (target < 1024 MB)${result.peakRssMb < 1024 ? '' : ' — OVER'}; JS heap used at most ${result.peakHeapMb} MB, external ${result.peakExternalMb} MB`,
    ]);
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `chanbang bench --only largest-file`: writes the roster (run by {@link benchLargestCommand} as a child). */
export async function benchLargestFileCommand(): Promise<void> {
  const rows = loadConfig().importLimits.maxRows;
  const t0 = performance.now();
  const path = await writeLargestRoster(rows);
  console.log(`  wrote ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
