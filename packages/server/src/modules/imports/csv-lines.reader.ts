/**
 * A fast CSV (RFC 4180) record reader over decoded text chunks. Most lines of an import file hold no quote, so a
 * line is split on commas directly; a line with quotes is parsed character by character, and a quoted field that
 * spans lines (an odd number of quotes so far) takes the following lines in. Row numbers count records, as Excel
 * shows them (a blank line is a row too). A trailing `\r` (CRLF files) is dropped.
 */
export type CsvLineReader = {
  /** Feeds the next chunk of text; returns the records completed by it, each with its 1-based row number. */
  push(text: string): { rowNumber: number; values: string[] }[];
  /**
   * Feeds whole lines (without their `\n`). Decoding each line on its own keeps the cells from pinning the big
   * decoded chunk they would otherwise be slices of.
   */
  pushLines(lines: readonly string[]): { rowNumber: number; values: string[] }[];
  /** Ends the input; returns the last record. @throws Error when a quoted field is never closed */
  end(): { rowNumber: number; values: string[] }[];
};

/**
 * Splits a line on commas. V8 hands out cells of 13+ characters as slices that keep the whole line alive; such
 * cells (ID numbers, 户编号, addresses) are remembered for the whole file (duplicate checks, household checks),
 * so they are copied into strings of their own.
 */
function splitLine(line: string): string[] {
  const cells = line.split(',');
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    if (c.length >= 13) cells[i] = ` ${c}`.slice(1);
  }
  return cells;
}

function quoteCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Parses one complete record that contains quotes. */
function parseQuoted(s: string): string[] {
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
    i++;
  }
  out.push(field);
  return out;
}

/** Creates a reader; feed it decoded text in chunks of any size. */
export function createCsvLineReader(): CsvLineReader {
  let carry = '';
  let pending: string | null = null;
  let pendingQuotes = 0;
  let row = 0;
  const take = (line: string, out: { rowNumber: number; values: string[] }[]) => {
    const q = quoteCount(line);
    if (pending !== null) {
      pending += `\n${line}`;
      pendingQuotes += q;
    } else if (q === 0) {
      out.push({ rowNumber: ++row, values: splitLine(line) });
      return;
    } else {
      pending = line;
      pendingQuotes = q;
    }
    if (pendingQuotes % 2 === 0) {
      out.push({ rowNumber: ++row, values: parseQuoted(pending) });
      pending = null;
    }
  };
  const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  return {
    push(text) {
      const out: { rowNumber: number; values: string[] }[] = [];
      const s = carry + text;
      let start = 0;
      for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', start)) {
        take(strip(s.slice(start, nl)), out);
        start = nl + 1;
      }
      carry = s.slice(start);
      return out;
    },
    pushLines(lines) {
      const out: { rowNumber: number; values: string[] }[] = [];
      for (const line of lines) take(strip(line), out);
      return out;
    },
    end() {
      const out: { rowNumber: number; values: string[] }[] = [];
      if (carry !== '') take(strip(carry), out);
      carry = '';
      if (pending !== null) throw new Error(`unclosed quoted field starting on row ${row + 1}`);
      return out;
    },
  };
}
