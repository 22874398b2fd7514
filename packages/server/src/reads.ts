import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Conn } from './deps.ts';

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads: at once on the pool (each on its own connection), one after the other inside a
 * transaction, whose single connection would otherwise get a query while one is running (pg's DeprecationWarning
 * "client.query() when the client is already executing a query", refused from pg 9). A detail built for a 409 inside
 * the write's transaction (`checkVersion`) reads through here.
 */
export async function readAll<T extends readonly unknown[]>(conn: Conn, reads: Reads<T>): Promise<T> {
  if (!(conn instanceof PgTransaction)) return (await Promise.all(reads.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as unknown as T;
}
