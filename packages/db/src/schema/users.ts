import { bigserial, boolean, index, integer, pgTable, text, timestamp, varchar, bigint } from 'drizzle-orm/pg-core';
import { regions } from './regions.ts';

/** 用户 (platform user), scoped to one region and everything below it. */
export const users = pgTable('users', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  username: varchar({ length: 64 }).notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  /** Role code from domain ROLES: admin | county_officer | township_officer | village_officer | viewer */
  role: varchar({ length: 32 }).notNull(),
  regionCode: varchar({ length: 15 })
    .notNull()
    .references(() => regions.code),
  locale: varchar({ length: 8 }).notNull().default('zh-CN'),
  phone: varchar({ length: 32 }),
  disabled: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Login sessions; the cookie carries the raw token, the table keeps its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar({ length: 64 }).primaryKey(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
