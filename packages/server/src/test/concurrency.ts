import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** A promise a test opens by hand: a transaction awaits `opened` to hold its locks until the test says go. */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** Waits (up to 10 s) until exactly `n` sessions of the test's database wait on a lock (PostgreSQL: pg_stat_activity). */
export async function lockWaiters(t: TestApp, n = 1): Promise<void> {
  await expect
    .poll(async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0]!.n, {
      timeout: 10_000,
    })
    .toBe(n);
}
