// Pure rules of the entities area (issue 7), no I/O.
export * from './credit-code.ts';
export * from './entity-checks.ts';
export * from './entity-import-row.ts';
export type { CountyEnterpriseFacts, VillageEntityFacts } from '../policy/rules/entity-rules.ts';
