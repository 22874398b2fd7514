import type { ApiIssue } from '../lib/api-client.ts';
import { ApiError } from '../lib/api-client.ts';

/**
 * The row errors of a refused record file (422 IMPORT_REJECTED with `details.issues`, each naming its row), or
 * null when the refusal is not about rows (no header, a file over a limit, no permission): those are one message.
 */
export function rowIssuesOf(err: unknown): ApiIssue[] | null {
  const issues = err instanceof ApiError && err.code === 'IMPORT_REJECTED' ? (err.details?.issues ?? []) : [];
  return issues.some((i) => i.row !== undefined && i.row !== null) ? issues : null;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ (or a tab / carriage return before one) would be read as a formula by a spreadsheet: quoted with a ' first
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The error list as a CSV the officer can open in a spreadsheet beside the file (UTF-8 with a BOM so Excel reads
 * the Chinese): 行, 列, 原因, Reason — the same rows as the table, nothing more (the server already masked them).
 */
export function issuesCsv(issues: readonly ApiIssue[]): string {
  const lines = [['行', '列', '原因', 'Reason'], ...issues.map((i) => [i.row ?? '', i.path ?? '', i.messageZh ?? i.message ?? '', i.messageEn ?? i.message ?? ''])];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
