import { sql, type SQL } from 'drizzle-orm';
import type { CountyEnterpriseFacts, VillageEntityFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import type { GatherScope } from './gatherer.types.ts';

function like(prefix: string): string {
  if (!/^\d{0,15}$/.test(prefix)) throw new Error(`bad region prefix ${prefix}`);
  return `${prefix}%`;
}

/**
 * The village facts statement (E1–E4; snapshot-tested): one row per administrative village under the prefix
 * (regions of level village, not retired). An active entity counts in the village it is seated in and in every
 * village it serves (served_region_codes). Per village: its cooperatives with their active backbones, the active
 * backbones whose region is the village, the party-led cooperatives and collectives, and the leading enterprises
 * and cooperatives driving it (seated, serving, or with a linkage of the judged year to a household of the village).
 */
export function villageFactsQuery(scope: GatherScope): SQL {
  const p = like(scope.prefix);
  return sql`
    WITH v AS (
      SELECT r.code, r.name FROM regions r
      WHERE r.level = 'village' AND r.retired_at IS NULL AND r.code LIKE ${p}
    ),
    ev AS (
      SELECT e.id, e.name, e.entity_type, e.party_led, s.village
      FROM entities e
      CROSS JOIN LATERAL (SELECT e.region_code AS village UNION SELECT unnest(e.served_region_codes)) s
      WHERE e.status = 'active' AND s.village LIKE ${p}
    ),
    coops AS (
      SELECT ev.village, json_agg(json_build_object('id', ev.id, 'name', ev.name,
        'backbones', (SELECT count(*) FROM entity_backbones b WHERE b.entity_id = ev.id AND b.active)) ORDER BY ev.id) AS list
      FROM ev WHERE ev.entity_type = 'cooperative' GROUP BY ev.village
    ),
    led AS (
      SELECT ev.village, array_agg(ev.name ORDER BY ev.id) AS names
      FROM ev WHERE ev.party_led AND ev.entity_type IN ('cooperative', 'collective') GROUP BY ev.village
    ),
    bb AS (
      SELECT b.region_code AS village, count(*) AS n FROM entity_backbones b
      WHERE b.active AND b.region_code LIKE ${p} GROUP BY b.region_code
    ),
    drivers AS (
      SELECT ev.village, ev.id, ev.name FROM ev WHERE ev.entity_type IN ('leading_enterprise', 'cooperative')
      UNION
      SELECT substr(l.region_code, 1, 12), e.id, e.name
      FROM linkages l JOIN entities e ON e.id = l.entity_id
      WHERE l.region_code LIKE ${p} AND l.year = ${scope.year} AND e.status = 'active' AND e.entity_type IN ('leading_enterprise', 'cooperative')
    ),
    drv AS (SELECT village, array_agg(name ORDER BY id) AS names FROM drivers GROUP BY village)
    SELECT v.code, v.name, coops.list AS cooperatives, COALESCE(bb.n, 0)::int AS village_backbones, led.names AS party_led, drv.names AS driven_by
    FROM v
    LEFT JOIN coops ON coops.village = v.code
    LEFT JOIN led ON led.village = v.code
    LEFT JOIN bb ON bb.village = v.code
    LEFT JOIN drv ON drv.village = v.code
    ORDER BY v.code`;
}

/** A PostgreSQL array or JSON value as the drivers return it (an array, a `{a,b}` literal or JSON text). */
function arr(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return (v as unknown[]).map(String);
  if (typeof v === 'string' && v.startsWith('{'))
    return v
      .slice(1, -1)
      .split(',')
      .filter((s) => s !== '')
      .map((s) => s.replace(/^"|"$/g, '').replace(/\\"/g, '"'));
  return [];
}

function json<T>(v: unknown): T[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return JSON.parse(v) as T[];
  return v as T[];
}

type VillageRow = { code: string; name: string; cooperatives: unknown; village_backbones: number | string; party_led: unknown; driven_by: unknown };

/** Village facts under `scope.prefix` for `scope.year`, in ONE statement. */
export async function gatherVillageFacts(conn: Conn, scope: GatherScope): Promise<VillageEntityFacts[]> {
  const res = await conn.execute(villageFactsQuery(scope));
  return rowsOf<VillageRow>(res).map((r) => ({
    regionCode: r.code,
    name: r.name,
    cooperatives: json<{ id: number | string; name: string; backbones: number | string }>(r.cooperatives).map((c) => ({
      id: Number(c.id),
      name: c.name,
      backbones: Number(c.backbones),
    })),
    villageBackbones: Number(r.village_backbones),
    partyLedCollectives: arr(r.party_led),
    drivenBy: arr(r.driven_by),
  }));
}

/**
 * The county facts statement (E5; snapshot-tested): one row per county that has a region under the prefix
 * (its first 6 digits), with its active leading enterprises graded city or above and its industries of kind
 * leading (主导), each with the names of those enterprises working in it (entity_industries).
 */
export function countyFactsQuery(scope: GatherScope): SQL {
  const county = like(scope.prefix.slice(0, 6));
  return sql`
    WITH c AS (
      SELECT r.code, r.prefix FROM regions r WHERE r.level = 'county' AND r.code LIKE ${county}
    ),
    big AS (
      SELECT e.id, e.name, e.level, substr(e.region_code, 1, 6) AS county FROM entities e
      WHERE e.status = 'active' AND e.entity_type = 'leading_enterprise' AND e.level IN ('national', 'provincial', 'city') AND e.region_code LIKE ${county}
    ),
    ind AS (
      SELECT substr(i.region_code, 1, 6) AS county, i.id, i.name,
        (SELECT array_agg(big.name ORDER BY big.id) FROM entity_industries ei JOIN big ON big.id = ei.entity_id WHERE ei.industry_id = i.id) AS backed_by
      FROM industries i WHERE i.kind = 'leading' AND i.region_code LIKE ${county}
    )
    SELECT c.code,
      (SELECT json_agg(json_build_object('id', big.id, 'name', big.name, 'level', big.level) ORDER BY big.id) FROM big WHERE big.county = c.prefix) AS city_or_above,
      (SELECT json_agg(json_build_object('id', ind.id, 'name', ind.name, 'backedBy', COALESCE(to_json(ind.backed_by), '[]'::json)) ORDER BY ind.id) FROM ind WHERE ind.county = c.prefix) AS leading_industries
    FROM c ORDER BY c.code`;
}

type CountyRow = { code: string; city_or_above: unknown; leading_industries: unknown };

/** County facts (E5) of the county of `scope.prefix`, in ONE statement. */
export async function gatherCountyFacts(conn: Conn, scope: GatherScope): Promise<CountyEnterpriseFacts[]> {
  const res = await conn.execute(countyFactsQuery(scope));
  return rowsOf<CountyRow>(res).map((r) => ({
    regionCode: r.code,
    cityOrAbove: json<{ id: number | string; name: string; level: string }>(r.city_or_above).map((e) => ({ id: Number(e.id), name: e.name, level: e.level })),
    leadingIndustries: json<{ id: number | string; name: string; backedBy: string[] | null }>(r.leading_industries).map((i) => ({
      id: Number(i.id),
      name: i.name,
      backedBy: i.backedBy ?? [],
    })),
  }));
}
