import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AppError } from '@chanbang/domain';
import { loadConfig, type ImportLimits } from '../../config.ts';

export type { ImportLimits } from '../../config.ts';

/** The limits when the config sets none (CHANBANG_IMPORT_* defaults). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = loadConfig({}).importLimits;

/** An .xlsx holds a few dozen zip entries; more than this is not a workbook we read. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Bytes of the zip central directory read at most (10 000 entries with long names and extras fit). */
const MAX_CENTRAL_DIRECTORY_BYTES = 8 * 1024 * 1024;
/** Entries smaller than this are not judged by their compression ratio (tiny XML parts compress well). */
const RATIO_MIN_BYTES = 1024 * 1024;
/** How much of a worksheet (or sharedStrings.xml) is unpacked to find `<dimension>` (or `<sst uniqueCount>`). */
const HEAD_CHARS = 64 * 1024;
/** Excel keeps at most 32 767 characters in a cell; a run of text (or a tag) longer than this is not a workbook. */
export const MAX_XML_TEXT_RUN = 1_000_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Which limit a file went over. */
export type LimitName = 'rows' | 'uploadBytes' | 'unpackedBytes' | 'zipRatio' | 'zipEntries' | 'sharedStrings' | 'sharedStringChars' | 'xmlTextRun';

/**
 * The refusal of a file over a limit: IMPORT_REJECTED (422) worded in Chinese and English, naming the limit and the
 * file's figure; `atLeast` when reading stopped at the limit (the file has at least `actual`).
 */
export function limitError(limit: LimitName, actual: number, max: number, opts: { atLeast?: boolean; entry?: string } = {}): AppError {
  const at = opts.atLeast ?? false;
  const [zh, en] = ((): [string, string] => {
    switch (limit) {
      case 'rows':
        return at
          ? [
              `文件超过 ${fmt(max)} 行的上限（已读到第 ${fmt(actual)} 行数据），请分批导入`,
              `The file has more than the limit of ${fmt(max)} rows (read up to data row ${fmt(actual)}): split it and import it in parts`,
            ]
          : [
              `文件有 ${fmt(actual)} 行，超过上限 ${fmt(max)} 行，请分批导入`,
              `The file has ${fmt(actual)} rows, over the limit of ${fmt(max)} rows: split it and import it in parts`,
            ];
      case 'uploadBytes':
        return actual > max
          ? [`文件有 ${mb(actual)}，超过上限 ${mb(max)}，请分批导入`, `The file is ${mb(actual)}, over the limit of ${mb(max)}: split it and import it in parts`]
          : [`文件超过 ${mb(max)} 的上限，请分批导入`, `The file is larger than the limit of ${mb(max)}: split it and import it in parts`];
      case 'unpackedBytes':
        return at
          ? [
              `文件解压后超过 ${mb(max)} 的上限，且与文件中声明的大小不符：文件已损坏或是压缩炸弹`,
              `The file unpacks to more than the limit of ${mb(max)}, more than it declares: the file is damaged or a zip bomb`,
            ]
          : [`文件解压后有 ${mb(actual)}，超过上限 ${mb(max)}，请分批导入`, `The file unpacks to ${mb(actual)}, over the limit of ${mb(max)}: split it and import it in parts`];
      case 'zipRatio':
        return [
          `文件中的 ${opts.entry ?? '条目'} 压缩比为 ${fmt(actual)}:1，超过上限 ${fmt(max)}:1；文件可能已损坏或是压缩炸弹，请在 Excel 中另存为 .xlsx 后重新上传`,
          `${opts.entry ?? 'An entry'} of the file is compressed ${fmt(actual)}:1, over the limit of ${fmt(max)}:1; the file may be damaged or a zip bomb: save it again as .xlsx in Excel and upload it`,
        ];
      case 'zipEntries':
        return [
          `文件（压缩包）有 ${fmt(actual)} 个条目，超过上限 ${fmt(max)} 个，不是可读取的 Excel 工作簿`,
          `The file (a zip archive) has ${fmt(actual)} entries, over the limit of ${fmt(max)}: not a workbook we can read`,
        ];
      case 'sharedStrings':
        return at
          ? [
              `文件的共享字符串超过上限 ${fmt(max)} 个（已读到第 ${fmt(actual)} 个），请分批导入`,
              `The file has more shared strings than the limit of ${fmt(max)} (read ${fmt(actual)}): split it and import it in parts`,
            ]
          : [
              `文件有 ${fmt(actual)} 个共享字符串，超过上限 ${fmt(max)} 个，请分批导入`,
              `The file has ${fmt(actual)} shared strings, over the limit of ${fmt(max)}: split it and import it in parts`,
            ];
      case 'sharedStringChars':
        return [
          `文件的共享字符串超过 ${fmt(max)} 个字符的上限（已读到 ${fmt(actual)} 个字符），请分批导入`,
          `The file's shared strings are longer than the limit of ${fmt(max)} characters (read ${fmt(actual)}): split it and import it in parts`,
        ];
      case 'xmlTextRun':
        return [
          `文件中有一段超过 ${fmt(max)} 个字符的文本（Excel 单元格最多 32,767 个字符）；文件已损坏或是构造的文件`,
          `The file holds a run of text longer than ${fmt(max)} characters (an Excel cell holds at most 32,767); the file is damaged or crafted`,
        ];
    }
  })();
  return new AppError('IMPORT_REJECTED', en, {
    issues: [{ path: 'file', messageZh: zh, messageEn: en }],
    messageZh: zh,
    messageEn: en,
    limit: { name: limit, max, actual, atLeast: at },
  });
}

// unzipper 0.10 (a dependency of exceljs) reads the zip central directory; it has no type declarations.
type ZipEntry = { path: string; type: string; compressedSize: number; uncompressedSize: number; stream(): NodeJS.ReadableStream & { destroy?(): void } };
type ZipSource = { stream(offset: number, length?: number): NodeJS.ReadableStream; size(): Promise<number> };
const require = createRequire(import.meta.url);
const excelRequire = createRequire(require.resolve('exceljs'));
const unzipper = excelRequire('unzipper') as { Open: { custom(source: ZipSource): Promise<{ files: ZipEntry[]; numberOfRecords: number }> } };

/** What the central directory and the heads of the sheets say about an .xlsx. */
export type XlsxFacts = {
  entries: number;
  unpackedBytes: number;
  /** the largest last row named by a sheet's `<dimension ref>` (0 when no sheet has one) */
  dimensionRows: number;
  /** `<sst uniqueCount>` of xl/sharedStrings.xml (null when absent) */
  sharedStrings: number | null;
};

/** Unpacks the first {@link HEAD_CHARS} characters of an entry. */
async function headOf(entry: ZipEntry): Promise<string> {
  let text = '';
  const s = entry.stream();
  for await (const chunk of s as AsyncIterable<Buffer>) {
    text += chunk.toString('latin1');
    if (text.length >= HEAD_CHARS) break;
  }
  return text;
}

/** The last row of a sheet's `<dimension ref="A1:BZ1000001"/>`, or 0. */
export function dimensionLastRow(head: string): number {
  const m = /<(?:\w+:)?dimension\s+ref="(?:[A-Za-z]+\d+:)?[A-Za-z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : 0;
}

/**
 * Reads the zip central directory of an .xlsx (never its data) and the first bytes of its sheets and shared
 * strings, and refuses it when it is over a limit: more than {@link MAX_ZIP_ENTRIES} entries, unpacked size, the
 * compression ratio of an entry over 1 MB, a sheet whose `<dimension>` names more rows than allowed (plus room for
 * title rows), or more shared strings than allowed (`<sst uniqueCount>`). The rows and shared strings are counted
 * again while the file streams (a `<dimension>` may be missing or false).
 * @throws AppError IMPORT_REJECTED naming the limit and the file's figure
 */
export async function inspectXlsx(path: string, limits: ImportLimits, titleRows = 20): Promise<XlsxFacts> {
  const { size } = await stat(path);
  const open = new Set<ReadStream>();
  let directoryRead = false;
  const source: ZipSource = {
    stream(offset, length) {
      // while the directory is read, a stream never runs past the cap: a zip of a million empty entries stops here
      const cap = directoryRead ? size : Math.min(size, offset + MAX_CENTRAL_DIRECTORY_BYTES);
      const end = Math.min(cap, length ? offset + length : cap) - 1;
      const s = createReadStream(path, { start: offset, end: Math.max(offset, end) });
      open.add(s);
      s.once('close', () => open.delete(s));
      return s;
    },
    size: async () => size,
  };
  try {
    let dir: { files: ZipEntry[]; numberOfRecords: number };
    try {
      dir = await unzipper.Open.custom(source);
    } catch (err) {
      if (err instanceof Error && /FILE_ENDED|premature/i.test(err.message)) throw limitError('zipEntries', MAX_ZIP_ENTRIES + 1, MAX_ZIP_ENTRIES, { atLeast: true });
      throw err;
    }
    directoryRead = true;
    if (dir.files.length > MAX_ZIP_ENTRIES) throw limitError('zipEntries', dir.files.length, MAX_ZIP_ENTRIES);
    let unpacked = 0;
    for (const f of dir.files) {
      unpacked += f.uncompressedSize;
      if (f.uncompressedSize >= RATIO_MIN_BYTES) {
        const ratio = f.uncompressedSize / Math.max(1, f.compressedSize);
        if (ratio > limits.maxZipRatio) throw limitError('zipRatio', ratio, limits.maxZipRatio, { entry: f.path });
      }
    }
    if (unpacked > limits.maxUnpackedBytes) throw limitError('unpackedBytes', unpacked, limits.maxUnpackedBytes);
    let dimensionRows = 0;
    let sharedStrings: number | null = null;
    for (const f of dir.files) {
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(f.path)) {
        const last = dimensionLastRow(await headOf(f));
        dimensionRows = Math.max(dimensionRows, last);
        // the header row and up to `titleRows` title rows sit above the data
        if (last - 1 - titleRows > limits.maxRows) throw limitError('rows', last - 1, limits.maxRows);
      } else if (f.path === 'xl/sharedStrings.xml') {
        const m = /<(?:\w+:)?sst\b[^>]*\buniqueCount="(\d+)"/.exec(await headOf(f));
        if (m) {
          sharedStrings = Number(m[1]);
          if (sharedStrings > limits.maxSharedStrings) throw limitError('sharedStrings', sharedStrings, limits.maxSharedStrings);
        }
      }
    }
    return { entries: dir.files.length, unpackedBytes: unpacked, dimensionRows, sharedStrings };
  } finally {
    for (const s of open) s.destroy();
  }
}

/** The length of a shared string as exceljs keeps it (text, or rich text runs). */
function sharedStringLength(s: unknown): number {
  if (typeof s === 'string') return s.length;
  const runs = (s as { richText?: { text?: unknown }[] } | null)?.richText;
  if (!Array.isArray(runs)) return 0;
  let n = 0;
  for (const r of runs) n += typeof r.text === 'string' ? r.text.length : 0;
  return n;
}

/**
 * Counts the shared strings an exceljs streaming WorkbookReader caches, as they are read: the reader assigns
 * `this.sharedStrings = []` and pushes each string; the array it gets refuses the push past a limit, so the
 * reading stops with the limit's error before memory grows.
 */
export function guardSharedStrings(reader: object, limits: ImportLimits): void {
  let list: unknown[] | undefined;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    enumerable: true,
    get: () => list,
    set(v: unknown[] | undefined) {
      if (!Array.isArray(v)) {
        list = v;
        return;
      }
      let chars = 0;
      const arr = v;
      Object.defineProperty(arr, 'push', {
        value(...items: unknown[]) {
          for (const item of items) {
            chars += sharedStringLength(item);
            if (arr.length + 1 > limits.maxSharedStrings) throw limitError('sharedStrings', arr.length + 1, limits.maxSharedStrings, { atLeast: true });
            if (chars > limits.maxSharedStringChars) throw limitError('sharedStringChars', chars, limits.maxSharedStringChars, { atLeast: true });
            // the XML parser hands out text as slices of the decoded chunk: a kept slice keeps its whole chunk
            // alive, so strings of 13+ characters (ID numbers, 户编号) are copied into strings of their own
            Array.prototype.push.call(arr, typeof item === 'string' && item.length >= 13 ? ` ${item}`.slice(1) : item);
          }
          return arr.length;
        },
      });
      list = arr;
    },
  });
}
