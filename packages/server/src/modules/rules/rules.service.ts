import { AppError, RULES, getRuleConfig, h1HouseholdScope, rollUpByRegion, type H1Facts, type RuleDefinition, type RuleEvaluation, type RuleResult } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { getActivePack, countyCodeOf } from '../policy/policy.service.ts';
import { listChildren, type RegionRow } from '../regions/regions.repo.ts';
import { resolveScopeRegion } from '../regions/regions.service.ts';
import { gatherH1Facts } from './rules.repo.ts';

/** Calendar year of "now" (measure year H1 looks at by default). */
export function currentYear(): number {
  return new Date().getFullYear();
}

/**
 * Runs H1 over the households under `prefix` with the county's active pack. `facts` holds only the households
 * the pack's H1 applies to (by type and monitoring status); the others are not applicable anyway.
 */
export async function runH1(deps: Deps, prefix: string, year: number) {
  const db = deps.db.db;
  const { pack } = await getActivePack(db, countyCodeOf(prefix.padEnd(12, '0')));
  const config = getRuleConfig(pack, 'H1');
  const facts = await gatherH1Facts(db, prefix, year, h1HouseholdScope(config));
  const result: RuleResult = (RULES.H1 as RuleDefinition<H1Facts>).evaluate(facts, config, { year });
  return { result, facts, pack };
}

/** Ids of the households under `prefix` failing H1 this year (for `warning=H1` lists). */
export async function failingHouseholdIds(deps: Deps, _actor: Actor, prefix: string): Promise<number[]> {
  const { result } = await runH1(deps, prefix, currentYear());
  return result.failing.map((f) => Number(f.key));
}

/** Evaluation of H1 for a region, rolled up per child region, each figure with its drill-down parameters. */
export async function evaluateH1ForRegion(deps: Deps, region: RegionRow, year: number): Promise<RuleEvaluation> {
  const [{ result, facts }, children] = await Promise.all([runH1(deps, region.prefix, year), listChildren(deps.db.db, region.code)]);
  const childLen = children[0]?.prefix.length ?? region.prefix.length;
  const rolled = new Map(rollUpByRegion(result, facts, childLen).map((r) => [r.code, r]));
  const rule = RULES.H1 as RuleDefinition<H1Facts>;
  return {
    ruleId: result.ruleId,
    clause: result.clause,
    titleZh: rule.titleZh,
    titleEn: rule.titleEn,
    status: result.status,
    value: result.value,
    threshold: result.threshold,
    total: result.total,
    met: result.met,
    byRegion: children.map((c) => {
      const r = rolled.get(c.prefix);
      return { code: c.code, name: c.name, total: r?.total ?? 0, met: r?.met ?? 0, value: r?.value ?? null, drill: { regionCode: c.code, warning: 'H1' } };
    }),
    records: result.failing.map((f) => Number(f.key)),
    drill: { regionCode: region.code, warning: 'H1' },
  };
}

/**
 * Evaluates a rule over the actor's scope (or a region inside it).
 * @throws AppError NOT_FOUND for an unknown rule, a rule the server cannot evaluate yet, or an out-of-scope region
 */
export async function evaluateRule(deps: Deps, actor: Actor, ruleId: string, q: { regionCode?: string | undefined; year?: number | undefined }): Promise<RuleEvaluation> {
  if (ruleId !== 'H1') throw new AppError('NOT_FOUND', `rule ${ruleId} cannot be evaluated by the server`, { ruleId });
  const region = await resolveScopeRegion(deps.db.db, actor, q.regionCode);
  return evaluateH1ForRegion(deps, region, q.year ?? currentYear());
}
