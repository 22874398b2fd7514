import { DICT, dictLabelEn, dictLabelZh, getDictItems } from '../../dictionaries/dictionaries.ts';
import { z } from 'zod';
import { coverageValue, evaluateSubjects, numberParam, stringListParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';

/**
 * Facts of one household for H1 (监测户开发式帮扶全覆盖). Built by the server from households, persons and the
 * current year's support measures.
 */
export type H1Facts = {
  householdId: number;
  regionCode: string;
  /** dict household_type */
  householdType: string;
  /** dict monitoring_status */
  monitoringStatus: string;
  /** dict labor_capacity of each member (unknown = omitted) */
  laborCapacities: string[];
  /** dict measure_category of the household's measures in force in the evaluated year */
  measureCategories: string[];
  /** members whose labour capacity is not recorded (劳动能力未采集); absent = 0 */
  unrecordedLabour?: number;
};

/**
 * H1 — every monitored household with labour capacity whose risk is not yet eliminated has at least one
 * development-type measure (开发式帮扶措施).
 * Source: 002 §二(一)1 "对家庭有劳动能力的监测户，至少落实一项开发式帮扶措施"; national practice
 * (domain-standards §1.7). Params: `householdTypes` and `excludedMonitoringStatuses` (which households it applies
 * to: monitored, risk not eliminated; see {@link h1HouseholdScope}), `laborCapacities` (member codes that count as having labour),
 * `developmentalCategories` (measure codes), `minCoverage` (share of applicable households, 1 = every one).
 */
/**
 * The households H1 can apply to, from the pack's config: a household of another type or status is
 * `not_applicable` whatever its members and measures, so callers may gather the facts of these households only.
 * @throws AppError VALIDATION_FAILED when the pack does not set the lists
 */
export function h1HouseholdScope(config: RuleConfig): { householdTypes: string[]; excludedMonitoringStatuses: string[] } {
  return {
    householdTypes: stringListParam(config, 'householdTypes'),
    excludedMonitoringStatuses: stringListParam(config, 'excludedMonitoringStatuses'),
  };
}

/** Groups of H1 subjects: failing without a measure, labour not recorded (failing), weak/half labour only (listed, not counted). */
export const H1_GROUPS = {
  no_measure: { labelZh: '有劳动能力未落实开发式帮扶措施', labelEn: 'labour capacity, no development-type measure' },
  labour_unknown: { labelZh: '劳动能力未采集', labelEn: 'labour capacity not recorded' },
  weak_labour: { labelZh: '弱劳力半劳力：创造条件探索落实', labelEn: 'weak or half labour only: explore where conditions allow' },
} as const;

const H1SandboxSchema = z.object({
  householdType: z.string().min(1).max(24).describe('户类型 (dict household_type), e.g. monitored'),
  monitoringStatus: z.string().min(1).max(16).describe('监测状态 in the judged year (dict monitoring_status), e.g. monitoring'),
  laborCapacities: z.array(z.string().min(1).max(24)).max(30).describe('劳动能力 of each member (dict labor_capacity); a member not recorded is left out'),
  unrecordedLabour: z.number().int().min(0).max(30).optional().describe('members whose 劳动能力 is not recorded'),
  measureCategories: z.array(z.string().min(1).max(24)).max(50).describe('帮扶措施类别 in force in the judged year (dict measure_category)'),
});

/**
 * H1 — every monitored household with labour capacity whose risk is not eliminated has at least one
 * development-type measure (开发式帮扶措施). 002 §二(一)1: "对家庭有劳动能力的监测户，至少落实一项开发式帮扶措施；对弱劳力
 * 半劳力，创造条件探索落实开发式帮扶措施". So:
 * - a member of `laborCapacities` (普通/技能劳动力): counted; met with a `developmentalCategories` measure in force;
 * - no such member but one whose labour is not recorded, and no development measure: counted as failing, group
 *   `labour_unknown` (a data gap, never silently dropped);
 * - only `weakLaborCapacities` (弱劳力半劳力): listed with group `weak_labour` ("创造条件探索落实") but NOT counted in
 *   the coverage (the seed does not require it);
 * - otherwise (丧失/无劳动力, other types, eliminated): not applicable.
 */
export const H1_RULE: RuleDefinition<H1Facts> = {
  id: 'H1',
  titleZh: '有劳动能力的监测户至少落实一项开发式帮扶措施',
  titleEn: 'Every monitored household with labour capacity has at least one development-type measure',
  factsKind: 'household',
  subjectLevel: 'record',
  unit: 'share', // households judged met or not: the coverage
  groups: H1_GROUPS,
  factsFilter: (config: RuleConfig) => ({ householdTypes: h1HouseholdScope(config).householdTypes }),
  evaluate(facts: H1Facts[], config: RuleConfig): RuleResult {
    const scope = h1HouseholdScope(config);
    const types = new Set(scope.householdTypes);
    const excluded = new Set(scope.excludedMonitoringStatuses);
    const labor = new Set(stringListParam(config, 'laborCapacities'));
    const weak = new Set(Array.isArray(config.params.weakLaborCapacities) ? (config.params.weakLaborCapacities as string[]) : []);
    const developmental = new Set(stringListParam(config, 'developmentalCategories'));
    const minCoverage = numberParam(config, 'minCoverage');
    const measureItems = getDictItems(DICT.measureCategory);
    // measures are named in the dictionary's order, whatever order the registry gives them (a stored reason must not
    // change while the measures do not)
    const rank = new Map(measureItems.map((it, i) => [it.code, i]));
    const byDict = (a: string, b: string) => (rank.get(a) ?? rank.size) - (rank.get(b) ?? rank.size) || (a < b ? -1 : a > b ? 1 : 0);
    const laborItems = getDictItems(DICT.laborCapacity);
    const devZh = [...developmental].map((c) => dictLabelZh(measureItems, c)).join('、');
    const devEn = [...developmental].map((c) => dictLabelEn(measureItems, c)).join(', ');
    const result = evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.householdId), regionCode: f.regionCode }),
      (f): SubjectOutcome => {
        if (!types.has(f.householdType) || excluded.has(f.monitoringStatus) || f.monitoringStatus === 'none') return 'not_applicable';
        const capable = [...new Set(f.laborCapacities.filter((c) => labor.has(c)))];
        const unknown = (f.unrecordedLabour ?? 0) > 0;
        const weakOnly = capable.length === 0 && !unknown && f.laborCapacities.some((c) => weak.has(c));
        if (capable.length === 0 && !unknown && !weakOnly) return 'not_applicable';
        const others = [...new Set(f.measureCategories)].sort(byDict);
        const dev = others.filter((c) => developmental.has(c));
        const haveZh = others.length ? `现有措施：${others.map((c) => dictLabelZh(measureItems, c)).join('、')}` : '本年度无帮扶措施';
        const haveEn = others.length ? `current measures: ${others.map((c) => dictLabelEn(measureItems, c)).join(', ')}` : 'no measure this year';
        if (weakOnly) {
          return {
            met: dev.length > 0,
            counted: false,
            groupCode: 'weak_labour',
            reasonZh: `仅有弱劳力半劳力，创造条件探索落实开发式帮扶措施（不计入覆盖率）；${haveZh}`,
            reasonEn: `weak or half labour only: explore development-type measures where conditions allow (not counted); ${haveEn}`,
          };
        }
        if (dev.length > 0)
          return {
            met: true,
            reasonZh: `已落实开发式帮扶措施：${dev.map((c) => dictLabelZh(measureItems, c)).join('、')}`,
            reasonEn: `development-type measure: ${dev.map((c) => dictLabelEn(measureItems, c)).join(', ')}`,
          };
        if (capable.length === 0) {
          return {
            met: false,
            groupCode: 'labour_unknown',
            reasonZh: `劳动能力未采集（${f.unrecordedLabour} 名成员），无法判断是否有劳动能力，且未落实开发式帮扶措施；${haveZh}`,
            reasonEn: `labour capacity not recorded for ${f.unrecordedLabour} member(s), and no development-type measure; ${haveEn}`,
          };
        }
        return {
          met: false,
          groupCode: 'no_measure',
          reasonZh: `监测户有劳动能力成员（${capable.map((c) => dictLabelZh(laborItems, c)).join('、')}），未落实开发式帮扶措施（${devZh}）；${haveZh}`,
          reasonEn: `monitored household with labour (${capable.map((c) => dictLabelEn(laborItems, c)).join(', ')}) has no development-type measure (${devEn}); ${haveEn}`,
        };
      },
      { minCoverage, threshold: minCoverage },
    );
    return { ...result, value: coverageValue(result.met, result.total) };
  },
  sandbox: {
    schema: H1SandboxSchema,
    example: { householdType: 'monitored', monitoringStatus: 'monitoring', laborCapacities: ['ordinary', 'lost'], measureCategories: ['health'] },
    toFacts(input: unknown): H1Facts {
      const f = H1SandboxSchema.parse(input);
      return { householdId: 0, regionCode: '', ...f };
    },
  },
};
