import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, entities, entityBackbones, entityIndustries, industries, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { scopeWhere } from '../regions/scope.ts';
import { escapeLike } from '../../sql-helpers.ts';

export type EntityRow = typeof entities.$inferSelect;
export type BackboneRow = typeof entityBackbones.$inferSelect;

/**
 * Read scope of an entity: seated under the prefix, or serving a village under it (a township officer sees a
 * county-seated enterprise that drives one of the township's villages). Writes use the seat only.
 */
export function entityReadScope(prefix: string): SQL {
  assertDigits(prefix);
  return or(scopeWhere(entities.regionCode, prefix), sql`EXISTS (SELECT 1 FROM unnest(${entities.servedRegionCodes}) AS s(code) WHERE s.code LIKE ${`${prefix}%`})`) as SQL;
}

function assertDigits(prefix: string): void {
  if (!/^\d{0,15}$/.test(prefix)) throw new Error(`bad region prefix ${prefix}`);
}

export type EntityFilter = {
  prefix: string;
  entityType?: string | undefined;
  level?: string | undefined;
  partyLed?: boolean | undefined;
  industryId?: number | undefined;
  industryKind?: string | undefined;
  status: 'active' | 'closed' | 'all';
  q?: string | undefined;
};

function entityWhere(f: EntityFilter): SQL {
  const conds: SQL[] = [entityReadScope(f.prefix)];
  if (f.entityType) conds.push(eq(entities.entityType, f.entityType));
  if (f.level) conds.push(eq(entities.level, f.level));
  if (f.partyLed !== undefined) conds.push(eq(entities.partyLed, f.partyLed));
  if (f.status !== 'all') conds.push(eq(entities.status, f.status));
  if (f.industryId) conds.push(sql`EXISTS (SELECT 1 FROM entity_industries ei WHERE ei.entity_id = ${entities.id} AND ei.industry_id = ${f.industryId})`);
  if (f.industryKind) {
    conds.push(sql`EXISTS (SELECT 1 FROM entity_industries ei JOIN industries i ON i.id = ei.industry_id WHERE ei.entity_id = ${entities.id} AND i.kind = ${f.industryKind})`);
  }
  if (f.q) conds.push(or(ilike(entities.name, `%${escapeLike(f.q)}%`), ilike(entities.creditCode, `${escapeLike(f.q)}%`)) as SQL);
  return and(...conds) as SQL;
}

const entityColumns = { entity: entities, regionName: regions.name };

export async function listEntities(db: Conn, f: EntityFilter, limit: number, offset: number) {
  const where = entityWhere(f);
  const rows = await db
    .select(entityColumns)
    .from(entities)
    .leftJoin(regions, eq(regions.code, entities.regionCode))
    .where(where)
    .orderBy(asc(entities.regionCode), asc(entities.id))
    .limit(limit)
    .offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(entities)
    .where(where);
  return { rows, total: c?.n ?? 0 };
}

/** Every entity of a filter, for the export (bounded by the caller). */
export async function listEntitiesForExport(db: Conn, f: EntityFilter, limit: number) {
  return db
    .select(entityColumns)
    .from(entities)
    .leftJoin(regions, eq(regions.code, entities.regionCode))
    .where(entityWhere(f))
    .orderBy(asc(entities.regionCode), asc(entities.id))
    .limit(limit);
}

export async function findEntity(db: Conn, id: number) {
  const [row] = await db.select(entityColumns).from(entities).leftJoin(regions, eq(regions.code, entities.regionCode)).where(eq(entities.id, id));
  return row;
}

/** Whether the entity is readable under the prefix (seat or a served village). */
export async function entityReadable(db: Conn, id: number, prefix: string): Promise<boolean> {
  const [row] = await db
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.id, id), entityReadScope(prefix)));
  return row !== undefined;
}

export async function lockEntity(tx: Conn, id: number): Promise<EntityRow | undefined> {
  const [row] = await tx.select().from(entities).where(eq(entities.id, id)).for('update');
  return row;
}

export async function findEntityByCreditCode(db: Conn, creditCode: string): Promise<EntityRow | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.creditCode, creditCode));
  return row;
}

/** Entities without a credit code found by name and seat (the import's second key). */
export async function findEntitiesByNameAndRegion(db: Conn, pairs: { name: string; regionCode: string }[]): Promise<EntityRow[]> {
  if (!pairs.length) return [];
  return db
    .select()
    .from(entities)
    .where(
      and(
        inArray(
          entities.name,
          pairs.map((p) => p.name),
        ),
        inArray(
          entities.regionCode,
          pairs.map((p) => p.regionCode),
        ),
      ),
    );
}

export async function findEntitiesByCreditCodes(db: Conn, codes: string[]): Promise<EntityRow[]> {
  if (!codes.length) return [];
  return db.select().from(entities).where(inArray(entities.creditCode, codes));
}

export async function insertEntity(tx: Conn, values: typeof entities.$inferInsert): Promise<EntityRow> {
  const [row] = await tx.insert(entities).values(values).returning();
  return row as EntityRow;
}

/** Updates the locked row and bumps its version. */
export async function updateEntity(tx: Conn, id: number, values: Partial<typeof entities.$inferInsert>): Promise<EntityRow> {
  const [row] = await tx
    .update(entities)
    .set({ ...values, version: sql`${entities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(entities.id, id))
    .returning();
  return row as EntityRow;
}

export type EntityIndustryRow = { entityId: number; id: number; name: string; kind: string; regionCode: string };

export async function industriesOf(db: Conn, entityIds: number[]): Promise<EntityIndustryRow[]> {
  if (!entityIds.length) return [];
  return db
    .select({ entityId: entityIndustries.entityId, id: industries.id, name: industries.name, kind: industries.kind, regionCode: industries.regionCode })
    .from(entityIndustries)
    .innerJoin(industries, eq(industries.id, entityIndustries.industryId))
    .where(inArray(entityIndustries.entityId, entityIds))
    .orderBy(asc(industries.id));
}

/** Industries that exist, by id, with their region (the caller checks the scope). */
export async function findIndustries(db: Conn, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: industries.id, regionCode: industries.regionCode }).from(industries).where(inArray(industries.id, ids));
}

export async function setEntityIndustries(tx: Conn, entityId: number, industryIds: number[]): Promise<void> {
  await tx.delete(entityIndustries).where(eq(entityIndustries.entityId, entityId));
  if (industryIds.length) await tx.insert(entityIndustries).values(industryIds.map((industryId) => ({ entityId, industryId })));
}

export async function backboneCounts(db: Conn, entityIds: number[]): Promise<Map<number, number>> {
  if (!entityIds.length) return new Map();
  const rows = await db
    .select({ entityId: entityBackbones.entityId, n: sql<number>`count(*)::int` })
    .from(entityBackbones)
    .where(and(inArray(entityBackbones.entityId, entityIds), eq(entityBackbones.active, true)))
    .groupBy(entityBackbones.entityId);
  return new Map(rows.map((r) => [r.entityId as number, r.n]));
}

const backboneColumns = { backbone: entityBackbones, entityName: entities.name, regionName: regions.name };

function selectBackbones(db: Conn) {
  return db
    .select(backboneColumns)
    .from(entityBackbones)
    .leftJoin(entities, eq(entities.id, entityBackbones.entityId))
    .leftJoin(regions, eq(regions.code, entityBackbones.regionCode));
}

export async function listEntityBackbones(db: Conn, entityId: number) {
  return selectBackbones(db).where(eq(entityBackbones.entityId, entityId)).orderBy(asc(entityBackbones.id));
}

export type BackboneFilter = { prefix: string; owner: 'all' | 'village' | 'entity'; kind?: string | undefined; q?: string | undefined };

/** Backbones serving villages under the prefix (the village's own and the entities'), a page in village order. */
export async function listBackbones(db: Conn, f: BackboneFilter, limit: number, offset: number) {
  const conds: SQL[] = [scopeWhere(entityBackbones.regionCode, f.prefix)];
  if (f.owner === 'village') conds.push(isNull(entityBackbones.entityId));
  if (f.owner === 'entity') conds.push(isNotNull(entityBackbones.entityId));
  if (f.kind) conds.push(eq(entityBackbones.kind, f.kind));
  if (f.q) conds.push(ilike(entityBackbones.name, `%${escapeLike(f.q)}%`));
  const where = and(...conds);
  const rows = await selectBackbones(db).where(where).orderBy(asc(entityBackbones.regionCode), asc(entityBackbones.id)).limit(limit).offset(offset);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(entityBackbones)
    .where(where);
  return { rows, total: c?.n ?? 0 };
}

export async function findBackbone(db: Conn, id: number) {
  const [row] = await selectBackbones(db).where(eq(entityBackbones.id, id));
  return row;
}

export async function lockBackbone(tx: Conn, id: number): Promise<BackboneRow | undefined> {
  const [row] = await tx.select().from(entityBackbones).where(eq(entityBackbones.id, id)).for('update');
  return row;
}

export async function insertBackbone(tx: Conn, values: typeof entityBackbones.$inferInsert): Promise<BackboneRow> {
  const [row] = await tx.insert(entityBackbones).values(values).returning();
  return row as BackboneRow;
}

export async function updateBackbone(tx: Conn, id: number, values: Partial<typeof entityBackbones.$inferInsert>): Promise<BackboneRow> {
  const [row] = await tx
    .update(entityBackbones)
    .set({ ...values, version: sql`${entityBackbones.version} + 1`, updatedAt: sql`now()` })
    .where(eq(entityBackbones.id, id))
    .returning();
  return row as BackboneRow;
}

export async function deleteBackbone(tx: Conn, id: number): Promise<void> {
  await tx.delete(entityBackbones).where(eq(entityBackbones.id, id));
}

/** Region codes that exist and are not retired (seat and served villages). */
export async function existingRegions(db: Conn, codes: string[]): Promise<{ code: string; level: string }[]> {
  if (!codes.length) return [];
  return db
    .select({ code: regions.code, level: regions.level })
    .from(regions)
    .where(and(inArray(regions.code, codes), isNull(regions.retiredAt)));
}

/** Audit entries of an entity and of its backbones, removed ones included (their entries name the entity). */
export async function entityHistory(db: Conn, entityId: number, backboneIds: number[]) {
  const ids = backboneIds.map(String);
  const own = and(eq(auditLog.entityType, 'entity'), eq(auditLog.entityId, String(entityId)));
  const removedIds = sql`SELECT d.entity_id FROM audit_log d WHERE d.entity_type = 'entity_backbone' AND d.action = 'delete' AND d.before->>'entityId' = ${String(entityId)}`;
  const backbone = and(
    eq(auditLog.entityType, 'entity_backbone'),
    ids.length ? or(inArray(auditLog.entityId, ids), sql`${auditLog.entityId} IN (${removedIds})`) : sql`${auditLog.entityId} IN (${removedIds})`,
  );
  const cond = or(own, backbone);
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: auditLog.actorName,
      entityType: auditLog.entityType,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);
}
