import type { PolicyPack } from '../policy.types.ts';
import { h1Config, k2Config } from './common-rules.ts';
import { placeholderMonitoringLines } from './monitoring-lines.ts';
import { documentsOf } from './pack-documents.ts';

/** The same yearly rate for each year from `from` to `to` (pack data: one entry per year the rate is known for). */
function benchmarkRates(from: number, to: number, rate: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let y = from; y <= to; y++) out[String(y)] = rate;
  return out;
}

/** 新乡市 (Xinxiang), 河南. Seed 004 (新农字〔2024〕34号, 市农业农村局 2024-07-26 reply to CPPCC proposal 095, 联农带农). */
export const XINXIANG_PACK: PolicyPack = {
  id: 'xinxiang',
  nameZh: '新乡市',
  nameEn: 'Xinxiang',
  seed: '004',
  provinceCode: '41',
  documents: documentsOf('004', '中农组发〔2021〕7号', '002'),
  publicityMinDays: 5,
  identificationMaxDays: 15,
  incomeStableMinMonths: 6,
  monitoringLines: placeholderMonitoringLines('41'),
  rules: [
    {
      ruleId: 'F4',
      clause: '004 §二；§三',
      // 004 §二: 2023 年 67.4%，"实现了产业发展资金占比的逐年提高"; 2024 年保持在 65% 以上
      params: { minShare: 0.65, minLeadingChainShareOfIndustryFunds: 0.5, baseline: { year: 2023, share: 0.674 } },
      years: [2024],
      noteZh: '2024 年度衔接资金用于产业发展占比保持在 65% 以上；用于特色主导产业全链条发展的资金占产业投入资金 50% 以上',
    },
    { ruleId: 'P3', clause: '004 §六', params: { minLinkageModes: 2 }, noteZh: '每个产业项目至少 2 种联农带农方式' },
    { ruleId: 'P4', clause: '004 §六', params: { reviewChecks: ['benefit', 'interest_linkage', 'organisation', 'after_operation'] } },
    { ruleId: 'P5', clause: '004 §三', params: { minLeadingIndustries: 2, maxLeadingIndustries: 3 } },
    h1Config('中农组发〔2021〕7号 通行做法；参照 002 §二(一)1'),
    {
      ruleId: 'A1',
      clause: '004 §五',
      // 004 §五 names no rate: the rate used is the PBoC one-year deposit benchmark (金融机构人民币一年期存款基准利率),
      // 1.50% since 2015-10-24, unchanged since (通行做法). A year without a rate here is not judged.
      params: { minYieldVsBankBenchmark: 1, benchmarkRateByYear: benchmarkRates(2016, 2026, 0.015) },
      noteZh:
        '产业资产运营收益不低于同期银行基准利率。基准利率按通行做法取中国人民银行金融机构人民币一年期存款基准利率 1.50%（2015 年 10 月 24 日起执行，此后未调整）；' +
        '按已盘点的半年计（全年 12 个月，仅一个半年按 6 个月）',
      noteEn: 'Income ≥ value × the PBoC one-year deposit benchmark rate, 1.50% since 2015-10-24 (common practice; 004 names no rate), over the half years taken stock of.',
    },
    {
      ruleId: 'A2',
      clause: '004 §五',
      params: { minShare: 0.7, byWorkForLabor: true, baseShareForNoLabor: true },
      noteZh: '村集体产业收益 70% 以上用于脱贫群众和监测对象差异化分配',
    },
    { ruleId: 'A3', clause: '004 §五', params: { stocktakeEveryMonths: 6 }, noteZh: '资产收益每半年集中盘点' },
    {
      ruleId: 'A4',
      clause: '004 §五',
      params: { classes: ['consolidate', 'upgrade', 'revitalise', 'adjust'], managementLevels: ['city_leads', 'county_manages', 'township_governs', 'village_runs'] },
      noteZh: '巩固、升级、盘活、调整“四个一批”；市领管、县统管、乡镇辖管、村直管',
    },
    k2Config('通行做法（004 无专门条款）'),
  ],
};
