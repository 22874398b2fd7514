import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DbHandle, RawTx } from '@chanbang/db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, tableRows, type BackupHeader, type TableSummary } from './backup.ts';
import { DERIVED_TABLES, ident, RULE_TABLES, listAppTables, migrationLevel, STABLE_TEXT_SETTINGS, type TableInfo } from './catalog.ts';

/** A refusal of the restore command, worded in Chinese and English; nothing was changed. */
export class RestoreRefused extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'RestoreRefused';
  }
}

/** Tables the server fills by itself when it starts on an empty database (they do not make it "non-empty"). */
const SEEDED_TABLES = new Set(['dictionary_items', 'monitoring_lines', 'settings']);

/** Rows per COPY while restoring (bounded memory whatever the table size). */
const COPY_ROWS = 2_000;

function lines(file: string): AsyncIterableIterator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/**
 * Reads the header line of a backup file.
 * @throws RestoreRefused when the file is not a chanbang backup
 */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const it = lines(file);
  try {
    const first = (await it.next()).value as string | undefined;
    const h = JSON.parse(first ?? '') as Partial<BackupHeader>;
    if (h.format !== BACKUP_FORMAT || typeof h.formatVersion !== 'number' || !Array.isArray(h.tables)) throw new Error('not ours');
    if (h.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new RestoreRefused(
        `备份文件格式版本 ${h.formatVersion} 比本程序新，请升级后再恢复`,
        `the backup's format version ${h.formatVersion} is newer than this program's; upgrade first`,
      );
    }
    return h as BackupHeader;
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${file} 不是 chanbang 备份文件（gzip 压缩的 NDJSON）`, `${file} is not a chanbang backup (gzip'd NDJSON)`);
  } finally {
    await it.return?.();
  }
}

/** Application tables that hold rows, with their counts (the seeded ones left out). */
export async function nonEmptyTables(db: Pick<DbHandle, 'query'>): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const t of await listAppTables(db)) {
    if (SEEDED_TABLES.has(t.name)) continue;
    const [r] = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
    if (Number(r?.n ?? 0) > 0) out.push({ table: t.name, rows: Number(r?.n) });
  }
  return out;
}

function csvLine(values: (string | null)[]): string {
  // unquoted empty = NULL; every value quoted, so an empty string stays an empty string
  return values.map((v) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`)).join(',');
}

export type RestoreResult = { header: BackupHeader; tables: TableSummary[]; rows: number; ms: number };

/**
 * Restores a backup into `db` in ONE transaction: empties every application table, loads each table with COPY
 * in batches (parents first), sets every sequence to its column's maximum, then reads each table back and
 * compares its sha256 with the backup's — any difference rolls everything back. Refuses a file of another
 * migration level, and a database holding data unless `force`.
 * @throws RestoreRefused (nothing changed) for the refusals above; the database error otherwise (rolled back)
 */
export async function restoreBackup(db: DbHandle, file: string, opts: { force?: boolean; log?: (line: string) => void } = {}): Promise<RestoreResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => undefined);
  const header = await readBackupHeader(file);
  const level = await migrationLevel(db);
  if (level.count !== header.migrations.count || level.lastCreatedAt !== header.migrations.lastCreatedAt) {
    throw new RestoreRefused(
      `备份的数据库结构版本（第 ${header.migrations.count} 次迁移）与当前数据库（第 ${level.count} 次迁移）不同，不能恢复：请用与备份时相同版本的 chanbang 恢复到新建的数据库`,
      `the backup's schema level (${header.migrations.count} migrations, last ${header.migrations.lastCreatedAt}) differs from this database's ` +
        `(${level.count}, last ${level.lastCreatedAt}): restore with the chanbang version that wrote it, into a new database`,
    );
  }
  const used = await nonEmptyTables(db);
  if (used.length && !opts.force) {
    const list = used.map((u) => `${u.table} ${u.rows}`).join(', ');
    throw new RestoreRefused(
      `目标数据库已有数据（${list}），未恢复。确需覆盖请加 --force`,
      `the target database holds data (${list}); nothing was restored. Use --force to overwrite it`,
    );
  }
  const result = await db.rawTransaction(async (tx) => {
    for (const s of STABLE_TEXT_SETTINGS) await tx.query(s);
    const infos = new Map((await listAppTables(tx)).map((t) => [t.name, t]));
    const missing = header.tables.filter((t) => !infos.has(t));
    if (missing.length || header.tables.length !== infos.size) {
      throw new RestoreRefused(`备份中的表与当前数据库不一致：${missing.join(', ')}`, `the backup's tables differ from this database's: ${missing.join(', ')}`);
    }
    await tx.query(`TRUNCATE ${[...infos.keys(), ...DERIVED_TABLES].map(ident).join(', ')}`);
    const tables = await loadTables(tx, file, infos, log);
    for (const t of infos.values()) {
      for (const s of t.sequences) {
        await tx.query(`SELECT setval($1, coalesce((SELECT max(${ident(s.column)}) FROM ${ident(t.name)}), 1), (SELECT count(*) > 0 FROM ${ident(t.name)}))`, [s.sequence]);
      }
    }
    for (const summary of tables) await verifyTable(tx, infos.get(summary.table) as TableInfo, summary);
    // stored rule results are derived: emptied (with the dirty marks the COPY fired), evaluated afresh when read;
    // the household counts by type are counted again from the restored households (the COPY's triggers did too)
    await tx.query(`TRUNCATE ${RULE_TABLES.map(ident).join(', ')}`);
    await tx.query('TRUNCATE household_type_counts');
    await tx.query(
      'INSERT INTO household_type_counts (region_code, household_type, n) SELECT region_code, household_type, count(*) FROM households WHERE deleted_at IS NULL GROUP BY 1, 2',
    );
    await tx.query(`SELECT pg_notify('chanbang_cache', '{"kind":"all"}')`);
    return tables;
  });
  return { header, tables: result, rows: result.reduce((a, t) => a + t.rows, 0), ms: Date.now() - t0 };
}

/** Streams the file's tables into the database; returns what each table's end line recorded. */
async function loadTables(tx: RawTx, file: string, infos: Map<string, TableInfo>, log: (line: string) => void): Promise<TableSummary[]> {
  const done: TableSummary[] = [];
  let current: { info: TableInfo; columns: string[]; rows: number; hash: ReturnType<typeof createHash> } | null = null;
  let batch: string[] = [];
  let complete = false;
  const flush = async () => {
    if (!current || !batch.length) return;
    const cols = current.columns.map(ident).join(', ');
    await tx.copyFromCsv(`COPY ${ident(current.info.name)} (${cols}) FROM STDIN WITH (FORMAT csv)`, `${batch.join('\n')}\n`);
    batch = [];
  };
  let first = true;
  for await (const line of lines(file)) {
    if (first) {
      first = false; // the header, read before
      continue;
    }
    if (!line) continue;
    if (line.startsWith('[')) {
      if (!current) throw new RestoreRefused('备份文件已损坏（数据行不属于任何表）', 'the backup file is damaged (a row outside any table)');
      current.hash.update(line).update('\n');
      batch.push(csvLine(JSON.parse(line) as (string | null)[]));
      current.rows++;
      if (batch.length >= COPY_ROWS) await flush();
      continue;
    }
    const meta = JSON.parse(line) as { table?: string; columns?: string[]; end?: string; rows?: number; sha256?: string; complete?: boolean };
    if (meta.table) {
      const info = infos.get(meta.table);
      if (!info || !meta.columns || meta.columns.join() !== info.columns.join()) {
        throw new RestoreRefused(`备份中表 ${meta.table} 的列与当前数据库不同`, `the columns of table ${meta.table} in the backup differ from this database's`);
      }
      current = { info, columns: meta.columns, rows: 0, hash: createHash('sha256') };
    } else if (meta.end && current) {
      await flush();
      const sha256 = current.hash.digest('hex');
      if (meta.rows !== current.rows || meta.sha256 !== sha256) {
        throw new RestoreRefused(`备份文件已损坏（表 ${meta.end} 的行数或校验和不符）`, `the backup file is damaged (rows or checksum of table ${meta.end} do not match)`);
      }
      done.push({ table: meta.end, rows: current.rows, sha256 });
      log(`  ${meta.end.padEnd(22)} ${current.rows} rows`);
      current = null;
    } else if (meta.complete) {
      complete = true;
    }
  }
  if (!complete) throw new RestoreRefused('备份文件不完整（写入未结束），未恢复', 'the backup file is incomplete (its writing did not finish); nothing was restored');
  return done;
}

/** Reads a restored table back in backup order and compares its sha256 with the backup's. */
async function verifyTable(tx: RawTx, info: TableInfo, expected: TableSummary): Promise<void> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of tableRows(tx, info)) {
    for (const r of batch) hash.update(JSON.stringify(r)).update('\n');
    rows += batch.length;
  }
  const sha256 = hash.digest('hex');
  if (rows !== expected.rows || sha256 !== expected.sha256) {
    throw new Error(`restored table ${info.name} differs from the backup (${rows} rows, sha256 ${sha256.slice(0, 12)}… vs ${expected.rows}, ${expected.sha256.slice(0, 12)}…)`);
  }
}
