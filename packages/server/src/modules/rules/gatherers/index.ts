import type { FactsKind } from '@chanbang/domain';
import { ASSET_GATHERERS } from './asset.gatherers.ts';
import { CALCULATOR_GATHERERS } from './calculator.gatherers.ts';
import { EMPLOYER_GATHERERS } from './employer.gatherers.ts';
import { COVERAGE_GATHERERS } from './coverage.gatherers.ts';
import { DISTRIBUTION_GATHERERS } from './distribution.gatherers.ts';
import { ENTITY_GATHERERS } from './entity.gatherers.ts';
import { FUND_GATHERERS } from './fund.gatherers.ts';
import type { FactGatherer } from './gatherer.types.ts';
import { HOUSEHOLD_GATHERERS } from './household.gatherers.ts';
import { JOB_SUBSIDY_GATHERERS } from './job-subsidy.gatherers.ts';
import { POST_GATHERERS } from './post.gatherers.ts';
import { PROJECT_GATHERERS } from './project.gatherers.ts';
import { WORKER_GATHERERS } from './worker.gatherers.ts';

export type { FactGatherer, GatherScope } from './gatherer.types.ts';

const ALL: readonly FactGatherer<unknown>[] = [
  ...HOUSEHOLD_GATHERERS,
  ...FUND_GATHERERS,
  ...PROJECT_GATHERERS,
  ...ENTITY_GATHERERS,
  ...CALCULATOR_GATHERERS,
  ...ASSET_GATHERERS,
  ...DISTRIBUTION_GATHERERS,
  ...JOB_SUBSIDY_GATHERERS,
  ...COVERAGE_GATHERERS,
  ...WORKER_GATHERERS,
  ...POST_GATHERERS,
  ...EMPLOYER_GATHERERS,
];

/** The registry: one gatherer per facts kind. */
export const GATHERERS: ReadonlyMap<FactsKind, FactGatherer<unknown>> = new Map(ALL.map((g) => [g.kind, g]));

/** The gatherer of a facts kind, or undefined when the server cannot read that kind yet. */
export function gathererOf(kind: FactsKind): FactGatherer<unknown> | undefined {
  return GATHERERS.get(kind);
}
