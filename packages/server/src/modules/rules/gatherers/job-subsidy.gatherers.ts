import type { JobSubsidyFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { gatherJobSubsidyFacts, jobSubsidyFactsQuery } from './job-subsidy-facts.repo.ts';

/** Job-subsidy facts (J1, J2, J3): one per person who may be a subject, see job-subsidy-facts.repo.ts. */
export const JOB_SUBSIDY_GATHERER: FactGatherer<JobSubsidyFacts> = {
  kind: 'job_subsidy',
  query: jobSubsidyFactsQuery,
  gather: (conn, scope) => gatherJobSubsidyFacts(conn, scope),
};

/** Gatherers of the job-subsidy rules, registered in gatherers/index.ts. */
export const JOB_SUBSIDY_GATHERERS: FactGatherer<unknown>[] = [JOB_SUBSIDY_GATHERER as FactGatherer<unknown>];
