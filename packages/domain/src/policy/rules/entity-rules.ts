import type { RuleDefinition } from '../policy.types.ts';

/** E1–E5 (entities and villages): the implementations of this area, registered in rule-registry.ts. */
export const ENTITY_RULES: RuleDefinition<never>[] = [];
