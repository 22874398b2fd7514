import { sql } from 'drizzle-orm';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

/** Which facts are kept (rule_fact_cache, migration 0012): a kind, a rule's facts filter (and the reading year), a year. */
export type FactsCacheKey = { kind: string; filterKey: string; year: number };

/** Villages written per statement (two parameters each). */
const BATCH = 50;

/**
 * The kept facts of a key in a county: `complete` when the county's marker row is there (every village of the county
 * was written), and each village's JSON (null: stale). One statement, so the marker and the villages agree.
 */
export async function readKeptFacts(tx: Conn, key: FactsCacheKey, county6: string): Promise<{ complete: boolean; villages: Map<string, string | null> }> {
  const rows = rowsOf<{ v: string; f: string | null }>(
    await tx.execute(sql`SELECT village_code AS v, facts AS f FROM rule_fact_cache
      WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND ${scopeWhere(sql`village_code`, county6)}`),
  );
  let complete = false;
  const villages = new Map<string, string | null>();
  for (const r of rows) {
    if (r.v === county6) complete = true;
    else villages.set(r.v, r.f);
  }
  return { complete, villages };
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
 * the county is among `villages`, or was written before and not dropped since).
 */
export async function writeKeptFacts(tx: Conn, key: FactsCacheKey, villages: readonly { village: string; facts: string }[], marker?: string): Promise<void> {
  const rows = marker ? [...villages, { village: marker, facts: '' }] : villages;
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => sql`(${key.kind}, ${key.filterKey}, ${key.year}::int, ${r.village}, ${r.facts})`);
    await tx.execute(sql`INSERT INTO rule_fact_cache (kind, filter_key, year, village_code, facts) VALUES ${sql.join(values, sql`, `)}
      ON CONFLICT (kind, filter_key, year, village_code) DO UPDATE SET facts = excluded.facts`);
  }
}

/** Deletes what is kept of a key in a county, its marker row included. */
export async function dropKeptFacts(tx: Conn, key: FactsCacheKey, county6: string): Promise<void> {
  await tx.execute(sql`DELETE FROM rule_fact_cache
    WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND ${scopeWhere(sql`village_code`, county6)}`);
}

/** Writes one village's facts of a key where a row of it is kept (stale or not); nothing when the key keeps none. */
export async function rewriteKeptVillage(tx: Conn, key: FactsCacheKey, village: string, facts: string): Promise<void> {
  await tx.execute(sql`UPDATE rule_fact_cache SET facts = ${facts}
    WHERE kind = ${key.kind} AND filter_key = ${key.filterKey} AND year = ${key.year} AND village_code = ${village}`);
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
