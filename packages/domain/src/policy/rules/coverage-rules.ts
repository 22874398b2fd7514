import { yuanText } from '../../calculators/amount-text.ts';
import { evaluateSubjects, numberParam, stringListParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';
import { businessNetFen, incomeFell, incomeFenOf, type CoverageFacts } from './coverage-facts.ts';

export * from './coverage-facts.ts';

/**
 * 三有一持续 (003 §一(二)1–4) and the industry-chain income target (000 §三), judged on {@link CoverageFacts}: one row per
 * 脱贫户 / 监测户 of the registry. H2, H3 and H5 judge households; H6 aggregates them per village.
 *
 * Definitions (the seeds do not define the words; these are ours, from the records the platform keeps):
 * - 产业支撑/产业项目 (H3): a 产业 support measure in force in the year, or a beneficiary of a 产业发展 project that is
 *   funded or further along, or a 联农带农 linkage of the year.
 * - 从产业链中获得稳定收入 (H2, 000 §三 "从产业链中获得稳定收入"): income from an industry chain in the year — money from a
 *   联农带农 linkage of the year, or 生产经营性净收入 > 0 with 产业支撑 (a 产业 measure or project) — and, "稳定", the
 *   household's per-capita income is not below the year before (where both years are recorded).
 * - 增收渠道 (H5, 003 §一(二)3 "户户有增收渠道、家家有稳定收入"): a member in work, a 公益性岗位, a linkage, an industry
 *   project or measure, or 工资性/生产经营性/财产性 income in the year; a household without labour may rely on 转移性收入
 *   (政策兜底, 003 §三 "社会保障+政策兜底"). 稳定收入: the year's income is recorded and its per-capita figure is not below
 *   the year before.
 */

/** The household rules apply to the pack's household types (params.householdTypes: lifted, monitored). */
function appliesTo(config: RuleConfig): (f: CoverageFacts) => boolean {
  const types = new Set(stringListParam(config, 'householdTypes'));
  return (f) => types.has(f.householdType) || (f.isLifted && types.has('lifted'));
}

const householdKey = (f: CoverageFacts) => ({ key: String(f.householdId), regionCode: f.regionCode });

/** The year's 产业 support (H3): which of measure, project, linkage the household has. */
function industrySupport(f: CoverageFacts): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  if (f.measureCategories.includes('industry')) {
    zh.push('产业帮扶措施');
    en.push('industry measure');
  }
  if (f.industryProjects > 0) {
    zh.push(`产业项目 ${f.industryProjects} 个`);
    en.push(`${f.industryProjects} industry project(s)`);
  }
  if (f.linkages > 0) {
    zh.push(`联农带农 ${f.linkages} 项`);
    en.push(`${f.linkages} linkage(s)`);
  }
  return { zh, en };
}

type Words = { zh: string; en: string };
const NO_WORDS: Words = { zh: '', en: '' };

/** Appends one item to a list in words, 、 between Chinese items and a comma between English ones. */
function addWords(w: Words, zh: string, en: string): void {
  w.zh = w.zh ? `${w.zh}、${zh}` : zh;
  w.en = w.en ? `${w.en}, ${en}` : en;
}

/** The per-capita change against the year before ({@link incomeFell}), in words (both recorded), else ''. */
function changeWords(c: ReturnType<typeof incomeFell>): Words {
  if (c.curFen === null || c.prevFen === null) return NO_WORDS;
  // each figure printed once for both languages: this runs for every household of H2 and H5
  const cur = yuanText(c.curFen);
  const prev = yuanText(c.prevFen);
  return { zh: `人均纯收入 ${cur} 元（上年 ${prev} 元）`, en: `per-capita income ${cur} yuan (last year ${prev})` };
}

/** Groups of the household rules' failing subjects (drill-down by reason). */
export const COVERAGE_GROUPS = {
  no_industry: { labelZh: '无产业项目或联农带农', labelEn: 'no industry project or linkage' },
  labour_unknown: { labelZh: '劳动能力未采集', labelEn: 'labour capacity not recorded' },
  no_chain_income: { labelZh: '无产业链收入', labelEn: 'no industry-chain income' },
  no_channel: { labelZh: '无稳定增收渠道', labelEn: 'no income channel' },
  income_missing: { labelZh: '本年度收入未录入', labelEn: 'income of the year not recorded' },
  income_fell: { labelZh: '收入较上年下降', labelEn: 'income fell from last year' },
  local_missing: { labelZh: '未录入当地农民收入', labelEn: 'local farmers’ income not entered' },
  growth_below: { labelZh: '增速不高于当地农民', labelEn: 'growth not above local farmers' },
} as const;

/** What H2, H3 and H5 share: household subjects of the coverage facts, read by their coverage, the pack's household types. */
const HOUSEHOLD_RULE = {
  factsKind: 'coverage',
  subjectLevel: 'record',
  unit: 'share',
  groups: COVERAGE_GROUPS,
  factsFilter: (config: RuleConfig) => ({ householdTypes: stringListParam(config, 'householdTypes') }),
} as const;

const fail = (groupCode: keyof typeof COVERAGE_GROUPS, reasonZh: string, reasonEn: string): SubjectOutcome => ({ met: false, groupCode, reasonZh, reasonEn });

/**
 * H3 — 003 §一(二)1 "有劳动能力、具备产业发展条件的脱贫户和监测户，户户有产业支撑、户户有产业项目". Applies to households of
 * params.householdTypes with a member of params.laborCapacities (具备产业发展条件 is not recorded: every such household
 * counts); a household whose members' labour is not recorded is counted as failing (group labour_unknown) unless it
 * has support. Met: an industry measure, project or linkage in the year.
 */
export const H3_RULE: RuleDefinition<CoverageFacts> = {
  id: 'H3',
  titleZh: '有劳动能力的脱贫户、监测户户户有产业项目',
  titleEn: 'Every lifted/monitored household with labour has an industry project',
  ...HOUSEHOLD_RULE,
  evaluate(facts, config): RuleResult {
    const applies = appliesTo(config);
    const labour = new Set(stringListParam(config, 'laborCapacities'));
    const min = numberParam(config, 'minCoverage');
    return evaluateSubjects(
      facts,
      config,
      householdKey,
      (f): SubjectOutcome => {
        if (!applies(f)) return 'not_applicable';
        const capable = f.laborCapacities.some((c) => labour.has(c));
        if (!capable && f.unrecordedLabour === 0) return 'not_applicable';
        const s = industrySupport(f);
        if (s.zh.length) return { met: true, reasonZh: `有产业支撑：${s.zh.join('、')}`, reasonEn: `industry support: ${s.en.join(', ')}` };
        if (!capable)
          return fail(
            'labour_unknown',
            `劳动能力未采集（${f.unrecordedLabour} 名成员），且无产业项目或联农带农`,
            `labour not recorded for ${f.unrecordedLabour} member(s), and no industry project or linkage`,
          );
        return fail(
          'no_industry',
          '有劳动能力，无产业项目或联农带农（本年度无产业帮扶措施、产业项目受益、联农带农）',
          'labour capacity, but no industry measure, project or linkage this year',
        );
      },
      { minCoverage: min, threshold: min },
    );
  },
};

/**
 * The share H2 asks for in a year: the latest milestone at or before it (000 §三 "到2023年…85%以上…到2025年…95%以上":
 * params.minCoverageByYear 2023 → 0.85, 2025 → 0.95, so 2024 keeps 0.85 and 2026 0.95); undefined = a year before the
 * first milestone (no target yet).
 */
export function h2TargetOf(config: RuleConfig, year: number): number | undefined {
  const byYear = (config.params.minCoverageByYear as Record<string, unknown> | undefined) ?? {};
  let best: { year: number; share: number } | undefined;
  for (const [k, v] of Object.entries(byYear)) {
    const y = Number(k);
    if (!Number.isInteger(y) || y > year || typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (!best || y > best.year) best = { year: y, share: v };
  }
  return best?.share;
}

/**
 * H2 — 000 §三 "到 2023 年……85%以上的脱贫户和监测户从产业链中获得稳定收入；到 2025 年……95%以上". Every household of
 * params.householdTypes is counted; met with industry-chain income in the year (linkage money, or business net income
 * with an industry measure or project) and a per-capita income not below the year before. The year's share must
 * reach the latest milestone of params.minCoverageByYear at or before the year ({@link h2TargetOf}); a year before the
 * first milestone is not judged.
 */
export const H2_RULE: RuleDefinition<CoverageFacts> = {
  id: 'H2',
  titleZh: '脱贫户和监测户从产业链中获得稳定收入的比例',
  titleEn: 'Share of lifted + monitored households with stable industry-chain income',
  ...HOUSEHOLD_RULE,
  evaluate(facts, config, { year }): RuleResult {
    const target = h2TargetOf(config, year);
    if (target === undefined)
      return { ruleId: config.ruleId, clause: config.clause, status: 'not_applicable', total: 0, met: 0, value: null, threshold: null, failing: [], records: [] };
    const applies = appliesTo(config);
    return evaluateSubjects(
      facts,
      config,
      householdKey,
      (f): SubjectOutcome => {
        if (!applies(f)) return 'not_applicable';
        const business = businessNetFen(f.income);
        const supported = f.measureCategories.includes('industry') || f.industryProjects > 0;
        const zh: string[] = [];
        const en: string[] = [];
        if (f.linkageIncomeFen > 0) {
          zh.push(`联农带农收益 ${yuanText(f.linkageIncomeFen)} 元`);
          en.push(`linkage income ${yuanText(f.linkageIncomeFen)} yuan`);
        }
        if (business > 0 && supported) {
          zh.push(`产业经营净收入 ${yuanText(business)} 元`);
          en.push(`industry business net income ${yuanText(business)} yuan`);
        }
        const change = incomeFell(f);
        const ch = changeWords(change);
        if (!zh.length) {
          const why = f.linkages > 0 ? '有联农带农但本年度未获收益' : supported ? '有产业项目或措施但无生产经营性净收入' : '无联农带农收益、无产业项目经营收入';
          const whyEn =
            f.linkages > 0
              ? 'a linkage but no money from it this year'
              : supported
                ? 'industry support but no business net income'
                : 'no linkage income and no industry business income';
          return fail('no_chain_income', `无产业链收入：${why}`, `no industry-chain income: ${whyEn}`);
        }
        if (change.fell)
          return fail('income_fell', `有产业链收入（${zh.join('、')}），但收入较上年下降：${ch.zh}`, `industry-chain income (${en.join(', ')}) but income fell: ${ch.en}`);
        return {
          met: true,
          reasonZh: `从产业链中获得收入：${zh.join('、')}${ch.zh ? `；${ch.zh}` : ''}`,
          reasonEn: `industry-chain income: ${en.join(', ')}${ch.en ? `; ${ch.en}` : ''}`,
        };
      },
      { minCoverage: target, threshold: target },
    );
  },
};

/**
 * H5 — 003 §一(二)3 "全区所有脱贫户和监测户，户户有增收渠道、家家有稳定收入". Every household of params.householdTypes;
 * met with an income channel (see the definitions above) and the year's income recorded and not below the year before.
 */
export const H5_RULE: RuleDefinition<CoverageFacts> = {
  id: 'H5',
  titleZh: '脱贫户、监测户家家有增收渠道和稳定收入',
  titleEn: 'Every lifted/monitored household has an income channel and stable income',
  ...HOUSEHOLD_RULE,
  evaluate(facts, config): RuleResult {
    const applies = appliesTo(config);
    const labour = new Set(stringListParam(config, 'laborCapacities'));
    const min = numberParam(config, 'minCoverage');
    return evaluateSubjects(
      facts,
      config,
      householdKey,
      (f): SubjectOutcome => {
        if (!applies(f)) return 'not_applicable';
        const i = f.income;
        // the channels in words, joined as they are found (no array nor closure per household: a county's households)
        const w: Words = { zh: '', en: '' };
        if (f.workers > 0) addWords(w, `务工就业 ${f.workers} 人`, `${f.workers} member(s) in work`);
        if (f.publicPost) addWords(w, '公益性岗位', 'public-welfare post');
        if (f.linkages > 0) addWords(w, '联农带农', 'linkage');
        if (f.industryProjects > 0 || f.measureCategories.includes('industry')) addWords(w, '产业项目', 'industry project');
        if (i && (i.wage > 0 || i.property > 0) && !w.zh) addWords(w, i.wage > 0 ? '工资性收入' : '财产性收入', i.wage > 0 ? 'wage income' : 'property income');
        if (!w.zh && businessNetFen(i) > 0) addWords(w, '生产经营性收入', 'business income');
        if (!w.zh && i && i.transfer > 0 && !f.laborCapacities.some((c) => labour.has(c))) addWords(w, '政策兜底（转移性收入）', 'social security (transfer income)');
        if (!w.zh)
          return fail(
            'no_channel',
            '无稳定增收渠道：无务工就业、公益性岗位、联农带农、产业项目或经营收入',
            'no income channel: no job, public post, linkage, industry project or business income',
          );
        const { zh, en } = w;
        if (!incomeFenOf(i))
          return fail('income_missing', `有增收渠道（${zh}），本年度收入未录入，无法判断是否稳定`, `income channel (${en}), but the year's income is not recorded`);
        const change = incomeFell(f);
        const ch = changeWords(change);
        if (change.fell) return fail('income_fell', `有增收渠道（${zh}），收入较上年下降：${ch.zh}`, `income channel (${en}), income fell: ${ch.en}`);
        return { met: true, reasonZh: `增收渠道：${zh}${ch.zh ? `；${ch.zh}` : ''}`, reasonEn: `income channels: ${en}${ch.en ? `; ${ch.en}` : ''}` };
      },
      { minCoverage: min, threshold: min },
    );
  },
};

import { H6_RULE } from './coverage-h6.ts';

export { H6_RULE, incomeGrowth, villageGrowths, type VillageGrowth } from './coverage-h6.ts';

/** The 三有一持续 rules of facts kind `coverage`, collected by rule-registry.ts. */
export const COVERAGE_RULES: readonly RuleDefinition<never>[] = [H2_RULE, H3_RULE, H5_RULE, H6_RULE] as unknown as readonly RuleDefinition<never>[];
