import type { AppError } from '@chanbang/domain';
import { limitError, type ImportLimits } from './import-limits.ts';

/**
 * The unpacked bytes of an .xlsx counted while exceljs streams it. `inspectXlsx` judges the sizes the zip DECLARES;
 * a crafted zip may declare small sizes and still inflate to gigabytes (exceljs writes a sheet that comes before
 * sharedStrings.xml to a temporary file whole). The private exceljs copy (exceljs-utf8.ts) gets an unzipper whose
 * Parse counts every entry's inflated bytes: over the unpacked limit, or over the ratio limit against the entry's
 * compressed size, the entry is ended at once, the zip stream errors and `guard.error` holds the refusal.
 */
export type ZipGuard = { limits: ImportLimits; error: AppError | null };

/** Entries are judged by their ratio once this much is inflated. */
const RATIO_MIN_BYTES = 1024 * 1024;

let armed: ZipGuard | null = null;

/**
 * Arms the guard for the next unzipper Parse created — call it right before the first `next()` of a
 * WorkbookReader (its zip parser is created synchronously inside that call).
 */
export function armZipGuard(limits: ImportLimits): ZipGuard {
  armed = { limits, error: null };
  return armed;
}

/** Disarms a guard that no Parse took (the read failed before unzipping). */
export function disarmZipGuard(): void {
  armed = null;
}

type Pushable = NodeJS.EventEmitter & { push(chunk: unknown, encoding?: BufferEncoding): boolean };
type ZipEntry = Pushable & { path?: string; vars?: { compressedSize?: number } };
type Unzipper = { Parse(opts?: unknown): Pushable };

function watchEntry(entry: ZipEntry, parser: Pushable, guard: ZipGuard, totals: { bytes: number }): void {
  const push = entry.push.bind(entry);
  const compressed = entry.vars?.compressedSize ?? 0;
  let bytes = 0;
  let stopped = false;
  // after an early end the inflater may still write into the entry: that error is expected, not a crash
  entry.on('error', () => undefined);
  entry.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (stopped) return false;
    if (chunk && typeof (chunk as Buffer).length === 'number') {
      const n = (chunk as Buffer).length;
      bytes += n;
      totals.bytes += n;
      const { maxUnpackedBytes, maxZipRatio } = guard.limits;
      const err =
        totals.bytes > maxUnpackedBytes
          ? limitError('unpackedBytes', totals.bytes, maxUnpackedBytes, { atLeast: true })
          : compressed > 0 && bytes >= RATIO_MIN_BYTES && bytes / compressed > maxZipRatio
            ? limitError('zipRatio', bytes / compressed, maxZipRatio, { entry: entry.path ?? '' })
            : null;
      if (err) {
        stopped = true;
        guard.error = err;
        // end the entry so that whoever reads it (the XML parser, a temporary file) finishes, then fail the zip
        push(null);
        parser.emit('error', err);
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/**
 * unzipper 0.10's Parse emits 'end' as soon as its input is written ('finish'), while entries may still wait in
 * its readable buffer: exceljs' stream reader then stops before them. About one read in 500 lost the last entry
 * of an exceljs-written file (xl/workbook.xml) and failed with "Cannot read properties of undefined (reading
 * 'sheets')". The early 'end' is dropped; the readable side ends by itself once its entries are read (on
 * 'finish' it is ended in case the zip stopped before its end record).
 */
function endWhenRead(parser: Pushable): void {
  const emit = parser.emit.bind(parser);
  const state = (parser as unknown as { _readableState: { endEmitted: boolean } })._readableState;
  parser.emit = (event: string | symbol, ...args: unknown[]) => (event === 'end' && !state.endEmitted ? false : emit(event, ...args));
  parser.on('finish', () => parser.push(null));
}

/** unzipper with a Parse that counts the inflated bytes of the read armed by {@link armZipGuard}. */
export function guardedUnzipper<T extends Unzipper>(real: T): T {
  return {
    ...real,
    Parse(opts?: unknown) {
      const parser = real.Parse(opts);
      endWhenRead(parser);
      const guard = armed;
      armed = null;
      if (!guard) return parser;
      const totals = { bytes: 0 };
      const push = parser.push.bind(parser);
      parser.push = (chunk: unknown, encoding?: BufferEncoding) => {
        if (chunk && typeof chunk === 'object' && 'vars' in chunk) watchEntry(chunk as ZipEntry, parser, guard, totals);
        return push(chunk, encoding);
      };
      return parser;
    },
  };
}
