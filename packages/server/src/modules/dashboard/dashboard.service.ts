import { findRule, type Dashboard } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { listOverdueIdentifications } from '../monitoring/monitoring.service.ts';
import { listChildren, type RegionRow } from '../regions/regions.repo.ts';
import { resolveScopeRegion, withTotal } from '../regions/regions.service.ts';
import { currentYear, evaluateForRegion, summariesForRegion } from '../rules/rules.service.ts';
import { listResults } from '../rules/rule-results.repo.ts';
import { countHouseholdsByType, dataVersion, findHouseholdsBrief } from './dashboard.repo.ts';

/** Most warnings listed one by one per kind; totals are always complete. */
const WARNING_LIST_MAX = 50;

type Level = Dashboard['region']['level'];

/** An empty H1 figure when the county's pack does not set H1 or it is not in force (the `h1` field stays). */
function noH1(regionCode: string): Dashboard['h1'] {
  return { ruleId: 'H1', clause: '', status: 'not_applicable', value: null, threshold: null, total: 0, met: 0, byRegion: [], records: [], drill: { regionCode, warning: 'H1' } };
}

/**
 * The dashboard of a region in scope: households by type per child region, every rule of the county's pack
 * with its status (stored results), H1's figures per child region (kept for compatibility; its failing lists are
 * empty here) and warnings: the first households failing each household rule in force with the total, overdue
 * identifications. Counts come from the count tables of migration 0005, not from the rows. Every figure carries
 * its drill-down query.
 * @throws AppError NOT_FOUND for an out-of-scope region
 */
export async function getDashboard(deps: Deps, actor: Actor, regionCode: string | undefined, year = currentYear()): Promise<Dashboard> {
  const region = await resolveScopeRegion(deps.db.db, actor, regionCode);
  // the same dashboard asked for again while it is being built, with no write in between (same snapshot), waits for
  // that build (50 officers opening the county's dashboard at once build it once); a write since then starts a new one
  const key = `${region.code}|${year}|${await dataVersion(deps.db.db)}`;
  let building = inFlight.get(deps.db);
  if (!building) inFlight.set(deps.db, (building = new Map()));
  const running = building.get(key);
  if (running) return running;
  const builds = building;
  const build = buildDashboard(deps, region, year).finally(() => builds.delete(key));
  builds.set(key, build);
  return build;
}

/** Dashboards being built, per database and (region, year, snapshot); a build is forgotten when it ends. */
const inFlight = new WeakMap<Deps['db'], Map<string, Promise<Dashboard>>>();

async function buildDashboard(deps: Deps, region: RegionRow, year: number): Promise<Dashboard> {
  const db = deps.db.db;
  const children = await listChildren(db, region.code);
  const childLen = children[0]?.prefix.length ?? region.prefix.length;
  const summaries = await summariesForRegion(deps, region, year);
  const h1Summary = summaries.rules.find((r) => r.ruleId === 'H1' && r.implemented && r.inForce);
  const [counts, h1, overdue] = await Promise.all([
    countHouseholdsByType(db, region.prefix, childLen),
    h1Summary ? evaluateForRegion(deps, region, 'H1', year, { lists: false }) : Promise.resolve(noH1(region.code)),
    listOverdueIdentifications(deps, region.prefix),
  ]);
  const total: Record<string, number> = {};
  const byChild = new Map<string, Record<string, number>>();
  for (const c of counts) {
    total[c.householdType] = (total[c.householdType] ?? 0) + c.n;
    const m = byChild.get(c.child) ?? {};
    m[c.householdType] = c.n;
    byChild.set(c.child, m);
  }
  const warnings: Dashboard['warnings'] = [];
  const warningTotals: Record<string, number> = {};
  // every household rule in force: its first failing households with their reasons, and how many fail in all
  const householdRules = summaries.rules.filter((s) => {
    const rule = findRule(s.ruleId);
    return rule && rule.factsKind === 'household' && (rule.subjectLevel ?? 'record') === 'record' && s.implemented && s.inForce;
  });
  const pages = await Promise.all(
    householdRules.map((s) => listResults(db, { ruleId: s.ruleId, year, prefix: region.prefix, status: 'not_met', limit: WARNING_LIST_MAX, offset: 0 })),
  );
  const brief = new Map((await findHouseholdsBrief(db, [...new Set(pages.flatMap((p) => p.rows.map((r) => Number(r.subjectKey))))])).map((b) => [b.id, b]));
  householdRules.forEach((s, i) => {
    const page = pages[i] as Awaited<ReturnType<typeof listResults>>;
    warningTotals[s.ruleId] = page.total;
    for (const r of page.rows) {
      const b = brief.get(Number(r.subjectKey));
      if (!b) continue;
      warnings.push({
        code: s.ruleId,
        householdId: b.id,
        householdNo: b.householdNo,
        headName: b.headName,
        regionCode: b.regionCode,
        messageZh: r.reasonZh ?? s.titleZh,
        messageEn: r.reasonEn ?? s.titleEn,
        drill: { regionCode: region.code, warning: s.ruleId },
      });
    }
  });
  if (warningTotals.H1 === undefined) warningTotals.H1 = 0;
  for (const o of overdue.slice(0, WARNING_LIST_MAX)) {
    warnings.push({
      code: 'identification_overdue',
      householdId: o.householdId,
      householdNo: o.householdNo,
      headName: o.headName,
      regionCode: o.regionCode,
      messageZh: o.issue.messageZh,
      messageEn: o.issue.messageEn,
      drill: { regionCode: region.code, warning: 'identification_overdue' },
    });
  }
  warningTotals.identification_overdue = overdue.length;
  return {
    region: { code: region.code, name: region.name, level: region.level as Level },
    countsByType: withTotal(total),
    countsDrill: { regionCode: region.code },
    byChild: children.map((c) => ({ code: c.code, name: c.name, level: c.level as Level, counts: withTotal(byChild.get(c.prefix) ?? {}), drill: { regionCode: c.code } })),
    h1,
    rules: summaries.rules,
    warnings,
    warningTotals,
  };
}
