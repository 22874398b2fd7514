import { AppError, industryIssues, type IndustryCreate, type IndustryUpdate, type IndustryView, type Issue, type Spectrum, type SpectrumGroup } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope } from '../regions/scope.ts';
import { ancestorCodes, readable, writable } from './industries.access.ts';
import * as repo from './industries.repo.ts';
import { industryViews } from './industries.views.ts';

/** 产业谱系 (issue 7 §4; 000 §四(一)1–2 梳理产业种类和链条; 003 §二(四)1–2): the industries of a region and their chains. */

const LEVEL_ORDER = ['province', 'city', 'county', 'township', 'village', 'group'];

async function dictCodes(deps: Deps): Promise<(dict: string) => string[]> {
  const idx = await loadDictIndex(deps);
  return (d) => [...(idx.get(d)?.keys() ?? [])];
}

/** The industries visible from the requested region (its subtree and the regions above it). */
async function visibleRows(deps: Deps, actor: Actor, q: { regionCode?: string | undefined; kind?: string | undefined; tier?: string | undefined }) {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  return repo.listIndustries(db, prefix, ancestorCodes(prefix), q);
}

export async function listIndustries(deps: Deps, actor: Actor, q: { regionCode?: string | undefined; kind?: string | undefined; tier?: string | undefined }) {
  const rows = await visibleRows(deps, actor, q);
  const items = await industryViews(deps.db.db, actor, rows);
  return { items, total: items.length };
}

/** One industry. @throws AppError NOT_FOUND out of sight */
export async function getIndustry(deps: Deps, actor: Actor, id: number): Promise<IndustryView> {
  return industryOn(deps.db.db, actor, id);
}

/** One industry read on a handle (inside a write's transaction for the STALE_VERSION `current`). */
async function industryOn(db: Conn, actor: Actor, id: number): Promise<IndustryView> {
  const found = await repo.findIndustry(db, id);
  readable(actor, found?.industry, 'industry', id);
  const [view] = await industryViews(db, actor, [found!]);
  return view!;
}

/**
 * The 产业谱系: the visible industries grouped by region (县 → 镇 → 村, in code order) and by kind, with the counts
 * of entities, projects and chains, and the gaps of their chains.
 */
export async function getSpectrum(deps: Deps, actor: Actor, regionCode: string | undefined): Promise<Spectrum> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, regionCode);
  const rows = await repo.listIndustries(db, prefix, ancestorCodes(prefix), {});
  const views = await industryViews(db, actor, rows);
  const groups = new Map<string, SpectrumGroup>();
  rows.forEach((r, i) => {
    const v = views[i]!;
    let g = groups.get(v.regionCode);
    if (!g) {
      g = {
        regionCode: v.regionCode,
        regionName: r.regionName,
        level: r.regionLevel ?? '',
        parentCode: r.parentCode ?? null,
        byKind: [],
        counts: { industries: 0, entities: 0, projects: 0, chains: 0 },
      };
      groups.set(v.regionCode, g);
    }
    let k = g.byKind.find((x) => x.kind === v.kind);
    if (!k) g.byKind.push((k = { kind: v.kind, industries: [] }));
    k.industries.push(v);
    g.counts.industries++;
    g.counts.entities += v.entityCount;
    g.counts.projects += v.projectCount;
    g.counts.chains += v.chainCount;
  });
  const kindRank = (k: string) => ['leading', 'emerging', 'traditional'].indexOf(k) >>> 0;
  const list = [...groups.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  for (const g of list) g.byKind.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
  const sum = (f: (v: IndustryView) => number) => views.reduce((n, v) => n + f(v), 0);
  return {
    rootCode: prefix.padEnd(12, '0'),
    groups: list,
    totals: {
      industries: views.length,
      entities: sum((v) => v.entityCount),
      projects: sum((v) => v.projectCount),
      chains: sum((v) => v.chainCount),
      gaps: sum((v) => v.chains.reduce((n, c) => n + c.gapCount, 0)),
    },
  };
}

async function checkIndustry(deps: Deps, db: Conn, input: { regionCode: string; name: string; category: string; kind: string; tier?: string | null | undefined }): Promise<void> {
  const issues: Issue[] = [];
  const [region] = await repo.regionsByCode(db, [input.regionCode]);
  if (!region) issues.push({ path: 'regionCode', value: input.regionCode, messageZh: '区划不存在', messageEn: 'region not found' });
  else if (!['county', 'township', 'village'].includes(region.level)) {
    issues.push({
      path: 'regionCode',
      value: input.regionCode,
      messageZh: '产业应归属县（区）、乡镇（街道）或行政村',
      messageEn: 'an industry belongs to a county, a township or a village',
    });
  }
  issues.push(...industryIssues(input, await dictCodes(deps)));
  throwIfIssues(issues, 'industry is invalid');
}

/** Adds an industry to the 产业谱系. @throws AppError FORBIDDEN, VALIDATION_FAILED */
export async function createIndustry(deps: Deps, actor: Actor, input: IndustryCreate): Promise<IndustryView> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  await checkIndustry(deps, db, input);
  const row = await db.transaction(async (tx) => {
    const i = await repo.insertIndustry(tx, {
      regionCode: input.regionCode,
      name: input.name,
      category: input.category,
      kind: input.kind,
      tier: input.tier ?? null,
      description: input.description ?? null,
      scaleNote: input.scaleNote ?? null,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'industry', entityId: i.id, regionCode: i.regionCode, after: i });
    return i;
  });
  return getIndustry(deps, actor, row.id);
}

/** Edits an industry, based on the version read. @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION */
export async function updateIndustry(deps: Deps, actor: Actor, id: number, input: IndustryUpdate, version: number | undefined): Promise<IndustryView> {
  const db = deps.db.db;
  const found = writable(actor, (await repo.findIndustry(db, id))?.industry, 'industry', id);
  const { version: _v, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<repo.IndustryRow>;
  await checkIndustry(deps, db, { ...found, ...patch });
  await db.transaction(async (tx) => {
    const before = writable(actor, await repo.lockIndustry(tx, id), 'industry', id);
    await checkVersion(before.version, version, () => industryOn(tx, actor, id));
    const after = await repo.updateIndustry(tx, id, patch);
    await recordAudit(tx, actor, { action: 'update', entityType: 'industry', entityId: id, regionCode: after.regionCode, before, after });
  });
  return getIndustry(deps, actor, id);
}

/**
 * Removes an industry that has neither chains nor projects (an industry with them is kept: 409 CONFLICT with the
 * reason). @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, CONFLICT
 */
export async function deleteIndustry(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  writable(actor, (await repo.findIndustry(db, id))?.industry, 'industry', id);
  await db.transaction(async (tx) => {
    const before = writable(actor, await repo.lockIndustry(tx, id), 'industry', id);
    await checkVersion(before.version, version, () => industryOn(tx, actor, id));
    const chains = (await repo.listChainsOfIndustries(tx, [id])).length;
    const projects = await repo.countProjectsOfIndustry(tx, id);
    if (chains || projects) {
      throw new AppError('CONFLICT', 'industry has chains or projects', {
        chains,
        projects,
        issues: [
          {
            path: 'id',
            messageZh: `该产业已有${chains ? ` ${chains} 条产业链` : ''}${chains && projects ? '、' : ''}${projects ? ` ${projects} 个项目` : ''}，不能删除`,
            messageEn: `the industry has ${chains} chain(s) and ${projects} project(s) and cannot be deleted`,
          },
        ],
      });
    }
    await repo.deleteIndustry(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'industry', entityId: id, regionCode: before.regionCode, before });
  });
}
