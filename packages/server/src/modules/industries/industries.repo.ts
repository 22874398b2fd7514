import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { chainLinkEntities, chainLinks, entities, entityIndustries, industries, industryChains, projects, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';

export type IndustryRow = typeof industries.$inferSelect;
export type ChainRow = typeof industryChains.$inferSelect;
export type LinkRow = typeof chainLinks.$inferSelect;

/**
 * Rows visible from a region prefix: the prefix's subtree, and the regions above it (a county industry is seen by
 * every officer of the county). `ancestors` are stored codes of the prefix's ancestors.
 */
function visible(column: Parameters<typeof scopeWhere>[0], prefix: string, ancestors: string[]): SQL {
  return ancestors.length ? (or(scopeWhere(column, prefix), inArray(column as never, ancestors)) as SQL) : scopeWhere(column, prefix);
}

export async function listIndustries(db: Conn, prefix: string, ancestors: string[], f: { kind?: string | undefined; tier?: string | undefined }) {
  const conds: SQL[] = [visible(industries.regionCode, prefix, ancestors)];
  if (f.kind) conds.push(eq(industries.kind, f.kind));
  if (f.tier) conds.push(eq(industries.tier, f.tier));
  return db
    .select({ industry: industries, regionName: regions.name, regionLevel: regions.level, parentCode: regions.parentCode })
    .from(industries)
    .leftJoin(regions, eq(regions.code, industries.regionCode))
    .where(and(...conds))
    .orderBy(asc(industries.regionCode), asc(industries.id))
    .limit(2000);
}

export async function findIndustry(db: Conn, id: number) {
  const [row] = await db
    .select({ industry: industries, regionName: regions.name, regionLevel: regions.level, parentCode: regions.parentCode })
    .from(industries)
    .leftJoin(regions, eq(regions.code, industries.regionCode))
    .where(eq(industries.id, id));
  return row;
}

export async function lockIndustry(tx: Conn, id: number): Promise<IndustryRow | undefined> {
  const [row] = await tx.select().from(industries).where(eq(industries.id, id)).for('update');
  return row;
}

export async function insertIndustry(tx: Conn, values: typeof industries.$inferInsert): Promise<IndustryRow> {
  const [row] = await tx.insert(industries).values(values).returning();
  return row as IndustryRow;
}

export async function updateIndustry(tx: Conn, id: number, patch: Partial<typeof industries.$inferInsert>): Promise<IndustryRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await tx
    .update(industries)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${industries.version} + 1` })
    .where(eq(industries.id, id))
    .returning();
  return row as IndustryRow;
}

export async function deleteIndustry(tx: Conn, id: number): Promise<void> {
  await tx.delete(industries).where(eq(industries.id, id));
}

/** Entities, projects and chains of each industry (counts). */
export async function industryCounts(db: Conn, ids: number[]): Promise<Map<number, { entities: number; projects: number; chains: number }>> {
  const out = new Map<number, { entities: number; projects: number; chains: number }>();
  if (!ids.length) return out;
  for (const id of ids) out.set(id, { entities: 0, projects: 0, chains: 0 });
  const e = await db
    .select({ id: entityIndustries.industryId, n: sql<number>`count(*)::int` })
    .from(entityIndustries)
    .where(inArray(entityIndustries.industryId, ids))
    .groupBy(entityIndustries.industryId);
  const p = await db
    .select({ id: projects.industryId, n: sql<number>`count(*)::int` })
    .from(projects)
    .where(inArray(projects.industryId, ids))
    .groupBy(projects.industryId);
  const c = await db
    .select({ id: industryChains.industryId, n: sql<number>`count(*)::int` })
    .from(industryChains)
    .where(inArray(industryChains.industryId, ids))
    .groupBy(industryChains.industryId);
  for (const r of e) out.get(Number(r.id))!.entities = r.n;
  for (const r of p) if (r.id !== null) out.get(Number(r.id))!.projects = r.n;
  for (const r of c) out.get(Number(r.id))!.chains = r.n;
  return out;
}

export async function countProjectsOfIndustry(db: Conn, industryId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(eq(projects.industryId, industryId));
  return r?.n ?? 0;
}

// ---------- chains ----------

export async function listChainsOfIndustries(db: Conn, industryIds: number[]): Promise<ChainRow[]> {
  if (!industryIds.length) return [];
  return db.select().from(industryChains).where(inArray(industryChains.industryId, industryIds)).orderBy(asc(industryChains.id));
}

export async function findChain(db: Conn, id: number) {
  const [row] = await db
    .select({ chain: industryChains, industryName: industries.name, industryCategory: industries.category, regionName: regions.name })
    .from(industryChains)
    .innerJoin(industries, eq(industries.id, industryChains.industryId))
    .leftJoin(regions, eq(regions.code, industryChains.regionCode))
    .where(eq(industryChains.id, id));
  return row;
}

export async function lockChain(tx: Conn, id: number): Promise<ChainRow | undefined> {
  const [row] = await tx.select().from(industryChains).where(eq(industryChains.id, id)).for('update');
  return row;
}

export async function insertChain(tx: Conn, values: typeof industryChains.$inferInsert): Promise<ChainRow> {
  const [row] = await tx.insert(industryChains).values(values).returning();
  return row as ChainRow;
}

export async function updateChain(tx: Conn, id: number, patch: Partial<typeof industryChains.$inferInsert>): Promise<ChainRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await tx
    .update(industryChains)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${industryChains.version} + 1` })
    .where(eq(industryChains.id, id))
    .returning();
  return row as ChainRow;
}

/** Removes the chain; its links and their entity assignments go with it (ON DELETE CASCADE). */
export async function deleteChain(tx: Conn, id: number): Promise<void> {
  await tx.delete(industryChains).where(eq(industryChains.id, id));
}

// ---------- links ----------

export type LinkWithCounts = LinkRow & { entityIds: number[]; projectCount: number };

/** The links of the chains, in order, with the entities assigned and the number of projects at each. */
export async function listLinks(db: Conn, chainIds: number[]): Promise<LinkWithCounts[]> {
  if (!chainIds.length) return [];
  const rows = await db.select().from(chainLinks).where(inArray(chainLinks.chainId, chainIds)).orderBy(asc(chainLinks.chainId), asc(chainLinks.sort), asc(chainLinks.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const ents = await db
    .select({ linkId: chainLinkEntities.linkId, entityId: chainLinkEntities.entityId })
    .from(chainLinkEntities)
    .where(inArray(chainLinkEntities.linkId, ids))
    .orderBy(asc(chainLinkEntities.entityId));
  const projs = await db
    .select({ linkId: projects.chainLinkId, n: sql<number>`count(*)::int` })
    .from(projects)
    .where(inArray(projects.chainLinkId, ids))
    .groupBy(projects.chainLinkId);
  const byLink = new Map<number, number[]>();
  for (const e of ents) byLink.set(Number(e.linkId), [...(byLink.get(Number(e.linkId)) ?? []), Number(e.entityId)]);
  const pc = new Map(projs.map((p) => [Number(p.linkId), p.n]));
  return rows.map((r) => ({ ...r, entityIds: byLink.get(r.id) ?? [], projectCount: pc.get(r.id) ?? 0 }));
}

/** The link with its chain's region (scoping) and industry. */
export async function findLink(db: Conn, id: number) {
  const [row] = await db
    .select({ link: chainLinks, regionCode: industryChains.regionCode })
    .from(chainLinks)
    .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
    .where(eq(chainLinks.id, id));
  return row ? { ...row.link, regionCode: row.regionCode } : undefined;
}

export async function lockLink(tx: Conn, id: number): Promise<LinkRow | undefined> {
  const [row] = await tx.select().from(chainLinks).where(eq(chainLinks.id, id)).for('update');
  return row;
}

export async function insertLinks(tx: Conn, values: (typeof chainLinks.$inferInsert)[]): Promise<LinkRow[]> {
  if (!values.length) return [];
  return tx.insert(chainLinks).values(values).returning();
}

export async function updateLink(tx: Conn, id: number, patch: Partial<typeof chainLinks.$inferInsert>): Promise<LinkRow> {
  const { version: _v, ...fields } = patch;
  const [row] = await tx
    .update(chainLinks)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${chainLinks.version} + 1` })
    .where(eq(chainLinks.id, id))
    .returning();
  return row as LinkRow;
}

export async function deleteLink(tx: Conn, id: number): Promise<void> {
  await tx.delete(chainLinks).where(eq(chainLinks.id, id));
}

/** Replaces the entities of a link. */
export async function setLinkEntities(tx: Conn, linkId: number, entityIds: number[]): Promise<void> {
  await tx.delete(chainLinkEntities).where(eq(chainLinkEntities.linkId, linkId));
  if (entityIds.length) await tx.insert(chainLinkEntities).values(entityIds.map((entityId) => ({ linkId, entityId })));
}

// ---------- what hangs under the links ----------

export async function findEntities(db: Conn, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: entities.id, name: entities.name, regionCode: entities.regionCode, entityType: entities.entityType }).from(entities).where(inArray(entities.id, ids));
}

export async function listProjectsAtLinks(db: Conn, linkIds: number[]) {
  if (!linkIds.length) return [];
  return db
    .select({ id: projects.id, name: projects.name, regionCode: projects.regionCode, linkId: projects.chainLinkId, stage: projects.stage })
    .from(projects)
    .where(inArray(projects.chainLinkId, linkIds))
    .orderBy(asc(projects.id));
}

export type ProjectRow = typeof projects.$inferSelect;

/** The projects at the links, locked for a change. */
export async function lockProjectsAtLinks(tx: Conn, linkIds: number[]): Promise<ProjectRow[]> {
  if (!linkIds.length) return [];
  return tx.select().from(projects).where(inArray(projects.chainLinkId, linkIds)).orderBy(asc(projects.id)).for('update');
}

/** Detaches the projects from their link (chain_link_id null), bumping each project's version. */
export async function detachProjects(tx: Conn, ids: number[]): Promise<ProjectRow[]> {
  if (!ids.length) return [];
  return tx
    .update(projects)
    .set({ chainLinkId: null, updatedAt: sql`now()`, version: sql`${projects.version} + 1` })
    .where(inArray(projects.id, ids))
    .returning();
}

/** Regions (code, name, level, parent) by code. */
export async function regionsByCode(db: Conn, codes: string[]) {
  if (!codes.length) return [];
  return db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode }).from(regions).where(inArray(regions.code, codes));
}
