import type { ProjectFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { gatherProjectFacts, projectFactsQuery } from './project-facts.repo.ts';

/** The project facts (P1, P3, P4, P6): one per project of the year, see project-facts.repo.ts. */
export const PROJECT_GATHERER: FactGatherer<ProjectFacts> = { kind: 'project', query: projectFactsQuery, gather: gatherProjectFacts };

/** Gatherers of project facts (P1, P3, P4, P6), registered in gatherers/index.ts. */
export const PROJECT_GATHERERS: FactGatherer<unknown>[] = [PROJECT_GATHERER as FactGatherer<unknown>];
