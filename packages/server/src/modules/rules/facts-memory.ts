/**
 * Kept facts held parsed in this process (ADR 0005, "in memory"): each village's facts as read from or written to
 * rule_fact_cache, with the row's stamp (migration 0013). A full evaluation asks the database for the stamps only and
 * takes a village from here while its stamp is unchanged: reading and parsing the county's JSON (about 95 MB for
 * 100 000 households) was a third of a pack's evaluation. Any write of the row (written back, made stale) gives it a
 * new stamp, so a copy is never used after its village changed, whichever process changed it.
 *
 * Bounded by the length of the JSON held (CHANBANG_FACTS_MEMORY_MB, default 256; 0 holds nothing): the villages used
 * longest ago are let go first. Parsed facts take about three times their JSON in the heap.
 */

/** One village's parsed facts and the stamp of the row they came from. */
type Held = { stamp: number; facts: readonly unknown[]; chars: number };

export class FactsMemory {
  /** in order of use, oldest first (a Map keeps insertion order: a use deletes and sets again) */
  private readonly held = new Map<string, Held>();
  private chars = 0;
  /** villages taken from memory and read from the database since created (tests and the bench) */
  hits = 0;
  misses = 0;

  constructor(readonly budgetChars: number) {}

  /** The facts held for `key` if their stamp is `stamp`; a copy of another stamp is let go. */
  take(key: string, stamp: number): readonly unknown[] | undefined {
    const h = this.held.get(key);
    if (h && h.stamp === stamp) {
      this.held.delete(key);
      this.held.set(key, h);
      this.hits++;
      return h.facts;
    }
    if (h) this.drop(key, h);
    this.misses++;
    return undefined;
  }

  /** Holds `facts` (their JSON is `chars` long) as the row of `key` with `stamp`, letting go of the oldest beyond the budget. */
  hold(key: string, stamp: number, facts: readonly unknown[], chars: number): void {
    const h = this.held.get(key);
    if (h) this.drop(key, h);
    if (chars > this.budgetChars) return;
    this.held.set(key, { stamp, facts, chars });
    this.chars += chars;
    for (const [k, old] of this.held) {
      if (this.chars <= this.budgetChars) break;
      this.drop(k, old);
    }
  }

  /** Lets go of everything (a test, a restore in this process). */
  clear(): void {
    this.held.clear();
    this.chars = 0;
  }

  /** JSON characters held (tests and the bench). */
  get heldChars(): number {
    return this.chars;
  }

  private drop(key: string, h: Held): void {
    this.held.delete(key);
    this.chars -= h.chars;
  }
}

/** The default budget, MB of kept JSON (CHANBANG_FACTS_MEMORY_MB). */
export const DEFAULT_FACTS_MEMORY_MB = 256;

const byDatabase = new WeakMap<object, FactsMemory>();

/**
 * The memory of the facts kept in the database behind `db` (one per database handle: two handles are two databases
 * for all this process knows). `budgetMb` is taken when the memory is first asked for.
 */
export function factsMemoryOf(db: object, budgetMb: number = DEFAULT_FACTS_MEMORY_MB): FactsMemory {
  let m = byDatabase.get(db);
  if (!m) {
    m = new FactsMemory(Math.max(0, Math.round(budgetMb * 1024 * 1024)));
    byDatabase.set(db, m);
  }
  return m;
}
