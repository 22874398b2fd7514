import pg from 'pg';

/** A LISTEN on a dedicated PostgreSQL connection that reconnects by itself; `close()` ends it. */
export type NotificationListener = {
  /** resolves once the first LISTEN is in place (rejects never: failures are retried) */
  ready: Promise<void>;
  close(): Promise<void>;
};

export type ListenOptions = {
  /** called with each notification's payload on the channel */
  onMessage: (payload: string) => void;
  /**
   * Called after each successful LISTEN. `reconnected` is true after a lost connection: notifications sent
   * while it was down are lost, so the caller must assume everything it caches may have changed.
   */
  onConnect?: (reconnected: boolean) => void;
  /** told about a lost connection (the listener retries with a growing delay, 0.2 s to 5 s) */
  onError?: (err: Error) => void;
  /** how often the idle connection is probed with `SELECT 1` (default 15 s; a dead peer is then noticed) */
  probeMs?: number;
};

/**
 * LISTENs on `channel` over its own pg client (not the pool: a pooled client is shared and released). On an
 * error, an end or a failed probe the client is dropped and a new one connects after a delay; `onConnect(true)`
 * then tells the caller that it may have missed notifications.
 */
export function listenForNotifications(url: string, channel: string, opts: ListenOptions): NotificationListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let client: pg.Client | undefined;
  let closed = false;
  let connectedOnce = false;
  let delay = 200;
  let retryTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const drop = (c: pg.Client, err: Error) => {
    if (client !== c) return;
    client = undefined;
    if (probeTimer) clearInterval(probeTimer);
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    if (closed) return;
    opts.onError?.(err);
    retryTimer = setTimeout(connect, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, 5_000);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    client = c;
    c.on('error', (err) => drop(c, err));
    c.on('end', () => drop(c, new Error('connection ended')));
    c.on('notification', (m) => {
      if (m.channel === channel) opts.onMessage(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      drop(c, err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (closed || client !== c) return;
    delay = 200;
    opts.onConnect?.(connectedOnce);
    connectedOnce = true;
    markReady();
    probeTimer = setInterval(() => {
      c.query('SELECT 1').catch((err: Error) => drop(c, err));
    }, opts.probeMs ?? 15_000);
    probeTimer.unref();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (probeTimer) clearInterval(probeTimer);
      const c = client;
      client = undefined;
      markReady();
      if (c) await c.end().catch(() => undefined);
    },
  };
}
