import { and, asc, desc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { households, persons, postAppointments, postPayments, publicWelfarePosts, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type PostRow = typeof publicWelfarePosts.$inferSelect;
export type PostInsert = typeof publicWelfarePosts.$inferInsert;
export type AppointmentRow = typeof postAppointments.$inferSelect;
export type PaymentRow = typeof postPayments.$inferSelect;

export type PostFilter = {
  prefix: string;
  postType?: string | undefined;
  status: 'open' | 'filled' | 'closed' | 'active' | 'all';
  q?: string | undefined;
};

const activeHolder = and(eq(postAppointments.postId, publicWelfarePosts.id), isNull(postAppointments.endedOn));

function postWhere(db: Conn, f: PostFilter): SQL {
  const conds: SQL[] = [scopeWhere(publicWelfarePosts.regionCode, f.prefix)];
  if (f.postType) conds.push(eq(publicWelfarePosts.postType, f.postType));
  if (f.status === 'active') conds.push(inArray(publicWelfarePosts.status, ['open', 'filled']));
  else if (f.status !== 'all') conds.push(eq(publicWelfarePosts.status, f.status));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const holderNamed = db
      .select({ one: sql`1` })
      .from(postAppointments)
      .innerJoin(persons, eq(persons.id, postAppointments.personId))
      .where(and(activeHolder, ilike(persons.name, like)));
    conds.push(or(ilike(publicWelfarePosts.name, like), exists(holderNamed)) as SQL);
  }
  return and(...conds) as SQL;
}

export type FoundPost = { post: PostRow; regionName: string | null; holderName: string | null; holderSince: string | null };

function selectPosts(db: Conn) {
  return db
    .select({ post: publicWelfarePosts, regionName: regions.name, holderName: persons.name, holderSince: postAppointments.startedOn })
    .from(publicWelfarePosts)
    .leftJoin(regions, eq(regions.code, publicWelfarePosts.regionCode))
    .leftJoin(postAppointments, activeHolder)
    .leftJoin(persons, eq(persons.id, postAppointments.personId));
}

/** A page of posts in region order and the count over the whole filter. */
export async function listPosts(db: Conn, f: PostFilter, limit: number, offset: number): Promise<{ rows: FoundPost[]; total: number }> {
  const where = postWhere(db, f);
  const rows = await selectPosts(db).where(where).orderBy(asc(publicWelfarePosts.regionCode), asc(publicWelfarePosts.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publicWelfarePosts)
    .where(where);
  return { rows, total: c?.n ?? 0 };
}

/** Every post of a filter, for the export (bounded by the caller). */
export async function listPostsForExport(db: Conn, f: PostFilter, limit: number): Promise<FoundPost[]> {
  return selectPosts(db).where(postWhere(db, f)).orderBy(asc(publicWelfarePosts.regionCode), asc(publicWelfarePosts.id)).limit(limit);
}

export async function findPost(db: Conn, id: number): Promise<FoundPost | undefined> {
  const [row] = await selectPosts(db).where(eq(publicWelfarePosts.id, id));
  return row;
}

export async function lockPost(tx: Conn, id: number): Promise<PostRow | undefined> {
  const [row] = await tx.select().from(publicWelfarePosts).where(eq(publicWelfarePosts.id, id)).for('update');
  return row;
}

export async function insertPost(tx: Conn, values: PostInsert): Promise<PostRow> {
  const [row] = await tx.insert(publicWelfarePosts).values(values).returning();
  return row as PostRow;
}

/** Updates the locked post and bumps its version. */
export async function updatePost(tx: Conn, id: number, values: Partial<PostInsert>): Promise<PostRow> {
  const [row] = await tx
    .update(publicWelfarePosts)
    .set({ ...values, version: sql`${publicWelfarePosts.version} + 1`, updatedAt: sql`now()` })
    .where(eq(publicWelfarePosts.id, id))
    .returning();
  return row as PostRow;
}

export type FoundAppointment = { appointment: AppointmentRow; personName: string; idNumber: string; householdType: string };

/** The holders of posts (newest first), with the person and the household type. */
export async function listAppointments(db: Conn, postIds: readonly number[]): Promise<FoundAppointment[]> {
  if (postIds.length === 0) return [];
  return db
    .select({ appointment: postAppointments, personName: persons.name, idNumber: persons.idNumber, householdType: households.householdType })
    .from(postAppointments)
    .innerJoin(persons, eq(persons.id, postAppointments.personId))
    .innerJoin(households, eq(households.id, postAppointments.householdId))
    .where(inArray(postAppointments.postId, [...postIds]))
    .orderBy(desc(postAppointments.startedOn), desc(postAppointments.id));
}

/** Payments of appointments, oldest month first. */
export async function listPayments(db: Conn, appointmentIds: readonly number[]): Promise<PaymentRow[]> {
  if (appointmentIds.length === 0) return [];
  return db
    .select()
    .from(postPayments)
    .where(inArray(postPayments.appointmentId, [...appointmentIds]))
    .orderBy(asc(postPayments.month));
}

export async function lockAppointment(tx: Conn, id: number): Promise<AppointmentRow | undefined> {
  const [row] = await tx.select().from(postAppointments).where(eq(postAppointments.id, id)).for('update');
  return row;
}

/** The person an appointment is of (read without a lock, to lock the person first). */
export async function appointmentHolder(db: Conn, id: number): Promise<number | undefined> {
  const [row] = await db.select({ personId: postAppointments.personId }).from(postAppointments).where(eq(postAppointments.id, id));
  return row?.personId;
}

/** The active appointment of a post, locked. */
export async function lockActiveAppointment(tx: Conn, postId: number): Promise<AppointmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(postAppointments)
    .where(and(eq(postAppointments.postId, postId), isNull(postAppointments.endedOn)))
    .for('update');
  return row;
}

export async function insertAppointment(tx: Conn, values: typeof postAppointments.$inferInsert): Promise<AppointmentRow> {
  const [row] = await tx.insert(postAppointments).values(values).returning();
  return row as AppointmentRow;
}

/** Ends the locked appointment (有序退岗) and bumps its version. */
export async function endAppointment(tx: Conn, id: number, values: { endedOn: string; exitReason: string; exitNote: string | null }): Promise<AppointmentRow> {
  const [row] = await tx
    .update(postAppointments)
    .set({ ...values, version: sql`${postAppointments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(postAppointments.id, id))
    .returning();
  return row as AppointmentRow;
}

/** The person and their household (for a hire), locked. */
export async function lockPersonWithHousehold(tx: Conn, personId: number) {
  const [row] = await tx
    .select({ person: persons, householdRegion: households.regionCode, householdType: households.householdType, householdDeleted: households.deletedAt })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(eq(persons.id, personId))
    .for('update', { of: persons });
  return row;
}

/** True when the person holds a post now. */
export async function personOnPost(db: Conn, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: postAppointments.id })
    .from(postAppointments)
    .where(and(eq(postAppointments.personId, personId), isNull(postAppointments.endedOn)));
  return row !== undefined;
}

/** The active holdings of some persons with their posts, both locked (a holder's 自然减少 ends them). */
export async function lockActiveHoldingsOf(tx: Conn, personIds: readonly number[]): Promise<{ appointment: AppointmentRow; post: PostRow }[]> {
  if (personIds.length === 0) return [];
  return tx
    .select({ appointment: postAppointments, post: publicWelfarePosts })
    .from(postAppointments)
    .innerJoin(publicWelfarePosts, eq(publicWelfarePosts.id, postAppointments.postId))
    .where(and(inArray(postAppointments.personId, [...personIds]), isNull(postAppointments.endedOn)))
    .orderBy(asc(postAppointments.postId))
    .for('update');
}

/** Sets a person's 就业渠道 (公益性岗位 on a hire, cleared on the exit) and bumps the person's version. */
export async function setEmploymentChannel(tx: Conn, personId: number, channel: string | null) {
  const [row] = await tx
    .update(persons)
    .set({ employmentChannel: channel, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
    .where(eq(persons.id, personId))
    .returning({ id: persons.id, employmentChannel: persons.employmentChannel, version: persons.version });
  return row!;
}

export async function paidMonthsOf(tx: Conn, appointmentId: number): Promise<string[]> {
  const rows = await tx
    .select({ month: sql<string>`to_char(${postPayments.month}, 'YYYY-MM')` })
    .from(postPayments)
    .where(eq(postPayments.appointmentId, appointmentId))
    .orderBy(asc(postPayments.month));
  return rows.map((r) => r.month);
}

/** The person's 自然减少 (reason and date), or null while in the registry (在岗领补 stops after it). */
export async function personExit(tx: Conn, personId: number): Promise<{ exitReason: string; exitDate: string | null } | null> {
  const [row] = await tx.select({ exitReason: persons.exitReason, exitDate: persons.exitDate }).from(persons).where(eq(persons.id, personId));
  return row?.exitReason ? { exitReason: row.exitReason, exitDate: row.exitDate } : null;
}

export async function insertPayments(tx: Conn, values: (typeof postPayments.$inferInsert)[]): Promise<PaymentRow[]> {
  if (values.length === 0) return [];
  return tx.insert(postPayments).values(values).returning();
}

/** The active holdings of filled posts under a prefix with the holder's 自然减少, locked (the batch payment of a month). */
export async function lockActiveHoldings(tx: Conn, prefix: string) {
  return tx
    .select({
      appointment: postAppointments,
      monthlySubsidyFen: publicWelfarePosts.monthlySubsidyFen,
      postName: publicWelfarePosts.name,
      personName: persons.name,
      exitReason: persons.exitReason,
      exitDate: persons.exitDate,
    })
    .from(postAppointments)
    .innerJoin(publicWelfarePosts, eq(publicWelfarePosts.id, postAppointments.postId))
    .innerJoin(persons, eq(persons.id, postAppointments.personId))
    .where(and(scopeWhere(publicWelfarePosts.regionCode, prefix), eq(publicWelfarePosts.status, 'filled'), isNull(postAppointments.endedOn)))
    .orderBy(asc(postAppointments.id))
    .for('update', { of: postAppointments });
}

/** Appointment ids among `ids` already paid for `month` (YYYY-MM-01). */
export async function paidFor(tx: Conn, ids: readonly number[], month: string): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: postPayments.appointmentId })
    .from(postPayments)
    .where(and(inArray(postPayments.appointmentId, [...ids]), eq(postPayments.month, month)));
  return new Set(rows.map((r) => r.id));
}

export async function findRegion(db: Conn, code: string) {
  const [row] = await db.select({ code: regions.code, level: regions.level, name: regions.name, retiredAt: regions.retiredAt }).from(regions).where(eq(regions.code, code));
  return row;
}

/** Persons of households under `prefix` whose name contains `q` (聘任: pick a person), in the registry, first 20. */
export async function searchCandidates(db: Conn, prefix: string, q: string | undefined) {
  return (
    db
      .select({
        personId: persons.id,
        name: persons.name,
        idNumber: persons.idNumber,
        householdId: households.id,
        householdNo: households.householdNo,
        householdType: households.householdType,
        regionCode: households.regionCode,
        regionName: regions.name,
        onPost: sql<boolean>`EXISTS (SELECT 1 FROM ${postAppointments} a WHERE a.person_id = ${persons.id} AND a.ended_on IS NULL)`,
      })
      .from(persons)
      .innerJoin(households, eq(households.id, persons.householdId))
      .leftJoin(regions, eq(regions.code, households.regionCode))
      .where(and(scopeWhere(households.regionCode, prefix), isNull(households.deletedAt), isNull(persons.exitReason), q ? ilike(persons.name, `%${escapeLike(q)}%`) : undefined))
      // 003 §二(二)4 优先安置: persons of 脱贫户 and 监测户 first
      .orderBy(sql`CASE WHEN ${households.householdType} IN ('lifted', 'monitored') THEN 0 ELSE 1 END`, asc(households.regionCode), asc(persons.name), asc(persons.id))
      .limit(20)
  );
}
