import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { fundAllocations, fundSources, projects, projectSteps, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { FUNDABLE_STAGES, SUPPORTING_FACILITIES } from './fund-facts.repo.ts';

export type FundSourceRow = typeof fundSources.$inferSelect;
export type FundAllocationRow = typeof fundAllocations.$inferSelect;

/** A fund source with its region's name and the 分 allocated from it. */
export type FundSourceListRow = FundSourceRow & { regionName: string | null; allocatedFen: number };

const allocatedOf = sql<string>`(SELECT coalesce(sum(a.amount_fen), 0)::text FROM fund_allocations a WHERE a.fund_source_id = ${fundSources.id})`;

/** Fund sources under `prefix` (the scope already clamped), optionally of one year, newest year first. */
export async function listFundSources(db: Conn, prefix: string, year?: number): Promise<FundSourceListRow[]> {
  const conds: SQL[] = [scopeWhere(fundSources.regionCode, prefix)];
  if (year !== undefined) conds.push(eq(fundSources.year, year));
  const rows = await db
    .select({ s: fundSources, regionName: regions.name, allocated: allocatedOf })
    .from(fundSources)
    .leftJoin(regions, eq(regions.code, fundSources.regionCode))
    .where(and(...conds))
    .orderBy(desc(fundSources.year), asc(fundSources.id));
  return rows.map((r) => ({ ...r.s, regionName: r.regionName, allocatedFen: Number(r.allocated) }));
}

export async function findFundSource(db: Conn, id: number): Promise<FundSourceListRow | undefined> {
  const [r] = await db
    .select({ s: fundSources, regionName: regions.name, allocated: allocatedOf })
    .from(fundSources)
    .leftJoin(regions, eq(regions.code, fundSources.regionCode))
    .where(eq(fundSources.id, id));
  return r ? { ...r.s, regionName: r.regionName, allocatedFen: Number(r.allocated) } : undefined;
}

/** The source locked for this transaction: the "before" of a versioned write and the balance check of an allocation. */
export async function lockFundSource(tx: Conn, id: number): Promise<FundSourceRow | undefined> {
  const [row] = await tx.select().from(fundSources).where(eq(fundSources.id, id)).for('update');
  return row;
}

/** 分 allocated from a source (inside the transaction that locked it), leaving out one allocation being edited. */
export async function allocatedFenOfSource(tx: Conn, sourceId: number, exceptAllocationId?: number): Promise<number> {
  const except = exceptAllocationId !== undefined ? sql` AND id <> ${exceptAllocationId}` : sql``;
  const rows = rowsOf<{ fen: string }>(await tx.execute(sql`SELECT coalesce(sum(amount_fen), 0)::text AS fen FROM fund_allocations WHERE fund_source_id = ${sourceId}${except}`));
  return Number(rows[0]?.fen ?? 0);
}

export async function countAllocationsOfSource(tx: Conn, sourceId: number): Promise<number> {
  const rows = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM fund_allocations WHERE fund_source_id = ${sourceId}`));
  return Number(rows[0]?.n ?? 0);
}

export async function insertFundSource(tx: Conn, values: typeof fundSources.$inferInsert): Promise<FundSourceRow> {
  const [row] = await tx.insert(fundSources).values(values).returning();
  return row as FundSourceRow;
}

export async function updateFundSource(tx: Conn, id: number, patch: Partial<typeof fundSources.$inferInsert>): Promise<FundSourceRow> {
  const { version: _v, id: _id, ...fields } = patch;
  const [row] = await tx
    .update(fundSources)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${fundSources.version} + 1` })
    .where(eq(fundSources.id, id))
    .returning();
  return row as FundSourceRow;
}

export async function deleteFundSource(tx: Conn, id: number): Promise<void> {
  await tx.delete(fundSources).where(eq(fundSources.id, id));
}

/** An allocation with what the list shows: its source and project. */
export type FundAllocationListRow = FundAllocationRow & { fundSourceName: string; fundLevel: string; fundKind: string; projectName: string; projectType: string };

const allocationColumns = {
  a: fundAllocations,
  fundSourceName: fundSources.name,
  fundLevel: fundSources.fundLevel,
  fundKind: fundSources.fundKind,
  projectName: projects.name,
  projectType: projects.projectType,
};
type AllocSel = { a: FundAllocationRow; fundSourceName: string; fundLevel: string; fundKind: string; projectName: string; projectType: string };
const flat = (r: AllocSel): FundAllocationListRow => ({
  ...r.a,
  fundSourceName: r.fundSourceName,
  fundLevel: r.fundLevel,
  fundKind: r.fundKind,
  projectName: r.projectName,
  projectType: r.projectType,
});

/** Allocations under `prefix`, optionally of one project and/or year and/or only the given ids. */
export async function listAllocations(
  db: Conn,
  prefix: string,
  f: { projectId?: number | undefined; year?: number | undefined; ids?: number[] | undefined },
): Promise<FundAllocationListRow[]> {
  if (f.ids && f.ids.length === 0) return [];
  const conds: SQL[] = [scopeWhere(fundAllocations.regionCode, prefix)];
  if (f.ids) conds.push(inArray(fundAllocations.id, f.ids));
  if (f.projectId !== undefined) conds.push(eq(fundAllocations.projectId, f.projectId));
  if (f.year !== undefined) conds.push(eq(fundAllocations.year, f.year));
  const rows = await db
    .select(allocationColumns)
    .from(fundAllocations)
    .innerJoin(fundSources, eq(fundSources.id, fundAllocations.fundSourceId))
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .where(and(...conds))
    .orderBy(desc(fundAllocations.year), asc(fundAllocations.id));
  return rows.map(flat);
}

export async function findAllocation(db: Conn, id: number): Promise<FundAllocationListRow | undefined> {
  const [r] = await db
    .select(allocationColumns)
    .from(fundAllocations)
    .innerJoin(fundSources, eq(fundSources.id, fundAllocations.fundSourceId))
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .where(eq(fundAllocations.id, id));
  return r ? flat(r) : undefined;
}

export async function lockAllocation(tx: Conn, id: number): Promise<FundAllocationRow | undefined> {
  const [row] = await tx.select().from(fundAllocations).where(eq(fundAllocations.id, id)).for('update');
  return row;
}

export async function insertAllocation(tx: Conn, values: typeof fundAllocations.$inferInsert): Promise<FundAllocationRow> {
  const [row] = await tx.insert(fundAllocations).values(values).returning();
  return row as FundAllocationRow;
}

export async function updateAllocation(tx: Conn, id: number, patch: Partial<typeof fundAllocations.$inferInsert>): Promise<FundAllocationRow> {
  const { version: _v, id: _id, ...fields } = patch;
  const [row] = await tx
    .update(fundAllocations)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${fundAllocations.version} + 1` })
    .where(eq(fundAllocations.id, id))
    .returning();
  return row as FundAllocationRow;
}

export async function deleteAllocation(tx: Conn, id: number): Promise<void> {
  await tx.delete(fundAllocations).where(eq(fundAllocations.id, id));
}

export type ProjectRow = typeof projects.$inferSelect;

export async function findProject(db: Conn, id: number): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

/** The project locked for this transaction (its stage decides P1; the first allocation moves it). */
export async function lockProject(tx: Conn, id: number): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  return row;
}

/** Moves a project to `toStage` (version + 1) and keeps the step in its timeline. */
export async function moveProjectStage(
  tx: Conn,
  p: ProjectRow,
  toStage: string,
  step: { action: string; actorId: number; actorName: string; reason?: string | null },
): Promise<ProjectRow> {
  const [row] = await tx
    .update(projects)
    .set({ stage: toStage, updatedAt: sql`now()`, version: sql`${projects.version} + 1` })
    .where(eq(projects.id, p.id))
    .returning();
  await tx
    .insert(projectSteps)
    .values({ projectId: p.id, action: step.action, fromStage: p.stage, toStage, actorId: step.actorId, actorName: step.actorName, reason: step.reason ?? null });
  return row as ProjectRow;
}

/** A project money may go to, with what it counts for (F rules) and what it got in `year`. */
export type FundableProjectRow = {
  id: number;
  project_no: string;
  name: string;
  region_code: string;
  project_type: string;
  is_specialty: boolean;
  /** a 配套设施 project serving a specialty industry (F2, as fund-facts.repo.ts counts it) */
  specialty_support: boolean;
  leading_chain: boolean;
  industry_name: string | null;
  stage: string;
  year: number;
  budget_fen: string;
  allocated_fen: string;
  version: number;
};

const stageList = sql.join(
  FUNDABLE_STAGES.map((s) => sql`${s}`),
  sql`, `,
);

/** Library projects under `prefix` that may receive money (in_library, funded, implementing), with their `year` allocations. */
export async function listFundableProjects(db: Conn, prefix: string, year: number, ids?: number[]): Promise<FundableProjectRow[]> {
  const only =
    ids && ids.length
      ? sql` AND p.id IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`
      : sql``;
  const stageCond = ids && ids.length ? sql`` : sql` AND p.stage IN (${stageList})`;
  return rowsOf<FundableProjectRow>(
    await db.execute(sql`
SELECT p.id, p.project_no, p.name, p.region_code, p.project_type, p.is_specialty, coalesce(i.kind = 'leading', false) AS leading_chain,
       (p.project_subtype = ${SUPPORTING_FACILITIES} AND (p.industry_id IS NOT NULL OR p.chain_link_id IS NOT NULL)) AS specialty_support,
       i.name AS industry_name, p.stage, p.year, p.budget_fen::text AS budget_fen,
       (SELECT coalesce(sum(a.amount_fen), 0)::text FROM fund_allocations a WHERE a.project_id = p.id AND a.year = ${year}) AS allocated_fen, p.version
FROM projects p LEFT JOIN industries i ON i.id = p.industry_id
WHERE ${scopeWhere(sql`p.region_code`, prefix)}${stageCond}${only}
ORDER BY p.project_type, p.id`),
  );
}

/** Allocated 衔接资金 of `year` under `prefix` by source level → project type → industry (the sankey), in 分. */
export async function listFlows(db: Conn, prefix: string, year: number): Promise<{ fund_level: string; project_type: string; industry_name: string | null; fen: string }[]> {
  return rowsOf(
    await db.execute(sql`
SELECT s.fund_level, p.project_type, i.name AS industry_name, sum(a.amount_fen)::text AS fen
FROM fund_allocations a JOIN fund_sources s ON s.id = a.fund_source_id JOIN projects p ON p.id = a.project_id LEFT JOIN industries i ON i.id = p.industry_id
WHERE ${scopeWhere(sql`a.region_code`, prefix)} AND a.year = ${year} AND s.fund_kind = 'linkage'
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  );
}

/** Linkage money allocated per year and project type under `prefix` between two years, in 分. */
export async function allocatedByType(db: Conn, prefix: string, from: number, to: number): Promise<{ year: number; project_type: string; fen: string }[]> {
  return rowsOf(
    await db.execute(sql`
SELECT a.year, p.project_type, sum(a.amount_fen)::text AS fen
FROM fund_allocations a JOIN fund_sources s ON s.id = a.fund_source_id JOIN projects p ON p.id = a.project_id
WHERE ${scopeWhere(sql`a.region_code`, prefix)} AND a.year BETWEEN ${from} AND ${to} AND s.fund_kind = 'linkage'
GROUP BY 1, 2 ORDER BY 1, 2`),
  );
}
