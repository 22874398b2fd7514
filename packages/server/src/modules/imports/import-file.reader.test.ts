import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataRows, type SourceRow } from './import-file.reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'chanbang-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const batch of readDataRows(
    path,
    'csv',
    (cells) => cells[0] === '户编号',
    () => {},
  ))
    out.push(...batch);
  return out;
}

describe('CSV encoding sniff', () => {
  it('reads a UTF-8 file whose 256 KB sample ends inside a character as UTF-8 (not GB18030)', async () => {
    // header "户编号,户主姓名\n" is 23 bytes; each data line "1," + 30×'张' + "\n" is 93 bytes. A fixed 4-byte
    // trim of the 262 144-byte sample (the old code) ends at 262 140: 262 140 − 23 = 262 117 ≡ 43 (mod 93), and
    // 43 − 2 = 41 is not a multiple of 3, so the sample ended inside a character and the file was read as GB18030.
    const header = '户编号,户主姓名\n';
    const line = `1,${'张'.repeat(30)}\n`;
    expect(Buffer.byteLength(header)).toBe(23);
    expect(Buffer.byteLength(line)).toBe(93);
    const lines = Math.ceil((300 * 1024) / 93);
    const path = join(dir, 'utf8-cut.csv');
    writeFileSync(path, header + line.repeat(lines));
    const rows = await readAll(path);
    expect(rows).toHaveLength(lines);
    expect(rows.at(-1)!.values).toEqual(['1', '张'.repeat(30)]);
  });

  it('still reads a GB18030 file as GB18030', async () => {
    const path = join(dir, 'gb.csv');
    // 户编号,户主 / 1,张三 in GB18030 (GBK) bytes: 户 BBA7 编 B1E0 号 BAC5 主 D6F7 张 D5C5 三 C8FD
    writeFileSync(path, Buffer.from('BBA7B1E0BAC52CBBA7D6F70A312CD5C5C8FD0A', 'hex'));
    const rows = await readAll(path);
    expect(rows.map((r) => r.values)).toEqual([['1', '张三']]);
  });
});
