import type { VillageDistributionFacts } from '@chanbang/domain';
import { distributionFactsQuery, gatherDistributionFacts } from './distribution-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** Distribution facts (A2): one per village with collective industry income in the year, see distribution-facts.repo.ts. */
export const DISTRIBUTION_GATHERER: FactGatherer<VillageDistributionFacts> = { kind: 'distribution', query: distributionFactsQuery, gather: gatherDistributionFacts };

/** Gatherers of the distribution rule, registered in gatherers/index.ts. */
export const DISTRIBUTION_GATHERERS: FactGatherer<unknown>[] = [DISTRIBUTION_GATHERER as FactGatherer<unknown>];
