/**
 * The one owner of the list of tables that hang on a household (issue 6, "one owner per rule"). Each carries
 * the household's `region_code`, by which scoping decides who may read and write it, so when a household moves
 * to another region every one of them moves with it — in the same transaction. Used by the household move
 * (PATCH /households/:id) and by the import commit. `household-tables.test.ts` reads information_schema and fails
 * when a table with a household link is in neither list below.
 */
export type HouseholdChildTable = {
  table: string;
  /** the column naming the household */
  householdColumn: 'household_id';
  /** the column holding the household's region code */
  regionColumn: 'region_code';
  /** has a `version` column (optimistic concurrency): a move is a change and bumps it */
  versioned: boolean;
};

export const HOUSEHOLD_CHILD_TABLES: readonly HouseholdChildTable[] = [
  { table: 'persons', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'household_incomes', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'support_measures', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'monitoring_cases', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'household_helpers', householdColumn: 'household_id', regionColumn: 'region_code', versioned: false },
];

/** Tables linked to a household that deliberately do NOT move with it, and why. */
export const HOUSEHOLD_LINKED_NOT_MOVED: readonly { table: string; reason: string }[] = [
  { table: 'audit_log', reason: 'history: an entry keeps the region the record had when it was written' },
  { table: 'import_stage_rows', reason: 'an import being committed: the region a file names, keyed by 户编号, not household data' },
];

/**
 * SQL statements (no parameters) that move every child of the households selected by `householdIdsSql`
 * (a query returning household ids) to their household's current region code, bumping versions. Rows already
 * in the right region are left alone. Run them after the households themselves are updated.
 */
export function moveChildrenStatements(householdIdsSql: string): string[] {
  return HOUSEHOLD_CHILD_TABLES.map(
    (t) => `UPDATE ${t.table} c SET ${t.regionColumn} = h.region_code${t.versioned ? ', version = c.version + 1' : ''}
      FROM households h WHERE h.id IN (${householdIdsSql}) AND c.${t.householdColumn} = h.id AND c.${t.regionColumn} IS DISTINCT FROM h.region_code`,
  );
}
