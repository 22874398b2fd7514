import type { WorkerFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { gatherWorkerFacts, workerFactsQuery } from './worker-facts.repo.ts';

/** Worker facts (H4, H7): one per working-age person under the prefix, see worker-facts.repo.ts. */
export const WORKER_GATHERER: FactGatherer<WorkerFacts> = { kind: 'worker', query: workerFactsQuery, gather: (conn, scope) => gatherWorkerFacts(conn, scope) };

/** Gatherers of the worker rules, registered in gatherers/index.ts. */
export const WORKER_GATHERERS: FactGatherer<unknown>[] = [WORKER_GATHERER as FactGatherer<unknown>];
