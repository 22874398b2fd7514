import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type JSZipType from 'jszip';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.ts';
import { createImportTestApp, multipart, xlsxBuffer, type TestCtx } from './imports.test-support.ts';

// Upload bombs (issue 6 §5): each is refused with a 422 naming the limit and the file's figure, the server answers
// right after, and no file is left in the upload folder. The limits are lowered through the test config.
const LIMITS = { ...DEFAULT_IMPORT_LIMITS, maxRows: 1_000, maxUploadBytes: 8 * 1024 * 1024, maxUnpackedBytes: 8 * 1024 * 1024, maxSharedStrings: 5_000 };

// JSZip and archiver (zlib's deflate, fast enough for hundreds of MB) come with exceljs; the bombs are built at test time
const excelRequire = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const JSZip = excelRequire('jszip') as typeof JSZipType;
type Archive = NodeJS.ReadableStream & { append(src: string | Buffer | Readable, opts: { name: string }): void; finalize(): Promise<void> };
const archiver = excelRequire('archiver') as (format: 'zip', opts: { zlib: { level: number } }) => Archive;

let ctx: TestCtx;
let uploadDir: string;
beforeAll(async () => {
  ctx = await createImportTestApp({ importLimits: LIMITS });
  uploadDir = join(ctx.config.dataDir, 'imports');
});
afterAll(async () => {
  await ctx?.close();
});

const files = async () => (await readdir(uploadDir).catch(() => [] as string[])).sort();

/** Uploads as the admin; asserts a 422 IMPORT_REJECTED, the server still answering and no file left. @returns the zh/en messages */
async function refused(name: string, content: Buffer | string): Promise<{ zh: string; en: string; limit: Record<string, unknown> }> {
  const before = await files();
  const m = multipart(name, content);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as('admin') } });
  expect(res.statusCode, res.body).toBe(422);
  const err = res.json().error as { code: string; details: { messageZh: string; messageEn: string; limit: Record<string, unknown>; issues: { path: string }[] } };
  expect(err.code).toBe('IMPORT_REJECTED');
  expect(err.details.issues[0]?.path).toBe('file');
  const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(200);
  expect(await files()).toEqual(before);
  return { zh: err.details.messageZh, en: err.details.messageEn, limit: err.details.limit };
}

const HEADERS = ['户编号', '区划代码', '户类型', '姓名', '证件号码', '与户主关系'];
/** Numeric cells (no shared strings). */
const rows = (n: number, width = 6) => Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, c) => i * 10 + c));
/** Distinct text cells (exceljs writes each as a shared string). */
const textRows = (n: number, width = 6) => Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, c) => `r${i}c${c}`));

async function rezip(buf: Buffer, edit: (zip: JSZipType) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('row bombs', () => {
  it('an .xlsx with 1,500 data rows under a 1,000-row limit is refused from its <dimension>, naming both figures', async () => {
    const r = await refused('rows.xlsx', await xlsxBuffer(HEADERS, rows(1_500)));
    expect(r.zh).toBe('文件有 1,500 行，超过上限 1,000 行，请分批导入');
    expect(r.en).toBe('The file has 1,500 rows, over the limit of 1,000 rows: split it and import it in parts');
    expect(r.limit).toMatchObject({ name: 'rows', max: 1_000, actual: 1_500 });
  });

  it('without a <dimension> the rows are counted while streaming and the reading stops at the limit', async () => {
    const buf = await rezip(await xlsxBuffer(HEADERS, rows(1_500)), async (zip) => {
      const path = Object.keys(zip.files).find((p) => p.startsWith('xl/worksheets/sheet')) as string;
      zip.file(path, (await zip.file(path)?.async('string'))?.replace(/<dimension[^>]*\/>/, '') ?? '');
    });
    const r = await refused('rows-no-dimension.xlsx', buf);
    expect(r.zh).toBe('文件超过 1,000 行的上限（已读到第 1,001 行数据），请分批导入');
    expect(r.limit).toMatchObject({ name: 'rows', max: 1_000, actual: 1_001, atLeast: true });
  });

  it('a CSV with 1,500 data rows is refused with its row count', async () => {
    const csv = [HEADERS.join(','), ...rows(1_500).map((r) => r.join(','))].join('\n') + '\n';
    const r = await refused('rows.csv', csv);
    expect(r.zh).toBe('文件有 1,500 行，超过上限 1,000 行，请分批导入');
  });

  it('a file at the limit (1,000 data rows) is accepted', async () => {
    const m = multipart('ok.xlsx', await xlsxBuffer(HEADERS, rows(1_000)));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports', payload: m.payload, headers: { ...m.headers, ...ctx.as('admin') } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().totalRows).toBe(1_000);
  });
});

/** A stream of `count` copies of `piece` (the bombs are never held in memory whole). */
function repeated(head: string, piece: string, count: number, tail: string): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i === 0) this.push(head);
      const n = Math.min(10_000, count - i);
      if (n > 0) {
        this.push(piece.repeat(n));
        i += n;
      }
      if (i >= count) {
        this.push(tail);
        this.push(null);
      }
    },
  });
}

describe('zip bombs', () => {
  it('a shared-strings bomb (a small .xlsx whose shared strings unpack to hundreds of MB) is refused by its compression ratio before unpacking', { timeout: 120_000 }, async () => {
    const count = 5_000_000;
    const piece = '<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>';
    // the entries of a real workbook, with xl/sharedStrings.xml replaced by the bomb
    const base = await JSZip.loadAsync(await xlsxBuffer(HEADERS, textRows(3)));
    const archive = archiver('zip', { zlib: { level: 9 } });
    const chunks: Buffer[] = [];
    archive.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => archive.on('end', r));
    for (const name of Object.keys(base.files).filter((n) => !base.files[n]?.dir)) {
      if (name === 'xl/sharedStrings.xml') {
        archive.append(
          repeated('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', piece, count, '</sst>'),
          { name },
        );
      } else archive.append(await (base.file(name) as JSZipType.JSZipObject).async('nodebuffer'), { name });
    }
    await archive.finalize();
    await ended;
    const buf = Buffer.concat(chunks);
    // under 1 MB on disk, hundreds of MB unpacked
    expect(buf.length).toBeLessThan(1024 * 1024);
    expect(piece.length * count).toBeGreaterThan(200 * 1024 * 1024);
    const r = await refused('shared-strings-bomb.xlsx', buf);
    expect(r.zh).toMatch(/^文件中的 xl\/sharedStrings\.xml 压缩比为 [\d,]+:1，超过上限 200:1；文件可能已损坏或是压缩炸弹/);
    expect(r.limit).toMatchObject({ name: 'zipRatio', max: 200 });
  });

  it('a workbook with more shared strings than allowed is refused from <sst uniqueCount>', async () => {
    // 999 rows × 6 columns: 5,994 distinct strings (exceljs writes them as shared strings) + the headers
    const r = await refused('many-strings.xlsx', await xlsxBuffer(HEADERS, textRows(999)));
    expect(r.zh).toMatch(/^文件有 6,0\d\d 个共享字符串，超过上限 5,000 个，请分批导入$/);
  });

  it('without uniqueCount the shared strings are counted while streaming and the reading stops at the limit', async () => {
    const buf = await rezip(await xlsxBuffer(HEADERS, textRows(999)), async (zip) => {
      const xml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      zip.file('xl/sharedStrings.xml', xml.replace(/\s(unique)?[cC]ount="\d+"/g, ''));
    });
    const r = await refused('many-strings-no-count.xlsx', buf);
    expect(r.zh).toBe('文件的共享字符串超过上限 5,000 个（已读到第 5,001 个），请分批导入');
  });

  it('a workbook whose entries unpack to more than the limit (at an ordinary ratio) is refused with its unpacked size', async () => {
    // ~10 MB of sheet XML with pseudo-random digits: it compresses about 6:1, under the ratio limit
    let seed = 7;
    const digits = () => {
      let s = '';
      for (let k = 0; k < 8; k++) s += String((seed = (seed * 1103515245 + 12345) % 2147483648) % 10);
      return s;
    };
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
    for (let i = 1; i <= 160_000; i++) parts.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${digits()}</t></is></c></row>`);
    parts.push('</sheetData></worksheet>');
    const buf = await rezip(await xlsxBuffer(HEADERS, rows(3)), (zip) => {
      zip.file('xl/worksheets/sheet2.xml', parts.join(''));
    });
    expect(buf.length).toBeLessThan(LIMITS.maxUploadBytes);
    const r = await refused('unpacked.xlsx', buf);
    expect(r.zh).toMatch(/^文件解压后有 1\d(\.\d)? MB，超过上限 8 MB，请分批导入$/);
    expect(r.limit).toMatchObject({ name: 'unpackedBytes', max: LIMITS.maxUnpackedBytes });
  });

  it('an upload over the byte limit is cut at the limit and refused; the partial file is removed', async () => {
    const r = await refused('big.csv', `${HEADERS.join(',')}\n${'x'.repeat(9 * 1024 * 1024)}\n`);
    expect(r.zh).toMatch(/^文件有 9(\.\d)? MB，超过上限 8 MB，请分批导入$/);
    expect(r.limit).toMatchObject({ name: 'uploadBytes', max: LIMITS.maxUploadBytes });
  });
});

/** Sets the uncompressed size the zip's central directory declares for `name` (a crafted file that lies). */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); i > 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('utf8', i + 46, i + 46 + nameLength) === name) {
      out.writeUInt32LE(size, i + 24);
      return out;
    }
  }
  throw new Error(`${name} not in the central directory`);
}

describe('a zip that lies about its sizes', () => {
  it('a sheet declared small that inflates past the unpacked limit is cut while streaming (no temporary file grows) and refused', { timeout: 120_000 }, async () => {
    const base = await JSZip.loadAsync(await xlsxBuffer(HEADERS, textRows(3)));
    const archive = archiver('zip', { zlib: { level: 9 } });
    const chunks: Buffer[] = [];
    archive.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => archive.on('end', r));
    // first, so that exceljs meets it before sharedStrings.xml (it would copy it to a temporary file whole)
    archive.append(
      repeated(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        '<x/>',
        10_000_000,
        '</sheetData></worksheet>',
      ),
      { name: 'xl/worksheets/sheet9.xml' },
    );
    for (const name of Object.keys(base.files).filter((n) => !base.files[n]?.dir)) {
      archive.append(await (base.file(name) as JSZipType.JSZipObject).async('nodebuffer'), { name });
    }
    await archive.finalize();
    await ended;
    // 40 MB of XML declared as 200 KB: the central directory passes every check
    const buf = declareSize(Buffer.concat(chunks), 'xl/worksheets/sheet9.xml', 200_000);
    const r = await refused('liar.xlsx', buf);
    expect(r.zh).toBe('文件解压后超过 8 MB 的上限，且与文件中声明的大小不符：文件已损坏或是压缩炸弹');
    expect(r.limit).toMatchObject({ name: 'unpackedBytes', max: LIMITS.maxUnpackedBytes, atLeast: true });
  });
});

describe('the region table upload has the same limits', () => {
  it('a region list with 1,500 rows under a 1,000-row limit is refused, and the server answers after', async () => {
    const csv = ['统计用区划代码,城乡分类代码,名称', ...Array.from({ length: 1_500 }, (_, i) => `411272100${String(200 + i).padStart(3, '0')},220,村${i}`)].join('\n');
    const m = multipart('regions.csv', csv);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/regions/import', payload: m.payload, headers: { ...m.headers, ...ctx.as('admin') } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.messageZh).toBe('文件有 1,500 行，超过上限 1,000 行，请分批导入');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
