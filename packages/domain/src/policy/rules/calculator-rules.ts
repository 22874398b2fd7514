import type { RuleDefinition } from '../policy.types.ts';

/** S1, C1 (subsidy and microcredit): the implementations of this area, registered in rule-registry.ts. */
export const CALCULATOR_RULES: RuleDefinition<never>[] = [];
