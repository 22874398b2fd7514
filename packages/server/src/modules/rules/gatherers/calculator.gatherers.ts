import type { LoanFacts, SubsidyFacts } from '@chanbang/domain';
import { gatherLoanFacts, gatherSubsidyFacts, loanFactsQuery, subsidyFactsQuery } from './calculator-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** Loan facts (C1): one per loan granted in the year, see calculator-facts.repo.ts. */
export const LOAN_GATHERER: FactGatherer<LoanFacts> = { kind: 'loan', query: loanFactsQuery, gather: gatherLoanFacts };
/** Subsidy facts (S1): one per facility subsidy of the year. */
export const SUBSIDY_GATHERER: FactGatherer<SubsidyFacts> = { kind: 'subsidy', query: subsidyFactsQuery, gather: gatherSubsidyFacts };

/** Gatherers of loan and subsidy facts (C1, S1), registered in gatherers/index.ts. */
export const CALCULATOR_GATHERERS: FactGatherer<unknown>[] = [LOAN_GATHERER as FactGatherer<unknown>, SUBSIDY_GATHERER as FactGatherer<unknown>];
