import { and, eq, inArray } from 'drizzle-orm';
import { households, persons } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

/** Number, region and head name of a few households (empty list → no query). */
export async function findHouseholdsBrief(db: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: households.id, householdNo: households.householdNo, regionCode: households.regionCode, headName: persons.name })
    .from(households)
    .leftJoin(persons, and(eq(persons.householdId, households.id), eq(persons.isHead, true)))
    .where(inArray(households.id, ids));
}
