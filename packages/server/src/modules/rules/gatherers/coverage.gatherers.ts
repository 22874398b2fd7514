import type { CoverageFacts } from '@chanbang/domain';
import { coverageFactsQuery, gatherCoverageFacts } from './coverage-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** 三有一持续 facts (H2, H3, H5, H6): one per 脱贫户 / 监测户 under the prefix, see coverage-facts.repo.ts. */
export const COVERAGE_GATHERER: FactGatherer<CoverageFacts> = { kind: 'coverage', query: coverageFactsQuery, gather: (conn, scope) => gatherCoverageFacts(conn, scope) };

/** Gatherers of the coverage rules, registered in gatherers/index.ts. */
export const COVERAGE_GATHERERS: FactGatherer<unknown>[] = [COVERAGE_GATHERER as FactGatherer<unknown>];
