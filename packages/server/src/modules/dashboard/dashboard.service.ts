import type { Dashboard } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { listOverdueIdentifications } from '../monitoring/monitoring.service.ts';
import { countHouseholdsByPrefix, listChildren } from '../regions/regions.repo.ts';
import { resolveScopeRegion, withTotal } from '../regions/regions.service.ts';
import { currentYear, evaluateH1ForRegion } from '../rules/rules.service.ts';
import { findHouseholdsBrief } from './dashboard.repo.ts';

/** Most warnings listed one by one; totals are always complete. */
const WARNING_LIST_MAX = 50;

type Level = Dashboard['region']['level'];

/**
 * The dashboard of a region in scope: households by type per child region, H1 coverage per child region and
 * warnings (H1 failures, overdue identifications). Every figure carries the list query that drills down to it.
 * @throws AppError NOT_FOUND for an out-of-scope region
 */
export async function getDashboard(deps: Deps, actor: Actor, regionCode: string | undefined): Promise<Dashboard> {
  const db = deps.db.db;
  const region = await resolveScopeRegion(db, actor, regionCode);
  const children = await listChildren(db, region.code);
  const childLen = children[0]?.prefix.length ?? region.prefix.length;
  const [counts, h1, overdue] = await Promise.all([
    countHouseholdsByPrefix(db, region.prefix, childLen),
    evaluateH1ForRegion(deps, region, currentYear()),
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
  const h1Ids = h1.records.slice(0, WARNING_LIST_MAX);
  const brief = new Map((await findHouseholdsBrief(db, h1Ids)).map((b) => [b.id, b]));
  const warnings: Dashboard['warnings'] = [];
  for (const id of h1Ids) {
    const b = brief.get(id);
    if (!b) continue;
    warnings.push({
      code: 'H1',
      householdId: id,
      householdNo: b.householdNo,
      headName: b.headName,
      regionCode: b.regionCode,
      messageZh: '有劳动能力的监测户未落实开发式帮扶措施',
      messageEn: 'monitored household with labour capacity has no development-type measure',
      drill: { regionCode: region.code, warning: 'H1' },
    });
  }
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
  return {
    region: { code: region.code, name: region.name, level: region.level as Level },
    countsByType: withTotal(total),
    countsDrill: { regionCode: region.code },
    byChild: children.map((c) => ({ code: c.code, name: c.name, level: c.level as Level, counts: withTotal(byChild.get(c.prefix) ?? {}), drill: { regionCode: c.code } })),
    h1,
    warnings,
    warningTotals: { H1: h1.records.length, identification_overdue: overdue.length },
  };
}
