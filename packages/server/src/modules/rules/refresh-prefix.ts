import type { RuleConfig, RuleDefinition, RuleRecord } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { KEPT_KINDS, villageGroups } from './facts-cache.ts';
import type { FactsSource } from './facts-source.ts';
import * as store from './rule-store.repo.ts';
import { resultDigest, storedStatus, villageDigests } from './result-digest.ts';

/** Where a rule's refresh spent its time, ms: taking its facts (gathering, or waiting for them), evaluating, storing the difference. */
export type RefreshPhases = { factsMs: number; evaluateMs: number; storeMs: number };

/** Length of the region prefix a changed record's subject is re-evaluated under, by the rule's refresh or subject level. */
export function refreshPrefixLength(rule: Pick<RuleDefinition<unknown>, 'subjectLevel' | 'refreshLevel'>): number {
  const level = rule.refreshLevel ?? rule.subjectLevel ?? 'record';
  return level === 'county' ? 6 : level === 'township' ? 9 : 12;
}

function toStored(ruleId: string, year: number, r: RuleRecord): store.StoredResult {
  return {
    ruleId,
    year,
    subjectKey: r.key,
    regionCode: r.regionCode,
    status: storedStatus(r),
    value: r.value ?? null,
    threshold: r.threshold ?? null,
    groupCode: r.groupCode ?? null,
    reasonZh: r.reasonZh ?? null,
    reasonEn: r.reasonEn ?? null,
  };
}

/** An evaluation under a prefix, by village: every village's digest, and the records of the villages whose digest is not the stored one. */
type Fresh = { digests: Map<string, string>; changed: Map<string, RuleRecord[]> };

/** A stopwatch of the phases: each lap is added to the phase named. */
function stopwatch(phases: RefreshPhases): (phase: keyof RefreshPhases) => void {
  let t = performance.now();
  return (phase) => {
    const now = performance.now();
    phases[phase] += now - t;
    t = now;
  };
}

/**
 * A county's facts by village: as kept (facts-cache.ts `villageGroups`), else split here. A village's facts mostly
 * come one after another, so a fact's code is compared with the last village before a new one is cut (no string per
 * fact in a run; any order is split right).
 */
function groupsOf(facts: readonly unknown[]): ReadonlyMap<string, readonly unknown[]> {
  const kept = villageGroups.get(facts);
  if (kept) return kept;
  const groups = new Map<string, unknown[]>();
  let village = '';
  let group: unknown[] = [];
  for (const f of facts) {
    const code = String((f as { regionCode?: unknown }).regionCode ?? '');
    if (!village || !code.startsWith(village)) {
      village = code.slice(0, 12);
      group = groups.get(village) ?? [];
      if (!group.length) groups.set(village, group);
    }
    group.push(f);
  }
  return groups;
}

/**
 * The rule evaluated village by village, each village's records digested and let go at once unless its digest is not
 * the stored one: a county's records never all live at the same time (the garbage collector was a third of a full
 * evaluation). For the rules whose subjects are re-evaluated by village (refresh level 12) on facts of a kept kind (one
 * fact per household or person, each in its village): a village's records depend on its own facts only, as an
 * incremental refresh of one village already assumes. Undefined when a village's records are not all in that village:
 * then the prefix is evaluated whole.
 */
function evaluateByVillage(
  rule: RuleDefinition<unknown>,
  cfg: RuleConfig,
  year: number,
  facts: unknown[],
  kept: Map<string, string>,
  lap: (p: keyof RefreshPhases) => void,
): Fresh | undefined {
  const fresh: Fresh = { digests: new Map(), changed: new Map() };
  for (const [village, villageFacts] of groupsOf(facts)) {
    const records = rule.evaluate(villageFacts as unknown[], cfg, { year }).records ?? [];
    lap('evaluateMs');
    for (const [v, d] of villageDigests(records)) {
      if (v !== village || fresh.digests.has(v)) return undefined;
      fresh.digests.set(v, d.digest);
      if (kept.get(v) !== d.digest) fresh.changed.set(v, d.records);
    }
    lap('storeMs');
  }
  return fresh;
}

/** The rule evaluated on the whole prefix at once, its records grouped by village. */
function evaluateWhole(rule: RuleDefinition<unknown>, cfg: RuleConfig, year: number, facts: unknown[], kept: Map<string, string>, lap: (p: keyof RefreshPhases) => void): Fresh {
  const records = rule.evaluate(facts, cfg, { year }).records ?? [];
  lap('evaluateMs');
  const fresh: Fresh = { digests: new Map(), changed: new Map() };
  for (const [v, d] of villageDigests(records)) {
    fresh.digests.set(v, d.digest);
    if (kept.get(v) !== d.digest) fresh.changed.set(v, d.records);
  }
  lap('storeMs');
  return fresh;
}

/**
 * Takes the rule's facts under `prefix` from the source (kept, gathered ahead, or gathered now), evaluates, and makes
 * the stored results there equal to the result: subjects no longer there are deleted, new or changed ones written;
 * an unchanged result is not written again (a re-evaluation of unchanged records writes nothing: rule_results, its
 * three indexes and its count trigger are the cost of a refresh, not the evaluation). The caller holds a savepoint.
 */
export async function refreshPrefix(
  tx: Conn,
  rule: RuleDefinition<unknown>,
  cfg: RuleConfig,
  year: number,
  prefix: string,
  source: FactsSource,
  phases: RefreshPhases,
): Promise<void> {
  const lap = stopwatch(phases);
  const facts = await source.get(tx, { rule, cfg, prefix, year });
  lap('factsMs');
  const kept = await store.storedVillageDigests(tx, rule.id, year, prefix);
  lap('storeMs');
  const byVillage = KEPT_KINDS.has(rule.factsKind) && refreshPrefixLength(rule) === 12 && prefix.length < 12;
  const fresh = (byVillage ? evaluateByVillage(rule, cfg, year, facts, kept, lap) : undefined) ?? evaluateWhole(rule, cfg, year, facts, kept, lap);
  await storeDifference(tx, rule.id, year, prefix, kept, fresh);
  lap('storeMs');
}

/**
 * Makes the stored results of a rule and year under `prefix` equal to an evaluation, writing only the differences. The
 * villages are compared first by their digests (rule_result_digests, migration 0010): a full evaluation that changed
 * nothing read one row per village, not one per subject, and built no stored row. The subjects of the villages whose
 * digest differs (or is missing: written since by any statement) are read and compared one by one.
 */
async function storeDifference(tx: Conn, ruleId: string, year: number, prefix: string, kept: Map<string, string>, fresh: Fresh): Promise<void> {
  const changedVillages = [...new Set([...fresh.digests.keys(), ...kept.keys()])].filter((v) => fresh.digests.get(v) !== kept.get(v));
  if (changedVillages.length === 0) return;
  // every village changed (a first evaluation): one range scan of the prefix; else one range per changed village
  const stored =
    kept.size === 0 || changedVillages.length > fresh.digests.size / 2
      ? await store.storedDigests(tx, ruleId, year, prefix)
      : await store.storedDigestsOfVillages(tx, ruleId, year, changedVillages);
  // a read of the whole prefix also holds the subjects of the unchanged villages: those stay as they are
  for (const [key, s] of stored) if (fresh.digests.has(s.village) && fresh.digests.get(s.village) === kept.get(s.village)) stored.delete(key);
  const changed: store.StoredResult[] = [];
  for (const v of changedVillages) {
    for (const rec of fresh.changed.get(v) ?? []) {
      const r = toStored(ruleId, year, rec);
      const h = stored.get(r.subjectKey)?.digest;
      if (h !== undefined) stored.delete(r.subjectKey);
      if (h !== resultDigest(r)) changed.push(r);
    }
  }
  // what is left was stored under a changed village and is no longer a subject there
  const gone = [...stored.keys()];
  await store.deleteResultKeys(tx, ruleId, year, gone);
  await store.insertResults(tx, changed);
  // a village left without results lost its digest to the trigger when its rows were deleted
  await store.writeVillageDigests(
    tx,
    ruleId,
    year,
    changedVillages.filter((v) => fresh.digests.has(v)).map((v) => ({ village: v, digest: fresh.digests.get(v)! })),
  );
}
