import { describe, expect, it } from 'vitest';
import { SessionCache, type CachedActor } from './session-cache.ts';

const actor = (id: number): CachedActor => ({ id, username: `u${id}`, displayName: `用户${id}`, role: 'viewer', regionCode: '411272000000', scopePrefix: '411272' });
const far = new Date('2100-01-01T00:00:00Z');

describe('SessionCache', () => {
  it('answers within the TTL and forgets after it (or at the session expiry, whichever is first)', () => {
    let now = 1_000_000;
    const c = new SessionCache(10_000, () => now);
    c.set('a', actor(1), far, now);
    c.set('b', actor(2), new Date(now + 3_000), now);
    now += 5_000;
    expect(c.get('a')?.id).toBe(1);
    expect(c.get('b')).toBeUndefined();
    now += 5_000;
    expect(c.get('a')).toBeUndefined();
  });

  it('revoking a token or a user drops the entries and refuses entries from lookups that raced the revocation', () => {
    let now = 1_000_000;
    const c = new SessionCache(10_000, () => now);
    c.set('a', actor(1), far, now);
    c.set('a2', actor(1), far, now);
    c.set('b', actor(2), far, now);
    const raceStart = now;
    now += 100;
    c.revokeUser(1);
    c.revokeToken('b');
    expect(c.get('a')).toBeUndefined();
    expect(c.get('a2')).toBeUndefined();
    expect(c.get('b')).toBeUndefined();
    // a lookup that began before the revocation (or whose transaction might not have committed) is not cached
    c.set('a', actor(1), far, raceStart);
    c.set('b', actor(2), far, now);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBeUndefined();
    // one TTL later, fresh lookups are cached again
    now += 10_001;
    c.set('a', actor(1), far, now);
    expect(c.get('a')?.id).toBe(1);
  });
});

describe('SessionCache.revokeAll (a lost LISTEN connection may have missed revocations)', () => {
  it('drops every entry and caches nothing for one TTL afterwards', () => {
    let now = 1_000_000;
    const c = new SessionCache(10_000, () => now);
    c.set('a', actor(1), far, now);
    c.revokeAll();
    expect(c.get('a')).toBeUndefined();
    now += 5_000;
    c.set('a', actor(1), far, now);
    expect(c.get('a')).toBeUndefined();
    now += 5_001;
    c.set('a', actor(1), far, now);
    expect(c.get('a')?.id).toBe(1);
  });
});
