import type { FactGatherer } from './gatherer.types.ts';

/** Gatherers of village and entity facts (E1–E5), registered in gatherers/index.ts. */
export const ENTITY_GATHERERS: FactGatherer<unknown>[] = [];
