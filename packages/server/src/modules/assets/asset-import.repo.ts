import { and, inArray, like, ne, or } from 'drizzle-orm';
import { assets, entities, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';

/** The lookups of the 资产台账 import (SQL only): regions by code or name, assets by number, entities by name or code. */

export type PlaceRow = { code: string; name: string; level: string; retired: boolean };

/** Regions holding any of the codes, or named any of the names at township or village level under the county prefix. */
export async function findPlaces(db: Conn, codes: string[], names: string[], countyPrefix: string): Promise<PlaceRow[]> {
  if (!codes.length && !names.length) return [];
  const byName = names.length ? and(inArray(regions.name, names), inArray(regions.level, ['township', 'village']), like(regions.code, `${countyPrefix}%`)) : undefined;
  const byCode = codes.length ? inArray(regions.code, codes) : undefined;
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, retiredAt: regions.retiredAt })
    .from(regions)
    .where(or(...[byCode, byName].filter((w) => w !== undefined)));
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, retired: r.retiredAt !== null }));
}

export async function findAssetsByNos(db: Conn, nos: string[]): Promise<(typeof assets.$inferSelect)[]> {
  if (!nos.length) return [];
  return db.select().from(assets).where(inArray(assets.assetNo, nos));
}

export type OperatorRow = { id: number; name: string; creditCode: string | null; regionCode: string };

/** Open entities of the county named by any of the names or credit codes. */
export async function findOperators(db: Conn, names: string[], creditCodes: string[], countyPrefix: string): Promise<OperatorRow[]> {
  if (!names.length && !creditCodes.length) return [];
  const match = or(
    ...[names.length ? inArray(entities.name, names) : undefined, creditCodes.length ? inArray(entities.creditCode, creditCodes) : undefined].filter((w) => w !== undefined),
  );
  return db
    .select({ id: entities.id, name: entities.name, creditCode: entities.creditCode, regionCode: entities.regionCode })
    .from(entities)
    .where(and(match, like(entities.regionCode, `${countyPrefix}%`), ne(entities.status, 'closed')));
}
