import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** An upload being validated and imported. The file itself is kept in the data folder. */
export const importJobs = pgTable('import_jobs', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  /** households (one row per person, grouped by household number) */
  kind: varchar({ length: 32 }).notNull(),
  /** uploaded | validating | validated | importing | done | failed | cancelled */
  status: varchar({ length: 16 }).notNull(),
  fileName: text().notNull(),
  fileSha256: varchar({ length: 64 }).notNull(),
  filePath: text().notNull(),
  sheetName: text(),
  headers: jsonb().$type<string[]>(),
  /** column mapping: target field → source header */
  mapping: jsonb().$type<Record<string, string>>(),
  totalRows: integer().notNull().default(0),
  goodRows: integer().notNull().default(0),
  badRows: integer().notNull().default(0),
  /** good rows left out because another row of their household is bad */
  excludedRows: integer().notNull().default(0),
  /** rows with a warning only (e.g. 出生日期 disagrees with the ID number) */
  warningRows: integer().notNull().default(0),
  /** 0-based index of the header row (title rows above it are skipped) */
  headerRow: integer().notNull().default(0),
  /** the recognised layout: template | national_roster | national_monitoring | other */
  layout: varchar({ length: 32 }),
  /** headers of the file that no field takes (listed, never an error) */
  ignoredHeaders: jsonb().$type<string[]>(),
  /** per-file defaults the user can change: { householdType, liftedCategory, monitoringStatus, incomeYear } */
  options: jsonb().$type<Record<string, unknown>>(),
  processedRows: integer().notNull().default(0),
  /** first N cell errors (the full list is downloadable) */
  errors: jsonb().$type<unknown[]>(),
  result: jsonb().$type<Record<string, unknown>>(),
  message: text(),
  createdBy: bigint({ mode: 'number' }).notNull(),
  regionCode: varchar({ length: 15 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
  /** the process (host:pid:boot) working on the job; claimed with UPDATE … WHERE claimed_by IS NULL OR lease expired */
  claimedBy: text(),
  /** the claim holds until then; the worker renews it while it works, another process may take over afterwards */
  leaseUntil: timestamp({ withTimezone: true }),
  /** chunks of the staged import already committed (import_stage_rows.chunk_no below it); a chunked commit resumes from here */
  commitCursor: integer().notNull().default(0),
  /** when the uploaded, staged and error files were removed (job ended or 7 days old) */
  filesDeletedAt: timestamp({ withTimezone: true }),
});

/** Saved column mappings (表头映射方案), reusable across uploads. */
export const columnMappings = pgTable('column_mappings', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  kind: varchar({ length: 32 }).notNull(),
  name: text().notNull(),
  mapping: jsonb().$type<Record<string, string>>().notNull(),
  createdBy: bigint({ mode: 'number' }).notNull(),
  regionCode: varchar({ length: 15 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rows of an import being committed in chunks (ADR 0003): validation's staging file is copied here, each row
 * with its chunk (a hash of its 户编号, so a household is never split); each chunk is then upserted in its own
 * transaction, which also advances `import_jobs.commit_cursor`. The rows of a job are removed once it is done.
 * Not household data: it has no household_id, and its region_code is the target the file names.
 */
export const importStageRows = pgTable(
  'import_stage_rows',
  {
    jobId: bigint({ mode: 'number' })
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    chunkNo: integer().notNull(),
    rowNo: integer(),
    householdNo: varchar({ length: 32 }),
    regionCode: varchar({ length: 15 }),
    householdType: varchar({ length: 24 }),
    monitoringType: varchar({ length: 24 }),
    riskTypes: text().array(),
    liftedYear: integer(),
    address: text(),
    idNumber: varchar({ length: 32 }),
    name: text(),
    gender: varchar({ length: 4 }),
    birthDate: date({ mode: 'string' }),
    relation: varchar({ length: 8 }),
    isHead: boolean(),
    laborCapacity: varchar({ length: 24 }),
    healthStatus: varchar({ length: 24 }),
    education: varchar({ length: 24 }),
    employmentStatus: varchar({ length: 24 }),
    phone: varchar({ length: 32 }),
    isLifted: boolean(),
    liftedCategory: varchar({ length: 24 }),
    monitoringStatus: varchar({ length: 16 }),
    monitoringSince: date({ mode: 'string' }),
    eliminatedAt: date({ mode: 'string' }),
    eliminationMethod: varchar({ length: 16 }),
    housingSecure: boolean(),
    waterSecure: boolean(),
    educationSecure: boolean(),
    medicalSecure: boolean(),
    incomeYear: integer(),
    income: jsonb(),
    measures: jsonb(),
    idType: varchar({ length: 8 }),
    personNo: varchar({ length: 32 }),
    ethnicity: varchar({ length: 4 }),
    schoolStatus: varchar({ length: 24 }),
    workMonths: smallint(),
    disabilityType: varchar({ length: 16 }),
    disabilityGrade: varchar({ length: 8 }),
    healthStatuses: text().array(),
  },
  (t) => [index('import_stage_rows_chunk_idx').on(t.jobId, t.chunkNo), index('import_stage_rows_household_idx').on(t.jobId, t.householdNo)],
);
