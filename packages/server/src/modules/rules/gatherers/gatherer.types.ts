import type { SQL } from 'drizzle-orm';
import type { FactsKind } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';

/** Where a gatherer reads: every subject under `prefix` (a county 6, township 9 or village 12 characters) for `year`. */
export type GatherScope = {
  prefix: string;
  year: number;
  /**
   * Optional narrowing a rule asks for (`RuleDefinition.factsFilter`, e.g. H1's `householdTypes`): subjects outside
   * it are not applicable to that rule, so the gatherer may leave them out. A gatherer ignores keys it does not know.
   */
  filter?: Readonly<Record<string, readonly string[]>>;
};

/**
 * A fact gatherer (issue 7 §1, ADR 0004): the ONE SQL statement that reads the facts of one kind under a region
 * prefix, and the mapping of its rows to the facts type the domain rules of that kind read. Each has a snapshot
 * test of its statement (`<kind>.gatherer.test.ts`) and a test on real rows.
 */
export type FactGatherer<F> = {
  kind: FactsKind;
  /** the statement (exported for the snapshot test) */
  query(scope: GatherScope): SQL;
  /** runs `query` on `conn` and maps the rows */
  gather(conn: Conn, scope: GatherScope): Promise<F[]>;
};
