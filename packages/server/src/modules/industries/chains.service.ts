import {
  AppError,
  chainGaps,
  chainTemplate,
  linkKindIssue,
  linkLabel,
  type ChainCreate,
  type ChainGraph,
  type ChainLinkCreate,
  type ChainLinkEntities,
  type ChainLinkUpdate,
  type ChainLinkView,
  type ChainUpdate,
  type ChainView,
  type GraphNode,
  type Issue,
  levelOfRole,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { readable, visibleFrom, writable } from './industries.access.ts';
import * as repo from './industries.repo.ts';
import { chainView, linkView } from './industries.views.ts';

/** 产业链图谱 (000 §四(一)3, §五(一) 链长制 and 产业链图; 003 §二(四)1): chains, their links and the graph. */

async function linkKinds(deps: Deps): Promise<string[]> {
  return [...((await loadDictIndex(deps)).get('chain_link_kind')?.keys() ?? [])];
}

/** The chain as the actor may read it. @throws AppError NOT_FOUND */
export async function getChain(deps: Deps, actor: Actor, id: number): Promise<ChainView> {
  return chainOn(deps.db.db, actor, id);
}

async function chainOn(db: Conn, actor: Actor, id: number): Promise<ChainView> {
  const view = await chainView(db, actor, id);
  return readable(actor, view ?? undefined, 'chain', id);
}

/**
 * Creates a chain of an industry with its 链长, and the default links of the industry's category (domain
 * chainTemplate) unless `useTemplate` is false. @throws AppError NOT_FOUND, FORBIDDEN
 */
export async function createChain(deps: Deps, actor: Actor, industryId: number, input: ChainCreate): Promise<ChainView> {
  const db = deps.db.db;
  const industry = writable(actor, (await repo.findIndustry(db, industryId))?.industry, 'industry', industryId);
  const id = await db.transaction(async (tx) => {
    const c = await repo.insertChain(tx, {
      industryId,
      regionCode: industry.regionCode,
      name: input.name,
      leaderName: input.leaderName ?? null,
      leaderTitle: input.leaderTitle ?? null,
      deputyLeaderName: input.deputyLeaderName ?? null,
      shortfalls: input.shortfalls ?? null,
    });
    const kinds = input.useTemplate === false ? [] : chainTemplate(industry.category);
    const links = await repo.insertLinks(
      tx,
      kinds.map((linkKind, i) => ({ chainId: c.id, linkKind, sort: (i + 1) * 10 })),
    );
    await recordAudit(tx, actor, { action: 'create', entityType: 'industry_chain', entityId: c.id, regionCode: c.regionCode, after: { ...c, links } });
    return c.id;
  });
  return getChain(deps, actor, id);
}

/** Edits a chain (name, 链长, 副链长, 短板), based on the version read. */
export async function updateChain(deps: Deps, actor: Actor, id: number, input: ChainUpdate, version: number | undefined): Promise<ChainView> {
  const db = deps.db.db;
  writable(actor, (await repo.findChain(db, id))?.chain, 'chain', id);
  const { version: _v, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const before = writable(actor, await repo.lockChain(tx, id), 'chain', id);
    await checkVersion(before.version, version, () => chainOn(tx, actor, id));
    const after = await repo.updateChain(tx, id, patch);
    await recordAudit(tx, actor, { action: 'update', entityType: 'industry_chain', entityId: id, regionCode: after.regionCode, before, after });
  });
  return getChain(deps, actor, id);
}

/**
 * Deletes a chain (county staff only: 000 §五(一) 链长制 is set by the county), based on the version read. Its links
 * go with it; the entities working at them and the projects attached to them are detached, not deleted (each
 * project's chain_link_id is cleared and its version bumped, with its own audit entry). The chain's audit entry
 * keeps the chain, its links and what was attached.
 * @throws AppError NOT_FOUND, FORBIDDEN (not county staff, or out of the write scope), VERSION_REQUIRED, STALE_VERSION
 */
export async function deleteChain(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = readable(actor, (await repo.findChain(db, id))?.chain, 'chain', id);
  if (levelOfRole(actor.role) !== 'county') {
    throw new AppError('FORBIDDEN', 'only county staff may delete a chain', {
      role: actor.role,
      issues: [{ path: 'id', messageZh: '产业链只能由县级业务人员删除', messageEn: 'Only county staff may delete an industry chain' }],
    });
  }
  writable(actor, found, 'chain', id);
  await db.transaction(async (tx) => {
    const before = writable(actor, await repo.lockChain(tx, id), 'chain', id);
    await checkVersion(before.version, version, () => chainOn(tx, actor, id));
    const links = await repo.listLinks(tx, [id]);
    const locked = await repo.lockProjectsAtLinks(
      tx,
      links.map((l) => l.id),
    );
    const detached = await repo.detachProjects(
      tx,
      locked.map((p) => p.id),
    );
    for (const after of detached) {
      const was = locked.find((p) => p.id === after.id);
      await recordAudit(tx, actor, { action: 'update', entityType: 'project', entityId: after.id, regionCode: after.regionCode, before: was, after });
    }
    await repo.deleteChain(tx, id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'industry_chain',
      entityId: id,
      regionCode: before.regionCode,
      before: { ...before, links: links.map((l) => ({ ...l, projectIds: locked.filter((p) => p.chainLinkId === l.id).map((p) => p.id) })) },
    });
  });
}

async function writableLink(db: Conn, actor: Actor, id: number) {
  return writable(actor, await repo.findLink(db, id), 'chain link', id);
}

/** Adds a link (环节) to a chain: its kind is a dictionary code not yet on the chain. */
export async function addLink(deps: Deps, actor: Actor, chainId: number, input: ChainLinkCreate): Promise<ChainLinkView> {
  const db = deps.db.db;
  const chain = writable(actor, (await repo.findChain(db, chainId))?.chain, 'chain', chainId);
  const known = await linkKinds(deps);
  const row = await db.transaction(async (tx) => {
    await repo.lockChain(tx, chainId);
    const existing = await repo.listLinks(tx, [chainId]);
    const issue = linkKindIssue(input.linkKind, existing, known);
    if (issue) throwIfIssues([issue], 'chain link is invalid');
    const sort = input.sort ?? Math.min(32000, existing.reduce((m, l) => Math.max(m, l.sort), 0) + 10);
    const [l] = await repo.insertLinks(tx, [{ chainId, linkKind: input.linkKind, name: input.name ?? null, sort, shortfall: input.shortfall ?? null }]);
    await recordAudit(tx, actor, { action: 'create', entityType: 'chain_link', entityId: l!.id, regionCode: chain.regionCode, after: l });
    return l!;
  });
  return (await linkView(db, row.id, chainId))!;
}

/** Edits a link (kind, name, order, 短板), based on the version read. */
export async function updateLink(deps: Deps, actor: Actor, id: number, input: ChainLinkUpdate, version: number | undefined): Promise<ChainLinkView> {
  const db = deps.db.db;
  const found = await writableLink(db, actor, id);
  const known = await linkKinds(deps);
  const { version: _v, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const before = await repo.lockLink(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'chain link not found', { id });
    await checkVersion(before.version, version, async () => linkView(tx, id, found.chainId));
    if (input.linkKind !== undefined && input.linkKind !== before.linkKind) {
      const others = (await repo.listLinks(tx, [found.chainId])).filter((l) => l.id !== id);
      const issue = linkKindIssue(input.linkKind, others, known);
      if (issue) throwIfIssues([issue], 'chain link is invalid');
    }
    const after = await repo.updateLink(tx, id, patch);
    await recordAudit(tx, actor, { action: 'update', entityType: 'chain_link', entityId: id, regionCode: found.regionCode, before, after });
  });
  return (await linkView(db, id, found.chainId))!;
}

/** Removes a link with no entity and no project at it (else 409 CONFLICT with the reason). */
export async function deleteLink(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = await writableLink(db, actor, id);
  await db.transaction(async (tx) => {
    const before = await repo.lockLink(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'chain link not found', { id });
    await checkVersion(before.version, version, async () => linkView(tx, id, found.chainId));
    const now = (await repo.listLinks(tx, [found.chainId])).find((l) => l.id === id);
    const entities = now?.entityIds.length ?? 0;
    const projects = now?.projectCount ?? 0;
    if (entities || projects) {
      throw new AppError('CONFLICT', 'chain link has entities or projects', {
        entities,
        projects,
        issues: [
          {
            path: 'id',
            messageZh: `“${linkLabel(before)}”环节已有${entities ? ` ${entities} 个经营主体` : ''}${entities && projects ? '、' : ''}${projects ? ` ${projects} 个项目` : ''}，请先移出后再删除`,
            messageEn: `the link has ${entities} entit(ies) and ${projects} project(s); move them first`,
          },
        ],
      });
    }
    await repo.deleteLink(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'chain_link', entityId: id, regionCode: found.regionCode, before });
  });
}

/** Replaces the entities working at a link (each one visible to the actor), based on the link's version read. */
export async function setLinkEntities(deps: Deps, actor: Actor, id: number, input: ChainLinkEntities, version: number | undefined): Promise<ChainLinkView> {
  const db = deps.db.db;
  const found = await writableLink(db, actor, id);
  const ids = [...new Set(input.entityIds)];
  const rows = await repo.findEntities(db, ids);
  const seen = new Set(rows.filter((e) => visibleFrom(actor.scopePrefix, e.regionCode)).map((e) => e.id));
  const issues: Issue[] = ids
    .map((eid, i) => ({ eid, i }))
    .filter(({ eid }) => !seen.has(eid))
    .map(({ eid, i }) => ({ path: `entityIds.${i}`, value: eid, messageZh: '经营主体不存在或不在管辖范围内', messageEn: 'entity not found in your scope' }));
  throwIfIssues(issues, 'entities are invalid');
  await db.transaction(async (tx) => {
    const before = await repo.lockLink(tx, id);
    if (!before) throw new AppError('NOT_FOUND', 'chain link not found', { id });
    await checkVersion(before.version, version, async () => linkView(tx, id, found.chainId));
    const was = (await repo.listLinks(tx, [found.chainId])).find((l) => l.id === id)?.entityIds ?? [];
    await repo.setLinkEntities(tx, id, ids);
    const after = await repo.updateLink(tx, id, {});
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'chain_link',
      entityId: id,
      regionCode: found.regionCode,
      before: { ...before, entityIds: was },
      after: { ...after, entityIds: ids },
    });
  });
  return (await linkView(db, id, found.chainId))!;
}

/**
 * The chain as a graph (产业链图, 000 §五(一) 四图): the chain node, its links in order (left → right, each edge to
 * the next), and under each link the entities (chain_link_entities) and projects (projects.chain_link_id) the
 * actor may see; links without any, or with a recorded 短板, are gaps with their reason. Entities and projects out
 * of the actor's sight still count for the gap but are not named.
 */
export async function getChainGraph(deps: Deps, actor: Actor, id: number): Promise<ChainGraph> {
  const db = deps.db.db;
  const chain = await getChain(deps, actor, id);
  const entityRows = await repo.findEntities(db, [...new Set(chain.links.flatMap((l) => l.entityIds))]);
  const entities = new Map(entityRows.filter((e) => visibleFrom(actor.scopePrefix, e.regionCode)).map((e) => [e.id, e]));
  const projects = (
    await repo.listProjectsAtLinks(
      db,
      chain.links.map((l) => l.id),
    )
  ).filter((p) => visibleFrom(actor.scopePrefix, p.regionCode));
  const nodes: GraphNode[] = [{ id: `chain-${chain.id}`, kind: 'chain', label: chain.name, recordId: chain.id }];
  const edges: { source: string; target: string }[] = [];
  const gaps = chainGaps(
    chain.links.map((l) => ({ id: l.id, linkKind: l.linkKind, name: l.name, entityCount: l.entityCount, projectCount: l.projectCount, shortfall: l.shortfall })),
  );
  let prev = `chain-${chain.id}`;
  for (const l of chain.links) {
    const gap = gaps.find((g) => g.linkId === l.id);
    const nid = `link-${l.id}`;
    nodes.push({
      id: nid,
      kind: 'link',
      label: linkLabel(l),
      linkKind: l.linkKind,
      linkId: l.id,
      recordId: l.id,
      gap: Boolean(gap),
      ...(gap ? { gapReasonZh: gap.reasonZh } : {}),
    });
    edges.push({ source: prev, target: nid });
    prev = nid;
    for (const eid of l.entityIds) {
      const e = entities.get(eid);
      if (!e) continue;
      nodes.push({ id: `entity-${eid}@${l.id}`, kind: 'entity', label: e.name, linkId: l.id, recordId: eid, link: `/industry/entities/${eid}` });
      edges.push({ source: nid, target: `entity-${eid}@${l.id}` });
    }
    for (const p of projects.filter((x) => x.linkId === l.id)) {
      nodes.push({ id: `project-${p.id}@${l.id}`, kind: 'project', label: p.name, linkId: l.id, recordId: p.id, link: `/industry/projects/${p.id}` });
      edges.push({ source: nid, target: `project-${p.id}@${l.id}` });
    }
  }
  return { chain, nodes, edges, gaps: gaps.map((g) => ({ linkId: g.linkId, label: g.label, reasonZh: g.reasonZh, reasonEn: g.reasonEn })) };
}
