import { AppError } from '../errors.ts';
import type { PolicyPack, RuleConfig, RuleContext, RuleDefinition, RuleResult } from './policy.types.ts';
import { ASSET_RULES } from './rules/asset-rules.ts';
import { CALCULATOR_RULES } from './rules/calculator-rules.ts';
import { COVERAGE_RULES } from './rules/coverage-rules.ts';
import { ENTITY_RULES } from './rules/entity-rules.ts';
import { FUND_RULES } from './rules/fund-rules.ts';
import { H1_RULE } from './rules/h1.ts';
import { JOB_SUBSIDY_RULES } from './rules/job-subsidy-rules.ts';
import { POST_RULES } from './rules/post-rules.ts';
import { PROJECT_RULES } from './rules/project-rules.ts';
import { WORKER_RULES } from './rules/worker-rules.ts';

/** Every implemented rule, one list per area (each area owns its file under rules/). */
const ALL_RULES: readonly RuleDefinition<never>[] = [
  H1_RULE as RuleDefinition<never>,
  ...FUND_RULES,
  ...PROJECT_RULES,
  ...ENTITY_RULES,
  ...CALCULATOR_RULES,
  ...ASSET_RULES,
  ...COVERAGE_RULES,
  ...JOB_SUBSIDY_RULES,
  ...WORKER_RULES,
  ...POST_RULES,
];

/** Implemented rules by id. A rule of the catalogue that is absent here is configured data only. */
export const RULES: Readonly<Record<string, RuleDefinition<unknown>>> = Object.freeze(Object.fromEntries(ALL_RULES.map((r) => [r.id, r as RuleDefinition<unknown>])));

/**
 * Finds the implementation of a rule.
 * @param ruleId catalogue id
 */
export function findRule(ruleId: string): RuleDefinition<unknown> | undefined {
  return Object.hasOwn(RULES, ruleId) ? RULES[ruleId] : undefined;
}

/** True when the rule has an implementation (otherwise it is pack data only). */
export function isRuleImplemented(ruleId: string): boolean {
  return findRule(ruleId) !== undefined;
}

/**
 * The pack's configuration of a rule.
 * @throws AppError NOT_FOUND when the pack does not set this rule
 */
export function getRuleConfig(pack: PolicyPack, ruleId: string): RuleConfig {
  const cfg = pack.rules.find((r) => r.ruleId === ruleId);
  if (!cfg) throw new AppError('NOT_FOUND', `policy pack ${pack.id} has no rule ${ruleId}`, { packId: pack.id, ruleId });
  return cfg;
}

/**
 * True when the rule config applies in the given year (no `years` = every year).
 * @param config the pack's rule config
 * @param year calendar year
 */
export function isRuleInForce(config: RuleConfig, year: number): boolean {
  return !config.years || config.years.length === 0 || config.years.includes(year);
}

/**
 * Evaluates one rule of a pack over facts: looks up the pack's config and the implementation.
 * @param pack the active policy pack
 * @param ruleId catalogue id, e.g. `H1`
 * @param facts facts of the rule's kind (for H1: {@link import('./rules/h1.ts').H1Facts})
 * @throws AppError NOT_FOUND when the pack does not set the rule or the rule is not implemented yet
 */
export function evaluatePackRule<F>(pack: PolicyPack, ruleId: string, facts: F[], ctx: RuleContext): RuleResult {
  const config = getRuleConfig(pack, ruleId);
  const rule = findRule(ruleId);
  if (!rule) throw new AppError('NOT_FOUND', `rule ${ruleId} is configured but not implemented`, { ruleId, reason: 'not_implemented' });
  return rule.evaluate(facts, config, ctx);
}
