/** A value as PostgreSQL's `COPY … WITH (FORMAT csv)` reads it: null → unquoted empty (NULL). */
export type CopyValue = string | number | boolean | null | undefined | readonly string[];

function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** Encodes one COPY csv line (with trailing newline). Arrays become `{a,b}` text[] literals. */
export function copyLine(values: readonly CopyValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') out += v ? 't' : 'f';
    else if (typeof v === 'number') out += String(v);
    else if (typeof v === 'string') out += quote(v);
    else out += quote(`{${v.map((x) => quote(x).replaceAll('\\', '\\\\')).join(',')}}`);
  }
  return `${out}\n`;
}
