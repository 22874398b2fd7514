import type { RuleConfig, RuleDefinition } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { KEPT_KINDS, keepFacts, keptFacts, keptKeyOf } from './facts-cache.ts';
import type { FactsMemory } from './facts-memory.ts';
import { gathererOf } from './gatherers/index.ts';
import { gatherSettings } from './rule-store.repo.ts';

/** Runs `fn` on another connection that sees the refresh transaction's snapshot (PostgreSQL, `DbHandle.readInSnapshot`). */
export type SnapshotReader = <T>(fn: (conn: Conn) => Promise<T>) => Promise<T>;

/** The facts one rule is evaluated on: its kind under `prefix` in `year`, narrowed by the rule's filter. */
export type FactsWanted = { rule: RuleDefinition<unknown>; cfg: RuleConfig; prefix: string; year: number };

/** Rules with the same key read the same facts (H2, H3, H5 and H6 the coverage facts; J1–J3 the job-subsidy facts). */
export function factsKey(w: FactsWanted): string {
  return factsKeyOf(w.rule.factsKind, w.prefix, w.year, w.rule.factsFilter?.(w.cfg));
}

/** {@link factsKey} from its parts (a kept key read back: rule-store.service keptWholeKeys). */
export function factsKeyOf(kind: string, prefix: string, year: number, filter: unknown): string {
  return JSON.stringify([kind, prefix, year, filter ?? null]);
}

/** The kept-facts key of what `w` wants (facts-cache.ts), or undefined for a kind that is not kept. */
const keptKey = (w: FactsWanted) => keptKeyOf({ kind: w.rule.factsKind, filter: w.rule.factsFilter?.(w.cfg), year: w.year });

async function gather(conn: Conn, w: FactsWanted): Promise<unknown[]> {
  const filter = w.rule.factsFilter?.(w.cfg);
  return gathererOf(w.rule.factsKind)!.gather(conn, filter ? { prefix: w.prefix, year: w.year, filter } : { prefix: w.prefix, year: w.year });
}

/**
 * The facts of one refresh (ADR 0004). The last gathered set is kept for the next rule with the same key; rules are
 * refreshed grouped by facts kind, so a city's refresh holds one kind's facts at a time. With a snapshot reader
 * (PostgreSQL), {@link prefetch} gathers the NEXT set on another connection while this one is evaluated and stored:
 * the database reads the next kind while Node evaluates, and both see the same snapshot. At most one big set is
 * gathered ahead (two kinds of a county's households or persons in memory at once); small sets queue behind each other.
 *
 * Facts of a kept kind (facts-cache.ts, ADR 0005) are written to rule_fact_cache when gathered, and a county's are read
 * back from it when `keptWhole` names them (the refresh read which are, after taking its marks): those are read on the
 * refresh's own connection, never gathered ahead, since the reader's snapshot does not see the stale marks this
 * transaction just wrote. With `memory` (facts-memory.ts), the villages whose rows are unchanged since this process read
 * or wrote them are not read again.
 */
export class FactsSource {
  private last: { key: string; facts: unknown[] } | undefined;
  /** sets gathered ahead, read one after another on the reader (`big`: a kind kept per village, a county's households or persons) */
  private readonly ahead = new Map<string, { facts: Promise<unknown[]>; big: boolean }>();
  private queue: Promise<unknown> = Promise.resolve();
  /** How many sets were gathered ahead on the reader (the refresh report). */
  gatheredAhead = 0;

  /** How many sets were read back from the kept facts (the refresh report). */
  readKept = 0;

  constructor(
    private readonly reader?: SnapshotReader,
    private readonly keptWhole: ReadonlySet<string> = new Set(),
    private readonly memory?: FactsMemory,
  ) {}

  /** The facts `w` wants: kept, gathered ahead, or gathered now on `tx`. */
  async get(tx: Conn, w: FactsWanted): Promise<unknown[]> {
    const key = factsKey(w);
    if (this.last?.key === key) return this.last.facts;
    this.last = undefined;
    const kept = keptKey(w);
    let facts: unknown[] | undefined;
    if (kept && this.keptWhole.has(key)) {
      facts = await keptFacts(tx, kept, w.prefix, (prefix) => gather(tx, { ...w, prefix }), this.memory);
      if (facts) this.readKept++;
    }
    if (!facts) {
      const pending = this.ahead.get(key);
      if (pending) {
        this.ahead.delete(key);
        facts = await pending.facts;
      } else facts = await gather(tx, w);
      // written on this transaction: rolled back with the rule's savepoint, like its results
      if (kept) await keepFacts(tx, kept, w.prefix, facts, this.memory);
    }
    this.last = { key, facts };
    return facts;
  }

  /**
   * Starts gathering `w` on the reader, after the sets already asked for; false when it is not: there is no reader,
   * it is the set in hand or kept, or a big set (one of {@link KEPT_KINDS}) is gathered ahead: nothing queues behind
   * it. So at most one big set waits in memory beside the one in use, and the small sets (funds, entities, posts …)
   * are read while the rules on kept facts run.
   */
  prefetch(w: FactsWanted): boolean {
    if (!this.reader) return false;
    const key = factsKey(w);
    if (this.last?.key === key || this.keptWhole.has(key) || this.ahead.has(key)) return false;
    const big = KEPT_KINDS.has(w.rule.factsKind);
    if ([...this.ahead.values()].some((a) => a.big)) return false;
    const reader = this.reader;
    const facts = this.queue.then(() =>
      reader(async (conn) => {
        // the same setting as the refresh's own transaction (rule-store.service ensureFresh)
        await gatherSettings(conn);
        return gather(conn, w);
      }),
    );
    // a failure is thrown where the set is taken (get), inside that rule's savepoint; until then it is not unhandled
    facts.catch(() => undefined);
    this.queue = facts.catch(() => undefined);
    this.ahead.set(key, { facts, big });
    this.gatheredAhead++;
    return true;
  }

  /** Waits for the sets still gathered ahead (none are when every rule took its facts), so no read outlives the refresh. */
  async settle(): Promise<void> {
    await this.queue;
    this.ahead.clear();
  }
}
