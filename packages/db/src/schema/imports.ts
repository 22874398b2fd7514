import { bigint, bigserial, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

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
  /** rows of the staged import already committed (a chunked commit resumes from here) */
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
