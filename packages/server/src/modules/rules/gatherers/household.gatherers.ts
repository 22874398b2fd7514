import type { FactGatherer } from './gatherer.types.ts';

/** Gatherers of household and person facts (H1 …), registered in gatherers/index.ts. */
export const HOUSEHOLD_GATHERERS: FactGatherer<unknown>[] = [];
