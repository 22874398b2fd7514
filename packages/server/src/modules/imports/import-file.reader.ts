import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Row as ExcelRow } from 'exceljs';
import { createCsvLineReader } from './csv-lines.reader.ts';
import { ExcelJS } from './exceljs-utf8.ts';
import { DEFAULT_IMPORT_LIMITS, guardSharedStrings, inspectXlsx, limitError, type ImportLimits } from './import-limits.ts';
import { armZipGuard, disarmZipGuard } from './zip-entry-guard.ts';
import { AppError, cellToText, isImportHeader, mergeSubHeader } from '@chanbang/domain';

/** The kinds of upload we read. Detected from the bytes, never from the file name. */
export type ImportFileKind = 'xlsx' | 'csv';

/**
 * A data row: 1-based row number as the user sees it in the spreadsheet, and the cells by column index as the
 * file stored them (string, number, boolean, Date or null): the domain's cell readers decide what they mean
 * (an ID number stored as a number has lost digits).
 */
export type SourceRow = { rowNumber: number; values: unknown[] };

/** What the first look at a file finds: the sheet, its header row and where the data starts. */
export type FileHeaderInfo = { kind: ImportFileKind; sheetName: string | null; headers: string[]; headerRow: number };

function reject(messageZh: string, messageEn: string, extra?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', messageEn, { issues: [{ path: 'file', messageZh, messageEn }], messageZh, messageEn, ...extra });
}

/**
 * Detects xlsx (a zip holding `xl/workbook.xml`) or CSV (text without NUL bytes) from the first bytes.
 * @throws AppError IMPORT_REJECTED for empty files, old .xls, other zips and binary files (images …)
 */
export async function detectFileKind(path: string): Promise<ImportFileKind> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) throw reject('文件为空', 'The file is empty');
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await fh.read(head, 0, head.length, 0);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      // The central directory is at the end; the entry names are also in the local headers near the start.
      const tail = Buffer.alloc(Math.min(size, 256 * 1024));
      await fh.read(tail, 0, tail.length, Math.max(0, size - tail.length));
      if (head.includes('xl/') || tail.includes('xl/workbook.xml')) return 'xlsx';
      throw reject('文件是压缩包但不是 Excel 工作簿 (.xlsx)', 'The file is a zip archive but not an Excel workbook (.xlsx)');
    }
    if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      throw reject('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后上传', 'Old .xls files are not supported: save as .xlsx in Excel and upload again');
    }
    if (head.includes(0)) {
      throw reject('无法识别的文件类型：请上传 .xlsx 或 .csv 文件', 'Unrecognised file type: upload an .xlsx or .csv file');
    }
    return 'csv';
  } finally {
    await fh.close();
  }
}

/** Turns an exceljs cell value (formula, rich text, hyperlink, error …) into a plain value (string, number, boolean, Date or null). */
export function toSourceValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : toSourceValue(v.result);
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if (typeof v.error === 'string') return v.error;
  if (v.text !== undefined) return toSourceValue(v.text);
  return String(value);
}

async function sniffCsvEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const sample = buf.subarray(0, bytesRead);
    try {
      // stream: a multi-byte character cut at the end of a full sample is held back, not judged (a fixed
      // trim of n bytes can land inside the previous character and turn a UTF-8 file into 'GB18030')
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: bytesRead === buf.length });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await fh.close();
  }
}

/** Rows per batch handed to the caller: one await per batch, not per row. */
const BATCH = 2_000;

async function* csvRows(path: string): AsyncGenerator<SourceRow[]> {
  const encoding = await sniffCsvEncoding(path);
  const gb = encoding === 'gb18030' ? new TextDecoder('gb18030') : null;
  // 0x0A never occurs inside a UTF-8 or GB18030 multi-byte character: split the bytes into lines, then decode
  const decode = (buf: Buffer, from: number, to: number) => (gb ? gb.decode(buf.subarray(from, to)) : buf.toString('utf8', from, to));
  const reader = createCsvLineReader();
  try {
    let carry: Buffer | null = null;
    let first = true;
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      const buf: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const lines: string[] = [];
      let start = 0;
      for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
        let line = decode(buf, start, nl);
        if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        first = false;
        lines.push(line);
        start = nl + 1;
      }
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
      const rows = reader.pushLines(lines);
      if (rows.length) yield rows;
    }
    const rows = carry ? reader.pushLines([decode(carry, 0, carry.length).replace(/^\uFEFF/, '')]) : [];
    rows.push(...reader.end());
    if (rows.length) yield rows;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw reject(`CSV 文件格式错误，无法解析：${msg}`, `The CSV file is malformed and cannot be parsed: ${msg}`);
  }
}

/** Lines of a file, a last one without a line break included (a CSV's row count for the refusal, in fixed memory). */
async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n++;
    if (chunk.length) last = chunk[chunk.length - 1] as number;
  }
  return last === 0x0a ? n : n + 1;
}

type SheetRows = { name: string; rows: AsyncGenerator<SourceRow[]> };

async function* xlsxSheets(path: string, limits: ImportLimits): AsyncGenerator<SheetRows> {
  // the zip's directory and the sheets' <dimension> first: a bomb is refused before anything is unpacked
  await inspectXlsx(path, limits, HEADER_SEARCH_ROWS);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  guardSharedStrings(reader, limits);
  // the zip parser is created inside the first next(): the guard armed just before it counts the inflated bytes
  const sheetsOf = reader[Symbol.asyncIterator]();
  const guard = armZipGuard(limits);
  const next = async () => {
    try {
      return await sheetsOf.next();
    } finally {
      disarmZipGuard();
    }
  };
  try {
    for (let it = await next(); !it.done; it = await sheetsOf.next()) {
      const ws = it.value;
      const sheet = ws as unknown as AsyncIterable<ExcelRow> & { name: string };
      async function* rows(): AsyncGenerator<SourceRow[]> {
        let batch: SourceRow[] = [];
        try {
          for await (const row of sheet) {
            const values = row.values as unknown[];
            const out: unknown[] = new Array(Math.max(0, values.length - 1));
            for (let c = 1; c < values.length; c++) out[c - 1] = toSourceValue(values[c]);
            batch.push({ rowNumber: row.number, values: out });
            if (batch.length >= BATCH) {
              yield batch;
              batch = [];
            }
          }
        } catch (err) {
          throw guard.error ?? err;
        }
        // a sheet the guard cut short ends without an error of its own: its rows are not all there
        if (guard.error) throw guard.error;
        if (batch.length) yield batch;
      }
      yield { name: sheet.name, rows: rows() };
    }
  } catch (err) {
    // a read stopped by the guard may fail in the XML parser first (the entry was cut): the limit is the reason
    if (guard.error) throw guard.error;
    if (err instanceof AppError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw reject(`Excel 文件已损坏或不是有效的 .xlsx：${msg}`, `The Excel file is damaged or not a valid .xlsx: ${msg}`);
  } finally {
    // reading stopped early (a limit, the header found, an error): close the file instead of leaving it paused
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
}

function isBlankRow(values: unknown[]): boolean {
  for (const v of values) if (cellToText(v) !== '') return false;
  return true;
}

/** Whether a row (its cells as text, spaces removed) is the header row. */
export type HeaderRowTest = (cells: string[]) => boolean;

/** National exports carry one or two title rows; local sheets a few more. */
const HEADER_SEARCH_ROWS = 20;

function headersOf(values: unknown[]): string[] {
  const out = Array.from(values, (v) => cellToText(v).replace(/\s+/g, ''));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Reads the file's rows, in batches, after finding the header row: within the first 20 non-blank rows of a sheet,
 * the first row that `isHeaderRow` accepts (title rows above it are skipped). In a workbook the first
 * sheet with such a row is used (a 填表说明 sheet or a chart sheet is passed over). Blank rows are dropped.
 * @param onHeader receives the header info before the first data row is yielded
 * @throws AppError VALIDATION_FAILED when no sheet has a header row
 */
export async function* readDataRows(
  path: string,
  kind: ImportFileKind,
  isHeaderRow: HeaderRowTest,
  onHeader: (info: FileHeaderInfo) => void,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): AsyncGenerator<SourceRow[]> {
  const sheets: AsyncGenerator<SheetRows> =
    kind === 'csv'
      ? (async function* () {
          yield { name: '', rows: csvRows(path) };
        })()
      : xlsxSheets(path, limits);
  const seen: string[] = [];
  // rows are counted as they stream and the reading stops at the limit: data rows, and every row read (blank
  // rows, title rows, sheets without a header) against a looser bound
  let dataRows = 0;
  let readRows = 0;
  const readCap = 2 * limits.maxRows + 1_000;
  const overLimit = async (header: FileHeaderInfo | null): Promise<AppError> => {
    if (kind === 'csv') {
      // a CSV's figure: its lines below the header, counted in fixed memory (quoted line breaks would add a few)
      const lines = await countLines(path);
      return limitError('rows', Math.max(dataRows, lines - (header?.headerRow ?? 0)), limits.maxRows);
    }
    return limitError('rows', dataRows, limits.maxRows, { atLeast: true });
  };
  for await (const sheet of sheets) {
    seen.push(sheet.name);
    let header: FileHeaderInfo | null = null;
    // the header is announced once the row below it is known (it may be a sub-header row, see mergeSubHeader)
    let announced = false;
    let looked = 0;
    for await (const batch of sheet.rows) {
      // Rows of a sheet without a header are read to its end: leaving a sheet early would stop the
      // streaming reader before the next sheet.
      const out: SourceRow[] = [];
      readRows += batch.length;
      if (readRows > readCap) throw await overLimit(header);
      for (const row of batch) {
        if (!header) {
          if (looked >= HEADER_SEARCH_ROWS || isBlankRow(row.values)) continue;
          looked++;
          const hs = headersOf(row.values);
          if (isHeaderRow(hs)) header = { kind, sheetName: kind === 'csv' ? null : sheet.name, headers: hs, headerRow: row.rowNumber };
          continue;
        }
        if (isBlankRow(row.values)) continue;
        if (!announced) {
          announced = true;
          const merged = mergeSubHeader(header.headers, headersOf(row.values), isImportHeader);
          if (merged) header = { ...header, headers: merged, headerRow: row.rowNumber };
          onHeader(header);
          if (merged) continue;
        }
        if (++dataRows > limits.maxRows) throw await overLimit(header);
        out.push(row);
      }
      if (out.length) yield out;
    }
    if (header) {
      if (!announced) onHeader(header);
      return;
    }
  }
  if (kind === 'csv') {
    throw reject(
      '在 CSV 文件的前 20 行中找不到表头（需要一行同时有“姓名”和“证件号码”，或至少三个可识别的列名）',
      'No header row found in the first 20 lines of the CSV file (a row with both 姓名 and 证件号码, or at least three known column names, is needed)',
    );
  }
  const names = seen.length ? seen.join('、') : '（无）';
  throw reject(
    `工作簿中没有找到包含表头的工作表（已检查：${names}）；请使用导入模板的第一个工作表`,
    `No worksheet with a header row was found (checked: ${seen.join(', ') || 'none'}); use the first sheet of the import template`,
    { sheets: seen },
  );
}
