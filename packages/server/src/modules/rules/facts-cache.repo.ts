import { sql } from 'drizzle-orm';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { textArrayLiteral } from '../../sql-helpers.ts';

/** Which facts are kept (rule_fact_cache, migration 0012): a kind, a rule's facts filter (and the reading year), a year. */
export type FactsCacheKey = { kind: string; filterKey: string; year: number };

/** Villages written per statement (two parameters each). */
const BATCH = 50;

/** A kept village's row: its stamp (migration 0013) and whether it is stale (facts NULL). */
export type KeptStamp = { stamp: number; stale: boolean };

/**
 * What is kept of a key in a county, without the facts: `complete` when the county's marker row is there (every
 * village of the county was written), and each village's stamp and staleness. One statement, so the marker and the
 * villages agree.
 */
export async function readKeptStamps(tx: Conn, key: FactsCacheKey, county6: string): Promise<{ complete: boolean; villages: Map<string, KeptStamp> }> {
  const rows = rowsOf<{ v: string; s: string | number; stale: boolean }>(
    await tx.execute(sql`SELECT village_code AS v, stamp AS s, facts IS NULL AS stale FROM rule_fact_cache
      WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND ${scopeWhere(sql`village_code`, county6)}`),
  );
  let complete = false;
  const villages = new Map<string, KeptStamp>();
  for (const r of rows) {
    if (r.v === county6) complete = true;
    else villages.set(r.v, { stamp: Number(r.s), stale: r.stale });
  }
  return { complete, villages };
}

/** The kept JSON of some villages of a key, with each row's stamp (stale villages are left out). */
export async function readKeptVillages(tx: Conn, key: FactsCacheKey, villages: readonly string[]): Promise<{ village: string; stamp: number; facts: string }[]> {
  if (!villages.length) return [];
  const rows = rowsOf<{ v: string; s: string | number; f: string }>(
    await tx.execute(sql`SELECT village_code AS v, stamp AS s, facts AS f FROM rule_fact_cache
      WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND facts IS NOT NULL
        AND village_code = ANY(${textArrayLiteral(villages)}::text[])`),
  );
  return rows.map((r) => ({ village: r.v, stamp: Number(r.s), facts: r.f }));
}

/** The keys whose county is kept whole (its marker row is there). */
export async function keptKeys(tx: Conn, county6: string): Promise<FactsCacheKey[]> {
  const rows = rowsOf<{ kind: string; filter_key: string; year: number }>(
    await tx.execute(sql`SELECT kind, filter_key, year FROM rule_fact_cache WHERE village_code = ${county6}`),
  );
  return rows.map((r) => ({ kind: r.kind, filterKey: r.filter_key, year: Number(r.year) }));
}

/**
 * Writes villages' facts of a key (inserted or overwritten); `marker`: also the county's marker row (every village of
 * the county is among `villages`, or was written before and not dropped since). Returns each written village's stamp.
 */
export async function writeKeptFacts(tx: Conn, key: FactsCacheKey, villages: readonly { village: string; facts: string }[], marker?: string): Promise<Map<string, number>> {
  const rows = marker ? [...villages, { village: marker, facts: '' }] : villages;
  const stamps = new Map<string, number>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => sql`(${key.kind}, ${key.filterKey}, ${key.year}::int, ${r.village}, ${r.facts})`);
    const written = rowsOf<{ v: string; s: string | number }>(
      await tx.execute(sql`INSERT INTO rule_fact_cache (kind, filter_key, year, village_code, facts) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (kind, filter_key, year, village_code) DO UPDATE SET facts = excluded.facts
        RETURNING village_code AS v, stamp AS s`),
    );
    for (const w of written) stamps.set(w.v, Number(w.s));
  }
  return stamps;
}

/** Deletes what is kept of a key in a county, its marker row included. */
export async function dropKeptFacts(tx: Conn, key: FactsCacheKey, county6: string): Promise<void> {
  await tx.execute(sql`DELETE FROM rule_fact_cache
    WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND ${scopeWhere(sql`village_code`, county6)}`);
}

/**
 * Writes one village's facts of a key where a row of it is kept (stale or not); nothing when the key keeps none.
 * Returns the row's new stamp, or undefined when none was written.
 */
export async function rewriteKeptVillage(tx: Conn, key: FactsCacheKey, village: string, facts: string): Promise<number | undefined> {
  const [row] = rowsOf<{ s: string | number }>(
    await tx.execute(sql`UPDATE rule_fact_cache SET facts = ${facts}
      WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND village_code = ${village}
      RETURNING stamp AS s`),
  );
  return row ? Number(row.s) : undefined;
}

/**
 * What taking dirty marks of a kind does to its kept facts in a county: `dropAll` (a mark of the county's own row)
 * deletes them, marker included; else every kept village under one of `prefixes` becomes stale, and each of
 * `villages` (the marked rows' villages, perhaps new to the county) gets a stale row under every kept key of the kind.
 */
export async function staleKeptFacts(
  tx: Conn,
  kind: string,
  county6: string,
  change: { dropAll: boolean; prefixes: readonly string[]; villages: readonly string[] },
): Promise<void> {
  if (change.dropAll) {
    await tx.execute(sql`DELETE FROM rule_fact_cache WHERE kind = ${kind} AND ${scopeWhere(sql`village_code`, county6)}`);
    return;
  }
  if (change.prefixes.length)
    await tx.execute(sql`UPDATE rule_fact_cache SET facts = NULL
      WHERE kind = ${kind} AND facts IS NOT NULL AND length(village_code) = 12
        AND village_code LIKE ANY (SELECT p || '%' FROM jsonb_array_elements_text(${JSON.stringify(change.prefixes)}::jsonb) AS x(p))`);
  if (change.villages.length)
    await tx.execute(sql`INSERT INTO rule_fact_cache (kind, filter_key, year, village_code, facts)
      SELECT k.kind, k.filter_key, k.year, v.code, NULL
      FROM rule_fact_cache k CROSS JOIN jsonb_array_elements_text(${JSON.stringify(change.villages)}::jsonb) AS v(code)
      WHERE k.kind = ${kind} AND k.village_code = ${county6}
      ON CONFLICT (kind, filter_key, year, village_code) DO UPDATE SET facts = NULL`);
}

/** Forgets every kept fact (at start-up: new code may gather differently). */
export async function clearKeptFacts(db: Conn): Promise<void> {
  await db.execute(sql`DELETE FROM rule_fact_cache`);
}
