import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxBuffer } from './imports.test-support.ts';
import { guardedUnzipper } from './zip-entry-guard.ts';

const require = createRequire(import.meta.url);
const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as { Parse(opts?: unknown): PassThrough };

type Entry = { path: string; autodrain(): unknown };

describe('guardedUnzipper', () => {
  it('ends only after every entry is read, even when the whole zip is written before the first entry is taken', async () => {
    const buf = await xlsxBuffer(['户编号', '姓名'], [['A1', '甲']]);
    const zip = guardedUnzipper(unzipper).Parse({ forceStream: true });
    let ended = false;
    zip.on('end', () => (ended = true));
    const finished = new Promise((r) => zip.on('finish', r));
    zip.pause();
    const src = new PassThrough();
    src.pipe(zip);
    src.end(buf);
    // the consumer is slow: it starts once the parser has taken all of the input (unzipper's 'finish')
    await finished;
    expect(ended).toBe(false);
    const paths: string[] = [];
    for await (const entry of zip as AsyncIterable<Entry>) {
      paths.push(entry.path);
      entry.autodrain();
    }
    expect(ended).toBe(true);
    expect(paths).toContain('xl/workbook.xml');
    expect(paths).toContain('xl/worksheets/sheet1.xml');
  });
});
