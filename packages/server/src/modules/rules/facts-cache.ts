import type { Conn } from '../../deps.ts';
import * as kept from './facts-cache.repo.ts';
import type { FactsCacheKey } from './facts-cache.repo.ts';

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

/** Facts split by village, each as the JSON kept. */
function byVillage(facts: readonly unknown[]): { village: string; facts: string }[] {
  const groups = new Map<string, unknown[]>();
  for (const f of facts) {
    const v = villageOfFact(f);
    const g = groups.get(v);
    if (g) g.push(f);
    else groups.set(v, [f]);
  }
  return [...groups].map(([village, g]) => ({ village, facts: factsJson(g) }));
}

/**
 * Keeps the facts just gathered under `prefix`: a county's replace everything kept of that key in the county (a village
 * without facts any more keeps none) and mark it whole; a village's are written where that village is kept (stale or
 * not); a township's are not kept (its villages stay as they are, stale ones gathered when next read).
 */
export async function keepFacts(tx: Conn, key: FactsCacheKey, prefix: string, facts: readonly unknown[]): Promise<void> {
  if (prefix.length === 6) {
    await kept.dropKeptFacts(tx, key, prefix);
    await kept.writeKeptFacts(tx, key, byVillage(facts), prefix);
  } else if (prefix.length === 12) await kept.rewriteKeptVillage(tx, key, prefix, factsJson(facts));
}

/**
 * A county's facts read back from what is kept: the stale villages are gathered again one by one and written back
 * (more than {@link MAX_STALE_VILLAGES}: the county whole). Undefined when the county is not kept whole (any more).
 */
export async function keptFacts(tx: Conn, key: FactsCacheKey, county6: string, gather: (prefix: string) => Promise<unknown[]>): Promise<unknown[] | undefined> {
  const { complete, villages } = await kept.readKeptFacts(tx, key, county6);
  if (!complete) return undefined;
  const stale = [...villages].filter(([, f]) => f === null).map(([v]) => v);
  if (stale.length > MAX_STALE_VILLAGES) {
    const facts = await gather(county6);
    await keepFacts(tx, key, county6, facts);
    return facts;
  }
  const out: unknown[] = [];
  for (const [village, json] of villages) {
    let facts: unknown[];
    if (json === null) {
      facts = await gather(village);
      await kept.rewriteKeptVillage(tx, key, village, factsJson(facts));
    } else facts = JSON.parse(json) as unknown[];
    for (const f of facts) out.push(f);
  }
  return out;
}
