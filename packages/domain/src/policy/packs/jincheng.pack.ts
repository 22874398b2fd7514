import type { PolicyPack } from '../policy.types.ts';
import { h1Config, k2Config } from './common-rules.ts';
import { placeholderMonitoringLines } from './monitoring-lines.ts';
import { documentsOf } from './pack-documents.ts';

/** 晋城市 (Jincheng), 山西. Seed 002 (晋市农发〔2023〕52号, 2023 specialty-industry support action plan). */
export const JINCHENG_PACK: PolicyPack = {
  id: 'jincheng',
  nameZh: '晋城市',
  nameEn: 'Jincheng',
  seed: '002',
  provinceCode: '14',
  documents: documentsOf('002'),
  publicityMinDays: 5,
  identificationMaxDays: 15,
  incomeStableMinMonths: 6,
  monitoringLines: placeholderMonitoringLines('14'),
  noteZh: '002 为 2023 年行动计划：年度性指标标注 years [2023]；H1 为过渡期通行要求，不限年度。',
  rules: [
    h1Config('002 §二(一)1'),
    {
      ruleId: 'F3',
      clause: '002 §二(四)1',
      params: { minShare: 0.6, scope: 'city_to_county' },
      years: [2023],
      noteZh: '市级安排到县衔接推进乡村振兴补助资金用于产业发展比例不低于 60%',
    },
    { ruleId: 'P5', clause: '002 §二(二)2', params: { minLeadingIndustries: 2, maxLeadingIndustries: 3 }, noteZh: '引导脱贫县加快培育壮大 2—3 个特色优势主导产业' },
    {
      ruleId: 'P6',
      clause: '002 §二(四)3',
      params: { minPeopleOrHouseholds: 100, appliesTo: 'lifted_county' },
      years: [2023],
      noteZh: '国家产业集群、产业强镇项目吸纳脱贫劳动力就业或带动脱贫户不少于 100 人（户）',
    },
    {
      ruleId: 'H7',
      clause: '002 §二(三)1',
      // "力争让脱贫劳动力掌握1-2项特色种养技能": a target of 1–2 skills, not a cap
      params: { minTrainingsPerYear: 1, targetSkills: [1, 2] },
      years: [2023],
      noteZh: '确保有意愿的脱贫劳动力每年至少接受一次培训，掌握 1-2 项特色种养技能',
    },
    {
      ruleId: 'J4',
      clause: '002 §二(二)3',
      params: { minRelocationParkShare: 1 / 3, minPublicPostShare: 0.5 },
      years: [2023],
      noteZh: '安置区加工园区吸纳脱贫人口就业不低于 1/3，公益性岗位安置脱贫劳动力不低于一半',
    },
    {
      ruleId: 'S1',
      clause: '002 §二(二)2',
      years: [2023],
      params: {
        coolVegetables: { minContiguousMu: 200, yuanPerMu: 400 },
        solarGreenhouse: { yuanPerMu: 30_000 },
        steelFrameGreenhouse: { yuanPerMu: 8_000 },
        oldGreenhouseRenovation: { maxYuanPerMu: 20_000 },
        herbTeaBase: { yuanPerMu: 200 },
      },
      noteZh: '冷凉蔬菜集中连片 200 亩以上每亩 400 元；新建日光温室每亩 3 万元；全钢架春秋大棚每亩 0.8 万元；改造老旧温室每亩最高 2 万元；中药材（药茶）标准化基地每亩 200 元',
    },
    {
      ruleId: 'C1',
      clause: '002 §二(四)2',
      years: [2023],
      params: {
        // 002 §二(四)2 "对建档立卡脱贫户和边缘易致贫户": `lifted` = every 脱贫户 (households.is_lifted) whatever its
        // monitoring category (a 脱贫不稳定户 included), `marginal` = 边缘易致贫户 (monitoring_type); see c1HouseholdEligible
        eligibleHouseholds: ['lifted', 'marginal'],
        liftedMeans: 'is_lifted',
        maxTermYears: 3,
        maxAmountYuan: 50_000,
        maxAmountYuanIfNeeded: 100_000,
        subsidisedUpToYuan: 50_000,
        rate: 'LPR',
        noGuarantee: true,
        noCollateral: true,
        householdBorrowsAndUses: true,
        // national practice the seed assumes (DOMAIN.md C1; domain-standards §6 脱贫人口小额信贷: 借款人年龄 18–65 周岁，
        // 含): 002 itself names no age, so the figures are the national ones, kept as data like every threshold
        borrowerMinAge: 18,
        borrowerMaxAge: 65,
      },
      noteZh: '建档立卡脱贫户和边缘易致贫户免担保免抵押，3 年期以内、5 万元以下（有需求能还款的不超过 10 万元），5 万元以下财政全额贴息，以上部分不贴息、不纳入风险补偿',
    },
    k2Config('002 §三(三)'),
  ],
};
