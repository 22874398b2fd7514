import { chainGaps, type ChainLinkView, type ChainSummary, type ChainView, type IndustryView } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { canEdit } from './industries.access.ts';
import * as repo from './industries.repo.ts';

/** A link as the API shows it, with its gap (domain chainGaps: no entity and no project, or a recorded 短板). */
export function toLinkView(l: repo.LinkWithCounts): ChainLinkView {
  const [gap] = chainGaps([{ id: l.id, linkKind: l.linkKind, name: l.name, entityCount: l.entityIds.length, projectCount: l.projectCount, shortfall: l.shortfall }]);
  return {
    id: l.id,
    chainId: l.chainId,
    linkKind: l.linkKind,
    name: l.name,
    sort: l.sort,
    shortfall: l.shortfall,
    entityIds: l.entityIds,
    entityCount: l.entityIds.length,
    projectCount: l.projectCount,
    gap: Boolean(gap),
    gapReasonZh: gap?.reasonZh ?? null,
    version: l.version,
  };
}

/** One link read again with its counts (the STALE_VERSION `current` and write answers). */
export async function linkView(db: Conn, linkId: number, chainId: number): Promise<ChainLinkView | null> {
  const l = (await repo.listLinks(db, [chainId])).find((x) => x.id === linkId);
  return l ? toLinkView(l) : null;
}

/** A chain with its links in order. */
export async function chainView(db: Conn, actor: Actor, chainId: number): Promise<ChainView | null> {
  const found = await repo.findChain(db, chainId);
  if (!found) return null;
  const c = found.chain;
  const links = await repo.listLinks(db, [c.id]);
  return {
    id: c.id,
    industryId: c.industryId,
    industryName: found.industryName,
    industryCategory: found.industryCategory,
    regionCode: c.regionCode,
    regionName: found.regionName,
    name: c.name,
    leaderName: c.leaderName,
    leaderTitle: c.leaderTitle,
    deputyLeaderName: c.deputyLeaderName,
    shortfalls: c.shortfalls,
    links: links.map(toLinkView),
    writable: canEdit(actor, c.regionCode),
    version: c.version,
  };
}

type IndustryRead = { industry: repo.IndustryRow; regionName: string | null; regionLevel: string | null };

/** Industries with their counts and chain summaries (a few statements for the whole list). */
export async function industryViews(db: Conn, actor: Actor, rows: IndustryRead[]): Promise<IndustryView[]> {
  const ids = rows.map((r) => r.industry.id);
  const counts = await repo.industryCounts(db, ids);
  const chains = await repo.listChainsOfIndustries(db, ids);
  const links = await repo.listLinks(
    db,
    chains.map((c) => c.id),
  );
  const summaries = new Map<number, ChainSummary[]>();
  for (const c of chains) {
    const own = links.filter((l) => l.chainId === c.id);
    const gaps = chainGaps(
      own.map((l) => ({ id: l.id, linkKind: l.linkKind, name: l.name, entityCount: l.entityIds.length, projectCount: l.projectCount, shortfall: l.shortfall })),
    );
    const s: ChainSummary = { id: c.id, name: c.name, leaderName: c.leaderName, linkCount: own.length, gapCount: gaps.length, version: c.version };
    summaries.set(c.industryId, [...(summaries.get(c.industryId) ?? []), s]);
  }
  return rows.map(({ industry: i, regionName, regionLevel }) => {
    const n = counts.get(i.id) ?? { entities: 0, projects: 0, chains: 0 };
    return {
      id: i.id,
      regionCode: i.regionCode,
      regionName,
      regionLevel: regionLevel ?? '',
      name: i.name,
      category: i.category,
      kind: i.kind,
      tier: i.tier,
      description: i.description,
      scaleNote: i.scaleNote,
      entityCount: n.entities,
      projectCount: n.projects,
      chainCount: n.chains,
      chains: summaries.get(i.id) ?? [],
      writable: canEdit(actor, i.regionCode),
      version: i.version,
    };
  });
}
