import { describe, expect, it } from 'vitest';
import { findPack } from '../packs/index.ts';
import type { RuleConfig } from '../policy.types.ts';
import { J1_RULE, J2_RULE, J3_RULE, type JobSubsidyFacts } from './job-subsidy-rules.ts';

// The Sanmenxia pack: J1 ≤ 300 元 (003 §二(三)2), J2 5000 元 (003 §二(二)2), J3 ≥ 6 months (003 §二(三)2).
const pack = findPack('sanmenxia')!;
const cfg = (id: string): RuleConfig => pack.rules.find((r) => r.ruleId === id)!;
const year = 2025;

let next = 1;
const f = (o: Partial<JobSubsidyFacts> = {}): JobSubsidyFacts => {
  const id = next++;
  return {
    personId: id,
    householdId: id,
    regionCode: '411272100201',
    householdType: 'lifted',
    employmentStatus: null,
    employmentChannel: null,
    workMonths: null,
    employerEntityId: null,
    payments: [],
    ...o,
  };
};

describe('J1 跨省就业一次性交通补助 ≤ 300 元 (003 §二(三)2)', () => {
  it('eligible and unpaid fails 符合条件未发放; paid 300 meets; paid 350 fails above the cap; an ordinary household is not a subject', () => {
    const unpaid = f({ employmentStatus: 'out_province' });
    const paid = f({ householdType: 'monitored', employmentStatus: 'out_province', payments: [{ kind: 'travel', year, amountFen: 30_000, entityId: null }] });
    const over = f({ employmentStatus: 'out_province', payments: [{ kind: 'travel', year, amountFen: 35_000, entityId: null }] });
    const lastYear = f({ employmentStatus: 'out_province', payments: [{ kind: 'travel', year: year - 1, amountFen: 30_000, entityId: null }] });
    const ordinary = f({ householdType: 'ordinary', employmentStatus: 'out_province' });
    const r = J1_RULE.evaluate([unpaid, paid, over, lastYear, ordinary], cfg('J1'), { year });
    expect([r.total, r.met, r.status]).toEqual([4, 1, 'not_met']);
    expect(Object.fromEntries(r.failing.map((x) => [x.key, x.reasonZh]))).toEqual({
      [unpaid.personId]: '符合条件未发放：2025 年一次性交通补助（省外务工）',
      [over.personId]: '2025 年发放 350 元，超过不超过 300 元的标准',
      [lastYear.personId]: '符合条件未发放：2025 年一次性交通补助（省外务工）',
    });
  });
  it('sandbox: a 脱贫 migrant paid 300 meets; unpaid fails', () => {
    const ex = J1_RULE.sandbox!.toFacts(J1_RULE.sandbox!.example, year);
    expect(J1_RULE.evaluate([ex], cfg('J1'), { year }).status).toBe('met');
    const none = J1_RULE.sandbox!.toFacts({ householdType: 'lifted', outOfProvince: true, paidYuan: 0 }, year);
    expect(J1_RULE.evaluate([none], cfg('J1'), { year }).status).toBe('not_met');
    const local = J1_RULE.sandbox!.toFacts({ householdType: 'lifted', outOfProvince: false, paidYuan: 0 }, year);
    expect(J1_RULE.evaluate([local], cfg('J1'), { year }).status).toBe('not_applicable');
  });
});

describe('J2 脱贫个体经营户一次性创业补助 5000 元 (003 §二(二)2)', () => {
  it('paid once in an earlier year meets; unpaid fails; 3000 fails; a monitored household is not a subject', () => {
    const earlier = f({ employmentChannel: 'self_employed', payments: [{ kind: 'startup', year: 2023, amountFen: 500_000, entityId: null }] });
    const unpaid = f({ employmentStatus: 'self_employed' });
    const wrong = f({ employmentChannel: 'self_employed', payments: [{ kind: 'startup', year, amountFen: 300_000, entityId: null }] });
    const monitored = f({ householdType: 'monitored', employmentChannel: 'self_employed' });
    const r = J2_RULE.evaluate([earlier, unpaid, wrong, monitored], cfg('J2'), { year });
    expect([r.total, r.met]).toEqual([3, 1]);
    expect(r.records!.find((x) => x.key === String(earlier.personId))!.reasonZh).toBe('2023 年已发放 5,000 元');
    expect(r.failing.find((x) => x.key === String(wrong.personId))!.reasonZh).toBe('2025 年发放 3,000 元，与 5,000 元的标准不符');
    expect(r.failing.find((x) => x.key === String(unpaid.personId))!.reasonZh).toBe('符合条件未发放：一次性创业补助（脱贫户自主创业）');
  });
  it('a payment made after the judged year does not count for it', () => {
    const later = f({ employmentChannel: 'self_employed', payments: [{ kind: 'startup', year: 2026, amountFen: 500_000, entityId: null }] });
    expect(J2_RULE.evaluate([later], cfg('J2'), { year }).status).toBe('not_met');
  });
  it('once per household: the other self-employed member of a paid household is not a subject (本户已发放)', () => {
    const paid = f({ employmentChannel: 'self_employed', payments: [{ kind: 'startup', year: 2024, amountFen: 500_000, entityId: null }] });
    const sameHousehold = f({ householdId: paid.householdId, employmentStatus: 'self_employed' });
    const r = J2_RULE.evaluate([paid, sameHousehold], cfg('J2'), { year });
    expect([r.total, r.met, r.status]).toEqual([1, 1, 'met']);
  });
});

describe('J3 吸纳稳定就业 6 个月以上一次性吸纳就业补贴 (003 §二(三)2)', () => {
  it('pairs keyed entity:person; 6 months unpaid fails, 5 months is not a subject, a paid pair meets even after a move', () => {
    const six = f({ householdType: 'monitored', employerEntityId: 9, workMonths: 6 });
    const five = f({ employerEntityId: 9, workMonths: 5 });
    const moved = f({ employerEntityId: 10, workMonths: 2, payments: [{ kind: 'hiring', year: 2024, amountFen: 100_000, entityId: 9 }] });
    const r = J3_RULE.evaluate([six, five, moved], cfg('J3'), { year });
    expect(r.records!.map((x) => [x.key, x.met])).toEqual([
      [`9:${six.personId}`, false],
      [`9:${moved.personId}`, true],
    ]);
    expect(r.failing[0]!.reasonZh).toBe('符合条件未发放：一次性吸纳就业补贴（稳定就业 6 个月）');
  });
  it('sandbox: 8 months unpaid fails; 3 months is not applicable', () => {
    expect(J3_RULE.evaluate([J3_RULE.sandbox!.toFacts(J3_RULE.sandbox!.example, year)], cfg('J3'), { year }).status).toBe('not_met');
    expect(J3_RULE.evaluate([J3_RULE.sandbox!.toFacts({ householdType: 'lifted', workMonths: 3, paidYuan: 0 }, year)], cfg('J3'), { year }).status).toBe('not_applicable');
  });
});
