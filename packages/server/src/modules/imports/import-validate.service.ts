import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { DbHandle } from '@chanbang/db';
import { openErrorLog, writeErrorsWorkbook, type CellError } from './import-errors.writer.ts';
import { readDataRows, type ImportFileKind } from './import-file.reader.ts';
import { reportProgress } from './import-progress.ts';
import { checkGroup, checkRow, fillDown, isKnownHeader, HOUSEHOLD_KEY_FIELD, type GroupFacts, type StagedRow } from './import-rows.ts';
import { STAGE_COLUMNS } from './import-commit.repo.ts';

/** How many errors the job row keeps (the errors.xlsx has all of them). */
export const FIRST_ERRORS = 100;

/** Paths of the files a job keeps beside the upload. */
export function jobFiles(filePath: string): { stage: string; errorsLog: string; errorsXlsx: string } {
  return { stage: `${filePath}.stage.csv`, errorsLog: `${filePath}.errors.ndjson`, errorsXlsx: `${filePath}.errors.xlsx` };
}

/** What validation found. */
export type ValidationSummary = {
  totalRows: number;
  goodRows: number;
  /** rows with at least one bad cell */
  badRows: number;
  /** good rows left out because another row of their household is bad */
  excludedRows: number;
  households: { total: number; good: number; excluded: number };
  /** households left out whole because one of their rows is bad (first 100) */
  excludedHouseholds: { householdNo: string; rows: number[]; messageZh: string; messageEn: string }[];
  firstErrors: CellError[];
  errorCount: number;
  ms: number;
};

function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

function stageLine(r: StagedRow): string {
  const vals: (string | number | boolean | null)[] = STAGE_COLUMNS.map((c) => {
    if (c === 'risk_types') return `{${r.riskTypes.map((x) => quote(x)).join(',')}}`;
    return r[c] as string | number | boolean | null;
  });
  return vals.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? quote(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v))).join(',');
}

async function write(out: WriteStream, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/**
 * Streams the file once: maps columns, checks every row with the domain rules, checks each household as a
 * group, refuses rows outside the importer's region, and writes (1) an NDJSON log of every bad cell and its
 * errors.xlsx, (2) a staging CSV of the rows of households without any bad row. Memory holds one small
 * record per household and the set of ID numbers seen, never the rows.
 * @param onProgress called every 2 000 rows with the rows processed so far
 */
export async function validateImportFile(
  db: DbHandle,
  job: { id: number; filePath: string; kind: ImportFileKind },
  mapping: Record<string, string>,
  scopePrefix: string,
  onProgress: (processed: number) => Promise<void>,
): Promise<ValidationSummary> {
  const t0 = Date.now();
  const files = jobFiles(job.filePath);
  const regionRows = await db.query<{ code: string }>('SELECT code FROM regions');
  const regions = new Set(regionRows.map((r) => r.code));
  const errors = openErrorLog(files.errorsLog);
  const rawStage = createWriteStream(`${files.stage}.all`, 'utf8');
  const groups = new Map<string, GroupFacts>();
  const seenIds = new Map<string, number>();
  const firstErrors: CellError[] = [];
  let errorCount = 0;
  let totalRows = 0;
  let rowsWithErrors = 0;
  let columns: [field: string, col: number | undefined][] = [];
  let stageBuf: string[] = [];
  let prev: Record<string, string> | null = null;
  const logError = (e: CellError) => {
    errorCount++;
    if (firstErrors.length < FIRST_ERRORS) firstErrors.push(e);
    errors.write(e);
  };

  const rows = readDataRows(job.filePath, job.kind, isKnownHeader, (info) => {
    const index = new Map(info.headers.map((h, i) => [h, i]));
    columns = Object.entries(mapping).map(([field, header]) => [field, index.get(header)]);
  });
  const today = new Date().toISOString().slice(0, 10);
  for await (const row of rows) {
    totalRows++;
    const raw: Record<string, string> = {};
    const kinds: Record<string, string> = {};
    for (const [field, col] of columns) {
      const cell = col === undefined ? undefined : row.cells[col];
      raw[field] = cell?.text ?? '';
      kinds[field] = cell?.kind ?? 'empty';
    }
    fillDown(raw, prev);
    prev = raw;
    const checked = checkRow(raw, kinds, row.rowNumber, today);
    const issues = [...checked.issues];
    const v = checked.row;
    if (v) {
      if (!v.region_code.startsWith(scopePrefix)) {
        issues.push({ column: '区划代码', value: v.region_code, messageZh: `区划代码 ${v.region_code} 不在您的管辖范围内`, messageEn: `region code ${v.region_code} is outside your region` });
      } else if (!regions.has(v.region_code)) {
        issues.push({ column: '区划代码', value: v.region_code, messageZh: `区划代码 ${v.region_code} 不存在`, messageEn: `region code ${v.region_code} does not exist` });
      }
      const dup = seenIds.get(v.id_number);
      if (dup !== undefined) {
        issues.push({ column: '证件号码', value: v.id_number, messageZh: `证件号码与第 ${dup} 行重复`, messageEn: `ID number repeats row ${dup}` });
      } else seenIds.set(v.id_number, row.rowNumber);
    }
    const key = raw[HOUSEHOLD_KEY_FIELD] ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { householdNo: key, rows: [], bad: false, heads: 0, signature: null, signatureRow: 0, conflicts: [] };
      groups.set(key, g);
    }
    g.rows.push(row.rowNumber);
    if (issues.length > 0) {
      rowsWithErrors++;
      g.bad = true;
      for (const i of issues) logError({ row: row.rowNumber, column: i.column, value: i.value, messageZh: i.messageZh, messageEn: i.messageEn });
    }
    if (v) {
      checkGroup(g, v, row.rowNumber);
      if (issues.length === 0) stageBuf.push(stageLine(v));
      if (stageBuf.length >= 1_000) {
        await write(rawStage, `${stageBuf.join('\n')}\n`);
        stageBuf = [];
      }
    }
    if (totalRows % 2_000 === 0) {
      reportProgress(job.id, totalRows);
      await onProgress(totalRows);
    }
  }
  if (stageBuf.length) await write(rawStage, `${stageBuf.join('\n')}\n`);
  await closeStream(rawStage);

  // household-level problems: no head, several heads, household fields that differ between rows
  const excludedHouseholds: ValidationSummary['excludedHouseholds'] = [];
  let goodHouseholds = 0;
  for (const g of groups.values()) {
    if (!g.bad && g.heads !== 1) {
      g.bad = true;
      const zh = g.heads === 0 ? `户 ${g.householdNo} 没有户主（与户主关系须有一人为“户主”）` : `户 ${g.householdNo} 有 ${g.heads} 个户主`;
      const en = g.heads === 0 ? `household ${g.householdNo} has no head (one member must have relation 户主)` : `household ${g.householdNo} has ${g.heads} heads`;
      logError({ row: g.rows[0] ?? 0, column: '与户主关系', value: '', messageZh: zh, messageEn: en });
    }
    for (const c of g.conflicts) {
      g.bad = true;
      logError({ row: c.row, column: c.column, value: c.value, messageZh: c.messageZh, messageEn: c.messageEn });
    }
    if (g.bad) {
      if (excludedHouseholds.length < FIRST_ERRORS) {
        excludedHouseholds.push({
          householdNo: g.householdNo, rows: g.rows.slice(0, 20),
          messageZh: `户 ${g.householdNo || '（无户编号）'} 有错误行，整户（${g.rows.length} 行）不导入`,
          messageEn: `household ${g.householdNo || '(no number)'} has bad rows; the whole household (${g.rows.length} rows) is not imported`,
        });
      }
    } else goodHouseholds++;
  }
  await errors.close();

  // keep only the rows of good households
  const stage = createWriteStream(files.stage, 'utf8');
  let goodRows = 0;
  let outBuf: string[] = [];
  const lines = createInterface({ input: createReadStream(`${files.stage}.all`, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const hhNo = line.slice(line.indexOf(',') + 2, line.indexOf('"', line.indexOf(',') + 2));
    const g = groups.get(hhNo.replaceAll('""', '"'));
    if (!g || g.bad) continue;
    outBuf.push(line);
    goodRows++;
    if (outBuf.length >= 1_000) {
      await write(stage, `${outBuf.join('\n')}\n`);
      outBuf = [];
    }
  }
  if (outBuf.length) await write(stage, `${outBuf.join('\n')}\n`);
  await closeStream(stage);
  await unlink(`${files.stage}.all`);
  await writeErrorsWorkbook(files.errorsLog, `${files.errorsXlsx}.tmp`);
  await rename(`${files.errorsXlsx}.tmp`, files.errorsXlsx);
  return {
    totalRows,
    goodRows,
    badRows: rowsWithErrors,
    excludedRows: totalRows - goodRows - rowsWithErrors,
    households: { total: groups.size, good: goodHouseholds, excluded: groups.size - goodHouseholds },
    excludedHouseholds,
    firstErrors,
    errorCount,
    ms: Date.now() - t0,
  };
}
