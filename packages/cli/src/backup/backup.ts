import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DbHandle, RawTx } from '@chanbang/db';
import { ident, listAppTables, migrationLevel, rowsQuery, STABLE_TEXT_SETTINGS, type MigrationLevel, type TableInfo } from './catalog.ts';

/**
 * The backup file: gzip'd NDJSON. Line 1 is the header; then per table a `{"table", "columns"}` line, one JSON
 * array per row (each value as PostgreSQL's text of it, or null), and a `{"end": table, "rows", "sha256"}` line
 * (sha256 over the row lines); a last `{"complete": true}` line proves the file was written to the end.
 */
export const BACKUP_FORMAT = 'chanbang-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** the database written from */
  source: 'pglite' | 'pg';
  migrations: MigrationLevel;
  tables: string[];
};

export type TableSummary = { table: string; rows: number; sha256: string };
export type BackupResult = { file: string; header: BackupHeader; tables: TableSummary[]; rows: number; bytes: number; ms: number };

/** Rows fetched from the cursor at a time (bounded memory whatever the table size). */
const FETCH_ROWS = 2_000;

/** Streams a table's rows (arrays of text or null) through a cursor of the running transaction. */
export async function* tableRows(tx: Pick<RawTx, 'query'>, t: TableInfo): AsyncGenerator<(string | null)[][]> {
  const cursor = `chanbang_backup_${t.name.replace(/[^a-z0-9_]/gi, '_')}`;
  await tx.query(`DECLARE ${ident(cursor)} NO SCROLL CURSOR FOR ${rowsQuery(t)}`);
  try {
    for (;;) {
      const rows = await tx.query<Record<string, string | null>>(`FETCH FORWARD ${FETCH_ROWS} FROM ${ident(cursor)}`);
      if (rows.length) yield rows.map((r) => t.columns.map((_c, i) => r[`c${i}`] ?? null));
      if (rows.length < FETCH_ROWS) break;
    }
  } finally {
    await tx.query(`CLOSE ${ident(cursor)}`);
  }
}

/**
 * Writes a logical backup of every application table to `file` (mode 0600: it holds personal data), from one
 * consistent snapshot (REPEATABLE READ, read only), streaming: a cursor per table, gzip on the way out. The file
 * appears under its name only when complete (written as `<file>.partial-<pid>`, then renamed).
 */
export async function writeBackup(db: DbHandle, file: string, log: (line: string) => void = () => undefined): Promise<BackupResult> {
  const t0 = Date.now();
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  await once(out, 'open');
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const { header, tables } = await db.rawTransaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      for (const s of STABLE_TEXT_SETTINGS) await tx.query(s);
      const infos = await listAppTables(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        source: db.kind,
        migrations: await migrationLevel(tx),
        tables: infos.map((t) => t.name),
      };
      await write(JSON.stringify(header));
      const tables: TableSummary[] = [];
      for (const t of infos) {
        await write(JSON.stringify({ table: t.name, columns: t.columns }));
        const hash = createHash('sha256');
        let rows = 0;
        for await (const batch of tableRows(tx, t)) {
          for (const r of batch) {
            const line = JSON.stringify(r);
            hash.update(line).update('\n');
            await write(line);
          }
          rows += batch.length;
        }
        const summary = { table: t.name, rows, sha256: hash.digest('hex') };
        await write(JSON.stringify({ end: t.name, rows, sha256: summary.sha256 }));
        tables.push(summary);
        log(`  ${t.name.padEnd(22)} ${rows} rows`);
      }
      return { header, tables };
    });
    await write(JSON.stringify({ complete: true, tables: tables.length, rows: tables.reduce((a, t) => a + t.rows, 0) }));
    gzip.end();
    await finished(out);
    await rename(partial, file);
    return { file, header, tables, rows: tables.reduce((a, t) => a + t.rows, 0), bytes: out.bytesWritten, ms: Date.now() - t0 };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await unlink(partial).catch(() => undefined);
    throw err;
  }
}
