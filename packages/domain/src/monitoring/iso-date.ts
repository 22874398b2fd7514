const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Parses a calendar date `YYYY-MM-DD` to a day number (days since 1970-01-01), or null when it is not a real date.
 * @param s ISO date string
 */
export function isoDateToDay(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return isoDateToDay(s) !== null;
}

/**
 * Adds calendar months to an ISO date, clamping to the month's last day (2024-08-31 + 6 → 2025-02-28).
 * @param s a valid ISO date
 * @param months whole months (may be negative)
 * @throws Error when `s` is not a valid ISO date
 */
export function addMonthsIso(s: string, months: number): string {
  if (!isIsoDate(s)) throw new Error(`not an ISO date: ${s}`);
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
