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
  processedRows: integer().notNull().default(0),
  /** first N cell errors (the full list is downloadable) */
  errors: jsonb().$type<unknown[]>(),
  result: jsonb().$type<Record<string, unknown>>(),
  message: text(),
  createdBy: bigint({ mode: 'number' }).notNull(),
  regionCode: varchar({ length: 15 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
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
