import type { RuleConfig } from './policy.types.ts';

/**
 * A rule's thresholds in words, for the policy page (officers never see parameter keys or JSON). Each key a
 * pack may set (packs/*.pack.ts, common-rules.ts) has its wording here; the wording follows the seed clauses
 * the packs cite (e.g. 002 §二(二)2 for the S1 subsidy rates, 004 §五 for the asset rules).
 */
export type ParamText = { zh: string; en: string };

const pct = (v: unknown) => `${Math.round(Number(v) * 1000) / 10}%`;

/** 10000000 → 1000 万元; 300 → 300 元 */
function yuan(v: unknown): ParamText {
  const n = Number(v);
  if (n >= 10_000 && n % 10_000 === 0) return { zh: `${n / 10_000} 万元`, en: `${n.toLocaleString('en-US')} yuan` };
  return { zh: `${n.toLocaleString('zh-CN')} 元`, en: `${n.toLocaleString('en-US')} yuan` };
}

/** Code values that appear in parameters, in words. */
const VALUE_WORDS: Record<string, [string, string]> = {
  lifted: ['脱贫户', 'lifted households'],
  monitored: ['监测户', 'monitored households'],
  marginal: ['边缘易致贫户', 'marginal households'],
  ordinary: ['普通劳动力', 'ordinary labour'],
  skilled: ['技能劳动力', 'skilled labour'],
  eliminated: ['风险已消除', 'risk eliminated'],
  industry: ['产业', 'industry'],
  employment: ['就业', 'employment'],
  finance: ['金融', 'finance'],
  public_post: ['公益岗位', 'public-welfare posts'],
  finding: ['问题', 'finding'],
  responsibleUnit: ['责任单位', 'responsible unit'],
  responsiblePerson: ['责任人', 'responsible person'],
  deadline: ['整改时限', 'deadline'],
  rectifiedAt: ['整改完成时间', 'rectified on'],
  benefit: ['效益', 'benefit'],
  interest_linkage: ['利益联结', 'interest linkage'],
  organisation: ['组织方式', 'organisation'],
  after_operation: ['后续运营', 'after-operation'],
  consolidate: ['巩固', 'consolidate'],
  upgrade: ['升级', 'upgrade'],
  revitalise: ['盘活', 'revitalise'],
  adjust: ['调整', 'adjust'],
  city_leads: ['市领管', 'city leads'],
  county_manages: ['县统管', 'county manages'],
  township_governs: ['乡镇辖管', 'township governs'],
  village_runs: ['村直管', 'village runs'],
  set_by_need: ['按需设岗', 'posts set by need'],
  hire_to_post: ['以岗聘任', 'hired to a post'],
  paid_on_post: ['在岗领补', 'paid while on post'],
  orderly_exit: ['有序退岗', 'orderly exit'],
  village: ['村级', 'village level'],
  city_to_county: ['市级安排到县的衔接资金', 'linkage funds the city allocates to counties'],
  funds: ['按资金计', 'by funds'],
  linkage: ['衔接资金', 'linkage funds'],
  local_farmers: ['当地农民', 'local farmers'],
  LPR: ['贷款市场报价利率（LPR）', 'loan prime rate (LPR)'],
  weak: ['弱劳力半劳力', 'weak or half labour'],
  lifted_county: ['脱贫县', 'lifted counties'],
  lifted_individual_business: ['脱贫个体经营户', 'lifted individual businesses'],
  lifted_growth_above_local_farmers: ['脱贫群众年度收入增速高于当地农民收入增速', 'lifted people’s income grows faster than local farmers’'],
  area_growth_above_national_farmers: ['脱贫地区农民收入增速高于全国农民收入增速', 'farmers in lifted areas grow faster than farmers nationally'],
  lifted_to_local_ratio_rises: ['脱贫群众与当地农民的收入比例不断提高', 'ratio of lifted people’s to local farmers’ income rises'],
  area_to_national_ratio_rises: ['脱贫地区农民与全国农民的收入比例不断提高', 'ratio of lifted-area farmers’ to national farmers’ income rises'],
};

function words(v: unknown): ParamText {
  const list = (Array.isArray(v) ? v : [v]).map(String);
  return { zh: list.map((c) => VALUE_WORDS[c]?.[0] ?? c).join('、'), en: list.map((c) => VALUE_WORDS[c]?.[1] ?? c).join(', ') };
}

function byYear(v: unknown, zhNoun: string, enNoun: string): ParamText {
  const entries = Object.entries((v ?? {}) as Record<string, unknown>);
  return {
    zh: `${zhNoun}：${entries.map(([y, s]) => `${y} 年不低于 ${pct(s)}`).join('，')}`,
    en: `${enNoun}: ${entries.map(([y, s]) => `≥ ${pct(s)} in ${y}`).join(', ')}`,
  };
}

type Describe = (v: unknown, all: Record<string, unknown>) => ParamText | null;
const t = (zh: string, en: string): ParamText => ({ zh, en });
const flag =
  (zh: string, en: string): Describe =>
  (v) =>
    v === true ? t(zh, en) : null;

/** Sub-items of the S1 subsidy rates (002 §二(二)2). */
const SUBSIDY_ITEMS: Record<string, [string, string]> = {
  coolVegetables: ['冷凉蔬菜', 'Cool-season vegetables'],
  solarGreenhouse: ['新建日光温室', 'New solar greenhouse'],
  steelFrameGreenhouse: ['全钢架春秋大棚', 'Steel-frame greenhouse'],
  oldGreenhouseRenovation: ['改造老旧温室', 'Old greenhouse renovation'],
  herbTeaBase: ['中药材（药茶）标准化基地', 'Herb (tea) base'],
};

function subsidy(name: [string, string]): Describe {
  return (v) => {
    const o = (v ?? {}) as Record<string, unknown>;
    const zh: string[] = [];
    const en: string[] = [];
    if (o.minContiguousMu !== undefined) {
      zh.push(`集中连片 ${String(o.minContiguousMu)} 亩以上`);
      en.push(`≥ ${String(o.minContiguousMu)} mu contiguous`);
    }
    if (o.yuanPerMu !== undefined) {
      zh.push(`每亩 ${yuan(o.yuanPerMu).zh}`);
      en.push(`${yuan(o.yuanPerMu).en} per mu`);
    }
    if (o.maxYuanPerMu !== undefined) {
      zh.push(`每亩最高 ${yuan(o.maxYuanPerMu).zh}`);
      en.push(`up to ${yuan(o.maxYuanPerMu).en} per mu`);
    }
    return t(`${name[0]}${zh.join('，')}`, `${name[1]}: ${en.join(', ')}`);
  };
}

function range(minKey: string, maxKey: string, zhNoun: string, zhUnit: string, enNoun: string): Describe {
  return (_v, all) => {
    const min = all[minKey];
    const max = all[maxKey];
    if (min !== undefined && max !== undefined) return t(`${zhNoun} ${String(min)}—${String(max)} ${zhUnit}`, `${enNoun}: ${String(min)}–${String(max)}`);
    if (min !== undefined) return t(`${zhNoun}不少于 ${String(min)} ${zhUnit}`, `${enNoun}: at least ${String(min)}`);
    return t(`${zhNoun}不超过 ${String(max)} ${zhUnit}`, `${enNoun}: at most ${String(max)}`);
  };
}

const SKIP: Describe = () => null;

/** Every parameter key the packs use, in words. */
export const PARAM_WORDS: Record<string, Describe> = {
  minShare: (v) => t(`占比不低于 ${pct(v)}`, `share ≥ ${pct(v)}`),
  mustRise: flag('逐年提升（高于上年）', 'rising year on year'),
  minCoverage: (v) => t(`覆盖率不低于 ${pct(v)}`, `coverage ≥ ${pct(v)}`),
  minCoverageByYear: (v) => byYear(v, '覆盖率', 'coverage'),
  minShareByYear: (v) => byYear(v, '占比', 'share'),
  householdTypes: (v) => t(`适用：${words(v).zh}`, `applies to ${words(v).en}`),
  eligibleHouseholds: (v) => t(`对象：${words(v).zh}`, `for ${words(v).en}`),
  laborCapacities: (v) => t(`劳动能力：${words(v).zh}`, `labour: ${words(v).en}`),
  excludedMonitoringStatuses: (v) => t(`不含${words(v).zh}的户`, `excluding ${words(v).en}`),
  developmentalCategories: (v) => t(`开发式措施：${words(v).zh}`, `development-type measures: ${words(v).en}`),
  scope: (v) => t(`范围：${words(v).zh}`, `scope: ${words(v).en}`),
  includeSupportingFacilities: flag('含水电路网等配套设施', 'including supporting facilities'),
  libraryFirst: flag('先入库后建设，未入库项目不得安排资金', 'library first: no funds outside the project library'),
  measure: (v) => t(words(v).zh, words(v).en),
  minLeadingIndustries: range('minLeadingIndustries', 'maxLeadingIndustries', '特色主导产业', '个', 'leading industries'),
  maxLeadingIndustries: SKIP,
  minSkills: range('minSkills', 'maxSkills', '掌握特色种养技能', '项', 'skills'),
  maxSkills: SKIP,
  targetSkills: (v) => {
    const [a, b] = Array.isArray(v) ? v.map(Number) : [Number(v), Number(v)];
    return t(`力争掌握 ${a}—${b} 项特色种养技能（目标，非上限）`, `aim: ${a}–${b} skills (a target, not a cap)`);
  },
  weakLaborCapacities: (v) => t(`仅有${words(v).zh}的户单列提示（创造条件探索落实，不计入覆盖率）`, `households with ${words(v).en} only are listed apart (not counted)`),
  appliesTo: (v) => t(`适用：${words(v).zh}`, `applies to ${words(v).en}`),
  beneficiary: (v) => t(`对象：${words(v).zh}`, `for ${words(v).en}`),
  liftedMeans: SKIP,
  minAmountYear: (v) => t(`资金额度要求年度：${String(v)} 年`, `amount floor for ${String(v)}`),
  shareMustRise: flag('过渡期内产业占比逐年提高', 'industry share rising every year of the transition period'),
  baseline: (v) => {
    const b = (v ?? {}) as { year?: unknown; share?: unknown };
    return t(`基数：${String(b.year)} 年占比 ${pct(b.share)}`, `baseline: ${pct(b.share)} in ${String(b.year)}`);
  },
  conditions: (v) => t(words(v).zh, words(v).en),
  minPeopleOrHouseholds: (v) => t(`吸纳就业或带动脱贫人口（户）不少于 ${String(v)} 人（户）`, `employs or drives ≥ ${String(v)} people or households`),
  minTrainingsPerYear: (v) => t(`每年至少培训 ${String(v)} 次`, `≥ ${String(v)} training(s) a year`),
  minRelocationParkShare: (v) => t(`安置区加工园区吸纳脱贫人口就业不低于 ${pct(v)}`, `relocation parks hire ≥ ${pct(v)} lifted labour`),
  minPublicPostShare: (v) => t(`公益性岗位安置脱贫劳动力不低于 ${pct(v)}`, `public posts for lifted labour ≥ ${pct(v)}`),
  coolVegetables: subsidy(SUBSIDY_ITEMS.coolVegetables!),
  solarGreenhouse: subsidy(SUBSIDY_ITEMS.solarGreenhouse!),
  steelFrameGreenhouse: subsidy(SUBSIDY_ITEMS.steelFrameGreenhouse!),
  oldGreenhouseRenovation: subsidy(SUBSIDY_ITEMS.oldGreenhouseRenovation!),
  herbTeaBase: subsidy(SUBSIDY_ITEMS.herbTeaBase!),
  maxTermYears: (v) => t(`期限 ${String(v)} 年以内`, `term ≤ ${String(v)} years`),
  maxAmountYuan: (v) => t(`额度 ${yuan(v).zh}以下`, `up to ${yuan(v).en}`),
  maxAmountYuanIfNeeded: (v) => t(`有需求能还款的不超过 ${yuan(v).zh}`, `up to ${yuan(v).en} where needed and repayable`),
  subsidisedUpToYuan: (v) => t(`${yuan(v).zh}以下财政全额贴息`, `interest fully subsidised up to ${yuan(v).en}`),
  borrowerMinAge: (v) => t(`借款人年满 ${String(v)} 周岁`, `borrower at least ${String(v)} years old`),
  borrowerMaxAge: (v) => t(`借款人不超过 ${String(v)} 周岁`, `borrower at most ${String(v)} years old`),
  rate: (v) => t(`利率：${words(v).zh}`, `rate: ${words(v).en}`),
  noGuarantee: flag('免担保', 'no guarantee'),
  noCollateral: flag('免抵押', 'no collateral'),
  householdBorrowsAndUses: flag('户借户用', 'borrowed and used by the household'),
  trackedFields: (v) => t(`跟踪：${words(v).zh}`, `tracked: ${words(v).en}`),
  minAmountYuanPerTownship: (v) => t(`每个乡镇谋划产业项目资金不低于 ${yuan(v).zh}`, `≥ ${yuan(v).en} of industry projects per township`),
  compareTo: (v, all) => (all.mustExceed ? t(`增速高于${words(v).zh}`, `growth above ${words(v).en}`) : t(`对比：${words(v).zh}`, `compared with ${words(v).en}`)),
  mustExceed: SKIP,
  minCooperativesPerVillage: (v) => t(`每个行政村至少 ${String(v)} 家农民专业合作社`, `≥ ${String(v)} cooperative(s) per village`),
  minBackbonesPerVillage: (v) => t(`每个行政村至少 ${String(v)} 名农业技术骨干`, `≥ ${String(v)} technical backbone(s) per village`),
  minBackbonesPerCooperative: (v) => t(`每个合作社至少 ${String(v)} 名农业技术骨干`, `≥ ${String(v)} per cooperative`),
  minCityLevelEnterprises: (v) => t(`市级以上农业龙头企业不少于 ${String(v)} 家`, `≥ ${String(v)} city-level leading enterprises`),
  everyLeadingIndustryBacked: flag('每个主导产业均有龙头企业支撑', 'every leading industry backed by an enterprise'),
  maxYuan: (v) => t(`不超过 ${yuan(v).zh}`, `at most ${yuan(v).en}`),
  fund: (v) => t(`从${words(v).zh}列支`, `paid from ${words(v).en}`),
  amountYuan: (v) => t(`标准 ${yuan(v).zh}`, `${yuan(v).en}`),
  minStableMonths: (v) => t(`稳定就业 ${String(v)} 个月以上`, `≥ ${String(v)} months of stable employment`),
  lifecycle: (v) => t(words(v).zh, words(v).en),
  level: (v) => t(`考核层级：${words(v).zh}`, `assessed at ${words(v).en}`),
  yearly: flag('每年考核', 'yearly'),
  tiedToPay: flag('考核结果与报酬挂钩', 'tied to pay'),
  minLinkageModes: (v) => t(`每个产业项目至少 ${String(v)} 种联农带农方式`, `≥ ${String(v)} linkage modes per project`),
  reviewChecks: (v) => t(`入库审查：${words(v).zh}`, `review checks: ${words(v).en}`),
  minLeadingChainShareOfIndustryFunds: (v) => t(`特色主导产业全链条资金占产业资金不低于 ${pct(v)}`, `leading-chain share of industry funds ≥ ${pct(v)}`),
  minYieldVsBankBenchmark: () => t('运营收益不低于同期银行基准利率', 'income ≥ the bank benchmark rate'),
  benchmarkRateByYear: (v) => {
    // consecutive years with the same rate as one span: 2016—2026 年 1.50%
    const entries = Object.entries((v ?? {}) as Record<string, unknown>).sort(([a], [b]) => Number(a) - Number(b));
    const spans: { from: string; to: string; rate: number }[] = [];
    for (const [y, r] of entries) {
      const last = spans.at(-1);
      if (last && last.rate === Number(r) && Number(last.to) + 1 === Number(y)) last.to = y;
      else spans.push({ from: y, to: y, rate: Number(r) });
    }
    const text = (s: (typeof spans)[number], dash: string) => `${s.from === s.to ? s.from : `${s.from}${dash}${s.to}`}`;
    const rate = (r: number) => `${(Math.round(r * 1_000_000) / 10_000).toFixed(2)}%`;
    return t(
      `同期银行基准利率：${spans.map((s) => `${text(s, '—')} 年 ${rate(s.rate)}`).join('，')}`,
      `bank benchmark rate: ${spans.map((s) => `${rate(s.rate)} in ${text(s, '–')}`).join(', ')}`,
    );
  },
  byWorkForLabor: flag('有劳动能力的按劳取酬', 'by work for those who can work'),
  baseShareForNoLabor: flag('无劳动能力的保底分配', 'a base share for those who cannot'),
  stocktakeEveryMonths: (v) => t(`每 ${String(v)} 个月集中盘点一次`, `stock-take every ${String(v)} months`),
  classes: (v) => t(`分类处置：${words(v).zh}`, `classes: ${words(v).en}`),
  managementLevels: (v) => t(`分级管理：${words(v).zh}`, `management: ${words(v).en}`),
};

/**
 * A rule's parameters as phrases in Chinese and English; keys without wording are left out (the packs test
 * asserts every key the packs use has wording).
 */
export function describeRuleParams(rule: Pick<RuleConfig, 'params'>): ParamText[] {
  const out: ParamText[] = [];
  for (const [key, value] of Object.entries(rule.params)) {
    const text = PARAM_WORDS[key]?.(value, rule.params);
    if (text) out.push(text);
  }
  return out;
}
