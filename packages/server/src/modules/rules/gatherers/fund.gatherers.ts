import type { FundFacts } from '@chanbang/domain';
import { fundFactsQuery, gatherFundFacts } from '../../funds/fund-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** Region-year money facts (F1–F5, P2, P5): the county row and one row per township, every year up to the judged one. */
export const FUND_GATHERER: FactGatherer<FundFacts> = { kind: 'fund', query: fundFactsQuery, gather: gatherFundFacts };

/** Gatherers of region-year money facts (F1–F5, P2, P5), registered in gatherers/index.ts. */
export const FUND_GATHERERS: FactGatherer<unknown>[] = [FUND_GATHERER as FactGatherer<unknown>];
