import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { listenForNotifications, openDb, type DbHandle, type NotificationListener } from '@chanbang/db';
import { parseCacheEvent } from './cache-events.ts';

// The LISTEN connection of a server (issue 6 §8): it gets what another connection NOTIFYs, and after its
// connection is killed it connects again by itself and says so (the caches then forget everything they hold).

const serverUrl = process.env.TEST_DATABASE_URL ?? '';

describe('parseCacheEvent', () => {
  it('accepts our events and nothing else', () => {
    expect(parseCacheEvent('{"kind":"session","tokenHash":"ab"}')).toEqual({ kind: 'session', tokenHash: 'ab' });
    expect(parseCacheEvent('{"kind":"user","userId":"42"}')).toEqual({ kind: 'user', userId: 42 });
    expect(parseCacheEvent('{"kind":"dictionaries"}')).toEqual({ kind: 'dictionaries' });
    expect(parseCacheEvent('{"kind":"all"}')).toEqual({ kind: 'all' });
    for (const bad of ['', 'x', '{"kind":"user","userId":"1; drop"}', '{"kind":"session"}', '{"kind":"other"}', 'null']) expect(parseCacheEvent(bad)).toBeUndefined();
  });
});

if (!serverUrl) {
  describe('LISTEN connection', () => {
    it.skip('skipped: needs PostgreSQL (set DATABASE_URL); on PGlite caches are in-process only', () => undefined);
  });
} else {
  describe('LISTEN connection', () => {
    const channel = `cb_test_${randomBytes(4).toString('hex')}`;
    let sender: DbHandle | undefined;
    let listener: NotificationListener | undefined;

    afterAll(async () => {
      await listener?.close();
      await sender?.close();
    });

    async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
      const t0 = Date.now();
      while (!check()) {
        if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('receives notifications, and after its backend is terminated reconnects, reports it and receives again', async () => {
      sender = await openDb({ databaseUrl: serverUrl, poolSize: 1 });
      const got: string[] = [];
      const connects: boolean[] = [];
      const errors: string[] = [];
      listener = listenForNotifications(serverUrl, channel, {
        onMessage: (p) => got.push(p),
        onConnect: (re) => connects.push(re),
        onError: (e) => errors.push(e.message),
        probeMs: 60_000,
      });
      await listener.ready;
      expect(connects).toEqual([false]);
      await sender.query('SELECT pg_notify($1, $2)', [channel, 'one']);
      await until('the first notification', () => got.includes('one'));

      const killed = await sender.query<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [
        `LISTEN ${channel}`,
      ]);
      expect(killed).toEqual([{ ok: true }]);
      await until('the reconnection', () => connects.length === 2);
      expect(connects).toEqual([false, true]);
      expect(errors.length).toBeGreaterThan(0);
      await sender.query('SELECT pg_notify($1, $2)', [channel, 'two']);
      await until('the notification after the reconnection', () => got.includes('two'));
      expect(got).toEqual(['one', 'two']);
    }, 30_000);
  });
}
