// Pure rules of the entities area (issue 7), no I/O.
export * from './credit-code.ts';
export * from './entity-checks.ts';
export * from './entity-import-row.ts';
export { E1_RULE, E2_RULE, E3_RULE, E4_RULE, E5_RULE, shareForYear, type CountyEnterpriseFacts, type VillageEntityFacts } from '../policy/rules/entity-rules.ts';
