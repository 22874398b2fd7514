import type { SQL } from 'drizzle-orm';
import {
  AppError,
  RULE_CATALOGUE,
  coverageValue,
  describeRuleParams,
  findPack,
  findRule,
  formatClause,
  getPack,
  isRuleInForce,
  type PolicyPack,
  type RuleConfig,
  type RuleDefinition,
  type RuleEvaluation,
  type RuleResult,
  type RuleSummary,
  type RuleUnit,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { listChildren, type RegionRow } from '../regions/regions.repo.ts';
import { resolveScopeRegion } from '../regions/regions.service.ts';
import { gathererOf } from './gatherers/index.ts';
import * as results from './rule-results.repo.ts';
import { ensureFresh } from './rule-store.service.ts';
import { toItems } from './rule-subjects.ts';

/** Calendar year of "now" (the year judged by default). */
export function currentYear(): number {
  return new Date().getFullYear();
}

/** Most failing subjects listed in an evaluation (the rest are paged by /results). */
const FAILING_MAX = 200;

type Status = RuleSummary['status'];
type Counts = { total: number; met: number; value: number | null; threshold: number | null; status: Status; unit: RuleUnit; thresholdUnit: RuleUnit };

/** The threshold of the rule as a whole (coverage share, or a single subject's), from its evaluation of no facts. */
function ruleThreshold(rule: RuleDefinition<unknown>, cfg: RuleConfig, year: number): number | null {
  try {
    return rule.evaluate([], cfg, { year }).threshold;
  } catch {
    return typeof cfg.params.minCoverage === 'number' ? cfg.params.minCoverage : null;
  }
}

/** Whether the rule judges one subject per county or township (a region's money): its threshold is the subject's. */
function judgesRegions(rule: RuleDefinition<unknown>): boolean {
  return rule.subjectLevel === 'county' || rule.subjectLevel === 'township';
}

/**
 * A region's figure from stored results, with the unit of its value and threshold (the web formats from them):
 * a single judged subject with a figure (a county's money, one village's cooperatives) gives its own value,
 * threshold and status in the rule's units; several give the coverage met ÷ total, a share, against the rule's
 * threshold when that is a share, else every subject (the coverage threshold of the count and amount rules is 1).
 * No subject: a county's or township's rule shows its subject threshold, the others their coverage threshold.
 */
function figure(rule: RuleDefinition<unknown>, c: results.ResultCounts | undefined, threshold: number | null): Counts {
  const unit = rule.unit;
  const thresholdUnit = rule.thresholdUnit ?? rule.unit;
  const coverageMin = thresholdUnit === 'share' && threshold !== null ? threshold : 1;
  if (!c || c.total === 0) {
    return judgesRegions(rule)
      ? { total: 0, met: 0, value: null, threshold, status: 'not_applicable', unit, thresholdUnit }
      : { total: 0, met: 0, value: null, threshold: coverageMin, status: 'not_applicable', unit: 'share', thresholdUnit: 'share' };
  }
  if (c.total === 1 && c.value !== null) {
    const own = c.threshold ?? (judgesRegions(rule) ? threshold : null);
    return { total: 1, met: c.met, value: c.value, threshold: own, status: c.met === 1 ? 'met' : 'not_met', unit, thresholdUnit };
  }
  return {
    total: c.total,
    met: c.met,
    value: coverageValue(c.met, c.total),
    threshold: coverageMin,
    status: c.met >= coverageMin * c.total - 1e-9 ? 'met' : 'not_met',
    unit: 'share',
    thresholdUnit: 'share',
  };
}

function catalogueTitle(ruleId: string): { titleZh: string; titleEn: string } {
  const rule = findRule(ruleId);
  const entry = RULE_CATALOGUE.find((c) => c.id === ruleId);
  return { titleZh: rule?.titleZh ?? entry?.titleZh ?? ruleId, titleEn: rule?.titleEn ?? entry?.titleEn ?? ruleId };
}

/** Whether the server stores the rule: implemented and its facts kind has a gatherer. */
function implementedRule(ruleId: string): RuleDefinition<unknown> | undefined {
  const rule = findRule(ruleId);
  return rule && gathererOf(rule.factsKind) ? rule : undefined;
}

/** The drill-down query of a figure: the household list for household rules, the rule's results otherwise. */
function drillOf(rule: RuleDefinition<unknown>, regionCode: string, year: number): Record<string, string> {
  return rule.factsKind === 'household' && (rule.subjectLevel ?? 'record') === 'record' ? { regionCode, warning: rule.id } : { regionCode, ruleId: rule.id, year: String(year) };
}

async function packOfRegion(deps: Deps, region: RegionRow): Promise<{ pack: PolicyPack; countyCode: string }> {
  const countyCode = countyCodeOf(region.code);
  const { pack } = await getActivePack(deps.db.db, countyCode);
  return { pack, countyCode };
}

/** Summaries of every rule of the county's pack for a region in scope (GET /rules and the dashboard). */
export async function summariesForRegion(deps: Deps, region: RegionRow, year: number) {
  const { pack, countyCode } = await packOfRegion(deps, region);
  const storable = pack.rules.filter((c) => implementedRule(c.ruleId) && isRuleInForce(c, year)).map((c) => c.ruleId);
  await ensureFresh(deps, countyCode, year, storable);
  const counts = new Map((await results.countByRule(deps.db.db, storable, year, region.prefix)).map((c) => [c.key, c]));
  const rules: RuleSummary[] = pack.rules.map((cfg) => {
    const rule = implementedRule(cfg.ruleId);
    const inForce = isRuleInForce(cfg, year);
    const params = describeRuleParams(cfg);
    const base = {
      ruleId: cfg.ruleId,
      ...catalogueTitle(cfg.ruleId),
      clause: cfg.clause,
      clauseText: formatClause(pack, cfg.clause),
      years: cfg.years ?? null,
      inForce,
      implemented: !!rule,
      paramsTextZh: params.length ? params.map((p) => p.zh).join('；') : null,
      paramsTextEn: params.length ? params.map((p) => p.en).join('; ') : null,
      sandbox: rule?.sandbox ? { example: rule.sandbox.example } : null,
    };
    const none = { value: null, threshold: null, total: 0, met: 0, unit: rule?.unit ?? 'share', thresholdUnit: rule?.thresholdUnit ?? rule?.unit ?? 'share' } as const;
    if (!rule) return { ...base, ...none, status: 'not_implemented' as const };
    if (!inForce) return { ...base, ...none, status: 'not_in_force' as const };
    const f = figure(rule, counts.get(cfg.ruleId), ruleThreshold(rule, cfg, year));
    return { ...base, status: f.status, value: f.value, threshold: f.threshold, unit: f.unit, thresholdUnit: f.thresholdUnit, total: f.total, met: f.met };
  });
  return { countyCode, packId: pack.id, packNameZh: pack.nameZh, packNameEn: pack.nameEn, year, rules };
}

/** GET /rules: every rule of the county's pack with its status for the region. @throws AppError NOT_FOUND out of scope */
export async function listRules(deps: Deps, actor: Actor, q: { regionCode?: string | undefined; year?: number | undefined }) {
  const region = await resolveScopeRegion(deps.db.db, actor, q.regionCode);
  return summariesForRegion(deps, region, q.year ?? currentYear());
}

/**
 * The rule as the county's pack sets it, ready to read: stored results made fresh.
 * @throws AppError NOT_FOUND (unknown rule, not in the pack, not implemented), CONFLICT with details.reason not_in_force
 */
async function freshRule(deps: Deps, region: RegionRow, ruleId: string, year: number) {
  const { pack, countyCode } = await packOfRegion(deps, region);
  const cfg = pack.rules.find((r) => r.ruleId === ruleId);
  if (!cfg) throw new AppError('NOT_FOUND', `the policy pack ${pack.id} has no rule ${ruleId}`, { ruleId, packId: pack.id });
  const rule = implementedRule(ruleId);
  if (!rule) throw new AppError('NOT_FOUND', `rule ${ruleId} is configured but not implemented`, { ruleId, reason: 'not_implemented' });
  if (!isRuleInForce(cfg, year)) {
    throw new AppError('CONFLICT', `rule ${ruleId} is not in force in ${year}`, {
      ruleId,
      year,
      years: cfg.years ?? [],
      reason: 'not_in_force',
      messageZh: `${ruleId} 不在适用年度（${(cfg.years ?? []).join('、')} 年适用），${year} 年不评价`,
      messageEn: `${ruleId} is not in force in ${year} (applies in ${(cfg.years ?? []).join(', ')})`,
    });
  }
  await ensureFresh(deps, countyCode, year, [ruleId]);
  return { pack, cfg, rule };
}

/**
 * GET /rules/:ruleId/evaluate — a rule for a region in scope and a year from the stored results: the figure, per
 * child region, the failing subjects (first 200) with label, reason and link, the groups.
 */
export async function evaluateRule(deps: Deps, actor: Actor, ruleId: string, q: { regionCode?: string | undefined; year?: number | undefined }): Promise<RuleEvaluation> {
  const region = await resolveScopeRegion(deps.db.db, actor, q.regionCode);
  return evaluateForRegion(deps, region, ruleId, q.year ?? currentYear());
}

/**
 * {@link evaluateRule} for a region already resolved in scope. `lists: false` gives the figures only (per region
 * and per group): no failing subjects, no household ids (the dashboard, which lists its own warnings).
 */
export async function evaluateForRegion(deps: Deps, region: RegionRow, ruleId: string, year: number, opts: { lists?: boolean } = {}): Promise<RuleEvaluation> {
  const lists = opts.lists ?? true;
  const { pack, cfg, rule } = await freshRule(deps, region, ruleId, year);
  const db = deps.db.db;
  const threshold = ruleThreshold(rule, cfg, year);
  const children = await listChildren(db, region.code);
  const childLen = children[0]?.prefix.length ?? region.prefix.length;
  const [all, byChild, groups, failing] = await Promise.all([
    results.countByRule(db, [ruleId], year, region.prefix),
    results.countByChild(db, ruleId, year, region.prefix, childLen),
    results.countByGroup(db, ruleId, year, region.prefix),
    lists ? results.listResults(db, { ruleId, year, prefix: region.prefix, status: 'not_met', limit: FAILING_MAX, offset: 0 }) : Promise.resolve({ rows: [], total: 0 }),
  ]);
  const f = figure(rule, all[0], threshold);
  const childCounts = new Map(byChild.map((c) => [c.key, c]));
  const isHousehold = rule.factsKind === 'household' && (rule.subjectLevel ?? 'record') === 'record';
  const records = isHousehold && lists ? (await results.failingSubjectIds(db, ruleId, year, region.prefix)).sort((a, b) => a - b) : [];
  return {
    ruleId,
    clause: cfg.clause,
    clauseText: formatClause(pack, cfg.clause),
    ...catalogueTitle(ruleId),
    year,
    factsKind: rule.factsKind,
    subjectLevel: rule.subjectLevel ?? 'record',
    status: f.status,
    value: f.value,
    threshold: f.threshold,
    unit: f.unit,
    thresholdUnit: f.thresholdUnit,
    total: f.total,
    met: f.met,
    byRegion: children.map((c) => {
      const cf = figure(rule, childCounts.get(c.prefix), threshold);
      return { code: c.code, name: c.name, total: cf.total, met: cf.met, value: cf.value, unit: cf.unit, status: cf.status, drill: drillOf(rule, c.code, year) };
    }),
    failing: await toItems(db, rule, year, failing.rows),
    failingTotal: lists ? failing.total : f.total - f.met,
    groups: groups.map((g) => ({ code: g.code, labelZh: rule.groups?.[g.code]?.labelZh ?? g.code, labelEn: rule.groups?.[g.code]?.labelEn ?? g.code, count: g.count })),
    records,
    drill: drillOf(rule, region.code, year),
  };
}

/** GET /rules/:ruleId/results — stored subjects of a rule under a region, paged (default: the failing ones). */
export async function listRuleResults(
  deps: Deps,
  actor: Actor,
  ruleId: string,
  q: { regionCode?: string | undefined; year?: number | undefined; status?: 'met' | 'not_met' | 'listed' | undefined; group?: string | undefined; page: number; pageSize: number },
) {
  const region = await resolveScopeRegion(deps.db.db, actor, q.regionCode);
  const year = q.year ?? currentYear();
  const { rule } = await freshRule(deps, region, ruleId, year);
  const page = await results.listResults(deps.db.db, {
    ruleId,
    year,
    prefix: region.prefix,
    status: q.status ?? 'not_met',
    group: q.group,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await toItems(deps.db.db, rule, year, page.rows), total: page.total, page: q.page, pageSize: q.pageSize };
}

/**
 * Checks that `ruleId` is a household rule of the county's pack in force in `year`, and makes its stored results fresh.
 * @throws AppError VALIDATION_FAILED when the rule is not a household rule of the county's pack in force that year
 */
async function freshHouseholdRule(deps: Deps, prefix: string, ruleId: string, year: number): Promise<void> {
  const countyCode = countyCodeOf(prefix.padEnd(12, '0'));
  const rule = implementedRule(ruleId);
  // the pack comes back from the refresh (no second read of the setting: this runs on every warning list page);
  // a rule the pack does not have or not in force that year is not evaluated by it
  const pack = rule?.factsKind === 'household' ? findPack((await ensureFresh(deps, countyCode, year, [ruleId])).packId) : undefined;
  const cfg = pack?.rules.find((r) => r.ruleId === ruleId);
  if (!cfg || !rule || rule.factsKind !== 'household' || !isRuleInForce(cfg, year)) {
    throw new AppError('VALIDATION_FAILED', `warning ${ruleId} is not a household rule in force`, {
      issues: [
        {
          path: 'warning',
          value: ruleId,
          messageZh: `${ruleId} 不是本县政策包中本年度适用的农户规则`,
          messageEn: `${ruleId} is not a household rule of the county's pack in force this year`,
        },
      ],
    });
  }
}

/**
 * The households under `prefix` failing a household rule in `year` (default this year), as a subquery of the stored
 * results (refreshed first): the `warning=<rule>` list filter and exports join them in SQL.
 * @throws AppError VALIDATION_FAILED when the rule is not a household rule of the county's pack in force that year
 */
export async function failingHouseholdsSql(deps: Deps, _actor: Actor, prefix: string, ruleId = 'H1', year = currentYear()): Promise<SQL> {
  await freshHouseholdRule(deps, prefix, ruleId, year);
  return results.failingSubjectsSql(ruleId, year, prefix);
}

/**
 * POST /rules/:ruleId/check — the policy sandbox: one subject given by value, judged by the pack's rule for `year`
 * (nothing is read or stored).
 * @throws AppError NOT_FOUND (unknown pack, the pack has no such rule, no sandbox), VALIDATION_FAILED naming the field of `facts`
 */
export function checkRule(ruleId: string, body: { packId: string; year: number; facts?: unknown }) {
  const pack = findPack(body.packId) ?? getPack(body.packId);
  const cfg = pack.rules.find((r) => r.ruleId === ruleId);
  if (!cfg) throw new AppError('NOT_FOUND', `the policy pack ${pack.id} has no rule ${ruleId}`, { ruleId, packId: pack.id });
  const rule = findRule(ruleId);
  if (!rule?.sandbox) throw new AppError('NOT_FOUND', `rule ${ruleId} has no sandbox`, { ruleId, reason: 'no_sandbox' });
  const clauseText = formatClause(pack, cfg.clause);
  if (!isRuleInForce(cfg, body.year)) {
    const years = (cfg.years ?? []).join('、');
    return {
      status: 'not_applicable' as const,
      value: null,
      threshold: null,
      unit: rule.unit,
      thresholdUnit: rule.thresholdUnit ?? rule.unit,
      clause: cfg.clause,
      clauseText,
      reasonZh: `不在适用年度：${clauseText} 适用于 ${years} 年`,
      reasonEn: `not in force in ${body.year}: applies in ${(cfg.years ?? []).join(', ')}`,
    };
  }
  const parsed = rule.sandbox.schema.safeParse(body.facts);
  if (!parsed.success) throw sandboxError(parsed.error);
  const facts = rule.sandbox.toFacts(parsed.data, body.year);
  const r = rule.evaluate([facts], cfg, { year: body.year });
  const rec = r.records?.[0];
  const reasonZh = rec?.reasonZh ?? (r.status === 'not_applicable' ? '不属于本规则的适用对象' : '');
  const reasonEn = rec?.reasonEn ?? (r.status === 'not_applicable' ? 'not a subject of this rule' : '');
  return { status: r.status, ...checkFigure(rule, r), clause: cfg.clause, clauseText, reasonZh, reasonEn };
}

/**
 * The figure of one judged subject with its units: its own value and threshold in the rule's units; a subject
 * without a figure is read by its coverage (a share); a record-level subject without its own threshold has none
 * (the rule's threshold is then the coverage's, not the subject's).
 */
function checkFigure(rule: RuleDefinition<unknown>, r: RuleResult): { value: number | null; threshold: number | null; unit: RuleUnit; thresholdUnit: RuleUnit } {
  const rec = r.records?.[0];
  const thresholdUnit = rule.thresholdUnit ?? rule.unit;
  if (!rec) return { value: null, threshold: rule.unit === 'share' ? r.threshold : null, unit: rule.unit, thresholdUnit };
  const own = rec.value !== undefined && rec.value !== null;
  const value = own ? (rec.value as number) : r.value;
  if (rec.threshold !== undefined && rec.threshold !== null) return { value, threshold: rec.threshold, unit: own ? rule.unit : 'share', thresholdUnit };
  if (own) return { value, threshold: judgesRegions(rule) ? r.threshold : null, unit: rule.unit, thresholdUnit };
  return { value, threshold: r.threshold, unit: 'share', thresholdUnit: rule.unit === 'share' ? thresholdUnit : 'share' };
}

/** A zod error of the sandbox facts as a 400 naming each field under `facts`. */
function sandboxError(err: unknown): AppError {
  const issues = ((err as { issues?: { path: (string | number)[]; message: string }[] }).issues ?? []).map((i) => {
    const path = ['facts', ...i.path].join('.');
    return { path, messageZh: `${path} 不正确：${i.message}`, messageEn: `${path}: ${i.message}` };
  });
  return new AppError('VALIDATION_FAILED', 'facts do not match the rule’s sandbox', { issues });
}

/**
 * H1 evaluated afresh over the households under `prefix` (nothing stored): the bench's measure of one full
 * evaluation, and a cross-check of the stored results.
 */
export async function runH1(deps: Deps, prefix: string, year: number) {
  const { pack } = await getActivePack(deps.db.db, countyCodeOf(prefix.padEnd(12, '0')));
  const cfg = pack.rules.find((r) => r.ruleId === 'H1');
  if (!cfg) throw new AppError('NOT_FOUND', `the policy pack ${pack.id} has no rule H1`, { ruleId: 'H1' });
  const rule = findRule('H1')!;
  const facts = await gathererOf(rule.factsKind)!.gather(deps.db.db, { prefix, year });
  return { result: rule.evaluate(facts, cfg, { year }), facts, pack };
}
