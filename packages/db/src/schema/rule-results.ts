import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, numeric, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Stored rule results (issue 7, ADR 0004): one row per (rule, year, subject) the rule applies to, so lists,
 * exports and dashboards join them instead of re-evaluating. Written by the rule layer (server modules/rules),
 * refreshed incrementally from `rule_dirty`.
 */
export const ruleResults = pgTable(
  'rule_results',
  {
    ruleId: varchar({ length: 8 }).notNull(),
    year: integer().notNull(),
    /** the subject: a household or person id, an entity or project id, a region code (village, township, county) */
    subjectKey: varchar({ length: 32 }).notNull(),
    /** where the subject is (scoping and roll-up by code prefix) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** met | not_met (subjects the rule does not apply to are not stored) */
    status: varchar({ length: 16 }).notNull(),
    /** the subject's own figure where the rule has one (a share, an amount in 元, a count) */
    value: numeric({ precision: 18, scale: 4, mode: 'number' }),
    threshold: numeric({ precision: 18, scale: 4, mode: 'number' }),
    /** the group a subject falls in, e.g. H1 labour_unknown / weak_labour */
    groupCode: varchar({ length: 24 }),
    reasonZh: text(),
    reasonEn: text(),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.year, t.subjectKey] }),
    index('rule_results_region_idx').using('btree', t.ruleId, t.year, sql`${t.regionCode} varchar_pattern_ops`),
    // a page of one status under a region prefix, in region order (migration 0005): read from the index, not sorted
    index('rule_results_page_idx').using('btree', t.ruleId, t.year, t.status, sql`(${t.regionCode} COLLATE "C")`, sql`length(${t.subjectKey})`, t.subjectKey),
  ],
);

/** Which (rule, year) a county has stored results of, with the pack they came from. */
export const ruleEvaluations = pgTable(
  'rule_evaluations',
  {
    ruleId: varchar({ length: 8 }).notNull(),
    year: integer().notNull(),
    countyCode: varchar({ length: 12 }).notNull(),
    packId: varchar({ length: 64 }).notNull(),
    evaluatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.year, t.countyCode] })],
);

/**
 * Dirty marks written by triggers (migration 0004) when facts change: the facts kinds affected and the region
 * code of the changed row. The rule layer re-gathers those regions and deletes the marks it consumed.
 */
export const ruleDirty = pgTable(
  'rule_dirty',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** facts kind (household, person, village, entity, project, fund, loan, subsidy) */
    kind: varchar({ length: 16 }).notNull(),
    regionCode: varchar({ length: 15 }).notNull(),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rule_dirty_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/**
 * Stored results counted per (rule, year, region, status, group) (migration 0005): the dashboard and the rules page
 * read their figures here instead of aggregating every stored result on each request. Kept equal to
 * `SELECT count(*) FROM rule_results GROUP BY …` by statement-level triggers on rule_results (rows whose count fell
 * to 0 stay until the next full refresh of the region; readers ignore them).
 */
export const ruleResultCounts = pgTable(
  'rule_result_counts',
  {
    ruleId: varchar({ length: 8 }).notNull(),
    year: integer().notNull(),
    regionCode: varchar({ length: 15 }).notNull(),
    status: varchar({ length: 16 }).notNull(),
    /** '' when the result has no group */
    groupCode: varchar({ length: 24 }).notNull().default(''),
    n: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.year, t.regionCode, t.status, t.groupCode] }),
    index('rule_result_counts_region_idx').using('btree', t.ruleId, t.year, sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/**
 * Households in the registry (not exited) per region and household type (migration 0005), kept by statement-level
 * triggers on households: the dashboard's counts by type without counting a city's households on each request.
 */
export const householdTypeCounts = pgTable(
  'household_type_counts',
  {
    regionCode: varchar({ length: 15 }).notNull(),
    householdType: varchar({ length: 24 }).notNull(),
    n: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.householdType] })],
);

/**
 * One digest per (rule, year, village) of the stored results under the village (migration 0010, ADR 0004): md5 of
 * the village's results sorted by subject key, written by the rule layer right after it made them equal to an
 * evaluation. A statement-level trigger on rule_results deletes the digest of every village whose results a statement
 * touches, so a digest that is present always describes the rows as they are. A refresh compares one digest per
 * village instead of one per subject, and reads and compares the subjects of the villages that changed only.
 */
export const ruleResultDigests = pgTable(
  'rule_result_digests',
  {
    ruleId: varchar({ length: 8 }).notNull(),
    year: integer().notNull(),
    /** the village: the first 12 characters of the results' region code */
    villageCode: varchar({ length: 12 }).notNull(),
    digest: varchar({ length: 32 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.year, t.villageCode] }),
    index('rule_result_digests_village_idx').using('btree', t.ruleId, t.year, sql`${t.villageCode} varchar_pattern_ops`),
  ],
);

/**
 * The facts a full evaluation gathered, kept per (facts kind, filter, year, village) as JSON (migration 0012, ADR 0005):
 * the next full evaluation of the same facts (another pack, an evaluation forgotten) reads them back instead of
 * gathering the county again. A row of the county itself (`village_code` = the 6-digit county prefix, `facts` '')
 * says the county's villages are all kept. Taking a dirty mark makes the villages it names stale (`facts` NULL), a
 * county mark drops the kind; stale villages are gathered again and written back. Emptied when the platform starts
 * (new code may gather differently) and by a restore. Only kinds with one fact per household or person are kept.
 * The server also holds what it read or wrote parsed in memory, checked against `stamp` (migration 0013).
 */
export const ruleFactCache = pgTable(
  'rule_fact_cache',
  {
    kind: varchar({ length: 16 }).notNull(),
    /** the rule's facts filter and the year the facts were read in, as JSON (a past year's status depends on it) */
    filterKey: text().notNull(),
    year: integer().notNull(),
    /** a village (12 characters) or the county's marker row (6) */
    villageCode: varchar({ length: 12 }).notNull(),
    /** JSON array of the village's facts; NULL = stale; '' on the county's marker row */
    facts: text(),
    /**
     * A new number at every write of the row (its sequence on insert, the trigger of migration 0013 on update): a
     * server that holds a village's facts parsed in memory uses them while the row's stamp is the one it parsed.
     */
    stamp: bigserial({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.filterKey, t.year, t.villageCode] })],
);
