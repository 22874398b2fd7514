import { describe, expect, it } from 'vitest';
import { getPack } from '../policy/packs/index.ts';
import { getRuleConfig } from '../policy/rule-registry.ts';
import type { RuleConfig } from '../policy/policy.types.ts';
import { computeS1, type S1Input } from './s1.ts';
import { ageOn, checkC1 } from './c1.ts';
import { addMonths, loanSchedule, monthsAndDays } from './c1-schedule.ts';
import { yuanText } from './amount-text.ts';
import { C1_RULE, S1_RULE } from '../policy/rules/calculator-rules.ts';

// Expected figures worked by hand from 002 §二(二)2 and §二(四)2 (晋市农发〔2023〕52号).
const s1 = getRuleConfig(getPack('jincheng'), 'S1');
const c1 = getRuleConfig(getPack('jincheng'), 'C1');

describe('S1 facility subsidy (002 §二(二)2)', () => {
  it.each<[string, S1Input, boolean, number]>([
    ['冷凉蔬菜 150 亩: below 集中连片 200 亩', { kind: 'cool_season_vegetables', areaMu: 150 }, false, 0],
    ['冷凉蔬菜 199.99 亩', { kind: 'cool_season_vegetables', areaMu: 199.99 }, false, 0],
    ['冷凉蔬菜 200 亩 × 400 = 80,000', { kind: 'cool_season_vegetables', areaMu: 200 }, true, 80_000_00],
    ['日光温室 2.5 亩 × 30,000 = 75,000', { kind: 'solar_greenhouse', areaMu: 2.5 }, true, 75_000_00],
    ['全钢架大棚 10 亩 × 8,000 = 80,000', { kind: 'steel_frame_greenhouse', areaMu: 10 }, true, 80_000_00],
    ['改造温室 claimed 25,000/亩 capped at 20,000: 3 亩 = 60,000', { kind: 'greenhouse_renovation', areaMu: 3, claimedYuanPerMu: 25_000 }, true, 60_000_00],
    ['改造温室 claimed 12,345.67/亩 × 1.5 亩 = 18,518.505 → 18,518.51', { kind: 'greenhouse_renovation', areaMu: 1.5, claimedYuanPerMu: 12_345.67 }, true, 18_518_51],
    ['改造温室 nothing claimed: the cap', { kind: 'greenhouse_renovation', areaMu: 2 }, true, 40_000_00],
    ['药茶基地 100 亩 × 200 = 20,000', { kind: 'herb_tea_base', areaMu: 100 }, true, 20_000_00],
    ['药茶基地 0.33 亩 × 200 = 66', { kind: 'herb_tea_base', areaMu: 0.33 }, true, 66_00],
  ])('%s', (_name, input, eligible, fen) => {
    const r = computeS1(s1, input);
    expect(r.eligible).toBe(eligible);
    expect(r.amountFen).toBe(fen);
  });

  it('words the working as officers write it', () => {
    expect(computeS1(s1, { kind: 'solar_greenhouse', areaMu: 2.5 }).stepsZh).toEqual(['新建日光温室 2.5 亩 × 30,000 元/亩 = 75,000 元']);
    const reno = computeS1(s1, { kind: 'greenhouse_renovation', areaMu: 3, claimedYuanPerMu: 25_000 });
    expect(reno.stepsZh[0]).toContain('超过每亩最高 20,000 元');
    expect(reno.stepsZh[1]).toBe('改造老旧温室 3 亩 × 20,000 元/亩 = 60,000 元');
    expect(computeS1(s1, { kind: 'cool_season_vegetables', areaMu: 150 }).reasonZh).toContain('200 亩以上');
  });

  it('refuses an area with more than 2 decimals, naming the field', () => {
    expect(() => computeS1(s1, { kind: 'solar_greenhouse', areaMu: 1.234 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('reads the rates from the pack (another pack rate gives another amount)', () => {
    const other: RuleConfig = { ...s1, params: { ...s1.params, solarGreenhouse: { yuanPerMu: 10_000 } } };
    expect(computeS1(other, { kind: 'solar_greenhouse', areaMu: 2.5 }).amountFen).toBe(25_000_00);
  });
});

describe('C1 microcredit (002 §二(四)2)', () => {
  const base = { termMonths: 36, rateBp: 345, needsAndCanRepay: false };
  it('5 万 for 3 years at LPR 3.45 %: subsidy 50,000 × 3.45 % × 3 = 5,175 元', () => {
    const r = checkC1(c1, { ...base, amountFen: 50_000_00 });
    expect(r).toMatchObject({ accepted: true, refusals: [], warnings: [], interestSubsidyFen: 5_175_00, subsidisedPrincipalFen: 50_000_00 });
    expect(r.stepsZh[0]).toBe('贴息本金 50,000 元 × 年利率 3.45% × 3 年 = 5,175 元');
  });
  it('8 万 with 有需求、能还款: accepted, subsidy on 5 万 only, warning on the 3 万 above', () => {
    const r = checkC1(c1, { ...base, amountFen: 80_000_00, needsAndCanRepay: true });
    expect(r.accepted).toBe(true);
    expect(r.interestSubsidyFen).toBe(5_175_00);
    expect(r.warnings.map((w) => w.messageZh)).toEqual(['超过 5 万元的部分（30,000 元）不予贴息，也不纳入风险补偿范围']);
  });
  it('8 万 without the need: refused on needsAndCanRepay', () => {
    const r = checkC1(c1, { ...base, amountFen: 80_000_00 });
    expect(r.accepted).toBe(false);
    expect(r.refusals.map((x) => x.path)).toEqual(['needsAndCanRepay']);
    expect(r.interestSubsidyFen).toBe(0);
  });
  it('12 万 refused even with the need', () => {
    const r = checkC1(c1, { ...base, amountFen: 120_000_00, needsAndCanRepay: true });
    expect(r.accepted).toBe(false);
    expect(r.refusals[0]!.messageZh).toContain('超过单户上限 10 万元');
  });
  it('10 万 with the need is accepted (含); 3 years accepted (含), 4 years refused', () => {
    expect(checkC1(c1, { ...base, amountFen: 100_000_00, needsAndCanRepay: true }).accepted).toBe(true);
    const r = checkC1(c1, { ...base, amountFen: 30_000_00, termMonths: 48, termPath: 'termYears' });
    expect(r.refusals).toEqual([expect.objectContaining({ path: 'termYears', messageZh: '贷款期限 4 年超过 3 年（含）' })]);
  });
  it('2 万 for 18 months at 3.45 %: 20,000 × 3.45 % × 1.5 = 1,035 元', () => {
    expect(checkC1(c1, { ...base, amountFen: 20_000_00, termMonths: 18 }).interestSubsidyFen).toBe(1_035_00);
  });
  it('households: every 脱贫户 whatever its monitoring category, 边缘易致贫户; not an ordinary or 突发严重困难 household', () => {
    const judge = (household: { isLifted: boolean; monitoringType: string | null }) => checkC1(c1, { ...base, amountFen: 10_000_00, household }).accepted;
    expect(judge({ isLifted: true, monitoringType: null })).toBe(true);
    expect(judge({ isLifted: true, monitoringType: 'unstable' })).toBe(true);
    expect(judge({ isLifted: false, monitoringType: 'marginal' })).toBe(true);
    expect(judge({ isLifted: false, monitoringType: 'sudden' })).toBe(false);
    expect(judge({ isLifted: false, monitoringType: null })).toBe(false);
  });
  it('borrower ages 18–65: the Jincheng pack carries them (domain-standards §6), a 66-year-old borrower is refused', () => {
    expect(checkC1(c1, { ...base, amountFen: 10_000_00, borrowerBirthDate: '1958-06-01', onDate: '2024-06-01' }).accepted).toBe(false);
    expect(checkC1(c1, { ...base, amountFen: 10_000_00, borrowerBirthDate: '1958-06-02', onDate: '2024-06-01' }).accepted).toBe(true);
  });
  it('borrower ages 18–65 when the pack sets them (DOMAIN.md C1)', () => {
    const aged: RuleConfig = { ...c1, params: { ...c1.params, borrowerMinAge: 18, borrowerMaxAge: 65 } };
    const at = (birth: string) => checkC1(aged, { ...base, amountFen: 10_000_00, borrowerBirthDate: birth, onDate: '2024-06-01' }).accepted;
    expect(at('2006-06-01')).toBe(true); // 18 that day
    expect(at('2006-06-02')).toBe(false); // 17
    expect(at('1958-06-02')).toBe(true); // 65
    expect(at('1958-06-01')).toBe(false); // 66
    expect(ageOn('1990-02-28', '2024-02-27')).toBe(33);
  });
});

describe('C1 subsidy from a recorded schedule (逐笔计息法)', () => {
  const loan = { amountFen: 50_000_00, rateBp: 345, startDate: '2024-01-15', maturityDate: '2027-01-15' };
  it('principal at maturity gives the usual 5,175 元', () => {
    expect(loanSchedule(loan, [], 50_000_00).interestSubsidyFen).toBe(5_175_00);
    expect(loanSchedule(loan, [{ paidOn: '2027-01-15', principalFen: 50_000_00 }], 50_000_00).interestSubsidyFen).toBe(5_175_00);
  });
  it('2 万 repaid after a year: 50,000 × 3.45 % × 1 + 30,000 × 3.45 % × 2 = 1,725 + 2,070 = 3,795 元', () => {
    const s = loanSchedule(loan, [{ paidOn: '2025-01-15', principalFen: 20_000_00 }], 50_000_00);
    expect(s.segments.map((x) => x.interestFen)).toEqual([1_725_00, 2_070_00]);
    expect(s.interestSubsidyFen).toBe(3_795_00);
    expect(s.outstandingFen).toBe(30_000_00);
  });
  it('8 万 repaying 3 万 after a year keeps 5 万 subsidised: 5,175 元', () => {
    expect(loanSchedule({ ...loan, amountFen: 80_000_00 }, [{ paidOn: '2025-01-15', principalFen: 30_000_00 }], 50_000_00).interestSubsidyFen).toBe(5_175_00);
  });
  it('odd days at yearly ÷ 360: all repaid on 2024-03-01 = 1 month + 15 days → 50,000 × 3.45 % × 45/360 = 215.625 → 215.63 元', () => {
    expect(monthsAndDays('2024-01-15', '2024-03-01')).toEqual({ months: 1, days: 15 });
    expect(loanSchedule(loan, [{ paidOn: '2024-03-01', principalFen: 50_000_00 }], 50_000_00).interestSubsidyFen).toBe(215_63);
  });
  it('no subsidy after maturity; month ends clamp', () => {
    expect(loanSchedule(loan, [{ paidOn: '2027-06-01', principalFen: 50_000_00 }], 50_000_00).interestSubsidyFen).toBe(5_175_00);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(yuanText(1_234_567_89)).toBe('1,234,567.89');
  });
  it('yuanText groups thousands at every length, signs and 分 kept', () => {
    expect([0, 5, 999_00, 1_000_00, 12_345_00, 123_456_00, 1_234_567_00, -1_000_05, 100_000_000_00].map(yuanText)).toEqual([
      '0',
      '0.05',
      '999',
      '1,000',
      '12,345',
      '123,456',
      '1,234,567',
      '-1,000.05',
      '100,000,000',
    ]);
  });
});

describe('S1 and C1 as rules over recorded facts and in the sandbox', () => {
  it('C1 fails a recorded loan over the limits, meets a 5 万 3-year loan of a 脱贫户', () => {
    const loan = {
      regionCode: '140525100001',
      termMonths: 36,
      rateBp: 345,
      needsAndCanRepay: false,
      startDate: '2023-03-01',
      borrowerBirthDate: null,
      household: { isLifted: true, monitoringType: null },
    };
    const r = C1_RULE.evaluate(
      [
        { ...loan, loanId: 1, amountFen: 50_000_00 },
        { ...loan, loanId: 2, amountFen: 120_000_00, needsAndCanRepay: true },
        { ...loan, loanId: 3, amountFen: 30_000_00, household: { isLifted: false, monitoringType: null } },
      ],
      c1,
      { year: 2023 },
    );
    expect(r).toMatchObject({ status: 'not_met', total: 3, met: 1 });
    expect(r.failing.map((f) => f.key)).toEqual(['2', '3']);
    expect(r.records![0]!.reasonZh).toContain('贴息 5,175 元');
  });
  it('S1 fails a subsidy above the rate or not eligible', () => {
    const base = { regionCode: '140525100001' };
    const r = S1_RULE.evaluate(
      [
        { ...base, subsidyId: 1, kind: 'solar_greenhouse', areaMu: 2.5, amountFen: 75_000_00 },
        { ...base, subsidyId: 2, kind: 'solar_greenhouse', areaMu: 2.5, amountFen: 75_000_01 },
        { ...base, subsidyId: 3, kind: 'cool_season_vegetables', areaMu: 150, amountFen: 60_000_00 },
        { ...base, subsidyId: 4, kind: 'greenhouse_renovation', areaMu: 3, amountFen: 60_000_00 },
      ],
      s1,
      { year: 2023 },
    );
    expect(r.failing.map((f) => f.key)).toEqual(['2', '3']);
  });
  it('the sandboxes take the calculator input', () => {
    const c = C1_RULE.sandbox!.toFacts({ amountYuan: 120_000, termYears: 3, annualRate: 3.45, needsAndCanRepay: true }, 2023);
    expect(C1_RULE.evaluate([c], c1, { year: 2023 }).status).toBe('not_met');
    const s = S1_RULE.sandbox!.toFacts({ kind: 'cool_season_vegetables', areaMu: 200 }, 2023);
    expect(S1_RULE.evaluate([s], s1, { year: 2023 })).toMatchObject({ status: 'met', met: 1 });
    expect(S1_RULE.evaluate([s], s1, { year: 2023 }).records![0]!.value).toBe(80_000);
  });
});
