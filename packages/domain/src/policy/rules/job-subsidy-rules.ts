import { z } from 'zod';
import { moneySchema } from '../../api/common.schemas.ts';
import { yuanText } from '../../calculators/amount-text.ts';
import {
  isJobSubsidyEligible,
  jobSubsidyIneligibility,
  jobSubsidyTerms,
  type JobSubsidyKind,
  type JobSubsidyPerson,
  type JobSubsidyTerms,
} from '../../employment/job-subsidies.ts';
import { yuanToFen } from '../../money/money.ts';
import { evaluateSubjects, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';

/** One 就业补助 paid to the person (subsidy_payments). */
export type JobSubsidyPaymentFact = { kind: JobSubsidyKind; year: number; amountFen: number; entityId: number | null };

/**
 * The facts of one person for J1, J2 and J3 (factsKind `job_subsidy`: the server's gatherer, one row per person in the
 * registry under the prefix whose household is 脱贫户 or 监测户, or who has been paid a job subsidy): the person's
 * record as it stands and the payments made to them.
 */
export type JobSubsidyFacts = JobSubsidyPerson & {
  personId: number;
  householdId: number;
  /** the household's village */
  regionCode: string;
  payments: readonly JobSubsidyPaymentFact[];
};

const NO_PAYMENTS: readonly JobSubsidyPaymentFact[] = [];

/** The subject key of a J3 pair: entity and person (one hiring subsidy each). */
export const hiringKey = (entityId: number | null, personId: number) => `${entityId ?? 0}:${personId}`;

const PAID_OK = (fen: number, year: number | null): SubjectOutcome => ({
  met: true,
  reasonZh: `${year ? `${year} 年` : ''}已发放 ${yuanText(fen)} 元`,
  reasonEn: `${yuanText(fen)} yuan paid${year ? ` in ${year}` : ''}`,
});
const UNPAID = (what: string, en: string): SubjectOutcome => ({ met: false, reasonZh: `符合条件未发放：${what}`, reasonEn: `eligible, ${en} not paid` });

const HOUSEHOLD_TYPE = z.enum(['lifted', 'monitored', 'ordinary']).describe('户类型: lifted 脱贫户 | monitored 监测户 | ordinary 一般农户 (dict household_type)');

/**
 * J1 (003 §二(三)2 "对跨省就业的脱贫人口和监测对象，按照不超过300元的标准，安排一次性交通补助"): every eligible person (脱贫户 or 监测户,
 * 省外务工) is paid the travel subsidy of the judged year, at most params.maxYuan. Paid within the cap: met; paid above it:
 * not met (超过标准); eligible and not paid this year: not met (符合条件未发放). A person paid this year who is no longer
 * eligible is judged on the payment (eligible when paid).
 */
export const J1_RULE: RuleDefinition<JobSubsidyFacts> = {
  id: 'J1',
  titleZh: '跨省就业脱贫人口和监测对象一次性交通补助',
  titleEn: 'One-off travel subsidy for cross-province workers',
  factsKind: 'job_subsidy',
  subjectLevel: 'record',
  unit: 'share', // eligible persons paid within the cap ÷ eligible persons
  evaluate(facts, config, ctx) {
    const terms = jobSubsidyTerms('travel', config);
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.personId), regionCode: f.regionCode }),
      (f): SubjectOutcome => {
        let paid = 0;
        for (const p of f.payments) if (p.kind === 'travel' && p.year === ctx.year) paid += p.amountFen;
        if (paid > 0 && terms.maxFen !== null && paid > terms.maxFen) {
          return {
            met: false,
            reasonZh: `${ctx.year} 年发放 ${yuanText(paid)} 元，超过不超过 ${yuanText(terms.maxFen)} 元的标准`,
            reasonEn: `${yuanText(paid)} yuan paid in ${ctx.year}, above the cap of ${yuanText(terms.maxFen)} yuan`,
          };
        }
        if (paid > 0) return PAID_OK(paid, ctx.year);
        if (jobSubsidyIneligibility('travel', f, terms).length) return 'not_applicable';
        return UNPAID(`${ctx.year} 年一次性交通补助（省外务工）`, 'the travel subsidy of the year');
      },
    );
  },
  sandbox: sandboxOf('travel'),
};

/**
 * J2 (003 §二(二)2 "对符合要求的脱贫个体经营户可申请一次性创业补助5000元"): every eligible person (脱贫户, 自主创业) has been paid
 * the start-up subsidy once (any year up to the judged one), exactly params.amountYuan. Not paid: 符合条件未发放; paid another
 * amount: not met. Once per household (the 个体经营户; migration 0008): an unpaid member of a household paid through
 * another member is not a subject.
 */
export const J2_RULE: RuleDefinition<JobSubsidyFacts> = {
  id: 'J2',
  titleZh: '脱贫个体经营户一次性创业补助',
  titleEn: 'One-off start-up subsidy for lifted individual businesses',
  factsKind: 'job_subsidy',
  subjectLevel: 'record',
  unit: 'share', // eligible persons paid ÷ eligible persons
  evaluate(facts, config, ctx) {
    const terms = jobSubsidyTerms('startup', config);
    const householdsPaid = new Set(facts.filter((f) => f.payments.some((p) => p.kind === 'startup' && p.year <= ctx.year)).map((f) => f.householdId));
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.personId), regionCode: f.regionCode }),
      (f): SubjectOutcome => {
        const paid = f.payments.find((p) => p.kind === 'startup' && p.year <= ctx.year);
        if (paid && terms.amountFen !== null && paid.amountFen !== terms.amountFen) {
          return {
            met: false,
            reasonZh: `${paid.year} 年发放 ${yuanText(paid.amountFen)} 元，与 ${yuanText(terms.amountFen)} 元的标准不符`,
            reasonEn: `${yuanText(paid.amountFen)} yuan paid, the standard is ${yuanText(terms.amountFen)} yuan`,
          };
        }
        if (paid) return PAID_OK(paid.amountFen, paid.year);
        if (householdsPaid.has(f.householdId) || jobSubsidyIneligibility('startup', f, terms).length) return 'not_applicable';
        return UNPAID('一次性创业补助（脱贫户自主创业）', 'the start-up subsidy');
      },
    );
  },
  sandbox: sandboxOf('startup'),
};

/**
 * J3 (003 §二(三)2 "本地各类市场经营主体吸纳脱贫人口和监测对象稳定就业6个月以上的，按规定给予一次性吸纳就业补贴"): each eligible
 * (entity, person) pair — a 脱贫户 or 监测户 member whose 务工企业 is the entity, 务工时间（月） ≥ params.minStableMonths — has
 * had the hiring subsidy paid to that entity (any year up to the judged one). The amount is the county's (the seed gives
 * none), so it is not judged. Subjects are keyed `entityId:personId`; a pair already paid stays met when the person
 * has moved on.
 */
export const J3_RULE: RuleDefinition<JobSubsidyFacts> = {
  id: 'J3',
  titleZh: '吸纳脱贫人口和监测对象稳定就业一次性吸纳就业补贴',
  titleEn: 'One-off hiring subsidy for entities employing lifted or monitored people',
  factsKind: 'job_subsidy',
  subjectLevel: 'record',
  unit: 'share', // eligible pairs paid ÷ eligible pairs
  evaluate(facts, config, ctx): RuleResult {
    const terms = jobSubsidyTerms('hiring', config);
    // one subject per (entity, person): the current employer (when eligible or paid) and every entity paid for the person
    type Pair = JobSubsidyFacts & { entityId: number | null; paidFen: number | null; paidYear: number | null };
    const pairs: Pair[] = [];
    for (const f of facts) {
      // most persons have no payment and no eligible employer: no pair, nothing allocated (a county's persons)
      const paid = f.payments.length ? f.payments.filter((p) => p.kind === 'hiring' && p.year <= ctx.year) : NO_PAYMENTS;
      for (const p of paid) pairs.push({ ...f, entityId: p.entityId, paidFen: p.amountFen, paidYear: p.year });
      // the current employer, when not paid for the person: a subject only when the person is eligible with it
      if (f.employerEntityId !== null && !paid.some((p) => p.entityId === f.employerEntityId) && isJobSubsidyEligible('hiring', f, terms)) {
        pairs.push({ ...f, entityId: f.employerEntityId, paidFen: null, paidYear: null });
      }
    }
    return evaluateSubjects(
      pairs,
      config,
      (p) => ({ key: hiringKey(p.entityId, p.personId), regionCode: p.regionCode }),
      (p): SubjectOutcome => {
        if (p.paidFen !== null) return PAID_OK(p.paidFen, p.paidYear);
        return UNPAID(`一次性吸纳就业补贴（稳定就业 ${p.workMonths ?? 0} 个月）`, 'the hiring subsidy');
      },
    );
  },
  sandbox: sandboxOf('hiring'),
};

/**
 * The 试算 facts of one person: 户类型; J1 省外务工 (outOfProvince); J2 自主创业 (selfEmployed); J3 务工时间（月）(workMonths)
 * with a registry employer; the amount already paid (paidYuan, 0 = not paid; J1 in the judged year).
 */
function sandboxOf(kind: JobSubsidyKind) {
  const paidYuan = moneySchema().describe('已发放金额（元），0 表示未发放');
  const schema =
    kind === 'travel'
      ? z.object({ householdType: HOUSEHOLD_TYPE, outOfProvince: z.boolean().describe('省外务工（跨省就业）'), paidYuan })
      : kind === 'startup'
        ? z.object({ householdType: HOUSEHOLD_TYPE, selfEmployed: z.boolean().describe('自主创业（个体经营）'), paidYuan })
        : z.object({ householdType: HOUSEHOLD_TYPE, workMonths: z.number().int().min(0).max(12).describe('在本主体务工时间（月）'), paidYuan });
  const example =
    kind === 'travel'
      ? { householdType: 'lifted', outOfProvince: true, paidYuan: 300 }
      : kind === 'startup'
        ? { householdType: 'lifted', selfEmployed: true, paidYuan: 0 }
        : { householdType: 'monitored', workMonths: 8, paidYuan: 0 };
  return {
    schema,
    example,
    toFacts(input: unknown, year: number): JobSubsidyFacts {
      const i = schema.parse(input) as { householdType: string; outOfProvince?: boolean; selfEmployed?: boolean; workMonths?: number; paidYuan: number };
      const paidFen = yuanToFen(i.paidYuan, 'paidYuan');
      return {
        personId: 0,
        householdId: 0,
        regionCode: '',
        householdType: i.householdType,
        employmentStatus: i.outOfProvince ? 'out_province' : null,
        employmentChannel: i.selfEmployed ? 'self_employed' : null,
        workMonths: i.workMonths ?? null,
        employerEntityId: kind === 'hiring' ? 1 : null,
        payments: paidFen > 0 ? [{ kind, year, amountFen: paidFen, entityId: kind === 'hiring' ? 1 : null }] : [],
      };
    },
  };
}

/** The pack's terms of every kind it sets (the server's list and payment read them). */
export function jobSubsidyTermsOf(configs: readonly RuleConfig[], kind: JobSubsidyKind): JobSubsidyTerms | null {
  const id = kind === 'travel' ? 'J1' : kind === 'startup' ? 'J2' : 'J3';
  const c = configs.find((r) => r.ruleId === id);
  return c ? jobSubsidyTerms(kind, c) : null;
}

/** J1–J3 (就业补助, issue 8 §5), registered in rule-registry.ts. */
export const JOB_SUBSIDY_RULES: RuleDefinition<never>[] = [J1_RULE, J2_RULE, J3_RULE] as unknown as RuleDefinition<never>[];
