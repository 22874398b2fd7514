import type { FactGatherer } from './gatherer.types.ts';

/** Gatherers of loan and subsidy facts (C1, S1), registered in gatherers/index.ts. */
export const CALCULATOR_GATHERERS: FactGatherer<unknown>[] = [];
