import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { openDb, type DbHandle } from '@chanbang/db';
import { openAppDb } from '@chanbang/server';
import { writeBackup } from '../backup/backup.ts';
import { nonEmptyTables, readBackupHeader, restoreBackup, RestoreRefused } from '../backup/restore.ts';
import { cliConfig, report } from './context.ts';

/** What a user types to let `restore --force` overwrite a database that holds data. */
export const RESTORE_CONFIRMATION = 'RESTORE';

/** The database as it is (no migration, no seeding): a backup takes what is there. */
async function openAsIs(): Promise<DbHandle> {
  const config = cliConfig({ migrate: false });
  return openDb({ databaseUrl: config.databaseUrl, dataDir: join(resolve(config.dataDir), 'pg') });
}

function where(db: DbHandle): string {
  const config = cliConfig();
  return db.kind === 'pg' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${join(resolve(config.dataDir), 'pg')}`;
}

/** `chanbang backup --out FILE`: a logical backup of every application table, gzip'd NDJSON, mode 0600. */
export async function backupCommand(opts: { out: string; json?: boolean }): Promise<void> {
  const db = await openAsIs();
  try {
    const file = resolve(opts.out);
    if (!opts.json) console.log(`备份 / backing up ${where(db)} → ${file}`);
    const r = await writeBackup(db, file, opts.json ? undefined : (l) => console.log(l));
    report(!!opts.json, { file: r.file, source: r.header.source, migrations: r.header.migrations, tables: r.tables, rows: r.rows, bytes: r.bytes, ms: r.ms }, [
      `备份完成 / backup written: ${r.tables.length} tables, ${r.rows} rows, ${r.bytes} bytes, ${r.ms} ms (schema level ${r.header.migrations.count})`,
      '该文件含个人信息，请妥善保管 / the file holds personal data: keep it safe (mode 0600)',
    ]);
  } finally {
    await db.close();
  }
}

/** Reads one line from stdin (a TTY or a pipe). */
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    process.stderr.write(question);
    for await (const line of rl) return line.trim();
    return '';
  } finally {
    rl.close();
  }
}

/**
 * `chanbang restore FILE [--force]`: restores a backup into a freshly migrated database in one transaction.
 * A database that holds data is refused, unless --force and the confirmation text typed on stdin.
 */
export async function restoreCommand(file: string, opts: { force?: boolean; json?: boolean }): Promise<void> {
  const path = resolve(file);
  const header = await readBackupHeader(path); // refuse a wrong file before touching the database
  const db = await openAppDb(cliConfig());
  try {
    if (opts.force) {
      const used = await nonEmptyTables(db);
      if (used.length) {
        const list = used.map((u) => `${u.table} ${u.rows}`).join(', ');
        const answer = await ask(
          `目标数据库 ${where(db)} 已有数据（${list}），恢复将全部删除并替换为备份（${header.createdAt}）。\n` +
            `The database ${where(db)} holds data (${list}); the restore deletes all of it and puts the backup (${header.createdAt}) in its place.\n` +
            `输入 ${RESTORE_CONFIRMATION} 确认 / type ${RESTORE_CONFIRMATION} to confirm: `,
        );
        if (answer !== RESTORE_CONFIRMATION) throw new RestoreRefused('未确认，未恢复', 'not confirmed; nothing was restored');
      }
    }
    if (!opts.json) console.log(`恢复 / restoring ${path} (${header.source}, ${header.createdAt}) → ${where(db)}`);
    const r = await restoreBackup(db, path, { force: !!opts.force, log: opts.json ? undefined : (l) => console.log(l) });
    report(!!opts.json, { restored: true, tables: r.tables, rows: r.rows, ms: r.ms }, [
      `恢复完成，各表校验和与备份一致 / restored: ${r.tables.length} tables, ${r.rows} rows, checksums match the backup (${r.ms} ms)`,
    ]);
  } finally {
    await db.close();
  }
}
