import type { WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { DbHandle } from '@chanbang/db';
import {
  cellToDigitText,
  cellToText,
  checkImportRow,
  createHouseholdGroupChecker,
  createPlaceResolver,
  fillDownHouseholdCells,
  isHeaderRow,
  resolveDictCode,
  DICT,
  DICTIONARIES,
  findDictionary,
  maskIdNumber,
  maskPhone,
  type Dictionary,
  type ImportOptions,
  type ImportPersonRow,
  type ImportRowContext,
  type Issue,
} from '@chanbang/domain';
import { openErrorLog, writeErrorsWorkbook, type CellError, type ExcludedHousehold } from './import-errors.writer.ts';
import { readDataRows, type ImportFileKind } from './import-file.reader.ts';
import { privateWriteStream } from './import-files.ts';
import type { ImportLimits } from './import-limits.ts';
import { reportProgress } from './import-progress.ts';
import { listNamedRegions, listRegionCodesUnder } from '../regions/regions.repo.ts';

/** How many errors the job row keeps (the errors.xlsx has all of them). */
export const FIRST_ERRORS = 100;

/**
 * Paths of the files a job keeps beside the upload: the staging CSV (every valid row, in COPY format), the
 * 户编号 of households left out although some of their rows are valid (one per line), and the error files.
 */
export function jobFiles(filePath: string): { stage: string; excluded: string; excludedLog: string; errorsLog: string; errorsXlsx: string } {
  return {
    stage: `${filePath}.stage.csv`,
    excluded: `${filePath}.excluded.txt`,
    excludedLog: `${filePath}.excluded.ndjson`,
    errorsLog: `${filePath}.errors.ndjson`,
    errorsXlsx: `${filePath}.errors.xlsx`,
  };
}

/** What validation found. */
export type ValidationSummary = {
  totalRows: number;
  goodRows: number;
  /** rows with at least one bad cell */
  badRows: number;
  /** good rows left out because another row of their household is bad */
  excludedRows: number;
  /** imported rows with a warning (出生日期 disagrees with the ID number) */
  warningRows: number;
  households: { total: number; good: number; excluded: number };
  /** households whose good rows are left out because another of their rows is bad (first 100; errors.xlsx has all) */
  excludedHouseholds: ExcludedHousehold[];
  firstErrors: CellError[];
  /** first warnings (errors.xlsx has all, marked 警告) */
  firstWarnings: CellError[];
  errorCount: number;
  ms: number;
};

/** What validation needs besides the file: the importer's region and the current dictionaries. */
/** `pii`: whether the importing role sees full ID numbers and phones (else the error lists and errors.xlsx mask them). */
/** `limits`: the configured import limits (default: the CHANBANG_IMPORT_* defaults). */
export type ValidationContext = { scopePrefix: string; dictionaries: Dictionary[]; options: ImportOptions; pii: boolean; limits?: ImportLimits };

/** Per household: rows, valid rows, whether it is left out, its head's name and first good / bad row numbers. */
type HouseholdTally = { rows: number; valid: number; bad: boolean; headName: string; goodRows: number[]; badRows: number[] };

const ROW_LIST_MAX = 50;

function quoted(s: string): string {
  return `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
}

function opt(s: string | null): string {
  return s === null ? '' : quoted(s);
}

/** One COPY csv line of the staging table (column order: `STAGE_COLUMNS` in import-commit.repo.ts); dictionary codes are plain ASCII. */
const bool = (b: boolean | null) => (b === null ? '' : b ? 't' : 'f');

function stageLine(r: ImportPersonRow): string {
  return `${r.rowNumber},${quoted(r.householdNo)},${r.regionCode},${r.householdType},${r.monitoringType ?? ''},"{${r.riskTypes.join(',')}}",${
    r.liftedYear ?? ''
  },${opt(r.address)},${quoted(r.idNumber)},${quoted(r.name)},${r.gender},${r.birthDate},${r.relation},${r.isHead ? 't' : 'f'},${
    r.laborCapacity ?? ''
  },${r.healthStatus ?? ''},${r.education ?? ''},${r.employmentStatus ?? ''},${opt(r.phone)},${bool(r.isLifted)},${
    r.liftedCategory ?? ''
  },${r.monitoringStatus},${r.monitoringSince ?? ''},${r.eliminatedAt ?? ''},${r.eliminationMethod ?? ''},${bool(r.housingSecure)},${bool(
    r.waterSecure,
  )},${bool(r.educationSecure)},${bool(r.medicalSecure)},${r.incomeYear ?? ''},${r.income ? quoted(JSON.stringify(r.income)) : ''},${quoted(
    JSON.stringify(r.measures),
  )},${r.idType},${opt(r.personNo)},${r.ethnicity ?? ''},${r.schoolStatus ?? ''},${r.workMonths ?? ''},${
    r.disabilityType ?? ''
  },${r.disabilityGrade ?? ''},"{${r.healthStatuses.join(',')}}"\n`;
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

/**
 * A cell error as the user reads it: the column is named by the file's own header (劳动技能, not our 劳动能力), so it
 * can be found in the file; our label when the field has no column (e.g. a missing 户类型). The one place the
 * error list and errors.xlsx get their values: an ID number or phone cell is masked unless `pii` (issue 6 §1).
 */
function toCellError(i: Issue, level: CellError['level'], mapping: Readonly<Record<string, string>>, pii: boolean): CellError {
  const column = (i.field ? mapping[i.field] : undefined) ?? i.path;
  let value = cellToText(i.value);
  if (!pii && (i.field === 'idNumber' || i.path === 'idNumber')) value = maskIdNumber(value);
  else if (!pii && (i.field === 'phone' || i.path === 'phone')) value = maskPhone(value);
  return { row: i.row ?? 0, column, value, messageZh: i.messageZh, messageEn: i.messageEn, level };
}

/** The 与户主关系 cell of a refused row names the head (so an excluded household is named by its head). */
function isHeadCell(v: unknown): boolean {
  const items = findDictionary(DICT.relation, DICTIONARIES)?.items ?? [];
  const code = resolveDictCode(items, cellToText(v));
  return items.find((i) => i.code === code)?.attrs?.isHead === true;
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
  const regions = new Set(await listRegionCodesUnder(db, vctx.scopePrefix));
  const ctx: ImportRowContext = {
    dictionaries: vctx.dictionaries,
    isKnownRegion: (code) => regions.has(code),
    today: new Date().toISOString().slice(0, 10),
    resolvePlace: createPlaceResolver(await listNamedRegions(db, vctx.scopePrefix), vctx.scopePrefix),
    options: vctx.options,
  };
  const errors = openErrorLog(files.errorsLog);
  const stage = privateWriteStream(files.stage, 'utf8');
  const groups = createHouseholdGroupChecker();
  const households = new Map<string, HouseholdTally>();
  const firstErrors: CellError[] = [];
  const firstWarnings: CellError[] = [];
  let warningRows = 0;
  let errorCount = 0;
  let totalRows = 0;
  let rowsWithErrors = 0;
  let columns: [field: string, col: number][] = [];
  let prev: Record<string, unknown> | null = null;
  const logIssue = (i: Issue) => {
    const e = toCellError(i, 'error', mapping, vctx.pii);
    errorCount++;
    if (firstErrors.length < FIRST_ERRORS) firstErrors.push(e);
    errors.write(e);
  };

  const logWarning = (i: Issue) => {
    const e = toCellError(i, 'warning', mapping, vctx.pii);
    if (firstWarnings.length < FIRST_ERRORS) firstWarnings.push(e);
    errors.write(e);
  };

  const batches = readDataRows(
    job.filePath,
    job.kind,
    isHeaderRow,
    (info) => {
      // a repeated header (the "风险消除后" income group) means its first column
      const index = new Map<string, number>();
      info.headers.forEach((h, i) => {
        if (!index.has(h)) index.set(h, i);
      });
      columns = Object.entries(mapping).flatMap(([field, header]) => {
        const col = index.get(header);
        return col === undefined ? [] : [[field, col] as [string, number]];
      });
    },
    vctx.limits,
  );
  try {
    for await (const batch of batches) {
      let lines = '';
      for (const row of batch) {
        totalRows++;
        const raw: Record<string, unknown> = {};
        for (const [field, col] of columns) raw[field] = row.values[col];
        fillDownHouseholdCells(raw, prev);
        prev = raw;
        const { value, issues, warnings } = checkImportRow(raw, row.rowNumber, ctx);
        const key = value ? value.householdNo : householdKey(raw);
        let tally = households.get(key);
        if (!tally) households.set(key, (tally = { rows: 0, valid: 0, bad: false, headName: '', goodRows: [], badRows: [] }));
        tally.rows++;
        if (tally.headName === '' && (value ? value.isHead : isHeadCell(raw.relation))) tally.headName = value ? value.name : cellToText(raw.name);
        if (value) {
          tally.valid++;
          if (tally.goodRows.length < ROW_LIST_MAX) tally.goodRows.push(row.rowNumber);
          groups.add(value);
          lines += stageLine(value);
          if (warnings.length) warningRows++;
          for (const w of warnings) logWarning(w);
        } else {
          rowsWithErrors++;
          tally.bad = true;
          if (tally.badRows.length < ROW_LIST_MAX) tally.badRows.push(row.rowNumber);
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
    if (tally) {
      tally.bad = true;
      const at = tally.goodRows.indexOf(issue.row ?? -1);
      // a row refused by a household rule (two 户主, an ID twice) is a bad row, not an excluded one
      if (at >= 0) {
        tally.goodRows.splice(at, 1);
        tally.valid--;
        rowsWithErrors++;
        if (!tally.badRows.includes(issue.row ?? -1) && tally.badRows.length < ROW_LIST_MAX) tally.badRows.push(issue.row ?? 0);
      }
    }
    logIssue(issue);
  }
  await errors.close();

  const excludedHouseholds: ExcludedHousehold[] = [];
  let goodHouseholds = 0;
  let goodRows = 0;
  let excludedList = '';
  const excludedLog = openErrorLog<ExcludedHousehold>(files.excludedLog);
  for (const [no, t] of households) {
    if (!t.bad) {
      goodHouseholds++;
      goodRows += t.valid;
      continue;
    }
    if (t.valid > 0) excludedList += `${no}\n`;
    if (t.valid <= 0) continue;
    const head = t.headName || '（未知）';
    const bad = t.badRows.join('、');
    const x: ExcludedHousehold = {
      householdNo: no,
      headName: t.headName || null,
      rows: t.goodRows,
      badRows: t.badRows,
      reasonZh: `户编号 ${no || '（空）'}（户主 ${head}）第 ${bad} 行有错误，同户其余 ${t.valid} 行未导入；改正后重新导入整户`,
      reasonEn: `household ${no || '(blank)'} (head ${t.headName || 'unknown'}) has errors on row(s) ${t.badRows.join(', ')}; its other ${t.valid} row(s) were not imported; fix and import the household again`,
    };
    excludedLog.write(x);
    if (excludedHouseholds.length < FIRST_ERRORS) excludedHouseholds.push(x);
  }
  await excludedLog.close();
  const excludedOut = privateWriteStream(files.excluded, 'utf8');
  await write(excludedOut, excludedList);
  await closeStream(excludedOut);
  await writeErrorsWorkbook(files.errorsLog, `${files.errorsXlsx}.tmp`, files.excludedLog);
  await rename(`${files.errorsXlsx}.tmp`, files.errorsXlsx);
  return {
    totalRows,
    goodRows,
    badRows: rowsWithErrors,
    excludedRows: totalRows - goodRows - rowsWithErrors,
    warningRows,
    households: { total: households.size, good: goodHouseholds, excluded: households.size - goodHouseholds },
    excludedHouseholds,
    firstErrors,
    firstWarnings,
    errorCount,
    ms: Date.now() - t0,
  };
}
