import type { PolicyPack } from '../policy.types.ts';
import { h1Config, k2Config } from './common-rules.ts';
import { placeholderMonitoringLines } from './monitoring-lines.ts';
import { documentsOf } from './pack-documents.ts';

/**
 * 三门峡市城乡一体化示范区 (Sanmenxia demo zone), 河南. Seeds 000 (三示范巩固脱贫组〔2022〕4号, the support
 * system) and 003 (〔2022〕3号, "三有一持续"). The rules with an implementation (rule-registry) are evaluated; the others are data.
 */
export const SANMENXIA_PACK: PolicyPack = {
  id: 'sanmenxia',
  nameZh: '三门峡市城乡一体化示范区',
  nameEn: 'Sanmenxia Urban-Rural Integration Demonstration Zone',
  seed: '000, 003',
  provinceCode: '41',
  documents: documentsOf('000', '003', '中农组发〔2021〕7号', '002'),
  publicityMinDays: 5, // national practice, domain-standards §1.5
  identificationMaxDays: 15, // domain-standards §1.5 (秦安县: 一般不超过 15 天)
  incomeStableMinMonths: 6, // domain-standards §1.5 (原则上不得低于半年)
  monitoringLines: placeholderMonitoringLines('41'),
  rules: [
    { ruleId: 'F1', clause: '000 §五(二)', params: { minShare: 0.55, mustRise: true }, noteZh: '衔接乡村振兴补助资金 55% 以上要重点投向产业发展，并且逐年提升占比' },
    {
      ruleId: 'F5',
      clause: '003 §二(一)',
      // 003 §二(一): "2022年谋划产业比例要达到1000万以上，并在过渡期内逐年提高产业占比" — the amount is the 2022 floor;
      // what must rise every year of the transition period is the industry SHARE of the township's planned projects
      params: { minAmountYuanPerTownship: 10_000_000, minAmountYear: 2022, mustRise: true, shareMustRise: true },
      years: [2022, 2023, 2024, 2025],
      noteZh: '每个乡镇 2022 年谋划产业项目资金 1000 万元以上，并在过渡期内逐年提高产业占比',
    },
    h1Config('中农组发〔2021〕7号 通行做法；参照 002 §二(一)1'),
    // 000 §三 sets milestones (到2023年 85%，到2025年 95%) for the transition period (过渡期, to 2025): judged from the
    // first milestone to the period's end, 2024 against the 2023 milestone (h2TargetOf takes the latest at or before)
    {
      ruleId: 'H2',
      clause: '000 §三',
      params: { householdTypes: ['lifted', 'monitored'], minCoverageByYear: { 2023: 0.85, 2025: 0.95 } },
      years: [2023, 2024, 2025],
    },
    {
      ruleId: 'H3',
      clause: '003 §一(二)1',
      params: { householdTypes: ['lifted', 'monitored'], laborCapacities: ['ordinary', 'skilled'], minCoverage: 1 },
      noteZh: '户户有产业支撑、户户有产业项目（有劳动能力和发展条件的）',
    },
    { ruleId: 'H4', clause: '003 §一(二)2', params: { householdTypes: ['lifted', 'monitored'], minCoverage: 1 }, noteZh: '有劳动能力和就业意愿的人人有就业技能、有就业岗位' },
    {
      ruleId: 'H5',
      clause: '003 §一(二)3',
      params: { householdTypes: ['lifted', 'monitored'], laborCapacities: ['ordinary', 'skilled'], minCoverage: 1 },
      noteZh: '家家有增收渠道、家家有稳定收入',
    },
    {
      ruleId: 'H6',
      clause: '003 §一(二)4',
      // 003 §一(二)4: all four conditions
      params: {
        compareTo: 'local_farmers',
        mustExceed: true,
        conditions: ['lifted_growth_above_local_farmers', 'area_growth_above_national_farmers', 'lifted_to_local_ratio_rises', 'area_to_national_ratio_rises'],
      },
      noteZh: '脱贫群众年度收入增速高于当地农民、脱贫地区农民收入增速高于全国农民；脱贫群众与当地农民、脱贫地区农民与全国农民的收入比例不断提高',
    },
    { ruleId: 'E1', clause: '000 §四(五)', params: { minCooperativesPerVillage: 1 }, noteZh: '确保每个行政村都有 1 家以上农民专业合作社' },
    {
      ruleId: 'E2',
      clause: '000 §五(二)',
      params: { minBackbonesPerVillage: 1, minBackbonesPerCooperative: 1 },
      noteZh: '每个行政村、每个农民专业合作社都有 1 名以上农业技术骨干',
    },
    {
      ruleId: 'E3',
      clause: '003 §二(一)1',
      params: { minShareByYear: { 2022: 0.4, 2025: 0.9 } },
      years: [2022, 2025],
      noteZh: '党支部领办村集体经济合作组织的行政村：2022 年底 40% 以上，2025 年底 90% 以上',
    },
    {
      ruleId: 'E4',
      clause: '003 §二(一)2',
      params: { minShareByYear: { 2022: 0.8, 2025: 0.95 } },
      years: [2022, 2025],
      noteZh: '实现龙头企业和合作社带动的行政村：2022 年底 80% 以上，2025 年底 95% 以上',
    },
    {
      ruleId: 'E5',
      clause: '003 §二(四)4',
      params: { minCityLevelEnterprises: 5, everyLeadingIndustryBacked: true },
      years: [2025],
      noteZh: '力争到 2025 年全区市级以上农业龙头企业发展到 5 家',
    },
    {
      ruleId: 'J1',
      clause: '003 §二(三)2',
      params: { maxYuan: 300, fund: 'linkage' },
      noteZh: '跨省就业的脱贫人口和监测对象，按不超过 300 元标准安排一次性交通补助，从衔接资金列支',
    },
    {
      ruleId: 'J2',
      clause: '003 §二(二)2',
      params: { amountYuan: 5000, beneficiary: 'lifted_individual_business' },
      noteZh: '符合要求的脱贫个体经营户可申请一次性创业补助 5000 元',
    },
    { ruleId: 'J3', clause: '003 §二(三)2', params: { minStableMonths: 6 }, noteZh: '吸纳脱贫人口和监测对象稳定就业 6 个月以上的，给予一次性吸纳就业补贴' },
    {
      ruleId: 'J5',
      clause: '003 §二(二)4',
      params: { lifecycle: ['set_by_need', 'hire_to_post', 'paid_on_post', 'orderly_exit'] },
      noteZh: '按需设岗、以岗聘任、在岗领补、有序退岗',
    },
    { ruleId: 'K1', clause: '000 §五(四)；003 §三(三)', params: { level: 'village', yearly: true, tiedToPay: true } },
    k2Config('000 §五(四)；003 §三(二)'),
  ],
};
