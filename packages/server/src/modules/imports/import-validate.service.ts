import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { DbHandle } from '@chanbang/db';
import {
  cellToDigitText,
  cellToText,
  checkImportRow,
  createHouseholdGroupChecker,
  fillDownHouseholdCells,
  isImportHeader,
  type Dictionary,
  type ImportPersonRow,
  type ImportRowContext,
  type Issue,
} from '@chanbang/domain';
import { openErrorLog, writeErrorsWorkbook, type CellError } from './import-errors.writer.ts';
import { readDataRows, type ImportFileKind } from './import-file.reader.ts';
import { reportProgress } from './import-progress.ts';
import type { STAGE_COLUMNS } from './import-commit.repo.ts';

/** How many errors the job row keeps (the errors.xlsx has all of them). */
export const FIRST_ERRORS = 100;

/**
 * Paths of the files a job keeps beside the upload: the staging CSV (every valid row, in COPY format), the
 * 户编号 of households left out although some of their rows are valid (one per line), and the error files.
 */
export function jobFiles(filePath: string): { stage: string; excluded: string; errorsLog: string; errorsXlsx: string } {
  return { stage: `${filePath}.stage.csv`, excluded: `${filePath}.excluded.txt`, errorsLog: `${filePath}.errors.ndjson`, errorsXlsx: `${filePath}.errors.xlsx` };
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

/** What validation needs besides the file: the importer's region and the current dictionaries. */
export type ValidationContext = { scopePrefix: string; dictionaries: Dictionary[] };

/** Per household: how many rows, how many valid, whether it is left out, its first row numbers (for the summary). */
type HouseholdTally = { rows: number; valid: number; bad: boolean; firstRows: number[] };

function quoted(s: string): string {
  return `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
}

function opt(s: string | null): string {
  return s === null ? '' : quoted(s);
}

/** One COPY csv line of the staging table (column order {@link STAGE_COLUMNS}); dictionary codes are plain ASCII. */
function stageLine(r: ImportPersonRow): string {
  return `${r.rowNumber},${quoted(r.householdNo)},${r.regionCode},${r.householdType},${r.monitoringType ?? ''},"{${r.riskTypes.join(',')}}",${
    r.liftedYear ?? ''},${opt(r.address)},${r.idNumber},${quoted(r.name)},${r.gender},${r.birthDate},${r.relation},${r.isHead ? 't' : 'f'},${
    r.laborCapacity ?? ''},${r.healthStatus ?? ''},${r.education ?? ''},${r.employmentStatus ?? ''},${opt(r.phone)}\n`;
}

/** The 户编号 a row belongs to, read as the domain reads it (so refused rows join their household). */
function householdKey(raw: Record<string, unknown>): string {
  const r = cellToDigitText(raw.householdNo);
  return r.ok ? r.text : cellToText(raw.householdNo);
}

function write(out: WriteStream, s: string): Promise<void> | undefined {
  if (out.write(s)) return undefined;
  return new Promise<void>((r) => out.once('drain', () => r()));
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function toCellError(i: Issue): CellError {
  return { row: i.row ?? 0, column: i.path, value: cellToText(i.value), messageZh: i.messageZh, messageEn: i.messageEn };
}

/**
 * Reads the file once, in batches: maps columns, fills merged household cells down, checks every row with the
 * domain's `checkImportRow` (synchronously, no await per row) and the households with its incremental group
 * checker, and writes (1) an NDJSON log of every bad cell and its errors.xlsx, (2) the staging CSV of every valid
 * row and (3) the 户编号 of households left out whole. Memory holds a small tally per household and the ID numbers
 * seen, never the rows.
 * @param onProgress called after each batch with the rows processed so far
 */
export async function validateImportFile(
  db: DbHandle,
  job: { id: number; filePath: string; kind: ImportFileKind },
  mapping: Record<string, string>,
  vctx: ValidationContext,
  onProgress: (processed: number) => Promise<void>,
): Promise<ValidationSummary> {
  const t0 = Date.now();
  const files = jobFiles(job.filePath);
  const regionRows = await db.query<{ code: string }>('SELECT code FROM regions WHERE code LIKE $1', [`${vctx.scopePrefix}%`]);
  const regions = new Set(regionRows.map((r) => r.code));
  const ctx: ImportRowContext = { dictionaries: vctx.dictionaries, isKnownRegion: (code) => regions.has(code), today: new Date().toISOString().slice(0, 10) };
  const errors = openErrorLog(files.errorsLog);
  const stage = createWriteStream(files.stage, 'utf8');
  const groups = createHouseholdGroupChecker();
  const households = new Map<string, HouseholdTally>();
  const firstErrors: CellError[] = [];
  let errorCount = 0;
  let totalRows = 0;
  let rowsWithErrors = 0;
  let columns: [field: string, col: number][] = [];
  let prev: Record<string, unknown> | null = null;
  const logIssue = (i: Issue) => {
    const e = toCellError(i);
    errorCount++;
    if (firstErrors.length < FIRST_ERRORS) firstErrors.push(e);
    errors.write(e);
  };

  const batches = readDataRows(job.filePath, job.kind, isImportHeader, (info) => {
    const index = new Map(info.headers.map((h, i) => [h, i]));
    columns = Object.entries(mapping).flatMap(([field, header]) => {
      const col = index.get(header);
      return col === undefined ? [] : [[field, col] as [string, number]];
    });
  });
  try {
    for await (const batch of batches) {
      let lines = '';
      for (const row of batch) {
        totalRows++;
        const raw: Record<string, unknown> = {};
        for (const [field, col] of columns) raw[field] = row.values[col];
        fillDownHouseholdCells(raw, prev);
        prev = raw;
        const { value, issues } = checkImportRow(raw, row.rowNumber, ctx);
        const key = value ? value.householdNo : householdKey(raw);
        let tally = households.get(key);
        if (!tally) households.set(key, (tally = { rows: 0, valid: 0, bad: false, firstRows: [] }));
        tally.rows++;
        if (tally.firstRows.length < 20) tally.firstRows.push(row.rowNumber);
        if (value) {
          tally.valid++;
          groups.add(value);
          lines += stageLine(value);
        } else {
          rowsWithErrors++;
          tally.bad = true;
          groups.addRejected(key);
          for (const i of issues) logIssue(i);
        }
      }
      await write(stage, lines);
      reportProgress(job.id, totalRows);
      await onProgress(totalRows);
    }
  } finally {
    await closeStream(stage);
  }

  // household-level problems: no head, several heads, household columns that differ, an ID number twice
  for (const { householdNo, issue } of groups.finish()) {
    const tally = households.get(householdNo);
    if (tally) tally.bad = true;
    logIssue(issue);
  }
  await errors.close();

  const excludedHouseholds: ValidationSummary['excludedHouseholds'] = [];
  let goodHouseholds = 0;
  let goodRows = 0;
  let excludedList = '';
  for (const [no, t] of households) {
    if (!t.bad) {
      goodHouseholds++;
      goodRows += t.valid;
      continue;
    }
    if (t.valid > 0) excludedList += `${no}\n`;
    if (excludedHouseholds.length < FIRST_ERRORS) {
      excludedHouseholds.push({
        householdNo: no, rows: t.firstRows,
        messageZh: `户 ${no || '（无户编号）'} 有错误行，整户（${t.rows} 行）不导入`,
        messageEn: `household ${no || '(no number)'} has bad rows; the whole household (${t.rows} rows) is not imported`,
      });
    }
  }
  const excludedOut = createWriteStream(files.excluded, 'utf8');
  await write(excludedOut, excludedList);
  await closeStream(excludedOut);
  await writeErrorsWorkbook(files.errorsLog, `${files.errorsXlsx}.tmp`);
  await rename(`${files.errorsXlsx}.tmp`, files.errorsXlsx);
  return {
    totalRows,
    goodRows,
    badRows: rowsWithErrors,
    excludedRows: totalRows - goodRows - rowsWithErrors,
    households: { total: households.size, good: goodHouseholds, excluded: households.size - goodHouseholds },
    excludedHouseholds,
    firstErrors,
    errorCount,
    ms: Date.now() - t0,
  };
}
