import { AppError, REGION_LEVELS, type RegionDetail, type RegionNode } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import * as repo from './regions.repo.ts';
import { clampPrefix } from './scope.ts';

type Level = (typeof REGION_LEVELS)[number];

/**
 * A region the actor may read (the region is inside the scope, or an ancestor of it for reads that clamp).
 * @throws AppError NOT_FOUND when the region does not exist or lies outside the actor's scope
 */
export async function getScopedRegion(db: Conn, actor: Actor, code: string): Promise<repo.RegionRow> {
  const region = await repo.findRegion(db, code);
  if (!region || !region.prefix.startsWith(actor.scopePrefix)) throw new AppError('NOT_FOUND', 'region not found', { regionCode: code });
  return region;
}

/**
 * The region prefix a list or figure is computed over: the requested region clamped to the scope.
 * @throws AppError NOT_FOUND for an unknown or out-of-scope region
 */
export async function resolvePrefix(db: Conn, actor: Actor, regionCode: string | undefined): Promise<string> {
  if (!regionCode) return actor.scopePrefix;
  const prefix = await regionPrefix(db, regionCode);
  if (prefix === undefined) throw new AppError('NOT_FOUND', 'region not found', { regionCode });
  return clampPrefix(actor, prefix);
}

/** How long a found region's prefix is remembered (a code's prefix never changes, and a code is never reused). */
const PREFIX_TTL_MS = 60_000;
const prefixCache = new WeakMap<Conn, Map<string, { prefix: string; until: number }>>();

/** The prefix of an existing region, remembered per database handle for PREFIX_TTL_MS (unknown codes are not remembered). */
async function regionPrefix(db: Conn, code: string): Promise<string | undefined> {
  let byCode = prefixCache.get(db);
  const hit = byCode?.get(code);
  if (hit && hit.until > Date.now()) return hit.prefix;
  const region = await repo.findRegion(db, code);
  if (!region) return undefined;
  if (!byCode) prefixCache.set(db, (byCode = new Map()));
  if (byCode.size >= 10_000) byCode.clear();
  byCode.set(code, { prefix: region.prefix, until: Date.now() + PREFIX_TTL_MS });
  return region.prefix;
}

/** Sums counts by type and adds `total`. */
export function withTotal(counts: Record<string, number>): Record<string, number> {
  return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/**
 * The region tree below `root` (default: the actor's region), `depth` levels deep, within the scope.
 * @throws AppError NOT_FOUND when root is out of scope
 */
export async function getRegionTree(deps: Deps, actor: Actor, input: { root?: string | undefined; depth: number }): Promise<RegionNode[]> {
  const root = await getScopedRegion(deps.db.db, actor, input.root ?? actor.regionCode);
  const start = REGION_LEVELS.indexOf(root.level as Level);
  const levels = REGION_LEVELS.slice(start, start + input.depth + 1);
  const rows = await repo.listRegionsUnder(deps.db.db, root.prefix, levels);
  const nodes = new Map<string, RegionNode>();
  for (const r of rows) nodes.set(r.code, { code: r.code, name: r.name, level: r.level as Level, ...(r.retiredAt ? { retired: true } : {}), children: [] });
  for (const r of rows) {
    if (r.code === root.code || !r.parentCode) continue;
    nodes.get(r.parentCode)?.children.push(nodes.get(r.code) as RegionNode);
  }
  const top = nodes.get(root.code);
  return top ? [top] : [];
}

/**
 * One region with its ancestors, children and household counts by type (one GROUP BY on the code prefix).
 * @throws AppError NOT_FOUND when out of scope
 */
export async function getRegionDetail(deps: Deps, actor: Actor, code: string): Promise<RegionDetail> {
  const db = deps.db.db;
  const region = await getScopedRegion(db, actor, code);
  const [ancestors, children] = await Promise.all([repo.listAncestors(db, code), repo.listChildren(db, code)]);
  const childLen = children[0]?.prefix.length ?? region.prefix.length;
  const counts = await repo.countHouseholdsByPrefix(db, region.prefix, childLen);
  const byChild = new Map<string, Record<string, number>>();
  const total: Record<string, number> = {};
  for (const c of counts) {
    total[c.householdType] = (total[c.householdType] ?? 0) + c.n;
    const m = byChild.get(c.child) ?? {};
    m[c.householdType] = (m[c.householdType] ?? 0) + c.n;
    byChild.set(c.child, m);
  }
  return {
    code: region.code,
    name: region.name,
    level: region.level as Level,
    parentCode: region.parentCode,
    retiredAt: region.retiredAt ? region.retiredAt.toISOString() : null,
    path: ancestors.filter((a) => a.prefix.startsWith(actor.scopePrefix)).map((a) => ({ code: a.code, name: a.name, level: a.level as Level })),
    householdCounts: withTotal(total),
    version: region.version,
    children: children.map((c) => ({
      code: c.code,
      name: c.name,
      level: c.level as Level,
      ...(c.retiredAt ? { retired: true } : {}),
      householdCounts: withTotal(byChild.get(c.prefix) ?? {}),
      version: c.version,
    })),
  };
}

/**
 * The region a figure is computed for: the requested one when inside the scope, the actor's own region when
 * the request names an ancestor of the scope (or nothing).
 * @throws AppError NOT_FOUND for an unknown or out-of-scope region
 */
export async function resolveScopeRegion(db: Conn, actor: Actor, regionCode: string | undefined): Promise<repo.RegionRow> {
  const own = () => getScopedRegion(db, actor, actor.regionCode);
  if (!regionCode) return own();
  const region = await repo.findRegion(db, regionCode);
  if (!region) throw new AppError('NOT_FOUND', 'region not found', { regionCode });
  if (region.prefix.startsWith(actor.scopePrefix)) return region;
  if (actor.scopePrefix.startsWith(region.prefix)) return own();
  throw new AppError('NOT_FOUND', 'region not found', { regionCode });
}
