import type { RuleDefinition } from '../policy.types.ts';

/** F1–F5 (衔接资金 shares, township plans): the implementations of this area, registered in rule-registry.ts. */
export const FUND_RULES: RuleDefinition<never>[] = [];
