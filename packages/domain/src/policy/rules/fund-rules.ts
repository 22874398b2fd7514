import { z } from 'zod';
import { MoneySchema } from '../../api/common.schemas.ts';
import { fenToYuan, sumFen, yuanToFen } from '../../money/money.ts';
import { evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleContext, RuleDefinition, RuleResult, RuleSandbox } from '../policy.types.ts';
import { P2_RULE, P5_RULE } from './fund-library-rules.ts';
import {
  atLeast,
  baselineParam,
  emptyFundYear,
  flagParam,
  greaterThan,
  moneyWords,
  optionalNumberParam,
  pct,
  pctThreshold,
  ratioOf,
  shareValue,
  yearOf,
  type FenRatio,
  type FundFacts,
  type FundYear,
} from './fund-shares.ts';

export * from './fund-shares.ts';
export { P2_RULE, P5_RULE } from './fund-library-rules.ts';

/** True when the config applies in `year` (no `years` = every year); local, as rule-registry.ts imports this file. */
function isRuleInForce(config: RuleConfig, year: number): boolean {
  return !config.years || config.years.length === 0 || config.years.includes(year);
}

/** A rule over a not-in-force year or without applicable subjects. */
function notApplicable(config: RuleConfig): RuleResult {
  return { ruleId: config.ruleId, clause: config.clause, status: 'not_applicable', total: 0, met: 0, value: null, threshold: null, failing: [], records: [] };
}

/** Words of one share check: what the part is (zh/en) and what it is a share of. */
export type ShareWords = { partZh: string; partEn: string; wholeZh: string; wholeEn: string };

/**
 * Judges part ÷ whole of one year ≥ minShare and, when `mustRise`, above the previous year's share; the reason
 * names the amount, the share, the threshold and last year's share ("2023 年衔接资金用于产业发展 540 万元，占衔接资金
 * 54.0%，低于 55%；且未高于上年 56.0%"). No money in the year → not applicable; no last year → rising not judged (said).
 */
export function judgeShare(f: FundFacts, year: number, pick: (y: FundYear) => { part: number; whole: number }, minShare: number, mustRise: boolean, w: ShareWords): SubjectOutcome {
  const y = yearOf(f, year);
  if (!y) return 'not_applicable';
  const { part, whole } = pick(y);
  const r = ratioOf(part, whole);
  if (!r) return 'not_applicable';
  const share = shareValue(r);
  const m = moneyWords(part);
  const okShare = atLeast(r, minShare);
  let zh = `${year} 年${w.partZh} ${m.zh}，占${w.wholeZh} ${pct(share)}，${okShare ? '不低于' : '低于'} ${pctThreshold(minShare)}`;
  let en = `${year}: ${w.partEn} ${m.en}, ${pct(share)} of ${w.wholeEn}, ${okShare ? 'at or above' : 'below'} ${pctThreshold(minShare)}`;
  let okRise = true;
  if (mustRise) {
    const prevYear = yearOf(f, year - 1);
    const prev = prevYear ? ratioOf(pick(prevYear).part, pick(prevYear).whole) : null;
    if (!prev) {
      zh += `；无 ${year - 1} 年数据，未判断逐年提升`;
      en += `; no ${year - 1} figures, rising not judged`;
    } else {
      okRise = greaterThan(r, prev);
      zh += okRise ? `；高于上年 ${pct(shareValue(prev))}` : `；${okShare ? '但' : '且'}未高于上年 ${pct(shareValue(prev))}`;
      en += okRise ? `; above last year's ${pct(shareValue(prev))}` : `; not above last year's ${pct(shareValue(prev))}`;
    }
  }
  return { met: okShare && okRise, value: share, threshold: minShare, reasonZh: zh, reasonEn: en };
}

const YearMoneySchema = z.object({
  linkageFundYuan: MoneySchema.describe('衔接资金 of the year, 元 (for F2: the industry-project money the share is of)'),
  industryYuan: MoneySchema.describe('of it for industry, 元 (for F2: the specialty-industry money)'),
  leadingChainYuan: MoneySchema.optional().describe('of the industry money, to the full chains of leading industries (F4), 元'),
});

/** The sandbox shape of F1–F4: `{ years: { "2022": { linkageFundYuan, industryYuan, leadingChainYuan? } } }`. */
export const FundSandboxSchema = z
  .object({ years: z.record(z.string().regex(/^\d{4}$/), YearMoneySchema).describe('money by year ("2022": {…}); earlier years judge "rising"') })
  .describe('衔接资金 by year (F1–F4 sandbox)');
type FundSandboxInput = z.infer<typeof FundSandboxSchema>;

/** A sandbox of F1–F4: the shape mapped onto the rule's facts of one county. */
function fundSandbox(map: (y: FundSandboxInput['years'][string]) => Partial<FundYear>): RuleSandbox<FundFacts> {
  return {
    schema: FundSandboxSchema,
    example: {
      years: { '2022': { linkageFundYuan: 10_000_000, industryYuan: 5_600_000, leadingChainYuan: 3_000_000 }, '2023': { linkageFundYuan: 10_000_000, industryYuan: 5_400_000 } },
    },
    toFacts(input: unknown): FundFacts {
      const parsed = FundSandboxSchema.parse(input);
      const years = Object.fromEntries(Object.entries(parsed.years).map(([k, v]) => [k, { ...emptyFundYear(), ...map(v) }]));
      return { regionCode: 'sandbox', level: 'county', years, leadingIndustries: 0 };
    },
  };
}

const county = (f: FundFacts) => ({ key: f.regionCode, regionCode: f.regionCode });

/** A county-level share rule (F1, F2, F3): one subject per county fact, the pack's minShare and mustRise; part and words may read the config. */
function countyShareRule(
  id: string,
  titleZh: string,
  titleEn: string,
  pick: (y: FundYear, config: RuleConfig) => { part: number; whole: number },
  words: ShareWords | ((config: RuleConfig) => ShareWords),
  sandboxMap: (y: FundSandboxInput['years'][string]) => Partial<FundYear>,
): RuleDefinition<FundFacts> {
  return {
    id,
    titleZh,
    titleEn,
    factsKind: 'fund',
    subjectLevel: 'county',
    unit: 'share',
    evaluate(facts: FundFacts[], config: RuleConfig, ctx: RuleContext): RuleResult {
      if (!isRuleInForce(config, ctx.year)) return notApplicable(config);
      const minShare = numberParam(config, 'minShare');
      const mustRise = flagParam(config, 'mustRise');
      return evaluateSubjects(
        facts.filter((f) => f.level === 'county'),
        config,
        county,
        (f) => judgeShare(f, ctx.year, (y) => pick(y, config), minShare, mustRise, typeof words === 'function' ? words(config) : words),
        { threshold: minShare },
      );
    },
    sandbox: fundSandbox(sandboxMap),
  };
}

/**
 * F1 — 衔接资金用于产业发展占比 ≥ minShare (55 %) and rising every year (`mustRise`).
 * 000 §五(二) "衔接乡村振兴补助资金 55% 以上要重点投向产业发展，并且逐年提升占比". Params: minShare, mustRise.
 */
export const F1_RULE = countyShareRule(
  'F1',
  '衔接资金用于产业发展占比不低于阈值且逐年提升',
  'Share of linkage funds for industry ≥ threshold, rising yearly',
  (y) => ({ part: y.industryYuan, whole: y.linkageFundYuan }),
  { partZh: '衔接资金用于产业发展', partEn: 'linkage funds for industry', wholeZh: '衔接资金', wholeEn: 'linkage funds' },
  (y) => ({ linkageFundYuan: y.linkageFundYuan, industryYuan: y.industryYuan, leadingChainYuan: y.leadingChainYuan ?? 0 }),
);

/**
 * F2's numerator in 元 (added in 分): the specialty projects' money plus, unless the pack sets
 * `includeSupportingFacilities: false`, the 配套设施 projects that serve a specialty industry without being flagged
 * 特色 themselves. 001 §二(一)2 "财政衔接资金投入特色产业资金总量（含水电路网等配套设施）占当年投入产业项目资金总量不少于
 * 50% 且高于上年": the 水电路网 built for a specialty industry is specialty-industry money (see FundYear.specialtySupportYuan).
 */
function f2Part(y: FundYear, config: RuleConfig): number {
  if (!f2WithSupports(config)) return y.specialtyYuan;
  return fenToYuan(sumFen([yuanToFen(y.specialtyYuan, 'specialtyYuan'), yuanToFen(y.specialtySupportYuan, 'specialtySupportYuan')]));
}

/** F2 counts 配套设施 unless the pack says `includeSupportingFacilities: false` (001 §二(一)2 says 含). */
const f2WithSupports = (config: RuleConfig): boolean => config.params.includeSupportingFacilities !== false;

/**
 * F2 — 特色产业资金（含水电路网等配套设施）占当年投入产业项目资金总量 ≥ minShare (50 %) and above last year.
 * 001 §二(一)2. Params: minShare, mustRise, includeSupportingFacilities (absent = true, as the clause says 含: a
 * 配套设施 project linked to a specialty industry counts; false leaves those out and says 不含 in the reason).
 * Sandbox: `industryYuan` = specialty money (its supports included), `linkageFundYuan` = industry-project money.
 */
export const F2_RULE = countyShareRule(
  'F2',
  '特色产业资金（含配套）占产业项目资金比例不低于阈值且高于上年',
  'Specialty-industry funds ≥ threshold of industry project funds and above last year',
  (y, config) => ({ part: f2Part(y, config), whole: y.industryProjectYuan }),
  (config) => {
    const withSupports = f2WithSupports(config);
    return {
      partZh: `投入特色产业资金（${withSupports ? '含' : '不含'}配套设施）`,
      partEn: `specialty-industry funds (${withSupports ? 'incl.' : 'excl.'} supporting facilities)`,
      wholeZh: '产业项目资金',
      wholeEn: 'industry project funds',
    };
  },
  (y) => ({ industryProjectYuan: y.linkageFundYuan, specialtyYuan: y.industryYuan, industryYuan: y.linkageFundYuan }),
);

/**
 * F3 — 市级安排到县衔接资金用于产业发展比例 ≥ minShare (60 %). 002 §二(四)1. Params: minShare, scope
 * ('city_to_county': the county's city-level 衔接资金). Sandbox: the money given is the city-level money.
 */
export const F3_RULE = countyShareRule(
  'F3',
  '市级安排到县衔接资金用于产业发展比例不低于阈值',
  'City linkage funds allocated to the county: industry share ≥ threshold',
  (y) => ({ part: y.cityIndustryYuan, whole: y.cityLinkageFundYuan }),
  { partZh: '市级安排到县衔接资金用于产业发展', partEn: 'city-level linkage funds for industry', wholeZh: '市级衔接资金', wholeEn: 'city-level linkage funds' },
  (y) => ({ cityLinkageFundYuan: y.linkageFundYuan, cityIndustryYuan: y.industryYuan, linkageFundYuan: y.linkageFundYuan, industryYuan: y.industryYuan }),
);

/** F4's judgement of one county: industry share, leading-chain share of the industry money, the baseline in words. */
function judgeF4(f: FundFacts, year: number, config: RuleConfig): SubjectOutcome {
  const minShare = numberParam(config, 'minShare');
  const minChain = optionalNumberParam(config, 'minLeadingChainShareOfIndustryFunds');
  const first = judgeShare(f, year, (y) => ({ part: y.industryYuan, whole: y.linkageFundYuan }), minShare, false, {
    partZh: '衔接资金用于产业发展',
    partEn: 'linkage funds for industry',
    wholeZh: '衔接资金',
    wholeEn: 'linkage funds',
  });
  if (first === 'not_applicable') return first;
  let met = first.met;
  let zh = first.reasonZh;
  let en = first.reasonEn;
  const y = yearOf(f, year) as FundYear;
  const base = baselineParam(config);
  if (base && base.year < year) {
    const prev = yearOf(f, base.year);
    const prevR: FenRatio | null = prev ? ratioOf(prev.industryYuan, prev.linkageFundYuan) : null;
    const prevShare = prevR ? shareValue(prevR) : base.share;
    zh += `（${base.year} 年为 ${pct(prevShare)}）`;
    en += ` (${base.year}: ${pct(prevShare)})`;
  }
  if (minChain !== undefined) {
    const r = ratioOf(y.leadingChainYuan, y.industryYuan);
    const ok = r !== null && atLeast(r, minChain);
    const m = moneyWords(y.leadingChainYuan);
    zh += `；用于特色主导产业全链条 ${m.zh}，占产业投入 ${r ? pct(shareValue(r)) : '—'}，${ok ? '不低于' : '低于'} ${pctThreshold(minChain)}`;
    en += `; leading-industry full chains ${m.en}, ${r ? pct(shareValue(r)) : '—'} of industry funds, ${ok ? 'at or above' : 'below'} ${pctThreshold(minChain)}`;
    met = met && ok;
  }
  return { ...first, met, reasonZh: zh, reasonEn: en };
}

/**
 * F4 — 衔接资金用于产业发展占比 ≥ minShare (65 % in 2024) and 用于特色主导产业全链条发展的资金 ≥
 * minLeadingChainShareOfIndustryFunds (50 %) of the industry money. 004 §二 (2023: 6.83 亿元, 67.4 %; 2024 保持在
 * 65% 以上), §三. A pack's `baseline {year, share}` (2023, 0.674) is named in the reason when the facts lack that year.
 */
export const F4_RULE: RuleDefinition<FundFacts> = {
  id: 'F4',
  titleZh: '衔接资金产业占比及主导产业全链条资金占比',
  titleEn: 'Linkage-fund industry share and leading-chain share of industry funds',
  factsKind: 'fund',
  subjectLevel: 'county',
  unit: 'share',
  evaluate(facts: FundFacts[], config: RuleConfig, ctx: RuleContext): RuleResult {
    if (!isRuleInForce(config, ctx.year)) return notApplicable(config);
    const threshold = numberParam(config, 'minShare');
    return evaluateSubjects(
      facts.filter((f) => f.level === 'county'),
      config,
      county,
      (f) => judgeF4(f, ctx.year, config),
      { threshold },
    );
  },
  sandbox: fundSandbox((y) => ({ linkageFundYuan: y.linkageFundYuan, industryYuan: y.industryYuan, leadingChainYuan: y.leadingChainYuan ?? 0 })),
};

/** The years F5's amount applies to: params.minAmountYear, else params.amountYears, else the config's `years`, else 2022 (003 §二(一)). */
function f5AmountYears(config: RuleConfig): number[] {
  const one = optionalNumberParam(config, 'minAmountYear');
  if (one !== undefined) return [one];
  const v = config.params.amountYears;
  if (Array.isArray(v)) return v.filter((x): x is number => typeof x === 'number');
  return config.years && config.years.length > 0 ? config.years : [2022];
}

/** F5's judgement of one township in `year`: the planned industry amount (amount years) and the rising share. */
function judgeF5(f: FundFacts, year: number, config: RuleConfig): SubjectOutcome {
  const minYuan = optionalNumberParam(config, 'minAmountYuanPerTownship') ?? optionalNumberParam(config, 'minAmountYuan');
  const mustRise = flagParam(config, 'shareMustRise') || flagParam(config, 'mustRise');
  const y = yearOf(f, year) ?? emptyFundYear();
  const amountYear = minYuan !== undefined && f5AmountYears(config).includes(year);
  const r = ratioOf(y.plannedIndustryYuan, y.plannedTotalYuan);
  const prevY = yearOf(f, year - 1);
  const prev = prevY ? ratioOf(prevY.plannedIndustryYuan, prevY.plannedTotalYuan) : null;
  if (!amountYear && (!mustRise || !r || !prev)) return 'not_applicable';
  const parts: string[] = [];
  const partsEn: string[] = [];
  let met = true;
  if (amountYear) {
    const vsMin = ratioOf(y.plannedIndustryYuan, minYuan as number);
    const ok = vsMin === null || atLeast(vsMin, 1);
    const m = moneyWords(y.plannedIndustryYuan);
    const t = moneyWords(minYuan as number);
    parts.push(`${year} 年谋划产业项目 ${m.zh}，${ok ? '不低于' : '低于'} ${t.zh}`);
    partsEn.push(`${year}: industry projects planned ${m.en}, ${ok ? 'at or above' : 'below'} ${t.en}`);
    met = ok;
  }
  if (mustRise && r && prev) {
    const ok = greaterThan(r, prev);
    parts.push(`产业项目占谋划项目 ${pct(shareValue(r))}，${ok ? '高于' : '未高于'}上年 ${pct(shareValue(prev))}`);
    partsEn.push(`industry share of planned projects ${pct(shareValue(r))}, ${ok ? 'above' : 'not above'} last year's ${pct(shareValue(prev))}`);
    met = met && ok;
  }
  return { met, value: r ? shareValue(r) : null, reasonZh: parts.join('；'), reasonEn: partsEn.join('; ') };
}

const F5SandboxSchema = z
  .object({
    years: z
      .record(
        z.string().regex(/^\d{4}$/),
        z.object({
          plannedIndustryYuan: MoneySchema.describe('industry projects the township plans that year, 元'),
          plannedTotalYuan: MoneySchema.describe('all projects it plans that year, 元'),
        }),
      )
      .describe('one township’s planned projects by year'),
  })
  .describe('F5 sandbox: one township');

/**
 * F5 — 每个镇办 2022 年谋划产业项目不低于 1000 万元，并在过渡期内逐年提高产业占比. 003 §二(一). Subjects: townships.
 * Params: minAmountYuanPerTownship (元), mustRise / shareMustRise; the amount applies in the config's `years` (2022).
 * Sandbox: `{ years: { "2022": { plannedIndustryYuan, plannedTotalYuan } } }`.
 */
export const F5_RULE: RuleDefinition<FundFacts> = {
  id: 'F5',
  titleZh: '每个乡镇谋划产业项目资金不低于阈值且逐年提升',
  titleEn: 'Each township plans industry projects ≥ amount, rising yearly',
  factsKind: 'fund',
  subjectLevel: 'township',
  unit: 'share', // the industry share of the planned projects (rising)
  thresholdUnit: 'yuan', // the planned industry amount of the amount year (≥ 1000 万元)
  evaluate(facts: FundFacts[], config: RuleConfig, ctx: RuleContext): RuleResult {
    if (!isRuleInForce(config, ctx.year)) return notApplicable(config);
    const threshold = optionalNumberParam(config, 'minAmountYuanPerTownship') ?? null;
    return evaluateSubjects(
      facts.filter((f) => f.level === 'township'),
      config,
      (f) => ({ key: f.regionCode, regionCode: f.regionCode }),
      (f) => judgeF5(f, ctx.year, config),
      { threshold },
    );
  },
  sandbox: {
    schema: F5SandboxSchema,
    example: { years: { '2022': { plannedIndustryYuan: 12_000_000, plannedTotalYuan: 20_000_000 }, '2023': { plannedIndustryYuan: 13_000_000, plannedTotalYuan: 20_000_000 } } },
    toFacts(input: unknown): FundFacts {
      const parsed = F5SandboxSchema.parse(input);
      const years = Object.fromEntries(Object.entries(parsed.years).map(([k, v]) => [k, { ...emptyFundYear(), ...v }]));
      return { regionCode: 'sandbox', level: 'township', years, leadingIndustries: 0 };
    },
  },
};

/** F1–F5, P2, P5 (the 'fund' facts kind), registered in rule-registry.ts. */
export const FUND_RULES: RuleDefinition<never>[] = [F1_RULE, F2_RULE, F3_RULE, F4_RULE, F5_RULE, P2_RULE, P5_RULE] as RuleDefinition<never>[];
