import { asc, eq } from 'drizzle-orm';
import { facilitySubsidies, projects } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

export type SubsidyRow = typeof facilitySubsidies.$inferSelect;

export async function listSubsidies(db: Conn, owner: { projectId: number } | { householdId: number }): Promise<SubsidyRow[]> {
  const where = 'projectId' in owner ? eq(facilitySubsidies.projectId, owner.projectId) : eq(facilitySubsidies.householdId, owner.householdId);
  return db.select().from(facilitySubsidies).where(where).orderBy(asc(facilitySubsidies.id));
}

export async function findSubsidy(db: Conn, id: number): Promise<SubsidyRow | undefined> {
  const [row] = await db.select().from(facilitySubsidies).where(eq(facilitySubsidies.id, id));
  return row;
}

export async function lockSubsidy(tx: Conn, id: number): Promise<SubsidyRow | undefined> {
  const [row] = await tx.select().from(facilitySubsidies).where(eq(facilitySubsidies.id, id)).for('update');
  return row;
}

export async function insertSubsidy(db: Conn, values: typeof facilitySubsidies.$inferInsert): Promise<SubsidyRow> {
  const [row] = await db.insert(facilitySubsidies).values(values).returning();
  return row as SubsidyRow;
}

export async function deleteSubsidy(db: Conn, id: number): Promise<void> {
  await db.delete(facilitySubsidies).where(eq(facilitySubsidies.id, id));
}

/** A project's id and region (the projects module owns the rest of it). */
export async function findProjectRegion(db: Conn, id: number): Promise<{ id: number; regionCode: string } | undefined> {
  const [row] = await db.select({ id: projects.id, regionCode: projects.regionCode }).from(projects).where(eq(projects.id, id));
  return row;
}

/** The project locked for this transaction (a subsidy added to it waits for its other writes). */
export async function lockProjectRegion(tx: Conn, id: number): Promise<{ id: number; regionCode: string } | undefined> {
  const [row] = await tx.select({ id: projects.id, regionCode: projects.regionCode }).from(projects).where(eq(projects.id, id)).for('update');
  return row;
}
