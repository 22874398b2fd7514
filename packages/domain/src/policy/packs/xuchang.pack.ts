import type { PolicyPack } from '../policy.types.ts';
import { h1Config, k2Config } from './common-rules.ts';
import { placeholderMonitoringLines } from './monitoring-lines.ts';
import { documentsOf } from './pack-documents.ts';

/** 许昌市 (Xuchang), 河南. Seed 001 (2022-03-03, sustainable specialty industries in lifted areas). */
export const XUCHANG_PACK: PolicyPack = {
  id: 'xuchang',
  nameZh: '许昌市',
  nameEn: 'Xuchang',
  seed: '001',
  provinceCode: '41',
  documents: documentsOf('001', '中农组发〔2021〕7号', '002'),
  publicityMinDays: 5,
  identificationMaxDays: 15,
  incomeStableMinMonths: 6,
  monitoringLines: placeholderMonitoringLines('41'),
  rules: [
    {
      ruleId: 'F2',
      clause: '001 §二(一)2',
      params: { minShare: 0.5, mustRise: true, includeSupportingFacilities: true },
      noteZh: '财政衔接资金投入特色产业资金总量（含水电路网等配套设施）占当年投入产业项目资金总量不少于 50% 且高于上年',
    },
    { ruleId: 'P1', clause: '001 §二(一)5；§一(二)', params: { libraryFirst: true }, noteZh: '先入库后建设，未入库项目不得安排资金' },
    {
      ruleId: 'P2',
      clause: '001 §二(一)5',
      params: { minShare: 0.5, mustRise: true, measure: 'funds' },
      noteZh: '项目库储备的优势特色产业项目资金占库内产业项目的比例不少于 50% 且高于上年',
    },
    { ruleId: 'P5', clause: '001 §二(一)5', params: { minLeadingIndustries: 2, maxLeadingIndustries: 3 }, noteZh: '每个县重点选择 2-3 个特色主导产业' },
    h1Config('中农组发〔2021〕7号 通行做法；参照 002 §二(一)1'),
    // 001 §三(四) "常态开展督查巡查，跟进治理…问题" (§三(三) is 考核调度, not supervision)
    k2Config('001 §三(四)'),
  ],
};
