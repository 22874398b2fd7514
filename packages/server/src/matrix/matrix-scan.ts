import ExcelJS from 'exceljs';

// What a masked role may receive. The mask forms are written here by hand from the rule in domain privacy (first 4
// and last 4 characters of an ID number, first 3 and last 4 digits of a mobile phone), not computed by its code.

/** An 18-character ID number as a masked role must see it: `4101**********1234`. */
export const maskedId = (id: string) => `${id.slice(0, 4)}**********${id.slice(14)}`;
/** An 11-digit mobile as a masked role must see it: `138****5678`. */
export const maskedPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;

const MASKED_ID = /^[0-9]{4}\*{10}[0-9X]{4}$/;
const MASKED_PHONE = /^[0-9]{3}\*{4}[0-9]{4}$/;
/** anything shaped like a full ID number or a full mobile number */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// (not inside a longer run of letters and digits: a request id's hex may hold 11 digits in a row)
const FULL_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const ID_KEY = /id_?number$/i;
const PHONE_KEY = /phone$/i;

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; rawPayload: Buffer };

/** The text of a response: JSON/text as is, an .xlsx as the text of every cell of every sheet. */
export async function responseText(res: Res): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) => (row.values as unknown[]).forEach((v) => v !== null && v !== undefined && cells.push(typeof v === 'object' ? JSON.stringify(v) : String(v))));
  return cells.join('\n');
}

/**
 * Full ID numbers and phones in a text: the fixtures' own, and (unless `shapes` is false) anything shaped like one.
 */
export function leaksIn(text: string, secrets: { idNumbers: string[]; phones: string[] }, shapes = true): string[] {
  const found = new Set<string>();
  for (const s of [...secrets.idNumbers, ...secrets.phones]) if (text.includes(s)) found.add(s);
  if (!shapes) return [...found];
  for (const m of text.matchAll(FULL_ID)) found.add(m[0]);
  for (const m of text.matchAll(FULL_PHONE)) found.add(m[0]);
  return [...found];
}

/** Values under an ID-number or phone key (any depth, camelCase or snake_case) that are not in the mask form. */
export function unmaskedFields(json: unknown, path = ''): string[] {
  const out: string[] = [];
  if (Array.isArray(json)) json.forEach((v, i) => out.push(...unmaskedFields(v, `${path}[${i}]`)));
  else if (json && typeof json === 'object') {
    for (const [k, v] of Object.entries(json)) {
      const p = path ? `${path}.${k}` : k;
      // a value with digits under such a key is a number (a mapping's header text, e.g. 证件号码, is not)
      const number = typeof v === 'string' && /\d/.test(v);
      if (number && ID_KEY.test(k) && !MASKED_ID.test(v)) out.push(`${p}=${v}`);
      else if (number && PHONE_KEY.test(k) && !MASKED_PHONE.test(v)) out.push(`${p}=${v}`);
      else out.push(...unmaskedFields(v, p));
    }
  }
  return out;
}

/** The texts of `markers` that occur in `text`. */
export function markersIn(text: string, markers: string[]): string[] {
  return markers.filter((m) => text.includes(m));
}

/** Parsed JSON of a response, or undefined. */
export function jsonOf(res: Res): unknown {
  if (!String(res.headers['content-type'] ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}
