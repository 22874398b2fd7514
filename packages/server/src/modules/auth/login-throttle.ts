/** Failures allowed within {@link THROTTLE_WINDOW_MS} before a user name or client address must wait. */
export const THROTTLE_FREE_FAILURES = 5;
/** A failure older than this (counted from the latest failure) no longer counts. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** First wait after the free failures; it doubles with every further failure … */
export const THROTTLE_BASE_WAIT_MS = 30_000;
/** … up to this cap. */
export const THROTTLE_MAX_WAIT_MS = 15 * 60_000;
const MAX_KEYS = 50_000;

type Entry = { failures: number; lastFailureAt: number; blockedUntil: number };

/**
 * Throttles failed logins per user name and per client address: after {@link THROTTLE_FREE_FAILURES} failures
 * within the window the key is blocked for 30 s, and each further failure doubles the wait (60 s, 120 s …, capped
 * at 15 min). A successful login clears the user name's counter (not the address's).
 *
 * Kept IN MEMORY: right for the one server process this product runs; several processes behind a balancer would
 * each count on their own (then move the counters to PostgreSQL). A restart forgets the counters.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private static keys(username: string, address: string): string[] {
    return [`u:${username.trim().toLowerCase()}`, `a:${address}`];
  }

  private live(key: string, at: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && at - e.lastFailureAt > THROTTLE_WINDOW_MS && e.blockedUntil <= at) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Seconds to wait before the next attempt of this user name from this address; 0 when it may go ahead. */
  retryAfterSeconds(username: string, address: string): number {
    const at = this.now();
    let until = 0;
    for (const k of LoginThrottle.keys(username, address)) until = Math.max(until, this.live(k, at)?.blockedUntil ?? 0);
    return until > at ? Math.ceil((until - at) / 1000) : 0;
  }

  /** Counts one failed attempt against the user name and the address. */
  recordFailure(username: string, address: string): void {
    const at = this.now();
    if (this.entries.size >= MAX_KEYS) this.sweep(at);
    for (const k of LoginThrottle.keys(username, address)) {
      const e = this.live(k, at) ?? { failures: 0, lastFailureAt: at, blockedUntil: 0 };
      e.failures += 1;
      e.lastFailureAt = at;
      const over = e.failures - THROTTLE_FREE_FAILURES;
      if (over >= 0) e.blockedUntil = at + Math.min(THROTTLE_BASE_WAIT_MS * 2 ** Math.min(over, 20), THROTTLE_MAX_WAIT_MS);
      this.entries.set(k, e);
    }
  }

  /** A successful login: the user name starts afresh. */
  recordSuccess(username: string): void {
    this.entries.delete(LoginThrottle.keys(username, '')[0]!);
  }

  private sweep(at: number): void {
    for (const k of [...this.entries.keys()]) this.live(k, at);
    // still full (an attack from very many addresses): forget the oldest half rather than grow without bound
    if (this.entries.size >= MAX_KEYS) for (const k of [...this.entries.keys()].slice(0, MAX_KEYS / 2)) this.entries.delete(k);
  }
}
