import type { Conn } from '../../deps.ts';
import * as kept from './facts-cache.repo.ts';
import type { FactsCacheKey } from './facts-cache.repo.ts';
import type { FactsMemory } from './facts-memory.ts';

/**
 * The kept facts of a full evaluation (rule_fact_cache, migration 0012, ADR 0005). Only the kinds with one fact per
 * household or person, each under its village and re-gathered by village after an edit: the big ones (H1, the
 * 三有一持续 rules, J1–J3, H4/H7), whose gathering was most of a county's full evaluation.
 */
export const KEPT_KINDS: ReadonlySet<string> = new Set(['household', 'coverage', 'job_subsidy', 'worker']);

/** Above this many stale villages a kept county is gathered again whole (one statement) instead of village by village. */
export const MAX_STALE_VILLAGES = 30;

/** What is gathered and how, for {@link keptFacts}. */
export type KeptWanted = { kind: string; filter: unknown; year: number };

/**
 * The cache key of some facts, or undefined for a kind that is not kept. The filter key holds the reading year too:
 * a past year's household status is worked out from today's (household-facts.repo.ts), so it changes on 1 January.
 */
export function keptKeyOf(w: KeptWanted): FactsCacheKey | undefined {
  if (!KEPT_KINDS.has(w.kind)) return undefined;
  return { kind: w.kind, filterKey: JSON.stringify([w.filter ?? null, new Date().getFullYear()]), year: w.year };
}

/** The filter and the reading year a kept key's filter key holds ({@link keptKeyOf}). */
export function filterOfKeptKey(filterKey: string): { filter: unknown; readingYear: number } {
  const [filter, readingYear] = JSON.parse(filterKey) as [unknown, number];
  return { filter, readingYear };
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Facts as the JSON kept, every character outside ASCII written as a \u escape: a string read back with one Chinese
 * character in it (a worker's skills) is held by V8 as two bytes a character and decoded by the driver on its slow
 * path; all-ASCII text is read at about twice the speed. `JSON.parse` gives back the same characters.
 */
export function factsJson(facts: readonly unknown[]): string {
  return JSON.stringify(facts).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The village a fact lies in: the first 12 characters of its region code. */
function villageOfFact(f: unknown): string {
  const code = (f as { regionCode?: unknown }).regionCode;
  if (typeof code !== 'string' || code.length < 12) throw new Error(`a kept fact has no village region code: ${String(code)}`);
  return code.slice(0, 12);
}

/** Facts split by village, each with the JSON kept. */
function byVillage(facts: readonly unknown[]): { village: string; facts: unknown[]; json: string }[] {
  const groups = new Map<string, unknown[]>();
  for (const f of facts) {
    const v = villageOfFact(f);
    const g = groups.get(v);
    if (g) g.push(f);
    else groups.set(v, [f]);
  }
  return [...groups].map(([village, g]) => ({ village, facts: g, json: factsJson(g) }));
}

/**
 * A county's facts as kept or written, by village (in the order of the county's array): the rules evaluated village by
 * village (refresh-prefix.ts) take these groups instead of splitting the county's facts again.
 */
export const villageGroups = new WeakMap<readonly unknown[], ReadonlyMap<string, readonly unknown[]>>();

/** Where a village's facts of a key are held in the process's memory (facts-memory.ts). */
const heldKey = (key: FactsCacheKey, village: string) => `${key.kind}\u001f${key.filterKey}\u001f${key.year}\u001f${village}`;

/**
 * Keeps the facts just gathered under `prefix`: a county's replace everything kept of that key in the county (a village
 * without facts any more keeps none) and mark it whole; a village's are written where that village is kept (stale or
 * not); a township's are not kept (its villages stay as they are, stale ones gathered when next read). What is written
 * is also held in `memory` under the rows' new stamps.
 */
export async function keepFacts(tx: Conn, key: FactsCacheKey, prefix: string, facts: readonly unknown[], memory?: FactsMemory): Promise<void> {
  if (prefix.length === 6) {
    await kept.dropKeptFacts(tx, key, prefix);
    const groups = byVillage(facts);
    villageGroups.set(facts, new Map(groups.map((g) => [g.village, g.facts])));
    const stamps = await kept.writeKeptFacts(
      tx,
      key,
      groups.map((g) => ({ village: g.village, facts: g.json })),
      prefix,
    );
    if (memory)
      for (const g of groups) {
        const stamp = stamps.get(g.village);
        if (stamp !== undefined) memory.hold(heldKey(key, g.village), stamp, g.facts, g.json.length);
      }
  } else if (prefix.length === 12) {
    const json = factsJson(facts);
    const stamp = await kept.rewriteKeptVillage(tx, key, prefix, json);
    if (memory && stamp !== undefined) memory.hold(heldKey(key, prefix), stamp, facts, json.length);
  }
}

/**
 * A county's facts read back from what is kept: each village from `memory` while its row's stamp is the one held,
 * else its JSON read and parsed (and held); the stale villages are gathered again one by one and written back (more
 * than {@link MAX_STALE_VILLAGES}: the county whole). Undefined when the county is not kept whole (any more).
 */
export async function keptFacts(
  tx: Conn,
  key: FactsCacheKey,
  county6: string,
  gather: (prefix: string) => Promise<unknown[]>,
  memory?: FactsMemory,
): Promise<unknown[] | undefined> {
  const { complete, villages } = await kept.readKeptStamps(tx, key, county6);
  if (!complete) return undefined;
  const stale = [...villages].filter(([, row]) => row.stale).map(([v]) => v);
  if (stale.length > MAX_STALE_VILLAGES) {
    const facts = await gather(county6);
    await keepFacts(tx, key, county6, facts, memory);
    return facts;
  }
  const parts = new Map<string, readonly unknown[]>();
  const toRead: string[] = [];
  for (const [village, row] of villages) {
    if (row.stale) continue;
    const held = memory?.take(heldKey(key, village), row.stamp);
    if (held) parts.set(village, held);
    else toRead.push(village);
  }
  for (const r of await kept.readKeptVillages(tx, key, toRead)) {
    const facts = JSON.parse(r.facts) as unknown[];
    memory?.hold(heldKey(key, r.village), r.stamp, facts, r.facts.length);
    parts.set(r.village, facts);
  }
  const out: unknown[] = [];
  const groups = new Map<string, readonly unknown[]>();
  for (const village of villages.keys()) {
    let facts = parts.get(village);
    if (!facts) {
      // stale: gathered again and written back
      facts = await gather(village);
      await keepFacts(tx, key, village, facts, memory);
    }
    if (facts.length) groups.set(village, facts);
    for (const f of facts) out.push(f);
  }
  villageGroups.set(out, groups);
  return out;
}
