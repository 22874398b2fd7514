/** The Postgres error behind a driver or drizzle error (drizzle wraps it in `cause`). */
export function pgErrorOf(err: unknown): { code?: string; constraint?: string; detail?: string } | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const o = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return o as never;
    e = o.cause;
  }
  return undefined;
}

/** True when `err` is a unique violation, optionally of the named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pe = pgErrorOf(err);
  if (pe?.code !== '23505') return false;
  if (!constraint) return true;
  // PGlite may not fill `constraint`; fall back on the message text
  return pe.constraint === constraint || String((pe as { message?: string }).message ?? '').includes(constraint);
}
