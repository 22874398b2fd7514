import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { auditLog, distributionLines, incomeDistributions, regions, users } from '@chanbang/db';
import type { Actor, Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { idArrayLiteral } from '../../sql-helpers.ts';

// SQL of 村集体产业收益分配 (issue 8 §3): distributions, their lines, the registry households they pay, and the carry-over
// of confirmed lines into household_incomes (numeric 元: amount_fen / 100 is exact in SQL).

export type DistributionRow = typeof incomeDistributions.$inferSelect;
export type LineInsert = typeof distributionLines.$inferInsert;
export type FoundDistribution = { d: DistributionRow; regionName: string | null; confirmedByName: string | null };

/** A household of the village as a line shows it: 户编号, 户主, type, labour (a member who can work). */
export type RegistryHousehold = { id: number; householdNo: string; headName: string | null; householdType: string; hasLabor: boolean; regionCode: string };
export type LineRow = RegistryHousehold & { lineId: number; kind: string; workUnits: number | null; amountFen: number; carriedAt: Date | null };

const headName = sql`(SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.is_head ORDER BY p.exit_reason NULLS FIRST, p.id LIMIT 1)`;
/** `IN (…)` of codes (dictionary codes, never user text). */
const codeList = (codes: readonly string[]) =>
  codes.length
    ? sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )
    : sql`NULL`;
const hasLabor = (laborCodes: readonly string[]) =>
  sql`EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity IN (${codeList(laborCodes)}))`;

type RawHousehold = { id: string | number; household_no: string; head_name: string | null; household_type: string; has_labor: boolean; region_code: string };
const toHousehold = (r: RawHousehold): RegistryHousehold => ({
  id: Number(r.id),
  householdNo: r.household_no,
  headName: r.head_name,
  householdType: r.household_type,
  hasLabor: r.has_labor === true || (r.has_labor as unknown) === 't',
  regionCode: r.region_code,
});

/** Active households of the village (under its code), of the given types (all types when `types` is null), in 户编号 order. */
export async function villageHouseholds(
  db: Conn,
  village: string,
  types: readonly string[] | null,
  laborCodes: readonly string[],
  ids?: readonly number[],
): Promise<RegistryHousehold[]> {
  const conds: SQL[] = [scopeWhere(sql`h.region_code`, village), sql`h.exit_reason IS NULL`, sql`h.deleted_at IS NULL`];
  if (types) conds.push(sql`h.household_type IN (${codeList(types)})`);
  if (ids) conds.push(sql`h.id = ANY(${idArrayLiteral(ids)}::bigint[])`);
  const res = await db.execute(sql`
    SELECT h.id, h.household_no, ${headName} AS head_name, h.household_type, ${hasLabor(laborCodes)} AS has_labor, h.region_code
    FROM households h WHERE ${sql.join(conds, sql` AND `)} ORDER BY h.household_no, h.id`);
  return rowsOf<RawHousehold>(res).map(toHousehold);
}

/** The basis of a proposal: income of the period of the assets the village collective owns in the village. */
export async function collectiveAssetIncomes(db: Conn, village: string, year: number, half: number | null) {
  const res = await db.execute(sql`
    SELECT a.id, a.asset_no, a.name, sum(i.income_fen)::text AS income_fen
    FROM assets a JOIN asset_incomes i ON i.asset_id = a.id
    WHERE a.region_code = ${village} AND a.owner_kind = 'village_collective' AND i.year = ${year}
      ${half === null ? sql`` : sql`AND i.half = ${half}`}
    GROUP BY a.id, a.asset_no, a.name ORDER BY a.asset_no`);
  return rowsOf<{ id: string; asset_no: string; name: string; income_fen: string }>(res).map((r) => ({
    id: Number(r.id),
    assetNo: r.asset_no,
    name: r.name,
    incomeFen: Number(r.income_fen),
  }));
}

/**
 * Serialises the proposals and confirmations of one village's distributions of a year until the transaction ends (the
 * periods overlap within a year: 全年 with either half), so a check-then-insert cannot run twice at once.
 */
export async function lockVillageYear(tx: Conn, village: string, year: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`distributions:${village}:${year}`}))`);
}

/** A live (not cancelled) distribution of the village whose period overlaps `half` of `year` (null = 全年 overlaps both halves). */
export async function findOverlapping(tx: Conn, village: string, year: number, half: number | null, except?: number): Promise<DistributionRow | undefined> {
  const conds: SQL[] = [eq(incomeDistributions.regionCode, village), eq(incomeDistributions.year, year), sql`${incomeDistributions.status} <> 'cancelled'`];
  if (half !== null) conds.push(sql`(${incomeDistributions.half} IS NULL OR ${incomeDistributions.half} = ${half})`);
  if (except !== undefined) conds.push(sql`${incomeDistributions.id} <> ${except}`);
  const [r] = await tx
    .select()
    .from(incomeDistributions)
    .where(and(...conds))
    .orderBy(incomeDistributions.id)
    .limit(1);
  return r;
}

export async function findRegion(db: Conn, code: string) {
  const [r] = await db.select({ code: regions.code, name: regions.name, level: regions.level, retiredAt: regions.retiredAt }).from(regions).where(eq(regions.code, code));
  return r;
}

function selectDistributions(db: Conn) {
  return db
    .select({ d: incomeDistributions, regionName: regions.name, confirmedByName: users.displayName })
    .from(incomeDistributions)
    .leftJoin(regions, eq(regions.code, incomeDistributions.regionCode))
    .leftJoin(users, eq(users.id, incomeDistributions.confirmedBy));
}

export async function findDistribution(db: Conn, id: number): Promise<FoundDistribution | undefined> {
  const [r] = await selectDistributions(db).where(eq(incomeDistributions.id, id));
  return r;
}

export async function lockDistribution(tx: Conn, id: number): Promise<DistributionRow | undefined> {
  const [r] = await tx.select().from(incomeDistributions).where(eq(incomeDistributions.id, id)).for('update');
  return r;
}

export type DistributionFilter = { prefix: string; year?: number | undefined; status?: string | undefined };

/** Distributions under the prefix (newest period first) with their line totals. */
export async function listDistributions(db: Conn, f: DistributionFilter, limit: number, offset: number) {
  const conds: SQL[] = [scopeWhere(incomeDistributions.regionCode, f.prefix)];
  if (f.year) conds.push(eq(incomeDistributions.year, f.year));
  if (f.status) conds.push(eq(incomeDistributions.status, f.status));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    selectDistributions(db)
      .where(where)
      .orderBy(desc(incomeDistributions.year), desc(sql`coalesce(${incomeDistributions.half}, 3)`), incomeDistributions.regionCode, desc(incomeDistributions.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(incomeDistributions)
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Sum of lines, the part to the given household types and the count, per distribution. */
export async function lineTotals(db: Conn, ids: readonly number[], types: readonly string[]) {
  if (ids.length === 0) return new Map<number, { totalFen: number; lmFen: number; count: number }>();
  const res = await db.execute(sql`
    SELECT l.distribution_id AS id, sum(l.amount_fen)::text AS total, coalesce(sum(l.amount_fen) FILTER (WHERE h.household_type IN (${codeList(types)})), 0)::text AS lm, count(*)::int AS n
    FROM distribution_lines l JOIN households h ON h.id = l.household_id
    WHERE l.distribution_id = ANY(${idArrayLiteral(ids)}::bigint[]) GROUP BY l.distribution_id`);
  return new Map(
    rowsOf<{ id: string; total: string; lm: string; n: number }>(res).map((r) => [Number(r.id), { totalFen: Number(r.total), lmFen: Number(r.lm), count: Number(r.n) }]),
  );
}

/** The lines of a distribution with their households, in 户编号 order. */
export async function listLines(db: Conn, distributionId: number, laborCodes: readonly string[]): Promise<LineRow[]> {
  const res = await db.execute(sql`
    SELECT l.id AS line_id, l.kind, l.work_units::text AS work_units, l.amount_fen::text AS amount_fen, l.carried_at,
      h.id, h.household_no, ${headName} AS head_name, h.household_type, ${hasLabor(laborCodes)} AS has_labor, h.region_code
    FROM distribution_lines l JOIN households h ON h.id = l.household_id
    WHERE l.distribution_id = ${distributionId} ORDER BY h.household_no, h.id`);
  type Raw = RawHousehold & { line_id: string; kind: string; work_units: string | null; amount_fen: string; carried_at: string | Date | null };
  return rowsOf<Raw>(res).map((r) => ({
    ...toHousehold(r),
    lineId: Number(r.line_id),
    kind: r.kind,
    workUnits: r.work_units === null ? null : Number(r.work_units),
    amountFen: Number(r.amount_fen),
    carriedAt: r.carried_at === null ? null : new Date(r.carried_at),
  }));
}

export async function insertDistribution(tx: Conn, values: typeof incomeDistributions.$inferInsert): Promise<DistributionRow> {
  const [row] = await tx.insert(incomeDistributions).values(values).returning();
  return row as DistributionRow;
}

export async function updateDistribution(tx: Conn, id: number, values: Partial<typeof incomeDistributions.$inferInsert>): Promise<DistributionRow> {
  const { id: _i, version: _v, ...rest } = values;
  const [row] = await tx
    .update(incomeDistributions)
    .set({ ...rest, updatedAt: sql`now()`, version: sql`${incomeDistributions.version} + 1` })
    .where(eq(incomeDistributions.id, id))
    .returning();
  return row as DistributionRow;
}

/** Replaces the lines of a draft (one DELETE, one multi-row INSERT). */
export async function replaceLines(tx: Conn, distributionId: number, lines: LineInsert[]): Promise<void> {
  await tx.delete(distributionLines).where(eq(distributionLines.distributionId, distributionId));
  for (let i = 0; i < lines.length; i += 1000) await tx.insert(distributionLines).values(lines.slice(i, i + 1000));
}

export type IncomeChange = { householdId: number; regionCode: string; year: number; before: unknown; after: unknown };

/**
 * Adds (sign 1) or takes back (sign -1) every line of the distribution to its household's income of `year`: work lines to
 * 工资性收入, base lines to 财产性收入 (a missing year is created with the household's active members), version + 1;
 * marks the lines carried (or not). Two statements plus the lock of the rows before; returns each household's before/after.
 */
export async function carryLines(tx: Conn, distributionId: number, year: number, sign: 1 | -1, except: readonly number[] = []): Promise<IncomeChange[]> {
  const skip = except.length ? sql`AND l.household_id <> ALL(${idArrayLiteral(except)}::bigint[])` : sql``;
  const before = rowsOf<{ household_id: string; row: unknown }>(
    await tx.execute(sql`
      SELECT i.household_id, to_jsonb(i) AS row FROM household_incomes i
      WHERE i.year = ${year} AND i.household_id IN (SELECT l.household_id FROM distribution_lines l WHERE l.distribution_id = ${distributionId} ${skip})
      ORDER BY i.household_id FOR UPDATE`),
  );
  const beforeOf = new Map(before.map((r) => [Number(r.household_id), r.row]));
  const after = rowsOf<{ household_id: string; region_code: string; row: unknown }>(
    await tx.execute(sql`
      WITH add AS (
        SELECT l.household_id, h.region_code,
          ${sign}::int * coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'work'), 0) / 100.0 AS wage,
          ${sign}::int * coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'base'), 0) / 100.0 AS property,
          greatest(1, (SELECT count(*) FROM persons p WHERE p.household_id = l.household_id AND p.exit_reason IS NULL))::int AS members
        FROM distribution_lines l JOIN households h ON h.id = l.household_id
        WHERE l.distribution_id = ${distributionId} AND l.amount_fen <> 0 ${skip}
        GROUP BY l.household_id, h.region_code)
      INSERT INTO household_incomes AS i (household_id, region_code, year, wage, property, member_count)
      SELECT household_id, region_code, ${year}, wage, property, members FROM add ORDER BY household_id
      ON CONFLICT (household_id, year) DO UPDATE SET wage = i.wage + excluded.wage, property = i.property + excluded.property,
        version = i.version + 1, updated_at = now()
      RETURNING i.household_id, i.region_code, to_jsonb(i) AS row`),
  );
  // a line left in its household's income (cancel with editedIncomes 'keep') stays marked carried
  await tx
    .update(distributionLines)
    .set({ carriedAt: sign === 1 ? sql`now()` : null })
    .where(
      and(eq(distributionLines.distributionId, distributionId), except.length ? sql`${distributionLines.householdId} <> ALL(${idArrayLiteral(except)}::bigint[])` : undefined),
    );
  return after.map((r) => ({ householdId: Number(r.household_id), regionCode: r.region_code, year, before: beforeOf.get(Number(r.household_id)) ?? null, after: r.row }));
}

/** Households whose income of `year` would fall below 0 if the distribution were taken back (户编号). */
export async function incomesTooSmallToReverse(tx: Conn, distributionId: number, year: number, except: readonly number[] = []): Promise<string[]> {
  const res = await tx.execute(sql`
    SELECT h.household_no FROM distribution_lines l JOIN households h ON h.id = l.household_id
    LEFT JOIN household_incomes i ON i.household_id = l.household_id AND i.year = ${year}
    WHERE l.distribution_id = ${distributionId} ${except.length ? sql`AND l.household_id <> ALL(${idArrayLiteral(except)}::bigint[])` : sql``}
    GROUP BY h.household_no, i.wage, i.property
    HAVING coalesce(i.wage, 0) * 100 < coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'work'), 0)
        OR coalesce(i.property, 0) * 100 < coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'base'), 0)
    ORDER BY h.household_no`);
  return rowsOf<{ household_no: string }>(res).map((r) => r.household_no);
}

/** One audit entry per household income changed, in one INSERT (a distribution of 500 households stays one round trip). */
export async function auditIncomeChanges(tx: Conn, actor: Pick<Actor, 'id' | 'displayName' | 'requestId'>, action: string, changes: IncomeChange[]): Promise<void> {
  const rows = changes.map((c) => ({
    actorId: actor.id,
    actorName: actor.displayName,
    action,
    entityType: 'household_income',
    entityId: String((c.after as { id?: number } | null)?.id ?? ''),
    regionCode: c.regionCode,
    householdId: c.householdId,
    before: c.before as never,
    after: c.after as never,
    requestId: actor.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}

/** What confirmed distributions carried into a household's incomes: per line, with the village and period. */
export async function distributedToHousehold(db: Conn, householdId: number) {
  const res = await db.execute(sql`
    SELECT d.id, d.year, d.half, r.name AS village, l.kind, l.amount_fen::text AS amount_fen
    FROM distribution_lines l JOIN income_distributions d ON d.id = l.distribution_id LEFT JOIN regions r ON r.code = d.region_code
    WHERE l.household_id = ${householdId} AND l.carried_at IS NOT NULL AND d.status = 'confirmed' ORDER BY d.year, d.half NULLS LAST, d.id`);
  return rowsOf<{ id: string; year: number; half: number | null; village: string | null; kind: string; amount_fen: string }>(res).map((r) => ({
    distributionId: Number(r.id),
    year: Number(r.year),
    half: r.half === null ? null : Number(r.half),
    villageName: r.village,
    kind: r.kind,
    amountFen: Number(r.amount_fen),
  }));
}

/**
 * Households of the distribution's lines whose income of `year` was changed after the confirmation by anything but a
 * distribution's carry or reversal (`distribution_carry` / `distribution_reverse`) or a linkage carry (a
 * `household_income` entry of the same request as a `linkage` `carry` entry): a hand edit (incomes API) or a household
 * import (whose audit entry is per household, `after.importJobId`; it counts when the income row was written at or after
 * it — conservative: an import that left the income alone but was followed by another write also counts).
 * "After" is after the distribution's `confirm` audit entry (ids grow with time, and an edit of a carried income waits
 * for the confirmation's row locks), or after `confirmed_at` where there is none (demo data). Every probe of audit_log
 * goes by `audit_log_household_idx` (household_id) or `audit_log_entity_idx`: no scan of the log.
 */
export async function editedSinceConfirm(tx: Conn, distributionId: number, year: number, confirmedAt: Date | null): Promise<{ id: number; householdNo: string }[]> {
  const at = (confirmedAt ?? new Date(0)).toISOString();
  const res = await tx.execute(sql`
    WITH c AS (SELECT max(id) AS id FROM audit_log WHERE entity_type = 'income_distribution' AND entity_id = ${String(distributionId)} AND action = 'confirm')
    SELECT h.id, h.household_no FROM households h CROSS JOIN c
    WHERE h.id IN (SELECT household_id FROM distribution_lines WHERE distribution_id = ${distributionId})
      AND (EXISTS (
          SELECT 1 FROM audit_log a WHERE a.household_id = h.id AND a.entity_type = 'household_income'
            AND coalesce(a.after, a.before)->>'year' = ${String(year)}
            AND a.action NOT IN ('distribution_carry', 'distribution_reverse')
            AND (CASE WHEN c.id IS NULL THEN a.at > ${at}::timestamptz ELSE a.id > c.id END)
            AND NOT EXISTS (
              SELECT 1 FROM audit_log k WHERE k.household_id = h.id AND k.entity_type = 'linkage' AND k.action = 'carry' AND k.request_id = a.request_id))
        OR EXISTS (
          SELECT 1 FROM audit_log a JOIN household_incomes i ON i.household_id = h.id AND i.year = ${year}
          WHERE a.household_id = h.id AND a.entity_type = 'household' AND a.after->>'importJobId' IS NOT NULL AND i.updated_at >= a.at
            AND (CASE WHEN c.id IS NULL THEN a.at > ${at}::timestamptz ELSE a.id > c.id END)))
    ORDER BY h.household_no, h.id`);
  return rowsOf<{ id: string; household_no: string }>(res).map((r) => ({ id: Number(r.id), householdNo: r.household_no }));
}
