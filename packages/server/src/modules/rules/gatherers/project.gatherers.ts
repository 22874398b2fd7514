import type { FactGatherer } from './gatherer.types.ts';

/** Gatherers of project facts (P1, P3, P4, P6), registered in gatherers/index.ts. */
export const PROJECT_GATHERERS: FactGatherer<unknown>[] = [];
