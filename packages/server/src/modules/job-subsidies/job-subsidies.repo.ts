import { and, eq, sql, type SQL } from 'drizzle-orm';
import { entities, households, persons, subsidyPayments } from '@chanbang/db';
import { JOB_SUBSIDY_HOUSEHOLD_TYPES, OUT_PROVINCE_STATUS, SELF_EMPLOYED, type JobSubsidyKind } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { escapeLike } from '../../sql-helpers.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

export type PaymentRow = typeof subsidyPayments.$inferSelect;

/** What the list reads: kind, year, the region prefix, J3's months, the filters. */
export type JobSubsidyFilter = {
  kind: JobSubsidyKind;
  year: number;
  prefix: string;
  /** J3: months of stable work (the pack's minStableMonths); null = the pack does not set J3 */
  minStableMonths: number | null;
  status: 'all' | 'paid' | 'unpaid';
  q?: string | undefined;
};

export type CandidateRow = {
  person_id: number | string;
  entity_id: number | string | null;
  household_id: number | string;
  household_no: string;
  name: string;
  id_number: string;
  region_code: string;
  region_name: string | null;
  household_type: string | null;
  employment_status: string | null;
  employment_channel: string | null;
  work_months: number | string | null;
  employer_entity_id: number | string | null;
  exited: boolean;
  entity_name: string | null;
  pay_id: number | string | null;
  pay_year: number | null;
  pay_amount_fen: number | string | null;
  pay_paid_on: string | null;
  pay_note: string | null;
  pay_version: number | null;
  pay_region_code: string | null;
  /** J2: another member of the household was paid (once per household) */
  household_paid: boolean;
  total: number | string;
  paid_count: number | string;
  paid_fen: number | string;
};

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The kind's condition on a person in the registry (domain jobSubsidyIneligibility decides; this narrows the same way). */
function kindCondition(f: JobSubsidyFilter): SQL {
  if (f.kind === 'travel') return sql`p.employment_status = ${OUT_PROVINCE_STATUS}`;
  if (f.kind === 'startup') return sql`(p.employment_channel = ${SELF_EMPLOYED} OR p.employment_status = ${SELF_EMPLOYED})`;
  if (f.minStableMonths === null) return sql`false`;
  return sql`p.employer_entity_id IS NOT NULL AND p.work_months >= ${f.minStableMonths}::int`;
}

/** The payment slot of a candidate: J1 of the year, J2 ever (the person's own; another member's is household_paid), J3 of the (entity, person) pair. */
function slotJoin(f: JobSubsidyFilter): SQL {
  const base = sql`s.kind = ${f.kind} AND s.person_id = c.person_id`;
  if (f.kind === 'travel') return sql`${base} AND s.year = ${f.year}::int`;
  if (f.kind === 'hiring') return sql`${base} AND s.entity_id = c.entity_id`;
  return base;
}

/** J2 once per household (migration 0008): whether another member of the candidate's household was paid. */
function householdPaid(f: JobSubsidyFilter, paidOfYear: SQL): SQL {
  if (f.kind !== 'startup') return sql`false`;
  return sql`EXISTS (SELECT 1 FROM subsidy_payments s WHERE s.kind = 'startup' AND s.household_id = p.household_id AND s.person_id <> c.person_id ${paidOfYear})`;
}

/**
 * The eligible list of a kind and year under the prefix: the persons eligible on their record (脱贫户/监测户 as the kind
 * says, in the registry, and the kind's condition) and the slots already paid (so a payment stays listed when the
 * record changed), each with its slot payment; totals over the filtered list. J3 rows are (entity, person) pairs.
 */
export async function listCandidates(db: Conn, f: JobSubsidyFilter, limit: number, offset: number): Promise<CandidateRow[]> {
  const q = f.q?.trim();
  const search = q ? sql`AND (p.name LIKE ${`${escapeLike(q)}%`} OR h.household_no = ${q})` : sql``;
  const status = f.status === 'paid' ? sql`AND s.id IS NOT NULL` : f.status === 'unpaid' ? sql`AND s.id IS NULL` : sql``;
  const paidOfYear = f.kind === 'travel' ? sql`AND s.year = ${f.year}::int` : sql`AND s.year <= ${f.year}::int`;
  const res = await db.execute(sql`
    WITH c AS (
      SELECT p.id AS person_id, ${f.kind === 'hiring' ? sql`p.employer_entity_id` : sql`NULL::bigint`} AS entity_id
      FROM persons p JOIN households h ON h.id = p.household_id
      WHERE ${scopeWhere(sql`p.region_code`, f.prefix)} AND h.household_type IN (${list(JOB_SUBSIDY_HOUSEHOLD_TYPES[f.kind])})
        AND h.deleted_at IS NULL AND p.exit_reason IS NULL AND ${kindCondition(f)}
      UNION
      SELECT s.person_id, s.entity_id FROM subsidy_payments s WHERE s.kind = ${f.kind} AND ${scopeWhere(sql`s.region_code`, f.prefix)} ${paidOfYear}
    )
    SELECT c.person_id, c.entity_id, p.household_id, h.household_no, p.name, p.id_number, p.region_code, concat_ws(' ', v.name, r.name) AS region_name, h.household_type,
      p.employment_status, p.employment_channel, p.work_months, p.employer_entity_id, (p.exit_reason IS NOT NULL OR h.deleted_at IS NOT NULL) AS exited,
      e.name AS entity_name, s.id AS pay_id, s.year AS pay_year, s.amount_fen AS pay_amount_fen, s.paid_on::text AS pay_paid_on, s.note AS pay_note,
      s.version AS pay_version, s.region_code AS pay_region_code, ${householdPaid(f, paidOfYear)} AS household_paid,
      count(*) OVER () AS total, count(s.id) OVER () AS paid_count, coalesce(sum(s.amount_fen) OVER (), 0) AS paid_fen
    FROM c JOIN persons p ON p.id = c.person_id JOIN households h ON h.id = p.household_id
      LEFT JOIN regions r ON r.code = p.region_code
      LEFT JOIN regions v ON v.code = left(p.region_code, 12) AND length(p.region_code) > 12
      LEFT JOIN entities e ON e.id = c.entity_id
      LEFT JOIN subsidy_payments s ON ${slotJoin(f)} ${f.kind === 'travel' ? sql`` : paidOfYear}
    WHERE true ${status} ${search}
    ORDER BY p.region_code, h.household_no, p.id, c.entity_id
    LIMIT ${limit} OFFSET ${offset}`);
  return rowsOf<CandidateRow>(res);
}

export type PersonFacts = {
  id: number;
  householdId: number;
  regionCode: string;
  name: string;
  householdType: string | null;
  employmentStatus: string | null;
  employmentChannel: string | null;
  workMonths: number | null;
  employerEntityId: number | null;
  exitReason: string | null;
  householdDeletedAt: Date | null;
};

const personFields = {
  id: persons.id,
  householdId: persons.householdId,
  regionCode: persons.regionCode,
  name: persons.name,
  householdType: households.householdType,
  employmentStatus: persons.employmentStatus,
  employmentChannel: persons.employmentChannel,
  workMonths: persons.workMonths,
  employerEntityId: persons.employerEntityId,
  exitReason: persons.exitReason,
  householdDeletedAt: households.deletedAt,
};

/** A person with the household facts the subsidies read; `lock` takes the person row FOR UPDATE (one payment at a time). */
export async function findPerson(db: Conn, id: number, lock = false): Promise<PersonFacts | undefined> {
  const q = db.select(personFields).from(persons).innerJoin(households, eq(households.id, persons.householdId)).where(eq(persons.id, id));
  const [row] = lock ? await q.for('update', { of: persons }) : await q;
  return row;
}

export async function findEntity(db: Conn, id: number): Promise<{ id: number; name: string; regionCode: string; status: string } | undefined> {
  const [row] = await db.select({ id: entities.id, name: entities.name, regionCode: entities.regionCode, status: entities.status }).from(entities).where(eq(entities.id, id));
  return row;
}

/** The payment already made in a slot (J1 person + year, J2 household, J3 entity + person), if any. */
export async function findSlotPayment(
  db: Conn,
  kind: JobSubsidyKind,
  slotOf: { personId: number; householdId: number },
  year: number,
  entityId: number | null,
): Promise<PaymentRow | undefined> {
  const { personId, householdId } = slotOf;
  const slot =
    kind === 'travel'
      ? and(eq(subsidyPayments.kind, kind), eq(subsidyPayments.personId, personId), eq(subsidyPayments.year, year))
      : kind === 'hiring'
        ? and(eq(subsidyPayments.kind, kind), eq(subsidyPayments.personId, personId), eq(subsidyPayments.entityId, entityId ?? 0))
        : and(eq(subsidyPayments.kind, kind), eq(subsidyPayments.householdId, householdId));
  const [row] = await db.select().from(subsidyPayments).where(slot).limit(1);
  return row;
}

export async function insertPayment(tx: Conn, values: typeof subsidyPayments.$inferInsert): Promise<PaymentRow> {
  const [row] = await tx.insert(subsidyPayments).values(values).returning();
  return row!;
}

export async function findPayment(db: Conn, id: number, lock = false): Promise<PaymentRow | undefined> {
  const q = db.select().from(subsidyPayments).where(eq(subsidyPayments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function deletePayment(tx: Conn, id: number): Promise<void> {
  await tx.delete(subsidyPayments).where(eq(subsidyPayments.id, id));
}
