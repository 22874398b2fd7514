import { DICT, dictLabelEn, dictLabelZh, getDictItems } from '../../dictionaries/dictionaries.ts';
import { evaluateCoverage, stringListParam } from '../coverage.ts';
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
  /** dict measure_category of the household's measures in the evaluated year */
  measureCategories: string[];
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

export const H1_RULE: RuleDefinition<H1Facts> = {
  id: 'H1',
  titleZh: '有劳动能力的监测户至少落实一项开发式帮扶措施',
  titleEn: 'Every monitored household with labour capacity has at least one development-type measure',
  factsKind: 'household',
  evaluate(facts: H1Facts[], config: RuleConfig): RuleResult {
    const scope = h1HouseholdScope(config);
    const types = new Set(scope.householdTypes);
    const excluded = new Set(scope.excludedMonitoringStatuses);
    const labor = new Set(stringListParam(config, 'laborCapacities'));
    const developmental = new Set(stringListParam(config, 'developmentalCategories'));
    const measureItems = getDictItems(DICT.measureCategory);
    const laborItems = getDictItems(DICT.laborCapacity);
    const devZh = [...developmental].map((c) => dictLabelZh(measureItems, c)).join('、');
    const devEn = [...developmental].map((c) => dictLabelEn(measureItems, c)).join(', ');
    return evaluateCoverage(
      facts,
      config,
      (f) => ({ id: f.householdId, regionCode: f.regionCode }),
      (f) => {
        if (!types.has(f.householdType) || excluded.has(f.monitoringStatus)) return 'not_applicable';
        const capable = f.laborCapacities.filter((c) => labor.has(c));
        if (capable.length === 0) return 'not_applicable';
        if (f.measureCategories.some((c) => developmental.has(c))) return 'met';
        const kinds = [...new Set(capable)];
        const others = [...new Set(f.measureCategories)];
        const haveZh = others.length ? `现有措施：${others.map((c) => dictLabelZh(measureItems, c)).join('、')}` : '本年度无帮扶措施';
        const haveEn = others.length ? `current measures: ${others.map((c) => dictLabelEn(measureItems, c)).join(', ')}` : 'no measure this year';
        return {
          reasonZh: `监测户有劳动能力成员（${kinds.map((c) => dictLabelZh(laborItems, c)).join('、')}），未落实开发式帮扶措施（${devZh}）；${haveZh}`,
          reasonEn: `monitored household with labour (${kinds.map((c) => dictLabelEn(laborItems, c)).join(', ')}) has no development-type measure (${devEn}); ${haveEn}`,
        };
      },
    );
  },
};
