import type { RuleConfig } from '../policy.types.ts';

/**
 * Member labour capacities that count as 有劳动能力 for H1: 普通劳动力 and 技能劳动力. 002 §二(一)1 asks for
 * at least one development-type measure for households with labour capacity, but for 弱劳力半劳力 only to
 * "创造条件探索落实" (explore it where conditions allow), so `weak` does not make a household applicable.
 */
export const H1_LABOR_CAPACITIES = ['ordinary', 'skilled'];

/** 弱劳力半劳力 (002 §二(一)1 "创造条件探索落实"): such households are listed by H1 (group weak_labour) but not counted. */
export const H1_WEAK_LABOR_CAPACITIES = ['weak'];

/**
 * Households H1 applies to: 监测户 (household_type monitored) whose risk is not yet eliminated (002 §二(一)1
 * "对家庭有劳动能力的监测户"; a household whose risk is eliminated leaves monitoring). The server also uses these
 * two lists to read the facts of those households only.
 */
export const H1_HOUSEHOLD_TYPES = ['monitored'];
export const H1_EXCLUDED_MONITORING_STATUSES = ['eliminated'];

/** 开发式帮扶措施: 产业, 就业, 金融, 公益岗位 (domain-standards §1.7; dict measure_category attrs.developmental). */
export const DEVELOPMENTAL_CATEGORIES = ['industry', 'employment', 'finance', 'public_post'];

/**
 * H1 configured for a pack. Jincheng sets it itself (002 §二(一)1); elsewhere it is national practice
 * (中农组发〔2021〕7号 and provincial validators, domain-standards §1.7) and 002 is the model wording.
 * @param clause the citation for this pack
 */
export function h1Config(clause: string): RuleConfig {
  return {
    ruleId: 'H1',
    clause,
    params: {
      householdTypes: H1_HOUSEHOLD_TYPES,
      excludedMonitoringStatuses: H1_EXCLUDED_MONITORING_STATUSES,
      laborCapacities: H1_LABOR_CAPACITIES,
      weakLaborCapacities: H1_WEAK_LABOR_CAPACITIES,
      developmentalCategories: DEVELOPMENTAL_CATEGORIES,
      minCoverage: 1,
    },
    noteZh:
      '对家庭有劳动能力（普通劳动力、技能劳动力）且风险未消除的监测户，至少落实一项开发式帮扶措施（产业、就业、金融、公益岗位）。' +
      '弱劳力半劳力仅要求“创造条件探索落实”，单列提示，不计入覆盖率；劳动能力未采集的计为未落实（需补录）。过渡期通行要求，不限年度。',
    noteEn:
      'Every monitored household with a member of ordinary or skilled labour and risk not eliminated has ≥ 1 development-type measure. ' +
      'Weak/half labour: only "explore where conditions allow", so not required. National practice, not limited to a year.',
  };
}

/** K2 (supervision findings named, assigned, tracked) with the pack's clause. */
export function k2Config(clause: string): RuleConfig {
  return { ruleId: 'K2', clause, params: { trackedFields: ['finding', 'responsibleUnit', 'responsiblePerson', 'deadline', 'rectifiedAt'] } };
}
