import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** 审计日志: every write, with who, when, what, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: bigint({ mode: 'number' }),
    actorName: text(),
    /** create | update | delete | import | export | login | … */
    action: varchar({ length: 32 }).notNull(),
    entityType: varchar({ length: 48 }).notNull(),
    entityId: text(),
    /** Region of the entity, for scoped browsing of the log. */
    regionCode: varchar({ length: 15 }),
    /** Household the entry belongs to (the household itself or one of its members, incomes, measures …), for its history. */
    householdId: bigint({ mode: 'number' }),
    before: jsonb(),
    after: jsonb(),
    requestId: varchar({ length: 64 }),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_at_idx').on(t.at), index('audit_log_household_idx').on(t.householdId)],
);
