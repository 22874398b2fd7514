import { boolean, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * 字典 (controlled vocabularies): household types, monitoring types, risk types, labor capacity,
 * relations, measure categories, linkage modes, … Seeded from the domain package, editable by an
 * administrator. `attrs` carries per-item facts rules read (e.g. `{ "developmental": true }`).
 */
export const dictionaryItems = pgTable(
  'dictionary_items',
  {
    dictCode: varchar({ length: 48 }).notNull(),
    code: varchar({ length: 48 }).notNull(),
    labelZh: text().notNull(),
    labelEn: text().notNull(),
    parentCode: varchar({ length: 48 }),
    attrs: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sort: smallint().notNull().default(0),
    active: boolean().notNull().default(true),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dictCode, t.code] })],
);

/** Key/value settings; per-county policy pack choice lives here as `policy_pack:<countyCode>`. */
export const settings = pgTable('settings', {
  key: varchar({ length: 96 }).primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
