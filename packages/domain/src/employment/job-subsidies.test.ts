import { describe, expect, it } from 'vitest';
import { findPack } from '../policy/packs/index.ts';
import type { RuleConfig } from '../policy/policy.types.ts';
import {
  defaultJobSubsidyFen,
  duplicateJobSubsidyIssue,
  isJobSubsidyEligible,
  jobSubsidyAmountIssue,
  jobSubsidyIneligibility,
  jobSubsidyTerms,
  sameJobSubsidySlot,
  type JobSubsidyPerson,
} from './job-subsidies.ts';

// The Sanmenxia pack's own configs: J1 {maxYuan 300} (003 §二(三)2), J2 {amountYuan 5000} (003 §二(二)2),
// J3 {minStableMonths 6} (003 §二(三)2).
const pack = findPack('sanmenxia')!;
const cfg = (id: string): RuleConfig => pack.rules.find((r) => r.ruleId === id)!;
const travel = jobSubsidyTerms('travel', cfg('J1'));
const startup = jobSubsidyTerms('startup', cfg('J2'));
const hiring = jobSubsidyTerms('hiring', cfg('J3'));

const person = (o: Partial<JobSubsidyPerson> = {}): JobSubsidyPerson => ({
  householdType: 'lifted',
  employmentStatus: null,
  employmentChannel: null,
  workMonths: null,
  employerEntityId: null,
  ...o,
});

describe('terms from the pack (003 §二(二)2, §二(三)2)', () => {
  it('reads 300 元, 5000 元 and 6 months in 分 and months', () => {
    expect([travel.maxFen, startup.amountFen, hiring.minStableMonths]).toEqual([30_000, 500_000, 6]);
    expect(travel.clause).toBe('003 §二(三)2');
    expect(startup.clause).toBe('003 §二(二)2');
  });
  it('prefills J1 with the cap, J2 with the amount, J3 with nothing (the seed gives no figure)', () => {
    expect([defaultJobSubsidyFen(travel), defaultJobSubsidyFen(startup), defaultJobSubsidyFen(hiring)]).toEqual([30_000, 500_000, null]);
  });
  it('refuses a config of another rule and a pack without the figure', () => {
    expect(() => jobSubsidyTerms('travel', cfg('J2'))).toThrow(/J1/);
    expect(() => jobSubsidyTerms('travel', { ruleId: 'J1', clause: 'x', params: {} })).toThrow(/maxYuan/);
  });
});

describe('J1 一次性交通补助: 跨省就业的脱贫人口和监测对象 (003 §二(三)2)', () => {
  it.each([
    ['lifted', 'out_province', true],
    ['monitored', 'out_province', true],
    ['ordinary', 'out_province', false],
    ['lifted', 'in_province', false],
    ['lifted', null, false],
  ] as const)('%s household, status %s → eligible %s', (householdType, employmentStatus, ok) => {
    expect(isJobSubsidyEligible('travel', person({ householdType, employmentStatus }), travel)).toBe(ok);
  });
  it('gives the reasons in Chinese', () => {
    expect(jobSubsidyIneligibility('travel', person({ householdType: 'ordinary', employmentStatus: 'in_county' }), travel).map((r) => r.zh)).toEqual([
      '非脱贫户/监测户（一般农户）',
      '非省外务工（跨省就业）',
    ]);
    expect(jobSubsidyIneligibility('travel', person({ employmentStatus: 'out_province', exited: true }), travel).map((r) => r.code)).toEqual(['exited']);
  });
  it('amount: 300 元 is the cap, 300.01 is refused citing the clause, 0 is refused', () => {
    expect(jobSubsidyAmountIssue(travel, 30_000)).toBeNull();
    expect(jobSubsidyAmountIssue(travel, 20_000)).toBeNull();
    expect(jobSubsidyAmountIssue(travel, 30_001)?.messageZh).toBe('一次性交通补助不超过 300 元（003 §二(三)2），本次 300.01 元');
    expect(jobSubsidyAmountIssue(travel, 0)?.path).toBe('amountYuan');
  });
});

describe('J2 一次性创业补助 5000 元: 脱贫个体经营户 (003 §二(二)2)', () => {
  it('a self-employed member of a 脱贫户 (channel or status) is eligible; a 监测户 member is not', () => {
    expect(isJobSubsidyEligible('startup', person({ employmentChannel: 'self_employed' }), startup)).toBe(true);
    expect(isJobSubsidyEligible('startup', person({ employmentStatus: 'self_employed' }), startup)).toBe(true);
    expect(jobSubsidyIneligibility('startup', person({ householdType: 'monitored', employmentChannel: 'self_employed' }), startup).map((r) => r.zh)).toEqual([
      '非脱贫户（监测户）',
    ]);
    expect(jobSubsidyIneligibility('startup', person({ employmentChannel: 'enterprise' }), startup).map((r) => r.zh)).toEqual(['非自主创业（个体经营）']);
  });
  it('amount: exactly 5000 元', () => {
    expect(jobSubsidyAmountIssue(startup, 500_000)).toBeNull();
    expect(jobSubsidyAmountIssue(startup, 300_000)?.messageZh).toBe('一次性创业补助为 5,000 元（003 §二(二)2），本次 3,000 元');
  });
});

describe('J3 一次性吸纳就业补贴: 稳定就业 6 个月以上 (003 §二(三)2), computed from 务工时间（月）', () => {
  it.each([
    [6, true],
    [12, true],
    [5, false],
    [null, false],
  ] as const)('%s months with a registry employer → eligible %s', (workMonths, ok) => {
    expect(isJobSubsidyEligible('hiring', person({ householdType: 'monitored', workMonths, employerEntityId: 7 }), hiring)).toBe(ok);
  });
  it('words: 务工不满 6 个月, no employer', () => {
    expect(jobSubsidyIneligibility('hiring', person({ workMonths: 5 }), hiring).map((r) => r.zh)).toEqual(['未登记务工企业（经营主体）', '务工不满 6 个月（已务工 5 个月）']);
    expect(jobSubsidyIneligibility('hiring', person({ workMonths: null, employerEntityId: 3 }), hiring).map((r) => r.zh)).toEqual(['务工不满 6 个月（务工时间未填）']);
  });
  it('any positive amount the county sets', () => {
    expect(jobSubsidyAmountIssue(hiring, 100_000)).toBeNull();
    expect(jobSubsidyAmountIssue(hiring, 0)).not.toBeNull();
  });
});

describe('once only: J1 per person and year, J2 per household, J3 per (entity, person)', () => {
  const p = { personId: 1, householdId: 10, entityId: null, year: 2025 };
  it('slots', () => {
    expect(sameJobSubsidySlot({ ...p, kind: 'travel' }, { ...p, kind: 'travel' })).toBe(true);
    expect(sameJobSubsidySlot({ ...p, kind: 'travel' }, { ...p, kind: 'travel', year: 2026 })).toBe(false);
    expect(sameJobSubsidySlot({ ...p, kind: 'startup' }, { ...p, kind: 'startup', year: 2026 })).toBe(true);
    expect(sameJobSubsidySlot({ ...p, kind: 'hiring', entityId: 1 }, { ...p, kind: 'hiring', entityId: 2 })).toBe(false);
    expect(sameJobSubsidySlot({ ...p, kind: 'hiring', entityId: 1 }, { ...p, kind: 'hiring', entityId: 1, year: 2030 })).toBe(true);
    expect(sameJobSubsidySlot({ ...p, kind: 'travel' }, { ...p, kind: 'startup' })).toBe(false);
  });
  it('J2 (003 §二(二)2 脱贫个体经营户): another member of the household paid blocks; another household does not', () => {
    expect(sameJobSubsidySlot({ ...p, kind: 'startup' }, { ...p, kind: 'startup', personId: 2 })).toBe(true);
    expect(sameJobSubsidySlot({ ...p, kind: 'startup' }, { ...p, kind: 'startup', householdId: 11 })).toBe(false);
    expect(sameJobSubsidySlot({ ...p, kind: 'travel' }, { ...p, kind: 'travel', personId: 2 })).toBe(false);
    expect(duplicateJobSubsidyIssue('startup', 2025).messageZh).toBe('该户已发放一次性创业补助（每户一次），不能重复发放');
  });
  it('the refusal names the year for J1', () => {
    expect(duplicateJobSubsidyIssue('travel', 2025).messageZh).toBe('该人员 2025 年已发放一次性交通补助，每年只发放一次，不能重复发放');
  });
});
