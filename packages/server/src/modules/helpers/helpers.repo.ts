import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { helpers, householdHelpers } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type HelperRow = typeof helpers.$inferSelect;

export async function listHouseholdHelpers(db: Conn, householdId: number) {
  return db
    .select({ link: householdHelpers, helper: helpers })
    .from(householdHelpers)
    .innerJoin(helpers, eq(helpers.id, householdHelpers.helperId))
    .where(eq(householdHelpers.householdId, householdId))
    .orderBy(asc(householdHelpers.id));
}

export async function findHelper(db: Conn, id: number): Promise<HelperRow | undefined> {
  const [row] = await db.select().from(helpers).where(eq(helpers.id, id));
  return row;
}

export async function listHelpers(db: Conn, prefix: string, q: string | undefined, limit: number, offset: number) {
  const conds: SQL[] = [scopeWhere(helpers.regionCode, prefix)];
  if (q) conds.push(or(ilike(helpers.name, `${escapeLike(q)}%`), eq(helpers.phone, q)) as SQL);
  const where = and(...conds);
  const rows = await db.select().from(helpers).where(where).orderBy(asc(helpers.regionCode), asc(helpers.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(helpers)
    .where(where);
  return { rows, total: c?.n ?? 0 };
}

export async function insertHelper(db: Conn, values: typeof helpers.$inferInsert): Promise<HelperRow> {
  const [row] = await db.insert(helpers).values(values).returning();
  return row as HelperRow;
}

export async function insertHouseholdHelper(db: Conn, values: typeof householdHelpers.$inferInsert) {
  const [row] = await db.insert(householdHelpers).values(values).onConflictDoNothing().returning();
  return row;
}
