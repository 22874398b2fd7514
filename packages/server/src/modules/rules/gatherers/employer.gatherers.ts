import type { EmployerFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { employerFactsQuery, gatherEmployerFacts } from './employer-facts.repo.ts';

/** Employer facts (J4): 帮扶车间 and 安置区加工园区 with their 脱贫 employees, and each region's post holders, see post-facts.repo.ts. */
export const EMPLOYER_GATHERER: FactGatherer<EmployerFacts> = { kind: 'employer', query: employerFactsQuery, gather: (conn, scope) => gatherEmployerFacts(conn, scope) };

/** Gatherers of J4, registered in gatherers/index.ts. */
export const EMPLOYER_GATHERERS: FactGatherer<unknown>[] = [EMPLOYER_GATHERER as FactGatherer<unknown>];
