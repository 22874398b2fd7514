import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  chainLinks,
  entities,
  fundAllocations,
  households,
  industries,
  industryChains,
  persons,
  projectBeneficiaries,
  projectBudgets,
  projectSteps,
  projects,
  regions,
} from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { escapeLike } from '../../sql-helpers.ts';
import { scopeWhere } from '../regions/scope.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;
export type StepRow = typeof projectSteps.$inferSelect;
export type BudgetRow = typeof projectBudgets.$inferSelect;

/** List filters, already clamped to the actor's scope (`prefix`). */
export type ProjectFilter = {
  prefix: string;
  year?: number | undefined;
  stage?: string | undefined;
  projectType?: string | undefined;
  industryId?: number | undefined;
  q?: string | undefined;
};

function whereOf(f: ProjectFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    scopeWhere(projects.regionCode, f.prefix),
    f.year !== undefined ? eq(projects.year, f.year) : undefined,
    f.stage ? eq(projects.stage, f.stage) : undefined,
    f.projectType ? eq(projects.projectType, f.projectType) : undefined,
    f.industryId !== undefined ? eq(projects.industryId, f.industryId) : undefined,
    q ? or(ilike(projects.name, q), ilike(projects.projectNo, q)) : undefined,
  );
}

/** A page of projects under the prefix with the name of their region, newest year first. */
export async function listProjects(db: Conn, f: ProjectFilter, limit: number, offset: number) {
  return db
    .select({ p: projects, regionName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .where(whereOf(f))
    .orderBy(desc(projects.year), desc(projects.id))
    .limit(limit)
    .offset(offset);
}

export async function countProjects(db: Conn, f: ProjectFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(projects).where(whereOf(f));
  return Number(row?.n ?? 0);
}

export async function findProject(db: Conn, id: number): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function findProjectByNo(db: Conn, projectNo: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.projectNo, projectNo));
  return row;
}

/** The project locked for this transaction (`SELECT … FOR UPDATE`): the "before" of a versioned write or step. */
export async function lockProject(tx: Conn, id: number): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  return row;
}

export async function insertProject(tx: Conn, values: ProjectInsert): Promise<ProjectRow> {
  const [row] = await tx.insert(projects).values(values).returning();
  return row as ProjectRow;
}

/** Writes a project's columns and bumps its version. */
export async function updateProject(tx: Conn, id: number, patch: Partial<ProjectInsert>): Promise<ProjectRow> {
  const { version: _v, id: _id, ...fields } = patch;
  const [row] = await tx
    .update(projects)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${projects.version} + 1` })
    .where(eq(projects.id, id))
    .returning();
  return row as ProjectRow;
}

/** The highest project number starting with `prefix` (for the next generated number). */
export async function maxProjectNo(tx: Conn, prefix: string): Promise<string | null> {
  const [row] = await tx
    .select({ no: sql<string | null>`max(${projects.projectNo})` })
    .from(projects)
    .where(sql`${projects.projectNo} LIKE ${`${escapeLike(prefix)}%`}`);
  return row?.no ?? null;
}

/** The region row of a code (level and retirement), or undefined. */
export async function findRegion(db: Conn, code: string) {
  const [row] = await db.select({ code: regions.code, level: regions.level, name: regions.name, retiredAt: regions.retiredAt }).from(regions).where(eq(regions.code, code));
  return row;
}

export async function listSteps(db: Conn, projectId: number): Promise<StepRow[]> {
  return db.select().from(projectSteps).where(eq(projectSteps.projectId, projectId)).orderBy(asc(projectSteps.id));
}

export async function insertStep(tx: Conn, values: typeof projectSteps.$inferInsert): Promise<void> {
  await tx.insert(projectSteps).values(values);
}

export async function listBudgets(db: Conn, projectId: number): Promise<BudgetRow[]> {
  return db
    .select()
    .from(projectBudgets)
    .where(eq(projectBudgets.projectId, projectId))
    .orderBy(asc(projectBudgets.year), asc(projectBudgets.fundLevel), asc(projectBudgets.fundKind));
}

/** Replaces a project's budget rows (inside the caller's transaction). */
export async function replaceBudgets(tx: Conn, projectId: number, rows: { year: number; fundLevel: string; fundKind: string; amountFen: number }[]): Promise<void> {
  await tx.delete(projectBudgets).where(eq(projectBudgets.projectId, projectId));
  if (rows.length) await tx.insert(projectBudgets).values(rows.map((r) => ({ ...r, projectId })));
}

/** Beneficiary households with their number and head's name (no ID or phone). */
export async function listBeneficiaries(db: Conn, projectId: number) {
  return db
    .select({ householdId: households.id, householdNo: households.householdNo, headName: persons.name, regionCode: households.regionCode })
    .from(projectBeneficiaries)
    .innerJoin(households, eq(households.id, projectBeneficiaries.householdId))
    .leftJoin(persons, and(eq(persons.householdId, households.id), eq(persons.isHead, true), isNull(persons.exitReason)))
    .where(eq(projectBeneficiaries.projectId, projectId))
    .orderBy(asc(households.householdNo));
}

/** Active (not exited) households among `ids` under the prefix. */
export async function findScopedHouseholds(db: Conn, prefix: string, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: households.id, regionCode: households.regionCode })
    .from(households)
    .where(and(inArray(households.id, [...ids]), scopeWhere(households.regionCode, prefix), isNull(households.deletedAt)));
}

/** Replaces a project's beneficiary households (inside the caller's transaction). */
export async function replaceBeneficiaries(tx: Conn, projectId: number, rows: { householdId: number; regionCode: string }[]): Promise<void> {
  await tx.delete(projectBeneficiaries).where(eq(projectBeneficiaries.projectId, projectId));
  if (rows.length) await tx.insert(projectBeneficiaries).values(rows.map((r) => ({ ...r, projectId })));
}

/** 分 allocated to the project (sum of its fund allocations). */
export async function allocatedFen(db: Conn, projectId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<string | null>`coalesce(sum(${fundAllocations.amountFen}), 0)` })
    .from(fundAllocations)
    .where(eq(fundAllocations.projectId, projectId));
  return Number(row?.n ?? 0);
}

/** The region of an industry, or undefined when there is none with this id. */
export async function findIndustryRegion(db: Conn, id: number): Promise<string | undefined> {
  const [row] = await db.select({ regionCode: industries.regionCode }).from(industries).where(eq(industries.id, id));
  return row?.regionCode;
}

/** The industry a chain link belongs to (through its chain), or undefined. */
export async function findChainLinkIndustry(db: Conn, id: number): Promise<number | undefined> {
  const [row] = await db
    .select({ industryId: industryChains.industryId })
    .from(chainLinks)
    .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
    .where(eq(chainLinks.id, id));
  return row?.industryId;
}

/** The seat of an entity, or undefined. */
export async function findEntityRegion(db: Conn, id: number): Promise<string | undefined> {
  const [row] = await db.select({ regionCode: entities.regionCode }).from(entities).where(eq(entities.id, id));
  return row?.regionCode;
}

/** Serialises project-number generation for one prefix until the transaction ends. */
export async function lockProjectNumbering(tx: Conn, prefix: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`projects:${prefix}`}))`);
}

/** Regions by code (level, retirement) for an import's places. */
export async function findRegions(db: Conn, codes: readonly string[]) {
  if (!codes.length) return [];
  return db
    .select({ code: regions.code, level: regions.level, name: regions.name, retiredAt: regions.retiredAt })
    .from(regions)
    .where(inArray(regions.code, [...codes]));
}

/** The projects with these numbers (the import's key), wherever they are: the caller checks the scope. */
export async function findProjectsByNos(db: Conn, nos: readonly string[]): Promise<ProjectRow[]> {
  if (!nos.length) return [];
  return db
    .select()
    .from(projects)
    .where(inArray(projects.projectNo, [...nos]));
}

/** The sum (分) of the budget rows of each of these projects that has any (the truth of its 总投资). */
export async function budgetRowTotals(db: Conn, projectIds: readonly number[]): Promise<Map<number, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .select({ projectId: projectBudgets.projectId, total: sql<string>`sum(${projectBudgets.amountFen})` })
    .from(projectBudgets)
    .where(inArray(projectBudgets.projectId, [...projectIds]))
    .groupBy(projectBudgets.projectId);
  return new Map(rows.map((r) => [r.projectId, Number(r.total)]));
}
