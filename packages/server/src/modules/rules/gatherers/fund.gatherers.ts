import type { FactGatherer } from './gatherer.types.ts';

/** Gatherers of region-year money facts (F1–F5, P2, P5), registered in gatherers/index.ts. */
export const FUND_GATHERERS: FactGatherer<unknown>[] = [];
