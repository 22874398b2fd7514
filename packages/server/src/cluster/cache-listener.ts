import { listenForNotifications, type DbHandle } from '@chanbang/db';
import type { Config } from '../config.ts';
import { applyCacheEvent, CACHE_CHANNEL, parseCacheEvent } from './cache-events.ts';

/** Stops a cache listener. */
export type CacheListener = { close(): Promise<void> };

/**
 * Keeps this process's caches in step with the other servers of the same PostgreSQL database: LISTENs on
 * {@link CACHE_CHANNEL} over a dedicated connection and applies every announced change. After a lost connection
 * it forgets every cached entry (it may have missed announcements) and listens again. On PGlite there is only
 * this process (the data folder is locked): nothing to listen to.
 */
export async function startCacheListener(config: Config, db: DbHandle, log: (msg: string) => void = (m) => process.emitWarning(m)): Promise<CacheListener> {
  if (db.kind !== 'pg' || !config.databaseUrl) return { close: async () => undefined };
  let serving = false;
  const listener = listenForNotifications(config.databaseUrl, CACHE_CHANNEL, {
    onMessage(payload) {
      const e = parseCacheEvent(payload);
      if (e) applyCacheEvent(e);
    },
    onConnect(reconnected) {
      // the first LISTEN before serving has nothing to catch up on; any later one may have missed events
      if (!reconnected && !serving) return;
      applyCacheEvent({ kind: 'all' });
      log('cache listener reconnected to PostgreSQL; cached sessions and dictionaries were dropped');
    },
    onError(err) {
      log(`cache listener lost its PostgreSQL connection (${err.message}); reconnecting`);
    },
  });
  // start serving even if the LISTEN is not in place yet (it keeps trying; cached entries expire anyway)
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([listener.ready.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)))]);
  clearTimeout(timer);
  serving = true;
  if (!waited) log('cache listener not connected yet; serving anyway (sessions are re-read after 10 s, dictionaries after 30 s)');
  return listener;
}
