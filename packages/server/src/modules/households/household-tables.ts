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
  { table: 'linkages', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'project_beneficiaries', householdColumn: 'household_id', regionColumn: 'region_code', versioned: false },
  { table: 'loans', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'loan_repayments', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'facility_subsidies', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'distribution_lines', householdColumn: 'household_id', regionColumn: 'region_code', versioned: false },
  // issue 8: a member's public-welfare post holding, job subsidy payments and training participations
  { table: 'post_appointments', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'subsidy_payments', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
  { table: 'training_participants', householdColumn: 'household_id', regionColumn: 'region_code', versioned: true },
];

/**
 * Tables that carry a region code but no household id: their rows hang on a row of a child table (`via`, by
 * `linkColumn` = its id) and move with that row's household. `household-tables.test.ts` fails when a table with a
 * region code and a foreign key to a child table is missing here.
 */
export type HouseholdGrandchildTable = {
  table: string;
  /** the child table the row hangs on */
  via: string;
  /** the column naming the `via` row */
  linkColumn: string;
  regionColumn: 'region_code';
  versioned: boolean;
};

export const HOUSEHOLD_GRANDCHILD_TABLES: readonly HouseholdGrandchildTable[] = [
  // 在岗领补: the monthly payments of a member's post holding
  { table: 'post_payments', via: 'post_appointments', linkColumn: 'appointment_id', regionColumn: 'region_code', versioned: false },
];

/** Tables linked to a household that deliberately do NOT move with it, and why. */
export const HOUSEHOLD_LINKED_NOT_MOVED: readonly { table: string; reason: string }[] = [
  { table: 'audit_log', reason: 'history: an entry keeps the region the record had when it was written' },
  { table: 'import_stage_rows', reason: 'an import being committed: the region a file names, keyed by 户编号, not household data' },
];

/**
 * SQL statements (no parameters) that move every child of some households to their household's current region
 * code, bumping versions; rows already in the right region are left alone. `source` is a table or subquery with
 * an `id` column of household ids (and `where` filters it), so that the statement is driven from it into the
 * household_id indexes. Run them after the households themselves are updated.
 */
export function moveChildrenStatements(source: string, where = 'true'): string[] {
  const children = HOUSEHOLD_CHILD_TABLES.map(
    (t) => `UPDATE ${t.table} c SET ${t.regionColumn} = h.region_code${t.versioned ? ', version = c.version + 1' : ''}
      FROM ${source} s JOIN households h ON h.id = s.id
     WHERE ${where} AND c.${t.householdColumn} = s.id AND c.${t.regionColumn} IS DISTINCT FROM h.region_code`,
  );
  const grandchildren = HOUSEHOLD_GRANDCHILD_TABLES.map(
    (t) => `UPDATE ${t.table} g SET ${t.regionColumn} = h.region_code${t.versioned ? ', version = g.version + 1' : ''}
      FROM ${source} s JOIN households h ON h.id = s.id JOIN ${t.via} c ON c.household_id = s.id
     WHERE ${where} AND g.${t.linkColumn} = c.id AND g.${t.regionColumn} IS DISTINCT FROM h.region_code`,
  );
  return [...children, ...grandchildren];
}
