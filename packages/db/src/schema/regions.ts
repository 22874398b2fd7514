import { sql } from 'drizzle-orm';
import { index, integer, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * 行政区划 (region). `code` is the 12-digit statistical code (统计用区划代码) for province … village;
 * a 组 (village group) gets the village's 12 digits plus a 3-digit platform-local suffix (15 chars).
 * `prefix` is the significant prefix of the code for its level (county: 6 digits, township: 9,
 * village: 12, group: 15), so "this region and everything below it" is `code LIKE prefix || '%'`.
 */
export const regions = pgTable(
  'regions',
  {
    code: varchar({ length: 15 }).primaryKey(),
    parentCode: varchar({ length: 15 }),
    /** province | city | county | township | village | group */
    level: varchar({ length: 16 }).notNull(),
    /** Significant prefix used for subtree scoping. */
    prefix: varchar({ length: 15 }).notNull(),
    name: text().notNull(),
    /** 6-digit GB/T 2260 code where known (counties and above); it does not always agree with `code`. */
    gbCode: varchar({ length: 6 }),
    /** 城乡分类代码 (urban-rural classification, e.g. 220 村庄) for villages, where known. */
    urbanRuralCode: varchar({ length: 3 }),
    sort: smallint().notNull().default(0),
    /** Set when the place is retired (撤并): it keeps its history and households until they are moved; its code is never reused. */
    retiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_prefix_idx').using('btree', sql`${t.prefix} varchar_pattern_ops`)],
);
