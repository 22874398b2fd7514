import { toHalfWidth } from '../text/half-width.ts';

/** Outcome of reading one cell: the text, or why it cannot be trusted. */
export type CellText = { ok: true; text: string } | { ok: false; reasonZh: string; reasonEn: string };

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/**
 * Reads a free-text cell: strings are trimmed, numbers printed without exponent where exact, dates as
 * YYYY-MM-DD, booleans as 是/否; null/undefined give ''.
 * @param v the cell value from the sheet parser
 */
export function cellToText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).trim();
}

/**
 * Reads a cell that must hold a string of digits (ID number, phone, household number, region code). Excel stores
 * long numbers as floating point with 15 significant digits, so a number beyond 2^53 or in scientific notation
 * (`4.10123E+17`, `1.2e17`) has lost digits and is refused with the fix. Full-width characters are converted.
 * @param v the cell value
 */
export function cellToDigitText(v: unknown): CellText {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || !Number.isInteger(v) || !Number.isSafeInteger(v)) {
      return {
        ok: false,
        reasonZh: '该单元格为数值格式，Excel 只保留 15 位有效数字，号码已丢失精度；请将该列设为“文本”格式后重新填写',
        reasonEn: 'the cell is stored as a number and Excel keeps only 15 significant digits, so digits were lost; format the column as Text and re-enter',
      };
    }
    return { ok: true, text: v.toFixed(0) };
  }
  const text = toHalfWidth(cellToText(v)).replace(/\s+/g, '');
  if (SCIENTIFIC.test(text)) {
    return {
      ok: false,
      reasonZh: `号码以科学计数法显示（${text}），已丢失精度；请将该列设为“文本”格式后重新填写`,
      reasonEn: `the number is in scientific notation (${text}) and has lost digits; format the column as Text and re-enter`,
    };
  }
  return { ok: true, text };
}

/**
 * Reads a year cell: a number 1900–2100, an Excel date serial (days since 1899-12-30), a Date, or text such as
 * `2019`, `2019年`, `2019年度`, `2019-12-31`, `2019/6`.
 * @param v the cell value
 * @returns the year, null for an empty cell, or NaN when it cannot be read
 */
export function cellToYear(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? Number.NaN : v.getFullYear();
  let n: number;
  if (typeof v === 'number') {
    n = v;
  } else {
    const text = toHalfWidth(cellToText(v)).replace(/\s+/g, '');
    if (text === '') return null;
    const m = /^(\d{4})(?:年度?|[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|[-/.]\d{1,2}月?|\.0+)?$/.exec(text);
    if (m) return Number(m[1]);
    if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
    n = Number(text);
  }
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
  // Excel date serial: 1 = 1900-01-01, epoch 1899-12-30 (Lotus leap-year bug included)
  if (n > 2958465 || n < 367) return Number.NaN;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).getUTCFullYear();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1800 || y > 2100) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function serialToIso(n: number): string | null {
  // Excel date serial: epoch 1899-12-30 (the Lotus leap-year bug included)
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/**
 * Reads a date cell: an Excel date (Date or serial number), or text `1968-03-15`, `1968/3/15`, `1968.3.15`,
 * `19680315`, `1968年3月15日` (full-width digits allowed).
 * @param v the cell value
 * @returns ISO date, null for an empty cell, or undefined when it cannot be read
 */
export function cellToDate(v: unknown): string | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 18000101 && v <= 21001231) return isoDate(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100) ?? undefined;
    return serialToIso(v) ?? undefined;
  }
  const text = toHalfWidth(cellToText(v)).replace(/\s+/g, '');
  if (text === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return serialToIso(Number(text)) ?? undefined;
  return undefined;
}

/**
 * Reads a month cell of the national exports (识别监测时间, 消除监测时间 are `YYYYMM`, e.g. `202303`, national-exports.md
 * §1) as the first day of that month; `2023-03`, `2023年3月` and full dates are accepted too.
 * @returns ISO date, null for an empty cell, or undefined when it cannot be read
 */
export function cellToMonth(v: unknown): string | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  const text = typeof v === 'number' ? String(v) : v instanceof Date ? '' : toHalfWidth(cellToText(v)).replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.年]?)(\d{1,2})月?$/.exec(text);
  if (m && (text.length === 6 || !/^\d+$/.test(text))) return isoDate(Number(m[1]), Number(m[2]), 1) ?? undefined;
  return cellToDate(v);
}

const YES = new Set(['是', 'y', 'yes', '1', '有', 'true', '√', '对']);
const NO = new Set(['否', 'n', 'no', '0', '无', 'false', '×', '不是']);

/**
 * Reads a 是/否 cell. @returns true, false, null for an empty cell, or undefined when it is neither
 */
export function cellToYesNo(v: unknown): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  const text = toHalfWidth(cellToText(v)).replace(/\s+/g, '').toLowerCase();
  if (text === '') return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/**
 * Reads an amount in 元: a number, or text such as `12,345.6` or `12345元`.
 * @returns the amount, null for an empty cell, or NaN when it is not a number
 */
export function cellToAmount(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const text = toHalfWidth(cellToText(v)).replace(/[\s,，元]/g, '');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}
