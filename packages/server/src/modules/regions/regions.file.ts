import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, cellToDigitText, cellToText, isAppError, type RegionChangeReport } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { detectFileKind, readDataRows, type FileHeaderInfo } from '../imports/import-file.reader.ts';
import { privateWriteStream } from '../imports/import-files.ts';
import { DEFAULT_IMPORT_LIMITS, limitError, type ImportLimits } from '../imports/import-limits.ts';
import { applyRegionList, rejectList, type RegionListRow } from './regions.list.service.ts';

// The statistics bureau's table (统计用区划代码和城乡划分代码): 统计用区划代码 | 城乡分类代码 | 名称, under a title row.
const CODE_HEADERS = ['统计用区划代码', '代码', '区划代码', '行政区划代码'];
const NAME_HEADERS = ['名称', '区划名称', '单位名称'];
const URBAN_RURAL_HEADERS = ['城乡分类代码', '城乡分类'];
const KNOWN = new Set([...CODE_HEADERS, ...NAME_HEADERS, ...URBAN_RURAL_HEADERS]);

/** The header test of the import reader: a row with a code and a name column (or, per cell, a known header). */
const isHeader = (x: string | string[]) => (Array.isArray(x) ? x.some((h) => CODE_HEADERS.includes(h)) && x.some((h) => NAME_HEADERS.includes(h)) : KNOWN.has(x));

const NO_HEADER_ZH = '找不到表头：区划表需要“统计用区划代码”（或“代码”）和“名称”两列，可选“城乡分类代码”';
const NO_HEADER_EN = 'No header row found: a region list needs the columns 统计用区划代码 (or 代码) and 名称, optionally 城乡分类代码';

/**
 * Reads a region list file (.xlsx or .csv, detected from the bytes) into rows: the header is found below any
 * title rows; every cell is read as text (a code stored as a number is refused when it has lost digits).
 * @throws AppError IMPORT_REJECTED (422) for a file without the code and name columns or that cannot be read
 */
export async function readRegionListFile(path: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<RegionListRow[]> {
  let kind;
  try {
    kind = await detectFileKind(path);
  } catch (err) {
    throw asRejected(err);
  }
  let header: FileHeaderInfo | null = null;
  let cols: { code: number; name: number; urc: number } | null = null;
  const out: RegionListRow[] = [];
  try {
    for await (const batch of readDataRows(path, kind, isHeader as never, (info) => (header = info), limits)) {
      if (!cols) {
        const hs = (header as FileHeaderInfo | null)?.headers ?? [];
        const find = (names: string[]) => hs.findIndex((h) => names.includes(h));
        cols = { code: find(CODE_HEADERS), name: find(NAME_HEADERS), urc: find(URBAN_RURAL_HEADERS) };
        if (cols.code < 0 || cols.name < 0) throw rejectList(NO_HEADER_ZH, NO_HEADER_EN, { headers: hs });
      }
      for (const r of batch) {
        const code = cellToDigitText(r.values[cols.code]);
        const name = cellToText(r.values[cols.name]);
        const urc = cols.urc >= 0 ? cellToText(r.values[cols.urc]) : '';
        if (!code.ok) out.push({ row: r.rowNumber, code: cellToText(r.values[cols.code]), name, problem: code });
        else out.push({ row: r.rowNumber, code: code.text, name, urbanRuralCode: /^\d{3}$/.test(urc) ? urc : null });
      }
    }
  } catch (err) {
    // a file over an import limit is refused as such, header or not
    if (isAppError(err) && err.details?.limit) throw err;
    if (!header) throw rejectList(NO_HEADER_ZH, NO_HEADER_EN);
    throw asRejected(err);
  }
  if (!header) throw rejectList(NO_HEADER_ZH, NO_HEADER_EN);
  if (!cols) {
    const hs = (header as FileHeaderInfo).headers;
    if (!hs.some((h) => CODE_HEADERS.includes(h)) || !hs.some((h) => NAME_HEADERS.includes(h))) throw rejectList(NO_HEADER_ZH, NO_HEADER_EN, { headers: hs });
  }
  return out;
}

function asRejected(err: unknown): unknown {
  if (isAppError(err) && err.code === 'VALIDATION_FAILED') return new AppError('IMPORT_REJECTED', err.message, err.details);
  return err;
}

/**
 * `POST /api/v1/regions/import`: stores the upload in a temporary file, reads it and applies it to the admin's county.
 * @throws AppError FORBIDDEN unless admin; IMPORT_REJECTED for an unreadable file
 */
export async function importRegionFile(deps: Deps, actor: Actor, stream: Readable): Promise<RegionChangeReport> {
  assertAdmin(actor);
  const dir = await mkdtemp(join(tmpdir(), 'cb-regions-'));
  try {
    const path = join(dir, 'upload');
    const limits = deps.config.importLimits;
    let bytes = 0;
    try {
      await pipeline(
        stream,
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            bytes += chunk.length;
            cb(bytes > limits.maxUploadBytes ? limitError('uploadBytes', bytes, limits.maxUploadBytes) : null, chunk);
          },
        }),
        privateWriteStream(path),
      );
    } catch (err) {
      // the multipart parser cut the file at its limit
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw limitError('uploadBytes', bytes, bytes);
      throw err;
    }
    const rows = await readRegionListFile(path, limits);
    return await applyRegionList(deps, actor, rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
