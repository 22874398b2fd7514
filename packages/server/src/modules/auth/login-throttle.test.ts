import { describe, expect, it } from 'vitest';
import { LoginThrottle, THROTTLE_WINDOW_MS } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('blocks after 5 failures, doubles the wait, caps it, and a success clears the user name', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) t.recordFailure('Wang', '10.0.0.1');
    expect(t.retryAfterSeconds('wang', '10.0.0.9')).toBe(0);
    t.recordFailure('wang', '10.0.0.1');
    expect(t.retryAfterSeconds('WANG', '10.0.0.9')).toBe(30);
    expect(t.retryAfterSeconds('li', '10.0.0.1')).toBe(30);
    expect(t.retryAfterSeconds('li', '10.0.0.2')).toBe(0);
    now += 31_000;
    t.recordFailure('wang', '10.0.0.1');
    expect(t.retryAfterSeconds('wang', '10.0.0.1')).toBe(60);
    now += 61_000;
    t.recordFailure('wang', '10.0.0.1');
    expect(t.retryAfterSeconds('wang', '10.0.0.1')).toBe(120);
    for (let i = 0; i < 10; i++) t.recordFailure('wang', '10.0.0.1');
    expect(t.retryAfterSeconds('wang', '10.0.0.1')).toBe(15 * 60);
    t.recordSuccess('Wang');
    expect(t.retryAfterSeconds('wang', '10.0.0.2')).toBe(0);
    expect(t.retryAfterSeconds('li', '10.0.0.1')).toBe(15 * 60);
  });

  it('forgets failures older than the window', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) t.recordFailure('zhao', '10.0.0.3');
    now += THROTTLE_WINDOW_MS + 1;
    t.recordFailure('zhao', '10.0.0.3');
    expect(t.retryAfterSeconds('zhao', '10.0.0.3')).toBe(0);
  });
});
