import type { HouseholdFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { gatherHouseholdFacts, householdFactsQuery } from './household-facts.repo.ts';

/** The household facts (H1 …): one per household in the registry, see household-facts.repo.ts. */
export const HOUSEHOLD_GATHERER: FactGatherer<HouseholdFacts> = { kind: 'household', query: householdFactsQuery, gather: gatherHouseholdFacts };

/** Gatherers of household and person facts (H1 …), registered in gatherers/index.ts. */
export const HOUSEHOLD_GATHERERS: FactGatherer<unknown>[] = [HOUSEHOLD_GATHERER as FactGatherer<unknown>];
