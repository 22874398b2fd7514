import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawTx } from '@chanbang/db';
import { DICT, findDictionary, resolveDictCode } from '@chanbang/domain';
import { buildDemoCounty } from '../demo/demo-county.ts';
import { copyLine } from '../demo/csv.ts';
import { householdRows, openImportFile } from '../demo/import-file.writer.ts';

/** The cached bench files of a county size. */
export type BenchFiles = { xlsx: string; csv: string; households: number; rows: number; generatedMs: number | null };

/**
 * Generates (or reuses from ./bench-data) the synthetic county in the import format, as .xlsx and .csv.
 * Deterministic: the cache key is the household count.
 */
export async function ensureBenchFiles(households: number, dir = resolve('bench-data')): Promise<BenchFiles> {
  mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, `county-${households}.xlsx`);
  const csv = join(dir, `county-${households}.csv`);
  if (existsSync(xlsx) && existsSync(csv)) {
    let rows = 0;
    for (const h of buildDemoCounty({ kind: 'bench', households }).households()) rows += h.members.length;
    return { xlsx, csv, households, rows, generatedMs: null };
  }
  const t0 = Date.now();
  const a = openImportFile(`${xlsx}.tmp.xlsx`);
  const b = openImportFile(`${csv}.tmp.csv`);
  let batch: string[][] = [];
  for (const h of buildDemoCounty({ kind: 'bench', households }).households()) {
    batch.push(...householdRows(h));
    if (batch.length >= 5_000) {
      await a.add(batch);
      await b.add(batch);
      batch = [];
    }
  }
  await a.add(batch);
  await b.add(batch);
  const rows = await a.close();
  await b.close();
  renameSync(`${xlsx}.tmp.xlsx`, xlsx);
  renameSync(`${csv}.tmp.csv`, csv);
  return { xlsx, csv, households, rows, generatedMs: Date.now() - t0 };
}

/** Loads the generated support measures of the bench county (the import file has none), for H1. */
export async function loadBenchMeasures(tx: RawTx, households: number): Promise<number> {
  const items = findDictionary(DICT.measureCategory)?.items ?? [];
  await tx.query('CREATE TEMP TABLE bench_measures (household_no text, category text, description text, year int, amount numeric) ON COMMIT DROP');
  let buf: string[] = [];
  let n = 0;
  const sql = 'COPY bench_measures FROM STDIN WITH (FORMAT csv)';
  for (const h of buildDemoCounty({ kind: 'bench', households }).households()) {
    for (const m of h.measures) {
      buf.push(copyLine([h.householdNo, resolveDictCode(items, m.category) ?? 'other', m.description, m.year, m.amountYuan]));
      n++;
    }
    if (buf.length >= 20_000) {
      await tx.copyFromCsv(sql, buf.join(''));
      buf = [];
    }
  }
  if (buf.length) await tx.copyFromCsv(sql, buf.join(''));
  await tx.query(`INSERT INTO support_measures (household_id, region_code, category, description, year, amount_yuan)
    SELECT h.id, h.region_code, m.category, m.description, m.year, m.amount FROM bench_measures m JOIN households h ON h.household_no = m.household_no`);
  return n;
}
