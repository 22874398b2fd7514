import type { DbHandle, RawTx } from '@chanbang/db';

/** One application table as a backup sees it. */
export type TableInfo = {
  name: string;
  /** stored columns in table order (generated columns are left out: PostgreSQL computes them again) */
  columns: string[];
  /** the ORDER BY of its rows: primary key columns (text ones in byte order), or every column when it has none */
  orderBy: string;
  /** serial columns and their sequences, set to the column's maximum after a restore */
  sequences: { column: string; sequence: string }[];
};

/** The schema's migration level: how many drizzle migrations are applied and the newest one's time. */
export type MigrationLevel = { count: number; lastCreatedAt: string | null };

type Q = Pick<RawTx, 'query'> | Pick<DbHandle, 'query'>;

/** Double-quotes an identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character']);

/**
 * Stored rule results, their counts and dirty marks (ADR 0004), the kept facts (ADR 0005): a restore empties them after loading the facts, so
 * every rule is evaluated afresh from the restored facts.
 */
export const RULE_TABLES: readonly string[] = ['rule_dirty', 'rule_evaluations', 'rule_fact_cache', 'rule_result_counts', 'rule_result_digests', 'rule_results'];

/**
 * Tables derived from the others, never backed up: the rule tables and the household counts by type (migration
 * 0005), which a restore counts again from the restored households.
 */
export const DERIVED_TABLES: readonly string[] = [...RULE_TABLES, 'household_type_counts'];

/**
 * Every table of the `public` schema (drizzle's own table lives in the `drizzle` schema and is not one of them),
 * parents before children (foreign keys), with the columns, row order and sequences a backup needs.
 * @throws Error on a cycle of foreign keys between tables (a restore could not insert them in any order)
 */
export async function listAppTables(db: Q): Promise<TableInfo[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !DERIVED_TABLES.includes(name));
  const cols = await db.query<{ table: string; column: string; type: string; generated: string; dflt: string | null }>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type", is_generated AS "generated", column_default AS dflt
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const pks = await db.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisprimary ORDER BY c.relname, k.pos`,
  );
  const fks = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.relname <> pa.relname`,
  );
  const infos = new Map<string, TableInfo>();
  for (const name of tables) {
    const mine = cols.filter((c) => c.table === name && c.generated !== 'ALWAYS');
    const typeOf = new Map(mine.map((c) => [c.column, c.type]));
    const keyCols = pks.filter((p) => p.table === name).map((p) => p.column);
    const order = (keyCols.length ? keyCols : mine.map((c) => c.column)).map((c) =>
      TEXT_TYPES.has(typeOf.get(c) ?? '') ? `${ident(c)} COLLATE "C"` : keyCols.length ? ident(c) : `${ident(c)}::text COLLATE "C"`,
    );
    const sequences: TableInfo['sequences'] = [];
    for (const c of mine) {
      if (!c.dflt?.startsWith('nextval(')) continue;
      const [s] = await db.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [ident(name), c.column]);
      if (s?.seq) sequences.push({ column: c.column, sequence: s.seq });
    }
    infos.set(name, { name, columns: mine.map((c) => c.column), orderBy: order.join(', '), sequences });
  }
  // parents first (Kahn's algorithm, ties by name so that the order is the same everywhere)
  const ordered: TableInfo[] = [];
  const pending = new Set(tables);
  while (pending.size) {
    const ready = [...pending].filter((t) => !fks.some((f) => f.child === t && pending.has(f.parent)));
    if (!ready.length) throw new Error(`foreign keys form a cycle between tables: ${[...pending].join(', ')}`);
    for (const t of ready.sort()) {
      ordered.push(infos.get(t) as TableInfo);
      pending.delete(t);
    }
  }
  return ordered;
}

/** The applied drizzle migrations (count and the newest one's time); count 0 on a database never migrated. */
export async function migrationLevel(db: Q): Promise<MigrationLevel> {
  const [exists] = await db.query<{ ok: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`);
  if (!exists?.ok) return { count: 0, lastCreatedAt: null };
  const [r] = await db.query<{ count: number | string; last: string | null }>('SELECT count(*) AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations');
  return { count: Number(r?.count ?? 0), lastCreatedAt: r?.last ?? null };
}

/** The SELECT of a table's rows as text (one alias per column), in backup order. */
export function rowsQuery(t: TableInfo): string {
  const list = t.columns.map((c, i) => `${ident(c)}::text AS c${i}`).join(', ');
  return `SELECT ${list} FROM ${ident(t.name)} ORDER BY ${t.orderBy}`;
}

/** Session settings that make the text of values the same whichever server writes or reads it. */
export const STABLE_TEXT_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL bytea_output = 'hex'",
];
