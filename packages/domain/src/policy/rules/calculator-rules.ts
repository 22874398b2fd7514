import { C1CalcInputSchema, S1CalcInputSchema } from '../../api/calculators.schemas.ts';
import { yuanText } from '../../calculators/amount-text.ts';
import { checkC1, type C1Household } from '../../calculators/c1.ts';
import { computeS1, type S1Kind } from '../../calculators/s1.ts';
import { yuanToFen } from '../../money/money.ts';
import { evaluateSubjects } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';

/** Facts of one stored facility subsidy (facility_subsidies) for S1. */
export type SubsidyFacts = {
  subsidyId: number;
  regionCode: string;
  kind: S1Kind;
  areaMu: number;
  /** the amount stored (分); null = the amount S1 grants (the sandbox asks whether the facility is eligible) */
  amountFen: number | null;
  /** 改造老旧温室: the claim per 亩 (元), when known (the sandbox); a stored row is judged against the cap */
  claimedYuanPerMu?: number | null;
};

/** Facts of one recorded loan (loans + its household and borrower) for C1. */
export type LoanFacts = {
  loanId: number;
  regionCode: string;
  amountFen: number;
  termMonths: number;
  rateBp: number;
  needsAndCanRepay: boolean;
  startDate: string | null;
  borrowerBirthDate: string | null;
  /** null in the sandbox: the household is not judged */
  household: C1Household | null;
};

/**
 * S1 on stored subsidies — 002 §二(二)2: a subsidy is met when its facility is eligible (冷凉蔬菜 集中连片 ≥ 200 亩)
 * and its amount does not exceed 亩 × the pack's rate (改造老旧温室: 亩 × the cap per 亩). The stored row keeps no
 * claimed rate, so a renovation is judged against the cap.
 */
export const S1_RULE: RuleDefinition<SubsidyFacts> = {
  id: 'S1',
  titleZh: '设施农业补助符合补助条件和标准',
  titleEn: 'Facility subsidies meet the conditions and rates',
  factsKind: 'subsidy',
  subjectLevel: 'record',
  unit: 'yuan', // the subsidy's amount against its standard
  evaluate(facts: SubsidyFacts[], config: RuleConfig): RuleResult {
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.subsidyId), regionCode: f.regionCode }),
      (f) => {
        const due = computeS1(config, { kind: f.kind, areaMu: f.areaMu, claimedYuanPerMu: f.claimedYuanPerMu });
        const value = (f.amountFen ?? due.amountFen) / 100;
        if (!due.eligible) return { met: false, value, reasonZh: due.reasonZh, reasonEn: due.reasonEn };
        if (f.amountFen !== null && f.amountFen > due.amountFen) {
          return {
            met: false,
            value,
            threshold: due.amountFen / 100,
            reasonZh: `补助 ${yuanText(f.amountFen)} 元超过标准 ${yuanText(due.amountFen)} 元（${due.stepsZh.at(-1)}）`,
            reasonEn: `subsidy ${yuanText(f.amountFen)} yuan above the rate ${yuanText(due.amountFen)} yuan`,
          };
        }
        return { met: true, value, threshold: due.amountFen / 100, reasonZh: due.reasonZh, reasonEn: due.reasonEn };
      },
    );
  },
  sandbox: {
    schema: S1CalcInputSchema,
    example: { kind: 'solar_greenhouse', areaMu: 2.5 },
    toFacts(input: unknown): SubsidyFacts {
      const i = S1CalcInputSchema.parse(input);
      return { subsidyId: 0, regionCode: '', kind: i.kind, areaMu: i.areaMu, amountFen: null, claimedYuanPerMu: i.claimedYuanPerMu ?? null };
    },
  },
};

/**
 * C1 on recorded loans — 002 §二(四)2 (see {@link checkC1}): a loan is met when C1 accepts it (≤ 10 万, > 5 万 only
 * with 有需求、能还款, ≤ 3 years, a 脱贫户 or 边缘易致贫户, the borrower's age when the pack sets the limits).
 */
export const C1_RULE: RuleDefinition<LoanFacts> = {
  id: 'C1',
  titleZh: '脱贫人口小额信贷符合额度、期限和对象要求',
  titleEn: 'Microcredit loans meet the amount, term and borrower conditions',
  factsKind: 'loan',
  subjectLevel: 'record',
  unit: 'yuan', // the loan's amount
  evaluate(facts: LoanFacts[], config: RuleConfig): RuleResult {
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.loanId), regionCode: f.regionCode }),
      (f) => {
        const r = checkC1(config, {
          amountFen: f.amountFen,
          termMonths: f.termMonths,
          rateBp: f.rateBp,
          needsAndCanRepay: f.needsAndCanRepay,
          borrowerBirthDate: f.borrowerBirthDate,
          onDate: f.startDate,
          household: f.household,
        });
        const value = f.amountFen / 100;
        if (!r.accepted) return { met: false, value, reasonZh: r.refusals.map((x) => x.messageZh).join('；'), reasonEn: r.refusals.map((x) => x.messageEn).join('; ') };
        return {
          met: true,
          value,
          reasonZh: `符合小额信贷政策，贴息 ${yuanText(r.interestSubsidyFen)} 元`,
          reasonEn: `meets C1; interest subsidy ${yuanText(r.interestSubsidyFen)} yuan`,
        };
      },
    );
  },
  sandbox: {
    schema: C1CalcInputSchema,
    example: { amountYuan: 50_000, termYears: 3, annualRate: 3.45, needsAndCanRepay: false },
    toFacts(input: unknown): LoanFacts {
      const i = C1CalcInputSchema.parse(input);
      return {
        loanId: 0,
        regionCode: '',
        amountFen: yuanToFen(i.amountYuan, 'amountYuan'),
        termMonths: Math.round(i.termYears * 12),
        rateBp: Math.round(i.annualRate * 100),
        needsAndCanRepay: i.needsAndCanRepay,
        startDate: null,
        borrowerBirthDate: null,
        household: null,
      };
    },
  },
};

/** S1, C1 (subsidy and microcredit): the implementations of this area, registered in rule-registry.ts. */
export const CALCULATOR_RULES: RuleDefinition<never>[] = [S1_RULE as RuleDefinition<never>, C1_RULE as RuleDefinition<never>];
