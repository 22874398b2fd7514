import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { households, loanRepayments, loans, persons, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { idArrayLiteral } from '../../sql-helpers.ts';

export type LoanRow = typeof loans.$inferSelect;
export type RepaymentRow = typeof loanRepayments.$inferSelect;

export async function listHouseholdLoans(db: Conn, householdId: number): Promise<LoanRow[]> {
  return db.select().from(loans).where(eq(loans.householdId, householdId)).orderBy(desc(loans.startDate), asc(loans.id));
}

export async function findLoan(db: Conn, id: number): Promise<LoanRow | undefined> {
  const [row] = await db.select().from(loans).where(eq(loans.id, id));
  return row;
}

/** The loan locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write. */
export async function lockLoan(tx: Conn, id: number): Promise<LoanRow | undefined> {
  const [row] = await tx.select().from(loans).where(eq(loans.id, id)).for('update');
  return row;
}

export async function insertLoan(db: Conn, values: typeof loans.$inferInsert): Promise<LoanRow> {
  const [row] = await db.insert(loans).values(values).returning();
  return row as LoanRow;
}

/** Writes a loan's fields and bumps its version. */
export async function updateLoan(db: Conn, id: number, patch: Partial<typeof loans.$inferInsert>): Promise<LoanRow> {
  const { version: _v, id: _id, ...fields } = patch;
  const [row] = await db
    .update(loans)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${loans.version} + 1` })
    .where(eq(loans.id, id))
    .returning();
  return row as LoanRow;
}

export async function listRepayments(db: Conn, loanIds: number[]): Promise<RepaymentRow[]> {
  if (loanIds.length === 0) return [];
  return db
    .select()
    .from(loanRepayments)
    .where(sql`${loanRepayments.loanId} = ANY(${idArrayLiteral(loanIds)}::bigint[])`)
    .orderBy(asc(loanRepayments.paidOn), asc(loanRepayments.id));
}

export async function findRepayment(db: Conn, id: number): Promise<RepaymentRow | undefined> {
  const [row] = await db.select().from(loanRepayments).where(eq(loanRepayments.id, id));
  return row;
}

export async function lockRepayment(tx: Conn, id: number): Promise<RepaymentRow | undefined> {
  const [row] = await tx.select().from(loanRepayments).where(eq(loanRepayments.id, id)).for('update');
  return row;
}

export async function insertRepayment(db: Conn, values: typeof loanRepayments.$inferInsert): Promise<RepaymentRow> {
  const [row] = await db.insert(loanRepayments).values(values).returning();
  return row as RepaymentRow;
}

export async function deleteRepayment(db: Conn, id: number): Promise<void> {
  await db.delete(loanRepayments).where(eq(loanRepayments.id, id));
}

/** Borrower names and birth dates of some persons (never ID numbers or phones). */
export async function findBorrowers(db: Conn, ids: number[]): Promise<Map<number, { name: string; birthDate: string; householdId: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, name: persons.name, birthDate: persons.birthDate, householdId: persons.householdId })
    .from(persons)
    .where(sql`${persons.id} = ANY(${idArrayLiteral(ids)}::bigint[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

export type LoanListFilter = { prefix: string; status?: string | undefined };

/** A page of loans under a region prefix (scoped), newest first, with 户编号, 户主 and the village's name. */
export async function listLoansPage(db: Conn, f: LoanListFilter, limit: number, offset: number) {
  const where = and(scopeWhere(loans.regionCode, f.prefix), f.status ? eq(loans.status, f.status) : undefined);
  const items = await db
    .select({
      loan: loans,
      householdNo: households.householdNo,
      headName: sql<string | null>`(SELECT p.name FROM persons p WHERE p.household_id = ${loans.householdId} AND p.relation = '02' ORDER BY p.id LIMIT 1)`,
      regionName: regions.name,
    })
    .from(loans)
    .innerJoin(households, eq(households.id, loans.householdId))
    .leftJoin(regions, eq(regions.code, loans.regionCode))
    .where(where)
    .orderBy(desc(loans.startDate), desc(loans.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(loans).where(where);
  return { items, total: total?.n ?? 0 };
}
