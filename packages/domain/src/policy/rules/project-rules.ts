import type { RuleDefinition } from '../policy.types.ts';

/** P1–P6 (project library): the implementations of this area, registered in rule-registry.ts. */
export const PROJECT_RULES: RuleDefinition<never>[] = [];
