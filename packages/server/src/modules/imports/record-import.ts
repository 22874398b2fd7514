import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import { AppError, isAppError, type Issue } from '@chanbang/domain';
import type { Config } from '../../config.ts';
import { detectFileKind, readDataRows, type FileHeaderInfo } from './import-file.reader.ts';
import { ensurePrivateDir, importDir, privateWriteStream, removeFiles } from './import-files.ts';
import { limitError, type ImportLimits } from './import-limits.ts';

/**
 * The generic part of a small, synchronous, all-or-nothing record import (issue 7: entities, projects …):
 * receive the upload into the private import folder (counted against the upload limit, removed afterwards),
 * read it only through `readDataRows` with the limits, map the header (aliases, a trailing `*` or （必填）
 * ignored) to column keys, and hand back the rows by key with the column as the file names it. The caller's
 * domain checks turn rows into `Issue`s (`readCheckedFile` does both); `rowIssuesError` is the 422 that says nothing
 * was written. The routes (template, multipart upload) are `record-import.routes.ts`.
 */

/** One column of a record file. */
export type RecordColumn<K extends string = string> = {
  key: K;
  /** header in our template */
  header: string;
  /** other headers accepted for the column (local sheets) */
  aliases?: readonly string[];
  /** the header must be present (the file is refused without it) */
  required?: boolean;
  /** a note for the template's 填表说明 */
  note?: string;
  /** template column width in characters */
  width?: number;
};

/** One data row: its row number as the spreadsheet shows it and its cells (raw values) by column key. */
export type RecordRow<K extends string = string> = { row: number; cells: Partial<Record<K, unknown>> };

/** What a file holds: its rows and, per key, the column as the file names it (for row issues). */
export type RecordFile<K extends string = string> = { rows: RecordRow<K>[]; columnNames: Partial<Record<K, string>> };

/** A header cell as compared: no spaces, no required mark (`*`, （必填）). */
export function normaliseHeader(h: string): string {
  return h
    .replace(/\s+/g, '')
    .replace(/[（(]必填[)）]$/, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '');
}

function keyOfHeader<K extends string>(columns: readonly RecordColumn<K>[]): Map<string, K> {
  const m = new Map<string, K>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) m.set(normaliseHeader(h), c.key);
  return m;
}

function rejected(messageZh: string, messageEn: string, details?: Record<string, unknown>): AppError {
  return new AppError('IMPORT_REJECTED', messageEn, { issues: [{ path: 'file', messageZh, messageEn }], messageZh, messageEn, ...details });
}

/**
 * Reads a record file (.xlsx or .csv, detected from the bytes): the header row is the first row (below titles)
 * holding every required column. Rows keep the file's row numbers; blank rows are dropped by the reader.
 * @throws AppError IMPORT_REJECTED (422) for a file without the required columns, over a limit, or unreadable
 */
export async function readRecordFile<K extends string>(path: string, columns: readonly RecordColumn<K>[], limits: ImportLimits): Promise<RecordFile<K>> {
  const keys = keyOfHeader(columns);
  const required = columns.filter((c) => c.required);
  const isHeader = (cells: string[]) => {
    const found = new Set(cells.map((h) => keys.get(normaliseHeader(h))).filter((k) => k !== undefined));
    return required.every((c) => found.has(c.key)) && found.size >= Math.min(2, columns.length);
  };
  const missingZh = required.map((c) => `“${c.header}”`).join('、');
  const missingEn = required.map((c) => c.header).join(', ');
  const noHeader = () =>
    rejected(`找不到表头：文件须有 ${missingZh} 列（请使用导入模板）`, `No header row found: the file needs the columns ${missingEn} (use the import template)`);
  let header: FileHeaderInfo | null = null;
  const rows: RecordRow<K>[] = [];
  let index: { key: K; col: number }[] | null = null;
  const columnNames: Partial<Record<K, string>> = {};
  try {
    const kind = await detectFileKind(path);
    for await (const batch of readDataRows(path, kind, isHeader, (info) => (header = info), limits)) {
      if (!index) {
        index = [];
        const hs = (header as FileHeaderInfo | null)?.headers ?? [];
        hs.forEach((h, col) => {
          const key = keys.get(normaliseHeader(h));
          // the first column of a name wins; a repeated column is ignored
          if (key !== undefined && columnNames[key] === undefined) {
            columnNames[key] = normaliseHeader(h);
            index!.push({ key, col });
          }
        });
      }
      for (const r of batch) {
        const cells: Partial<Record<K, unknown>> = {};
        for (const { key, col } of index) cells[key] = r.values[col] ?? null;
        rows.push({ row: r.rowNumber, cells });
      }
    }
  } catch (err) {
    if (isAppError(err) && err.details?.limit) throw err;
    if (isAppError(err) && (err.code === 'VALIDATION_FAILED' || err.code === 'IMPORT_REJECTED')) {
      if (!header) throw noHeader();
      throw new AppError('IMPORT_REJECTED', err.message, err.details);
    }
    throw err;
  }
  if (!header) throw noHeader();
  for (const c of columns) columnNames[c.key] ??= c.header;
  return { rows, columnNames };
}

/**
 * Stores an upload as a private file in the import folder (0700/0600), counting its bytes against
 * `maxUploadBytes`, runs `use(path)` and removes the file whatever happens.
 * @throws AppError IMPORT_REJECTED for a file over the upload limit
 */
export async function withUploadedFile<T>(config: Config, stream: Readable, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await ensurePrivateDir(importDir(config.dataDir));
  const path = join(dir, `record-${Date.now()}-${randomBytes(6).toString('hex')}.upload`);
  const max = config.importLimits.maxUploadBytes;
  let bytes = 0;
  try {
    try {
      await pipeline(
        stream,
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            bytes += chunk.length;
            cb(bytes > max ? limitError('uploadBytes', bytes, max) : null, chunk);
          },
        }),
        privateWriteStream(path),
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw limitError('uploadBytes', bytes, max);
      throw err;
    }
    if ((stream as { truncated?: boolean }).truncated) throw limitError('uploadBytes', bytes, max);
    return await use(path);
  } finally {
    await removeFiles([path]);
  }
}

/**
 * The multipart file of a request (field `file`).
 * @throws AppError VALIDATION_FAILED (400) naming `file` when the request is not multipart or holds no file
 */
export async function multipartFile(req: FastifyRequest): Promise<Readable> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', 'multipart/form-data with a file field is required', {
      issues: [{ path: 'file', messageZh: '请以 multipart/form-data 上传文件（字段名 file）', messageEn: 'Upload the file as multipart/form-data (field "file")' }],
    });
  }
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION_FAILED', 'no file', { issues: [{ path: 'file', messageZh: '没有收到文件', messageEn: 'No file was received' }] });
  return file.file;
}

/** A file's rows after the domain's row check, with what the caller needs to add its database checks. */
export type CheckedRecordFile<K extends string, R> = {
  /** rows the domain accepted, with their row numbers */
  checked: { row: number; record: R }[];
  /** every issue so far (the domain's, a file without data rows); the caller adds its own, then `rowIssuesError` */
  issues: Issue[];
  /** the column as the file names it */
  col: (key: K) => string;
  /** adds an issue naming the row, the column as the file names it and the field */
  add: (row: number, key: K, value: unknown, messageZh: string, messageEn: string) => void;
};

/**
 * The common first half of a record import: the upload stored privately and read with the limits
 * (`withUploadedFile`, `readRecordFile`), each row through the domain's check (`check<X>ImportRow`), and an issue
 * for a file without data rows.
 * @throws AppError IMPORT_REJECTED for a file over a limit, unreadable or without the required columns
 */
export async function readCheckedFile<K extends string, R>(
  config: Config,
  stream: Readable,
  columns: readonly RecordColumn<K>[],
  checkRow: (row: number, cells: Partial<Record<K, unknown>>, col: (key: K) => string) => { record: R | null; issues: Issue[] },
): Promise<CheckedRecordFile<K, R>> {
  const file = await withUploadedFile(config, stream, (path) => readRecordFile(path, columns, config.importLimits));
  const col = (k: K) => file.columnNames[k] ?? k;
  const issues: Issue[] = [];
  const checked: { row: number; record: R }[] = [];
  for (const r of file.rows) {
    const res = checkRow(r.row, r.cells, col);
    issues.push(...res.issues);
    if (res.record) checked.push({ row: r.row, record: res.record });
  }
  if (!file.rows.length) issues.push({ path: 'file', messageZh: '文件中没有数据行', messageEn: 'The file has no data rows' });
  const add = (row: number, key: K, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: col(key), field: key, value, messageZh, messageEn });
  return { checked, issues, col, add };
}

/** The 422 of a file with row errors: every issue (row, column as the file names it, zh/en), nothing written. */
export function rowIssuesError(issues: Issue[]): AppError {
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return new AppError('IMPORT_REJECTED', `${sorted.length} row error(s); nothing was imported`, {
    issues: sorted,
    messageZh: `文件中有 ${sorted.length} 处错误，未导入任何记录；请按提示修改后重新上传`,
    messageEn: `The file has ${sorted.length} error(s); nothing was imported. Correct them and upload again`,
  });
}

/**
 * An import template: a data sheet whose header row is the columns' headers (required ones marked `*`, text
 * format so codes keep their digits), optional example rows, and a 填表说明 sheet with the columns' notes.
 */
export async function recordTemplate(sheetName: string, columns: readonly RecordColumn[], examples: readonly (readonly string[])[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const e of examples) ws.addRow([...e]);
  const notes = wb.addWorksheet('填表说明');
  notes.columns = [
    { header: '列名', width: 20 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? '必填' : '选填', c.note ?? '']);
  if (examples.length) notes.addRow(['', '', '示例行仅供参考，导入前请删除']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
