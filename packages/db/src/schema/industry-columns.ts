import { sql } from 'drizzle-orm';
import { integer, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Columns shared by the industry system's tables (issue 7: entities.ts, industries.ts, linkages.ts, projects.ts,
 * funds.ts). Money is integer 分 in `_fen` columns (CONVENTIONS "Money"); repos convert to 元 at the edge.
 */

export const versioned = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const codes = () =>
  text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);
