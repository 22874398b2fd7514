import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { households } from './households.ts';
import { versioned } from './industry-columns.ts';
import { projects } from './projects.ts';

/** 联农带农 (issue 7 §3): which entity drives which household, by which mode, with what income (分). */

/** 联农带农: an entity drives a household by a mode in a year, and what the household received (a household child table). */
export const linkages = pgTable(
  'linkages',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entityId: bigint({ mode: 'number' })
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the household's region code (moves with the household) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** the project the linkage belongs to, where there is one */
    projectId: bigint({ mode: 'number' }).references(() => projects.id, { onDelete: 'set null' }),
    /** dict linkage_mode */
    mode: varchar({ length: 24 }).notNull(),
    year: integer().notNull(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    /** money or wages the household received from it this year (分) */
    incomeFen: bigint({ mode: 'number' }).notNull().default(0),
    /** which of the four income types it is: wage | business | property | transfer */
    incomeType: varchar({ length: 16 }).notNull().default('wage'),
    /** set when the amount was carried into household_incomes of `year` (the source stays visible) */
    carriedAt: timestamp({ withTimezone: true }),
    note: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('linkages_uq').on(t.entityId, t.householdId, t.mode, t.year),
    index('linkages_household_idx').on(t.householdId),
    index('linkages_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year),
  ],
);
