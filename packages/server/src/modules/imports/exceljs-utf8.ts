import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import type ExcelJSType from 'exceljs';
import { limitError, MAX_XML_TEXT_RUN } from './import-limits.ts';
import { guardedUnzipper } from './zip-entry-guard.ts';

// exceljs 4.4's streaming reader decodes every zip chunk on its own (utils/parse-sax.js →
// TextDecoder.decode(chunk) without `stream: true`), so a Chinese character cut by a chunk boundary comes
// out as U+FFFD ("���南省" for "河南省"): a silent data corruption on large workbooks. We load a private copy
// of exceljs whose parse-sax keeps the decoder state across chunks. Other importers of exceljs are untouched.
const require = createRequire(import.meta.url);
const excelMain = require.resolve('exceljs');
const excelRequire = createRequire(excelMain);
const parseSaxPath = excelRequire.resolve('./lib/utils/parse-sax.js');
const unzipperPath = excelRequire.resolve('unzipper');
const { SaxesParser } = excelRequire('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };

type SaxEvent = { eventType: string; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  let source: AsyncIterable<Buffer | string> = iterable;
  if (typeof iterable.pipe === 'function' && !(Symbol.asyncIterator in iterable)) {
    source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough());
  }
  const parser = new SaxesParser();
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  const decoder = new TextDecoder('utf-8');
  // characters since the last '<': the parser buffers a text node (or a tag) whole, so a crafted run is stopped here
  let run = 0;
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lt = text.lastIndexOf('<');
    run = lt === -1 ? run + text.length : text.length - lt - 1;
    if (run > MAX_XML_TEXT_RUN) throw limitError('xmlTextRun', run, MAX_XML_TEXT_RUN, { atLeast: true });
    parser.write(text);
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length) yield events;
}

function loadPatched(): typeof ExcelJSType {
  const saved = new Map<string, NodeJS.Module>();
  for (const [k, m] of Object.entries(require.cache)) {
    if (m && k.includes(`${'/node_modules/exceljs/'}`)) {
      saved.set(k, m);
      delete require.cache[k];
    }
  }
  require.cache[parseSaxPath] = { id: parseSaxPath, filename: parseSaxPath, loaded: true, exports: parseSax } as unknown as NodeJS.Module;
  // the private copy's unzipper counts inflated bytes (zip-entry-guard.ts); the shared unzipper is put back after
  const sharedUnzipper = require.cache[unzipperPath];
  const realUnzipper = excelRequire('unzipper') as { Parse(opts?: unknown): never };
  require.cache[unzipperPath] = { id: unzipperPath, filename: unzipperPath, loaded: true, exports: guardedUnzipper(realUnzipper) } as unknown as NodeJS.Module;
  try {
    return excelRequire(excelMain) as typeof ExcelJSType;
  } finally {
    if (sharedUnzipper) require.cache[unzipperPath] = sharedUnzipper;
    else delete require.cache[unzipperPath];
    // leave the shared copy as it was for everyone else
    for (const k of Object.keys(require.cache)) if (k.includes('/node_modules/exceljs/')) delete require.cache[k];
    for (const [k, m] of saved) require.cache[k] = m;
  }
}

/** exceljs with a chunk-safe UTF-8 streaming reader and inflated bytes counted (use it for reading uploads). */
export const ExcelJS: typeof ExcelJSType = loadPatched();
