import type { HouseholdView } from '@chanbang/domain';
import type { SQL } from 'drizzle-orm';
import type { Actor, Conn, Deps } from '../../deps.ts';
import type { HouseholdRow } from './households.repo.ts';

/**
 * What the households module needs from the read model on top of it (modules/household-detail), handed in by
 * app.ts: households never imports a child module (members' other writes, incomes, measures, monitoring,
 * helpers); the detail and the list warnings that read the children's facts are composed above it.
 */
export type HouseholdReadModel = {
  /** The household detail (members, incomes, measures, cases, helpers), ID numbers and phones masked unless `pii`. */
  detail(db: Conn, h: HouseholdRow & { regionName: string | null }, pii: boolean): Promise<HouseholdView>;
  /**
   * The households under `prefix` with this list warning (a household rule id in force, e.g. H1, or
   * identification_overdue): their ids, or a subquery of them (`h.id IN (…)`) where they are stored results.
   */
  warningIds(deps: Deps, actor: Actor, prefix: string, warning: string): Promise<number[] | SQL>;
};
