import type { CountyEnterpriseFacts, VillageEntityFacts } from '@chanbang/domain';
import { countyFactsQuery, gatherCountyFacts, gatherVillageFacts, villageFactsQuery } from './entity-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** The village facts (E1–E4): one per administrative village under the prefix, see entity-facts.repo.ts. */
export const VILLAGE_GATHERER: FactGatherer<VillageEntityFacts> = { kind: 'village', query: villageFactsQuery, gather: gatherVillageFacts };

/** The entity facts of E5: one per county (its city-or-above leading enterprises and leading industries). */
export const COUNTY_ENTERPRISE_GATHERER: FactGatherer<CountyEnterpriseFacts> = { kind: 'entity', query: countyFactsQuery, gather: gatherCountyFacts };

/** Gatherers of village and entity facts (E1–E5), registered in gatherers/index.ts. */
export const ENTITY_GATHERERS: FactGatherer<unknown>[] = [VILLAGE_GATHERER as FactGatherer<unknown>, COUNTY_ENTERPRISE_GATHERER as FactGatherer<unknown>];
