import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { households, persons, regions, trainingParticipants, trainings } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type TrainingRow = typeof trainings.$inferSelect;
export type TrainingInsert = typeof trainings.$inferInsert;
export type ParticipantRow = typeof trainingParticipants.$inferSelect;

/** `above`: codes of the regions above the prefix whose trainings are listed too (open to the villages under them). */
export type TrainingFilter = { prefix: string; above?: string[]; year?: number | undefined; q?: string | undefined };

function trainingWhere(f: TrainingFilter): SQL {
  const conds: SQL[] = [
    f.above?.length ? (or(scopeWhere(trainings.regionCode, f.prefix), inArray(trainings.regionCode, f.above)) as SQL) : scopeWhere(trainings.regionCode, f.prefix),
  ];
  if (f.year) conds.push(sql`${trainings.startsOn} BETWEEN ${`${f.year}-01-01`}::date AND ${`${f.year}-12-31`}::date`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(trainings.course, like), ilike(trainings.provider, like), ilike(trainings.skill, like)) as SQL);
  }
  return and(...conds) as SQL;
}

/** 参训人数 and 结业人数 of a training among persons under `prefix` (the reader's scope). */
const counts = (prefix: string) => ({
  participants: sql<number>`(SELECT count(*)::int FROM training_participants tp WHERE tp.training_id = ${trainings.id} AND tp.region_code LIKE ${`${prefix}%`})`,
  completed: sql<number>`(SELECT count(*)::int FROM training_participants tp WHERE tp.training_id = ${trainings.id} AND tp.completed AND tp.region_code LIKE ${`${prefix}%`})`,
});

export type FoundTraining = { training: TrainingRow; regionName: string | null; participants: number; completed: number };

function selectTrainings(db: Conn, prefix: string) {
  return db
    .select({ training: trainings, regionName: regions.name, ...counts(prefix) })
    .from(trainings)
    .leftJoin(regions, eq(regions.code, trainings.regionCode));
}

/** A page of trainings, newest start first, with the count over the whole filter. */
export async function listTrainings(db: Conn, f: TrainingFilter, readerPrefix: string, limit: number, offset: number) {
  const where = trainingWhere(f);
  const rows = await selectTrainings(db, readerPrefix).where(where).orderBy(desc(trainings.startsOn), desc(trainings.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainings)
    .where(where);
  return { rows: rows as FoundTraining[], total: c?.n ?? 0 };
}

export async function findTraining(db: Conn, id: number, readerPrefix: string): Promise<FoundTraining | undefined> {
  const [row] = await selectTrainings(db, readerPrefix).where(eq(trainings.id, id));
  return row as FoundTraining | undefined;
}

export async function lockTraining(tx: Conn, id: number): Promise<TrainingRow | undefined> {
  const [row] = await tx.select().from(trainings).where(eq(trainings.id, id)).for('update');
  return row;
}

export async function insertTraining(tx: Conn, values: TrainingInsert): Promise<TrainingRow> {
  const [row] = await tx.insert(trainings).values(values).returning();
  return row as TrainingRow;
}

/** Updates the locked row and bumps its version. */
export async function updateTraining(tx: Conn, id: number, values: Partial<TrainingInsert>): Promise<TrainingRow> {
  const [row] = await tx
    .update(trainings)
    .set({ ...values, version: sql`${trainings.version} + 1`, updatedAt: sql`now()` })
    .where(eq(trainings.id, id))
    .returning();
  return row as TrainingRow;
}

export async function deleteTraining(tx: Conn, id: number): Promise<void> {
  await tx.delete(trainings).where(eq(trainings.id, id));
}

export async function findRegion(db: Conn, code: string) {
  const [row] = await db.select({ code: regions.code, level: regions.level, retiredAt: regions.retiredAt }).from(regions).where(eq(regions.code, code));
  return row;
}

const participantColumns = {
  p: trainingParticipants,
  name: persons.name,
  idNumber: persons.idNumber,
  householdNo: households.householdNo,
  regionName: regions.name,
};
export type FoundParticipant = { p: ParticipantRow; name: string; idNumber: string; householdNo: string; regionName: string | null };

function selectParticipants(db: Conn) {
  return (
    db
      .select(participantColumns)
      .from(trainingParticipants)
      .innerJoin(persons, eq(persons.id, trainingParticipants.personId))
      .innerJoin(households, eq(households.id, trainingParticipants.householdId))
      // the village's name (a person's household may sit in a 村民小组 below it)
      .leftJoin(regions, eq(regions.code, sql`left(${trainingParticipants.regionCode}, 12)`))
  );
}

/** The participants of a training who are under `prefix`, by village and name. */
export async function listParticipants(db: Conn, trainingId: number, prefix: string): Promise<FoundParticipant[]> {
  return (await selectParticipants(db)
    .where(and(eq(trainingParticipants.trainingId, trainingId), scopeWhere(trainingParticipants.regionCode, prefix)))
    .orderBy(asc(trainingParticipants.regionCode), asc(persons.name), asc(trainingParticipants.id))) as FoundParticipant[];
}

export async function findParticipant(db: Conn, id: number): Promise<FoundParticipant | undefined> {
  const [row] = await selectParticipants(db).where(eq(trainingParticipants.id, id));
  return row as FoundParticipant | undefined;
}

export async function lockParticipant(tx: Conn, id: number): Promise<ParticipantRow | undefined> {
  const [row] = await tx.select().from(trainingParticipants).where(eq(trainingParticipants.id, id)).for('update');
  return row;
}

export async function lockParticipantByPerson(tx: Conn, trainingId: number, personId: number): Promise<ParticipantRow | undefined> {
  const [row] = await tx
    .select()
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.personId, personId)))
    .for('update');
  return row;
}

/** Inserts a participant; undefined when the person is already one (unique training × person). */
export async function insertParticipant(tx: Conn, values: typeof trainingParticipants.$inferInsert): Promise<ParticipantRow | undefined> {
  const [row] = await tx.insert(trainingParticipants).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateParticipant(tx: Conn, id: number, values: { completed?: boolean; certificateNo?: string | null }): Promise<ParticipantRow> {
  const [row] = await tx
    .update(trainingParticipants)
    .set({ ...values, version: sql`${trainingParticipants.version} + 1`, updatedAt: sql`now()` })
    .where(eq(trainingParticipants.id, id))
    .returning();
  return row as ParticipantRow;
}

export async function deleteParticipant(tx: Conn, id: number): Promise<void> {
  await tx.delete(trainingParticipants).where(eq(trainingParticipants.id, id));
}

/** Persons in the registry under `prefix` whose name starts with `q` or whose ID number is `idNumber`, with their household number. */
export async function searchPersons(db: Conn, prefix: string, q: string, idNumber: string, trainingId: number, limit: number) {
  const match = q ? or(sql`${persons.name} LIKE ${`${escapeLike(q)}%`}`, eq(persons.idNumber, idNumber)) : undefined;
  return db
    .select({
      personId: persons.id,
      name: persons.name,
      idNumber: persons.idNumber,
      skills: persons.skills,
      householdNo: households.householdNo,
      regionName: regions.name,
      already: sql<boolean>`EXISTS (SELECT 1 FROM training_participants tp WHERE tp.training_id = ${trainingId} AND tp.person_id = ${persons.id})`,
    })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .leftJoin(regions, eq(regions.code, sql`left(${persons.regionCode}, 12)`))
    .where(and(scopeWhere(persons.regionCode, prefix), isNull(persons.exitReason), isNull(households.exitReason), match))
    .orderBy(asc(persons.name), asc(persons.id))
    .limit(limit);
}

/** Persons by ID number, with the household's state (for the participants import). */
export async function findPersonsByIdNumbers(db: Conn, idNumbers: string[]) {
  if (!idNumbers.length) return [];
  return db
    .select({ person: persons, householdExited: sql<boolean>`${households.exitReason} IS NOT NULL` })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(inArray(persons.idNumber, idNumbers));
}
