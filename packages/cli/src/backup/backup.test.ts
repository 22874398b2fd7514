import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { hashPassword, seedDictionariesIfEmpty, seedMonitoringLinesIfEmpty } from '@chanbang/server';
import { loadDemo } from '../demo/demo-loader.ts';
import { writeBackup } from './backup.ts';
import { DERIVED_TABLES, RULE_TABLES } from './catalog.ts';
import { restoreBackup, RestoreRefused } from './restore.ts';

// Backup → restore round trip: a seeded database (the demo county, 600 households, plus rows with awkward
// values) is backed up, restored into a new freshly migrated database, and every table's checksum is compared.
// The checksum is computed here by PostgreSQL (md5 of the rows' text, sorted by that text), not by the backup
// code. PGlite always; with TEST_DATABASE_URL also PostgreSQL → PostgreSQL and PGlite → PostgreSQL.

const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const dir = mkdtempSync(join(tmpdir(), 'cb-backup-'));
const created: string[] = [];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A freshly migrated and seeded database: in-memory PGlite, or a new database on TEST_DATABASE_URL's server. */
async function freshDb(kind: 'pglite' | 'pg'): Promise<DbHandle> {
  let db: DbHandle;
  if (kind === 'pglite') db = await openDb({ dataDir: 'memory://' });
  else {
    const name = `cb_backup_${randomBytes(6).toString('hex')}`;
    const admin = await openDb({ databaseUrl: serverUrl, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    created.push(name);
    db = await openDb({ databaseUrl: withDatabase(serverUrl, name), poolSize: 2 });
  }
  await migrateDb(db);
  await seedDictionariesIfEmpty(db.db);
  await seedMonitoringLinesIfEmpty(db.db);
  return db;
}

/** Seeds the demo county and rows whose text is easy to get wrong (quotes, commas, new lines, empty vs NULL, JSON, arrays). */
async function seed(db: DbHandle): Promise<void> {
  await loadDemo(db, { hashPassword, county: { households: 600 } });
  const [u] = await db.query<{ id: number }>('SELECT id FROM users ORDER BY id LIMIT 1');
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, region_code, before, after, request_id)
     VALUES ($1, $2, 'update', 'household', '1', NULL, $3::jsonb, $4::jsonb, ''),
            ($1, 'x', 'create', 'household', '2', NULL, NULL, '{}'::jsonb, NULL)`,
    [u?.id, '引号"逗号,换行\n反斜杠\\ 制表\t', JSON.stringify({ note: 'a "b", c\nd', n: 1.5, list: [1, null, '三'] }), JSON.stringify({ empty: '' })],
  );
  await db.query(`UPDATE households SET address = '' WHERE id = (SELECT min(id) FROM households)`);
  await db.query(`UPDATE households SET address = NULL WHERE id = (SELECT max(id) FROM households)`);
}

/** Per-table row count and md5 of the rows' text in byte order, by PostgreSQL, in UTC. */
async function checksums(db: DbHandle): Promise<Record<string, string>> {
  return db.rawTransaction(async (tx) => {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
    await tx.query('SET LOCAL extra_float_digits = 3');
    const tables = await tx.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      // derived tables (stored rule results, ADR 0004) are not backed up: the restore empties them
      if (DERIVED_TABLES.includes(name)) continue;
      const [r] = await tx.query<{ n: number | string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM "${name}" t`,
      );
      out[name] = `${Number(r?.n)} ${r?.md5}`;
    }
    return out;
  });
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (created.length) {
    const admin = await openDb({ databaseUrl: serverUrl, poolSize: 1 });
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
});

const pairs: ['pglite' | 'pg', 'pglite' | 'pg'][] = serverUrl
  ? [
      ['pg', 'pg'],
      ['pglite', 'pg'],
    ]
  : [['pglite', 'pglite']];

describe.each(pairs)('backup of %s, restore into %s', (from, into) => {
  let source: DbHandle;
  let file: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    source = await freshDb(from);
    await seed(source);
    before = await checksums(source);
    file = join(dir, `${from}-${into}.ndjson.gz`);
    await writeBackup(source, file);
  }, 120_000);

  afterAll(async () => {
    await source?.close();
  });

  it('writes a gzip file only its owner may read, without drizzle’s migration table', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { tables: string[]; migrations: { count: number } };
    expect(header.tables).toContain('households');
    expect(header.tables).not.toContain('__drizzle_migrations');
    for (const t of DERIVED_TABLES) expect(header.tables).not.toContain(t);
    expect(header.migrations.count).toBeGreaterThanOrEqual(3);
    expect(text.trimEnd().endsWith('{"complete":true,"tables":' + header.tables.length + ',"rows":' + (text.match(/^\[/gm)?.length ?? -1) + '}')).toBe(true);
  });

  it('restores into a new database with identical per-table checksums, and sequences continue after the restored ids', async () => {
    const target = await freshDb(into);
    try {
      const r = await restoreBackup(target, file);
      expect(r.rows).toBeGreaterThan(3_000);
      const after = await checksums(target);
      expect(after).toEqual(before);
      // the restore's COPY fired the dirty-mark triggers: the rule tables are emptied all the same
      for (const t of RULE_TABLES) expect(Number((await target.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${t}`))[0]?.n)).toBe(0);
      // …and the household counts by type are those of the restored households, counted once
      const [kept] = await target.query<{ n: number | string }>('SELECT sum(n) AS n FROM household_type_counts');
      const [present] = await target.query<{ n: number | string }>('SELECT count(*) AS n FROM households WHERE deleted_at IS NULL');
      expect(Number(kept?.n)).toBe(Number(present?.n));
      expect(Number(present?.n)).toBeGreaterThan(500);
      expect(Number(before.households?.split(' ')[0])).toBe(600);
      const [max] = await target.query<{ id: number | string }>('SELECT max(id) AS id FROM households');
      const [next] = await target.query<{ id: number | string }>(`SELECT nextval(pg_get_serial_sequence('households', 'id')) AS id`);
      expect(Number(next?.id)).toBe(Number(max?.id) + 1);

      // a second restore into the now non-empty database is refused without --force, and changes nothing
      await expect(restoreBackup(target, file)).rejects.toThrow(/目标数据库已有数据.*households 600/s);
      // with force it replaces the data (same content: the checksums still match)
      await target.query(`UPDATE households SET address = 'changed' WHERE id = (SELECT min(id) FROM households)`);
      await restoreBackup(target, file, { force: true });
      expect(await checksums(target)).toEqual(before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a backup of another migration level, and a truncated file, changing nothing', async () => {
    const target = await freshDb(into);
    try {
      const seeded = await checksums(target);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const header = JSON.parse(lines[0] ?? '') as { migrations: { count: number } };
      const older = join(dir, 'older.ndjson.gz');
      writeFileSync(older, gzipSync([JSON.stringify({ ...header, migrations: { ...header.migrations, count: header.migrations.count - 1 } }), ...lines.slice(1)].join('\n')));
      const refusal = restoreBackup(target, older);
      await expect(refusal).rejects.toBeInstanceOf(RestoreRefused);
      await expect(refusal).rejects.toThrow(/数据库结构版本/);
      const cut = join(dir, 'cut.ndjson.gz');
      writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
      await expect(restoreBackup(target, cut)).rejects.toThrow(/不完整|incomplete/);
      expect(await checksums(target)).toEqual(seeded);
    } finally {
      await target.close();
    }
  }, 120_000);
});
