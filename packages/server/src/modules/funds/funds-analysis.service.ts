import {
  AppError,
  DICT,
  RULES,
  applyFundMove,
  changedRules,
  dictLabelZh,
  fenToYuan,
  formatClause,
  getDictItems,
  shareOf,
  sumFen,
  yuanToFen,
  type FundFacts,
  type FundRuleOutcome,
  type FundsSummary,
  type FundsSummaryQuery,
  type PolicyPack,
  type RuleConfig,
  type RuleResult,
  type Sankey,
  type WhatIfRequest,
  type WhatIfResult,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { FUND_FACT_YEARS_BACK, gatherFundFacts } from './fund-facts.repo.ts';
import * as repo from './funds.repo.ts';
import { assertFundWriter, listPrefix } from './funds.service.ts';

/** The rules the funds dashboard shows, in this order (those the county's pack sets). */
export const FUND_RULE_IDS = ['F1', 'F2', 'F3', 'F4', 'F5', 'P2', 'P5'] as const;

/** The judged year: the one asked for, else this calendar year. */
const yearOf = (q: { year?: number | undefined }) => q.year ?? new Date().getFullYear();

const inForce = (c: RuleConfig, year: number) => !c.years || c.years.length === 0 || c.years.includes(year);

/** A rule result as the dashboard shows it: title, clause with 文号, figures and each subject's reason. */
function toOutcome(pack: PolicyPack, cfg: RuleConfig, r: RuleResult, year: number): FundRuleOutcome {
  const def = RULES[cfg.ruleId];
  return {
    ruleId: cfg.ruleId,
    titleZh: def?.titleZh ?? cfg.ruleId,
    titleEn: def?.titleEn ?? cfg.ruleId,
    clause: cfg.clause,
    clauseText: formatClause(pack, cfg.clause),
    inForce: inForce(cfg, year),
    status: r.status,
    value: r.value,
    threshold: r.threshold,
    met: r.met,
    total: r.total,
    reasons: (r.records ?? []).map((x) => ({ regionCode: x.regionCode, met: x.met, reasonZh: x.reasonZh ?? '', reasonEn: x.reasonEn ?? '' })),
  };
}

/** Evaluates the pack's F1–F5, P2, P5 on the facts (the domain rules directly; nothing stored). */
export function evaluateFundRules(pack: PolicyPack, facts: FundFacts[], year: number): FundRuleOutcome[] {
  const out: FundRuleOutcome[] = [];
  for (const id of FUND_RULE_IDS) {
    const cfg = pack.rules.find((r) => r.ruleId === id);
    const def = RULES[id];
    if (!cfg || !def) continue;
    out.push(toOutcome(pack, cfg, def.evaluate(facts, cfg, { year }), year));
  }
  return out;
}

type Context = { prefix: string; regionCode: string; regionName: string; pack: PolicyPack; facts: FundFacts[] };

/** The region read (clamped to the actor's scope), its county's pack and the gathered facts. */
async function load(db: Conn, actor: Actor, regionCode: string | undefined, year: number): Promise<Context> {
  const prefix = await listPrefix(db, actor, regionCode);
  const code = prefix.padEnd(12, '0');
  const [region, { pack }, facts] = await Promise.all([findRegion(db, code), getActivePack(db, countyCodeOf(code)), gatherFundFacts(db, { prefix, year })]);
  return { prefix, regionCode: code, regionName: region?.name ?? code, pack, facts };
}

/**
 * The funds dashboard of a county and year: per year (the judged one and the 4 before it) the 衔接资金 received,
 * allocated by project type, industry / specialty / leading-chain money and shares (exact to the 分 and the 4th
 * decimal), and the pack's F/P2/P5 results.
 */
export async function getSummary(deps: Deps, actor: Actor, query: FundsSummaryQuery): Promise<FundsSummary> {
  const db = deps.db.db;
  const q = { regionCode: query.regionCode, year: yearOf(query) };
  const ctx = await load(db, actor, q.regionCode, q.year);
  const county = ctx.facts.find((f) => f.level === 'county');
  const byType = await repo.allocatedByType(db, ctx.prefix, q.year - FUND_FACT_YEARS_BACK, q.year);
  const years = [];
  for (let y = q.year - FUND_FACT_YEARS_BACK; y <= q.year; y++) {
    const m = county?.years[String(y)];
    if (!m) continue;
    const types = byType.filter((r) => Number(r.year) === y).map((r) => ({ projectType: r.project_type, amountYuan: fenToYuan(Number(r.fen)) }));
    // F2's specialty money: flagged specialty projects and the 配套设施 serving specialty industries (001 §二(一)2 含配套设施)
    const specialtyYuan = fenToYuan(sumFen([yuanToFen(m.specialtyYuan), yuanToFen(m.specialtySupportYuan)]));
    years.push({
      year: y,
      linkageFundYuan: m.linkageFundYuan,
      allocatedYuan: fenToYuan(types.reduce((s, t) => s + yuanToFen(t.amountYuan), 0)),
      byProjectType: types,
      industryYuan: m.industryYuan,
      specialtyYuan,
      leadingChainYuan: m.leadingChainYuan,
      industryProjectYuan: m.industryProjectYuan,
      industryShare: shareOf(m.industryYuan, m.linkageFundYuan),
      specialtyShare: shareOf(specialtyYuan, m.industryProjectYuan),
      leadingChainShare: shareOf(m.leadingChainYuan, m.industryYuan),
      libraryIndustryYuan: m.libraryIndustryYuan,
      librarySpecialtyYuan: m.librarySpecialtyYuan,
      librarySpecialtyShare: shareOf(m.librarySpecialtyYuan, m.libraryIndustryYuan),
    });
  }
  return {
    regionCode: ctx.regionCode,
    regionName: ctx.regionName,
    year: q.year,
    packId: ctx.pack.id,
    packNameZh: ctx.pack.nameZh,
    leadingIndustries: county?.leadingIndustries ?? 0,
    years,
    rules: evaluateFundRules(ctx.pack, ctx.facts, q.year),
  };
}

/** The fund flow of a year: 衔接资金 by level → project type → industry, values in 元 (node names are officers' words). */
export async function getSankey(deps: Deps, actor: Actor, q: FundsSummaryQuery): Promise<Sankey> {
  const db = deps.db.db;
  const prefix = await listPrefix(db, actor, q.regionCode);
  const rows = await repo.listFlows(db, prefix, yearOf(q));
  const levels = getDictItems(DICT.fundLevel);
  const types = getDictItems(DICT.projectType);
  const names = new Set<string>();
  const links = new Map<string, number>();
  const add = (source: string, target: string, fen: number) => {
    names.add(source);
    names.add(target);
    const k = `${source}\u0000${target}`;
    links.set(k, (links.get(k) ?? 0) + fen);
  };
  for (const r of rows) {
    const level = `${dictLabelZh(levels, r.fund_level)}衔接资金`;
    const type = dictLabelZh(types, r.project_type);
    const industry = r.industry_name ? `${r.industry_name}产业` : `${type}（未关联产业）`;
    add(level, type, Number(r.fen));
    add(type, industry, Number(r.fen));
  }
  return {
    nodes: [...names].map((name) => ({ name })),
    links: [...links].map(([k, fen]) => {
      const [source, target] = k.split('\u0000') as [string, string];
      return { source, target, value: fenToYuan(fen) };
    }),
  };
}

/** Library projects of the region that may receive money, with what they got in `year`. */
export async function listFundableProjects(deps: Deps, actor: Actor, q: FundsSummaryQuery) {
  const db = deps.db.db;
  const prefix = await listPrefix(db, actor, q.regionCode);
  const rows = await repo.listFundableProjects(db, prefix, yearOf(q));
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      projectNo: r.project_no,
      name: r.name,
      regionCode: r.region_code,
      projectType: r.project_type,
      isSpecialty: r.is_specialty,
      leadingChain: r.leading_chain,
      industryName: r.industry_name,
      stage: r.stage,
      year: Number(r.year),
      budgetYuan: fenToYuan(Number(r.budget_fen)),
      allocatedYuan: fenToYuan(Number(r.allocated_fen)),
      version: Number(r.version),
    })),
  };
}

const badMove = (i: number, field: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', en, { issues: [{ path: `moves.${i}.${field}`, messageZh: zh, messageEn: en }] });

/**
 * What-if: the pack's F/P2/P5 before and after the draft's moves, applied in memory to the gathered facts (nothing
 * is saved; county roles, who move money). A move takes money out of an allocation (or a project) and gives it to a project; a category move
 * moves money between project types.
 * @throws AppError VALIDATION_FAILED naming the move (unknown or out-of-scope allocation/project, more than allocated)
 */
export async function whatIf(deps: Deps, actor: Actor, req: WhatIfRequest): Promise<WhatIfResult> {
  const db = deps.db.db;
  assertFundWriter(actor);
  const ctx = await load(db, actor, req.regionCode, req.year);
  const before = evaluateFundRules(ctx.pack, ctx.facts, req.year);
  let county = ctx.facts.find((f) => f.level === 'county') ?? { regionCode: ctx.regionCode, level: 'county' as const, years: {}, leadingIndustries: 0 };
  const ids = [...new Set(req.moves.flatMap((m) => [m.fromProjectId, m.toProjectId]).filter((x): x is number => x !== undefined))];
  // only the allocations the moves name (not the year's thousands)
  const allocIds = [...new Set(req.moves.map((m) => m.allocationId).filter((x): x is number => x !== undefined))];
  const allocs = new Map((await repo.listAllocations(db, ctx.prefix, { year: req.year, ids: allocIds })).map((a) => [a.id, a]));
  for (const m of req.moves) if (m.allocationId && allocs.get(m.allocationId)) ids.push(allocs.get(m.allocationId)!.projectId);
  const projects = new Map((ids.length ? await repo.listFundableProjects(db, ctx.prefix, req.year, ids) : []).map((p) => [Number(p.id), p]));
  const tags = (p: repo.FundableProjectRow) => ({
    projectType: p.project_type,
    isSpecialty: p.is_specialty,
    specialtySupport: p.specialty_support === true,
    leadingChain: p.leading_chain,
  });
  req.moves.forEach((m, i) => {
    let from: ReturnType<typeof tags> | null = null;
    let level: string | null = null;
    if (m.allocationId !== undefined) {
      const a = allocs.get(m.allocationId);
      if (!a) throw badMove(i, 'allocationId', '资金安排不存在', 'allocation not found');
      if (yuanToFen(m.amountYuan) > a.amountFen)
        throw badMove(i, 'amountYuan', `调出金额超过该笔安排的 ${fenToYuan(a.amountFen)} 元`, `more than the allocation's ${fenToYuan(a.amountFen)} yuan`);
      if (a.fundKind !== 'linkage' && a.fundKind !== 'other_fiscal') return;
      from = tags(projects.get(a.projectId) as repo.FundableProjectRow);
      level = a.fundLevel;
    } else if (m.fromProjectId !== undefined) {
      const p = projects.get(m.fromProjectId);
      if (!p) throw badMove(i, 'fromProjectId', '项目不存在', 'project not found');
      from = tags(p);
    }
    let to: ReturnType<typeof tags> | null = null;
    if (m.toProjectId !== undefined) {
      const p = projects.get(m.toProjectId);
      if (!p) throw badMove(i, 'toProjectId', '项目不存在', 'project not found');
      if (!['in_library', 'funded', 'implementing'].includes(p.stage))
        throw badMove(i, 'toProjectId', '项目未入库，不得安排资金（先入库后建设）', 'the project is not in the library');
      to = tags(p);
    }
    county = applyFundMove(county, req.year, from, to, m.amountYuan, level);
  });
  for (const c of req.categoryMoves) county = applyFundMove(county, req.year, { projectType: c.fromType }, { projectType: c.toType }, c.amountYuan);
  const facts = [...ctx.facts.filter((f) => f.level !== 'county'), county];
  const after = evaluateFundRules(ctx.pack, facts, req.year);
  const afterAsResults = after.map((o) => ({ ruleId: o.ruleId, status: o.status }) as RuleResult);
  const beforeAsResults = before.map((o) => ({ ruleId: o.ruleId, status: o.status }) as RuleResult);
  return { before, after, changed: changedRules(beforeAsResults, afterAsResults).map((c) => c.ruleId) };
}
