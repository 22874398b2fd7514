import { findRule, isRuleInForce, parseRegionCode, type PolicyPack, type RuleConfig, type RuleDefinition } from '@chanbang/domain';
import type { Conn, Deps } from '../../deps.ts';
import { getActivePack, packOf, settingKey } from '../policy/policy.service.ts';
import { gathererOf } from './gatherers/index.ts';
import { filterOfKeptKey, KEPT_KINDS } from './facts-cache.ts';
import * as kept from './facts-cache.repo.ts';
import { factsMemoryOf, type FactsMemory } from './facts-memory.ts';
import { FactsSource, factsKey, factsKeyOf, type SnapshotReader } from './facts-source.ts';
import * as store from './rule-store.repo.ts';
import { refreshPrefix, refreshPrefixLength, type RefreshPhases } from './refresh-prefix.ts';

export { refreshPrefixLength, type RefreshPhases } from './refresh-prefix.ts';

/** Above this many dirty regions of one rule, a full re-evaluation is cheaper than one per region. */
export const MAX_INCREMENTAL_PREFIXES = 200;

/**
 * The region prefix a dirty mark stands for: a village's code is its own prefix, a township's or county's row (a
 * county's 当地农民收入) marks its code padded with zeros, which stands for every village under it.
 */
function markPrefix(code: string): string {
  const parsed = parseRegionCode(code);
  return parsed.ok ? parsed.prefix : code;
}

/**
 * What taking dirty marks does to the kept facts (ADR 0005): a marked kind's villages under the marks become stale, a
 * mark of the county's own row drops the kind in the county. In the refresh's transaction, with the marks it took.
 */
async function staleKeptFacts(tx: Conn, county6: string, marks: readonly { kind: string; regionCode: string }[]): Promise<void> {
  for (const kind of KEPT_KINDS) {
    const mine = marks.filter((m) => m.kind === kind && m.regionCode.startsWith(county6));
    if (!mine.length) continue;
    const prefixes = [...new Set(mine.map((m) => markPrefix(m.regionCode)))];
    const villages = [...new Set(mine.map((m) => m.regionCode.slice(0, 12)).filter((v) => v.length === 12))];
    await kept.staleKeptFacts(tx, kind, county6, { dropAll: prefixes.some((p) => p.length <= 6), prefixes, villages });
  }
}

/** The facts keys ({@link factsKey}) of the county's kept-whole facts read this year (facts-cache.ts). */
async function keptWholeKeys(tx: Conn, county6: string): Promise<Set<string>> {
  const readingYear = new Date().getFullYear();
  const out = new Set<string>();
  for (const k of await kept.keptKeys(tx, county6)) {
    const { filter, readingYear: readIn } = filterOfKeptKey(k.filterKey);
    if (readIn === readingYear) out.add(factsKeyOf(k.kind, county6, k.year, filter));
  }
  return out;
}

/** A rule of the pack the server can store: implemented, its facts kind has a gatherer, in force that year. */
export function storableRule(cfg: RuleConfig, year: number): RuleDefinition<unknown> | undefined {
  const rule = findRule(cfg.ruleId);
  if (!rule || !gathererOf(rule.factsKind) || !isRuleInForce(cfg, year)) return undefined;
  return rule;
}

/**
 * What a refresh did (for tests and the bench); `gatheredAhead`: facts sets read on a second connection (PostgreSQL);
 * `phases`: each refreshed rule's time split.
 */
export type RefreshReport = {
  full: string[];
  incremental: Record<string, string[]>;
  failed: { ruleId: string; message: string }[];
  packId: string;
  gatheredAhead: number;
  /** facts sets read back from rule_fact_cache instead of gathered (ADR 0005) */
  readKept: number;
  phases: Record<string, RefreshPhases>;
};

/**
 * Makes the county's stored rule results of `year` current (ADR 0004), in one transaction under an advisory lock
 * per county: every implemented rule of the county's pack in force that year is evaluated in FULL when it has no
 * stored evaluation from this pack (only `ruleIds`, when given, get a first evaluation), else INCREMENTALLY over
 * the regions the dirty marks of its facts kind name (village, township or county by its subject level; more than
 * {@link MAX_INCREMENTAL_PREFIXES} → full). The marks are taken (deleted) as they are read; stored evaluations of
 * other years that they touch are forgotten, so those years are evaluated in full when next read.
 * @param countyCode 12-digit county code
 * @param ruleIds the rules the caller reads (default: every rule of the pack)
 */
export async function ensureFresh(
  deps: Pick<Deps, 'db'> & { config?: Pick<Deps['config'], 'factsMemoryMb'> },
  countyCode: string,
  year: number,
  ruleIds?: readonly string[],
): Promise<RefreshReport> {
  const county6 = countyCode.slice(0, 6);
  // a read with nothing to do takes no lock: 50 dashboards at once no longer queue on the county's lock
  // (a no-op refresh under 50 concurrent callers: p99 762 ms with the lock, bench rules part)
  const current = await upToDate(deps.db.db, countyCode, year, ruleIds);
  if (current) return { full: [], incremental: {}, failed: [], packId: current.id, gatheredAhead: 0, readKept: 0, phases: {} };
  return deps.db.db.transaction(async (tx) => {
    await store.lockCounty(tx, county6);
    // the gatherers' statements are costed high (a county's persons) and PostgreSQL would JIT-compile them: 0.3–0.8 s
    // of compilation for a statement that runs in about one second (job-subsidy facts, 100 000 households)
    await store.gatherSettings(tx);
    const { pack } = await getActivePack(tx, countyCode);
    const readInSnapshot = deps.db.readInSnapshot?.bind(deps.db);
    // PostgreSQL: the facts of the next kind are read on another connection that sees this transaction's snapshot
    const reader = readInSnapshot
      ? async (): Promise<SnapshotReader> => {
          const snapshot = await store.exportSnapshot(tx);
          return (fn) => readInSnapshot(snapshot, fn);
        }
      : undefined;
    return refreshCounty(tx, pack, countyCode, year, ruleIds, reader, factsMemoryOf(deps.db, deps.config?.factsMemoryMb));
  });
}

/**
 * The county's pack when nothing is to be done, read without the lock: no dirty mark of the county and every rule
 * a refresh would evaluate first is stored from this pack. A caller's own committed edit has left its marks, so
 * it always takes the locked path; a refresh under way has not yet committed taking the marks it read (its
 * transaction is open), so readers wait for it as before.
 */
async function upToDate(db: Conn, countyCode: string, year: number, ruleIds?: readonly string[]): Promise<PolicyPack | undefined> {
  // one round trip: this runs before every read of the stored results (the household list with warning=H1 under
  // 50 clients paid three)
  const f = await store.freshnessOf(db, countyCode, year, settingKey(countyCode));
  if (f.dirty) return undefined;
  const { pack } = packOf(countyCode, f.chosen);
  const wanted = ruleIds ? new Set(ruleIds) : undefined;
  for (const cfg of pack.rules) {
    const rule = storableRule(cfg, year);
    if (rule && (!wanted || wanted.has(rule.id)) && f.evaluations.get(rule.id) !== pack.id) return undefined;
  }
  return pack;
}

async function refreshCounty(
  tx: Conn,
  pack: PolicyPack,
  countyCode: string,
  year: number,
  ruleIds: readonly string[] | undefined,
  openReader: (() => Promise<SnapshotReader>) | undefined,
  memory: FactsMemory,
): Promise<RefreshReport> {
  const county6 = countyCode.slice(0, 6);
  const report: RefreshReport = { full: [], incremental: {}, failed: [], packId: pack.id, gatheredAhead: 0, readKept: 0, phases: {} };
  const stored = await store.listEvaluations(tx, countyCode, year);
  const marks = await store.takeDirty(tx, county6);
  await staleKeptFacts(tx, county6, marks);
  const dirtyKinds = new Set(marks.map((m) => m.kind));
  const wanted = ruleIds ? new Set(ruleIds) : undefined;
  // grouped by facts kind (stable within a kind), so rules reading the same facts follow each other
  const kindOrder = new Map<string, number>();
  for (const c of pack.rules) {
    const k = findRule(c.ruleId)?.factsKind ?? '';
    if (!kindOrder.has(k)) kindOrder.set(k, kindOrder.size);
  }
  const byKind = [...pack.rules].sort((a, b) => kindOrder.get(findRule(a.ruleId)?.factsKind ?? '')! - kindOrder.get(findRule(b.ruleId)?.factsKind ?? '')!);
  const tasks: { rule: RuleDefinition<unknown>; cfg: RuleConfig; full: boolean; prefixes: string[] }[] = [];
  for (const cfg of byKind) {
    const rule = storableRule(cfg, year);
    if (!rule) continue;
    const isNew = stored.get(rule.id) !== pack.id;
    if (isNew && wanted && !wanted.has(rule.id)) continue;
    if (!isNew && !dirtyKinds.has(rule.factsKind)) continue;
    const len = refreshPrefixLength(rule);
    const prefixes = isNew
      ? []
      : [...new Set(marks.filter((m) => m.kind === rule.factsKind).map((m) => markPrefix(m.regionCode).slice(0, len)))].filter((p) => p.startsWith(county6)).sort();
    // a mark of a county's own row (local farmers' income) touches every village of the county
    const full = isNew || prefixes.length > MAX_INCREMENTAL_PREFIXES || len === 6 || prefixes.some((p) => p.length <= 6);
    tasks.push({ rule, cfg, full, prefixes });
  }
  // the county's facts of the next full rule to gather are gathered ahead while this rule is evaluated and stored,
  // when there is something to do meanwhile: another set to gather, or facts read back from rule_fact_cache (those are
  // never gathered ahead). The rules on kept facts go first, so the first set to gather is read while they run.
  const keptWhole = await keptWholeKeys(tx, county6);
  const keyOf = (t: (typeof tasks)[number]) => (t.full ? factsKey({ ...t, prefix: county6, year }) : undefined);
  const isKept = (t: (typeof tasks)[number]) => keptWhole.has(keyOf(t) ?? '');
  tasks.sort((a, b) => Number(isKept(b)) - Number(isKept(a)));
  const fullKeys = tasks.map(keyOf);
  const toGather = new Set(fullKeys.filter((k) => k !== undefined && !keptWhole.has(k)));
  const overlap = toGather.size > 1 || (toGather.size === 1 && fullKeys.some((k) => k !== undefined && keptWhole.has(k)));
  const source = new FactsSource(openReader && overlap ? await openReader() : undefined, keptWhole, memory);
  try {
    for (const [i, { rule, cfg, full, prefixes }] of tasks.entries()) {
      // the next sets to gather, in order, as far as the source takes them (one big set, or small ones)
      const asked = new Set([fullKeys[i]]);
      for (const [j, k] of fullKeys.entries()) {
        if (j <= i || k === undefined || asked.has(k) || keptWhole.has(k)) continue;
        asked.add(k);
        if (!source.prefetch({ ...tasks[j]!, prefix: county6, year })) break;
      }
      try {
        // one savepoint per rule: a rule that fails (its facts, its parameters) leaves the others intact
        const phases: RefreshPhases = { factsMs: 0, evaluateMs: 0, storeMs: 0 };
        report.phases[rule.id] = phases;
        await tx.transaction(async (sp) => {
          if (full) await refreshPrefix(sp, rule, cfg, year, county6, source, phases);
          else for (const p of prefixes) await refreshPrefix(sp, rule, cfg, year, p, source, phases);
          await store.upsertEvaluation(sp, rule.id, year, countyCode, pack.id);
        });
        if (full) report.full.push(rule.id);
        else report.incremental[rule.id] = prefixes;
      } catch (err) {
        report.failed.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
        // evaluated in full when next read
        await store.deleteEvaluations(tx, countyCode, { ruleIds: [rule.id] });
      }
    }
  } finally {
    await source.settle();
  }
  report.gatheredAhead = source.gatheredAhead;
  report.readKept = source.readKept;
  if (marks.length > 0) {
    // the other years' stored results of the touched kinds are re-evaluated in full when next read (rules of this
    // year that were not refreshed — not asked for, never stored — have no evaluation to keep)
    const touched = pack.rules.map((c) => findRule(c.ruleId)).filter((r): r is RuleDefinition<unknown> => !!r && dirtyKinds.has(r.factsKind));
    await store.deleteEvaluations(tx, countyCode, { ruleIds: touched.map((r) => r.id), exceptYear: year });
  }
  return report;
}
