import type { FactsKind } from '@chanbang/domain';
import { ASSET_GATHERERS } from './asset.gatherers.ts';
import { CALCULATOR_GATHERERS } from './calculator.gatherers.ts';
import { ENTITY_GATHERERS } from './entity.gatherers.ts';
import { FUND_GATHERERS } from './fund.gatherers.ts';
import type { FactGatherer } from './gatherer.types.ts';
import { HOUSEHOLD_GATHERERS } from './household.gatherers.ts';
import { PROJECT_GATHERERS } from './project.gatherers.ts';

export type { FactGatherer, GatherScope } from './gatherer.types.ts';

const ALL: readonly FactGatherer<unknown>[] = [...HOUSEHOLD_GATHERERS, ...FUND_GATHERERS, ...PROJECT_GATHERERS, ...ENTITY_GATHERERS, ...CALCULATOR_GATHERERS, ...ASSET_GATHERERS];

/** The registry: one gatherer per facts kind. */
export const GATHERERS: ReadonlyMap<FactsKind, FactGatherer<unknown>> = new Map(ALL.map((g) => [g.kind, g]));

/** The gatherer of a facts kind, or undefined when the server cannot read that kind yet. */
export function gathererOf(kind: FactsKind): FactGatherer<unknown> | undefined {
  return GATHERERS.get(kind);
}
