import { sql, type SQL } from 'drizzle-orm';
import type { AssetFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import { todayInChina } from '../../households/household.rules.ts';
import type { GatherScope } from './gatherer.types.ts';

/**
 * The asset facts statement (snapshot-tested): every 帮扶项目资产 under `prefix` with its class history (oldest first)
 * and its half-year incomes of the judged year and the year before (A3 judges the last half year that has ended,
 * which in January is the year before's 下半年).
 */
export function assetFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT a.id, a.region_code, a.name, a.category, a.value_fen, a.formed_on::text AS formed_on, a.disposed_on::text AS disposed_on,
      a.management_level, a.asset_class,
      coalesce((SELECT json_agg(json_build_object('assetClass', c.to_class, 'reason', c.reason) ORDER BY c.changed_at, c.id)
        FROM asset_class_changes c WHERE c.asset_id = a.id), '[]'::json) AS class_changes,
      coalesce((SELECT json_agg(json_build_object('year', i.year, 'half', i.half, 'incomeFen', i.income_fen) ORDER BY i.year, i.half)
        FROM asset_incomes i WHERE i.asset_id = a.id AND i.year BETWEEN ${scope.year}::int - 1 AND ${scope.year}::int), '[]'::json) AS incomes
    FROM assets a
    WHERE ${scopeWhere(sql`a.region_code`, scope.prefix)}`;
}

type AssetRow = {
  id: number | string;
  region_code: string;
  name: string;
  category: string;
  value_fen: number | string;
  formed_on: string | null;
  disposed_on: string | null;
  management_level: string | null;
  asset_class: string | null;
  class_changes: unknown;
  incomes: unknown;
};

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * Asset facts (A1, A3, A4) under `scope.prefix`, in ONE statement. A3 is judged on `asOf`: today in China (as the
 * income entry judges a half year ended), so the stored results of a half year's stock-take move on with the next
 * write after 1 January / 1 July (no write, no refresh).
 */
export async function gatherAssetFacts(conn: Conn, scope: GatherScope, asOf: string = todayInChina()): Promise<AssetFacts[]> {
  return rowsOf<AssetRow>(await conn.execute(assetFactsQuery(scope))).map((r) => ({
    assetId: Number(r.id),
    regionCode: r.region_code,
    name: r.name,
    category: r.category,
    valueFen: Number(r.value_fen),
    formedOn: r.formed_on,
    disposedOn: r.disposed_on,
    managementLevel: r.management_level,
    assetClass: r.asset_class,
    classChanges: json<{ assetClass: string; reason: string | null }[]>(r.class_changes),
    incomes: json<{ year: number; half: 1 | 2; incomeFen: number | string }[]>(r.incomes).map((i) => ({
      year: Number(i.year),
      half: Number(i.half) as 1 | 2,
      incomeFen: Number(i.incomeFen),
    })),
    asOf,
  }));
}
