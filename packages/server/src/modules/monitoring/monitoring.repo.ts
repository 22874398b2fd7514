import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { households, monitoringCases, persons, regions } from '@chanbang/db';
import { alias } from 'drizzle-orm/pg-core';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';

export type CaseRow = typeof monitoringCases.$inferSelect;

export async function listCases(db: Conn, householdId: number): Promise<CaseRow[]> {
  return db.select().from(monitoringCases).where(eq(monitoringCases.householdId, householdId)).orderBy(desc(monitoringCases.createdAt), desc(monitoringCases.id));
}

export async function findCase(db: Conn, id: number): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(monitoringCases).where(eq(monitoringCases.id, id));
  return row;
}

export async function insertCase(db: Conn, values: typeof monitoringCases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(monitoringCases).values(values).returning();
  return row as CaseRow;
}

/** The case locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write or step. */
export async function lockCase(tx: Conn, id: number): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(monitoringCases).where(eq(monitoringCases.id, id)).for('update');
  return row;
}

/** Writes a case's fields and bumps its version. */
export async function updateCase(db: Conn, id: number, patch: Partial<typeof monitoringCases.$inferInsert>): Promise<CaseRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await db
    .update(monitoringCases)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${monitoringCases.version} + 1` })
    .where(eq(monitoringCases.id, id))
    .returning();
  return row as CaseRow;
}

/** Open identification cases (status identifying) under a prefix, with their household's number and head. */
export async function listIdentifyingCases(db: Conn, prefix: string) {
  return db
    .select({
      c: monitoringCases,
      householdNo: households.householdNo,
      headName: persons.name,
    })
    .from(monitoringCases)
    .innerJoin(households, and(eq(households.id, monitoringCases.householdId), isNull(households.deletedAt)))
    .leftJoin(persons, and(eq(persons.householdId, households.id), eq(persons.isHead, true)))
    .where(and(scopeWhere(monitoringCases.regionCode, prefix), eq(monitoringCases.status, 'identifying')))
    .orderBy(asc(monitoringCases.leadDate), asc(monitoringCases.id));
}

/** 待办: the cases under a prefix at the given stages, with household number, head, village and township names; oldest first. */
export async function listTodoCases(db: Conn, scopePrefix: string, stages: string[]) {
  const village = alias(regions, 'village');
  const township = alias(regions, 'township');
  return db
    .select({
      c: monitoringCases,
      householdNo: households.householdNo,
      headName: persons.name,
      villageName: village.name,
      townshipName: township.name,
    })
    .from(monitoringCases)
    .innerJoin(households, and(eq(households.id, monitoringCases.householdId), isNull(households.deletedAt)))
    .leftJoin(persons, and(eq(persons.householdId, households.id), eq(persons.isHead, true)))
    .leftJoin(village, eq(village.code, sql`substr(${monitoringCases.regionCode}, 1, 12)`))
    .leftJoin(township, eq(township.code, sql`substr(${monitoringCases.regionCode}, 1, 9) || '000'`))
    .where(and(scopeWhere(monitoringCases.regionCode, scopePrefix), inArray(monitoringCases.stage, stages)))
    .orderBy(asc(monitoringCases.updatedAt), asc(monitoringCases.id));
}
