import { describe, expect, it } from 'vitest';
import { createCsvLineReader } from './csv-lines.reader.ts';

function readAll(chunks: string[]) {
  const r = createCsvLineReader();
  const out = chunks.flatMap((c) => r.push(c));
  return [...out, ...r.end()];
}

describe('createCsvLineReader', () => {
  it('splits plain lines, CRLF, blank lines and a last line without newline, across any chunking', () => {
    const text = 'a,b,c\r\n1,2,3\n\n4,,6';
    const expected = [
      { rowNumber: 1, values: ['a', 'b', 'c'] },
      { rowNumber: 2, values: ['1', '2', '3'] },
      { rowNumber: 3, values: [''] },
      { rowNumber: 4, values: ['4', '', '6'] },
    ];
    expect(readAll([text])).toEqual(expected);
    expect(readAll(text.split(''))).toEqual(expected);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks as one record (one Excel row)', () => {
    const text = 'H1,"王,五","说""明""",x\n"多\n行",2\nlast,"{a,b}"\n';
    expect(readAll([text.slice(0, 9), text.slice(9, 20), text.slice(20)])).toEqual([
      { rowNumber: 1, values: ['H1', '王,五', '说"明"', 'x'] },
      { rowNumber: 2, values: ['多\n行', '2'] },
      { rowNumber: 3, values: ['last', '{a,b}'] },
    ]);
  });

  it('refuses a quoted field that is never closed', () => {
    const r = createCsvLineReader();
    r.push('a,"open\nb,c\n');
    expect(() => r.end()).toThrow(/unclosed/);
  });
});
