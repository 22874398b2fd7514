import { describe, expect, it } from 'vitest';
import { applyFundMove, changedRules } from '../../funds/what-if.ts';
import type { RuleConfig } from '../policy.types.ts';
import { F1_RULE, F2_RULE, F3_RULE, F4_RULE, F5_RULE, P2_RULE, P5_RULE, emptyFundYear, shareOf, type FundFacts, type FundYear } from './fund-rules.ts';

const y = (v: Partial<FundYear>): FundYear => ({ ...emptyFundYear(), ...v });
const county = (years: Record<string, Partial<FundYear>>, leadingIndustries = 0): FundFacts => ({
  regionCode: '411282',
  level: 'county',
  years: Object.fromEntries(Object.entries(years).map(([k, v]) => [k, y(v)])),
  leadingIndustries,
});

// the packs' own configs (sanmenxia, xuchang, jincheng, xinxiang)
const F1: RuleConfig = { ruleId: 'F1', clause: '000 §五(二)', params: { minShare: 0.55, mustRise: true } };
const F2: RuleConfig = { ruleId: 'F2', clause: '001 §二(一)2', params: { minShare: 0.5, mustRise: true, includeSupportingFacilities: true } };
const F3: RuleConfig = { ruleId: 'F3', clause: '002 §二(四)1', params: { minShare: 0.6, scope: 'city_to_county' }, years: [2023] };
const F4: RuleConfig = {
  ruleId: 'F4',
  clause: '004 §二；§三',
  params: { minShare: 0.65, minLeadingChainShareOfIndustryFunds: 0.5, baseline: { year: 2023, share: 0.674 } },
  years: [2024],
};
const F5: RuleConfig = {
  ruleId: 'F5',
  clause: '003 §二(一)',
  params: { minAmountYuanPerTownship: 10_000_000, minAmountYear: 2022, mustRise: true, shareMustRise: true },
  years: [2022, 2023, 2024, 2025],
};
const P2: RuleConfig = { ruleId: 'P2', clause: '001 §二(一)5', params: { minShare: 0.5, mustRise: true, measure: 'funds' } };
const P5: RuleConfig = { ruleId: 'P5', clause: '001 §二(一)5', params: { minLeadingIndustries: 2, maxLeadingIndustries: 3 } };

describe('shares on integer 分', () => {
  it('rounds half up to 4 decimals without float division of 元', () => {
    expect(shareOf(5_400_000, 10_000_000)).toBe(0.54);
    expect(shareOf(0.01, 0.03)).toBe(0.3333);
    expect(shareOf(0.02, 0.03)).toBe(0.6667);
    expect(shareOf(1, 0)).toBeNull();
  });
});

describe('F1 (000 §五(二): 55 % and rising)', () => {
  it('2023: 540 万 of 1000 万 is 54.0 %, below 55 % and below last year 56.0 %', () => {
    const r = F1_RULE.evaluate([county({ 2022: { linkageFundYuan: 10_000_000, industryYuan: 5_600_000 }, 2023: { linkageFundYuan: 10_000_000, industryYuan: 5_400_000 } })], F1, {
      year: 2023,
    });
    expect(r.status).toBe('not_met');
    expect(r.value).toBe(0.54);
    expect(r.threshold).toBe(0.55);
    expect(r.failing[0]?.reasonZh).toBe('2023 年衔接资金用于产业发展 540 万元，占衔接资金 54.0%，低于 55%；且未高于上年 56.0%');
  });
  it('met at 57.5 % above 56.0 %; a share above 55 % but not above last year fails', () => {
    const met = F1_RULE.evaluate([county({ 2022: { linkageFundYuan: 10_000_000, industryYuan: 5_600_000 }, 2023: { linkageFundYuan: 10_000_000, industryYuan: 5_750_000 } })], F1, {
      year: 2023,
    });
    expect(met.status).toBe('met');
    const flat = F1_RULE.evaluate(
      [county({ 2022: { linkageFundYuan: 10_000_000, industryYuan: 5_600_000 }, 2023: { linkageFundYuan: 20_000_000, industryYuan: 11_200_000 } })],
      F1,
      { year: 2023 },
    );
    expect(flat.status).toBe('not_met');
    expect(flat.failing[0]?.reasonZh).toContain('但未高于上年 56.0%');
  });
  it('54.996 % is below 55 % although it rounds to 0.55', () => {
    const r = F1_RULE.evaluate([county({ 2023: { linkageFundYuan: 10_000_000, industryYuan: 5_499_600 } })], F1, { year: 2023 });
    expect(r.value).toBe(0.55);
    expect(r.status).toBe('not_met');
  });
  it('without last year rising is not judged, and says so; no money → not applicable', () => {
    const r = F1_RULE.evaluate([county({ 2023: { linkageFundYuan: 10_000_000, industryYuan: 5_500_000 } })], F1, { year: 2023 });
    expect(r.status).toBe('met');
    expect(r.records?.[0]?.reasonZh).toContain('无 2022 年数据，未判断逐年提升');
    expect(F1_RULE.evaluate([county({})], F1, { year: 2023 }).status).toBe('not_applicable');
  });
  it('sandbox takes the issue shape', () => {
    const facts = F1_RULE.sandbox!.toFacts({ years: { '2022': { linkageFundYuan: 100, industryYuan: 56 }, '2023': { linkageFundYuan: 100, industryYuan: 54 } } }, 2023);
    expect(F1_RULE.evaluate([facts], F1, { year: 2023 }).status).toBe('not_met');
    expect(F1_RULE.sandbox!.schema.safeParse({ years: { '2022': { linkageFundYuan: 1.001, industryYuan: 1 } } }).success).toBe(false);
  });
});

describe('F2 (001 §二(一)2: specialty ≥ 50 % of industry-project money and above last year)', () => {
  it('51 % after 52 % fails on rising; 53 % after 52 % is met', () => {
    const mk = (s2023: number) => county({ 2022: { industryProjectYuan: 20_000_000, specialtyYuan: 10_400_000 }, 2023: { industryProjectYuan: 20_000_000, specialtyYuan: s2023 } });
    expect(F2_RULE.evaluate([mk(10_200_000)], F2, { year: 2023 }).status).toBe('not_met');
    expect(F2_RULE.evaluate([mk(10_600_000)], F2, { year: 2023 }).status).toBe('met');
  });
  it('配套设施 serving a specialty industry count (含水电路网等配套设施): 49 % + 5 % supports = 54 % after 52 % is met; without them not', () => {
    const facts = county({
      2022: { industryProjectYuan: 20_000_000, specialtyYuan: 10_400_000 },
      2023: { industryProjectYuan: 20_000_000, specialtyYuan: 9_800_000, specialtySupportYuan: 1_000_000 },
    });
    const r = F2_RULE.evaluate([facts], F2, { year: 2023 });
    expect(r.status).toBe('met');
    expect(r.value).toBe(0.54);
    expect(r.records?.[0]?.reasonZh).toBe('2023 年投入特色产业资金（含配套设施） 1080 万元，占产业项目资金 54.0%，不低于 50%；高于上年 52.0%');
    const absent = F2_RULE.evaluate([facts], { ...F2, params: { minShare: 0.5, mustRise: true } }, { year: 2023 });
    expect(absent.value).toBe(0.54); // the clause says 含: a pack that does not say otherwise counts them
    const without = F2_RULE.evaluate([facts], { ...F2, params: { ...F2.params, includeSupportingFacilities: false } }, { year: 2023 });
    expect(without.status).toBe('not_met');
    expect(without.value).toBe(0.49);
    expect(without.failing[0]?.reasonZh).toBe('2023 年投入特色产业资金（不含配套设施） 980 万元，占产业项目资金 49.0%，低于 50%；且未高于上年 52.0%');
  });
  it('what-if: moving money out of a supporting-facility project lowers the support money, not the flagged specialty money', () => {
    const facts = county({ 2023: { industryYuan: 2_000_000, industryProjectYuan: 2_000_000, specialtyYuan: 900_000, specialtySupportYuan: 300_000 } });
    const support = { projectType: 'industry', isSpecialty: false, specialtySupport: true, leadingChain: false };
    const moved = applyFundMove(facts, 2023, support, { projectType: 'rural_construction' }, 300_000);
    expect(moved.years['2023']).toMatchObject({ specialtyYuan: 900_000, specialtySupportYuan: 0, industryProjectYuan: 1_700_000 });
    expect(F2_RULE.evaluate([moved], F2, { year: 2023 }).value).toBe(0.5294); // 90 万 ÷ 170 万
  });
  it('sandbox: industryYuan is the specialty money, linkageFundYuan the industry-project money', () => {
    const facts = F2_RULE.sandbox!.toFacts({ years: { '2023': { linkageFundYuan: 1000, industryYuan: 490 } } }, 2023);
    const r = F2_RULE.evaluate([facts], F2, { year: 2023 });
    expect(r.value).toBe(0.49);
    expect(r.status).toBe('not_met');
  });
});

describe('F3 (002 §二(四)1: city money to the county ≥ 60 % for industry)', () => {
  it('exactly 60 % is met, 59.99 % is not; outside 2023 not in force', () => {
    expect(F3_RULE.evaluate([county({ 2023: { cityLinkageFundYuan: 10_000_000, cityIndustryYuan: 6_000_000 } })], F3, { year: 2023 }).status).toBe('met');
    expect(F3_RULE.evaluate([county({ 2023: { cityLinkageFundYuan: 10_000_000, cityIndustryYuan: 5_999_000 } })], F3, { year: 2023 }).status).toBe('not_met');
    expect(F3_RULE.evaluate([county({ 2024: { cityLinkageFundYuan: 10_000_000, cityIndustryYuan: 1 } })], F3, { year: 2024 }).status).toBe('not_applicable');
  });
});

describe('F4 (004 §二, §三: 65 % in 2024, ≥ 50 % of industry money to leading full chains)', () => {
  it('66 % but leading chains 48.5 % fails, naming the 2023 baseline 67.4 %', () => {
    const r = F4_RULE.evaluate([county({ 2024: { linkageFundYuan: 100_000_000, industryYuan: 66_000_000, leadingChainYuan: 32_000_000 } })], F4, { year: 2024 });
    expect(r.status).toBe('not_met');
    expect(r.value).toBe(0.66);
    expect(r.failing[0]?.reasonZh).toContain('（2023 年为 67.4%）');
    expect(r.failing[0]?.reasonZh).toContain('占产业投入 48.5%，低于 50%');
  });
  it('2023 as recorded (6.83 亿元 at 67.4 %) then 2024 at 65 % with 55 % to chains is met', () => {
    const r = F4_RULE.evaluate(
      [
        county({
          2023: { linkageFundYuan: 1_013_353_115.73, industryYuan: 683_000_000 },
          2024: { linkageFundYuan: 100_000_000, industryYuan: 65_000_000, leadingChainYuan: 35_750_000 },
        }),
      ],
      F4,
      { year: 2024 },
    );
    expect(r.status).toBe('met');
    expect(r.records?.[0]?.reasonZh).toContain('（2023 年为 67.4%）');
  });
});

describe('F5 (003 §二(一): each township plans ≥ 1000 万 in 2022, the industry share rising)', () => {
  const town = (code: string, years: Record<string, Partial<FundYear>>): FundFacts => ({ ...county(years), regionCode: code, level: 'township' });
  it('1000 万 is met, 999.99 万 is not; the county record is ignored', () => {
    const r = F5_RULE.evaluate(
      [
        town('411282100', { 2022: { plannedIndustryYuan: 10_000_000, plannedTotalYuan: 15_000_000 } }),
        town('411282101', { 2022: { plannedIndustryYuan: 9_999_900, plannedTotalYuan: 15_000_000 } }),
        county({}),
      ],
      F5,
      { year: 2022 },
    );
    expect(r.total).toBe(2);
    expect(r.met).toBe(1);
    expect(r.failing[0]?.key).toBe('411282101');
    expect(r.failing[0]?.reasonZh).toBe('2022 年谋划产业项目 999.99 万元，低于 1000 万元');
  });
  it('2023: share 60 % after 66.7 % fails rising', () => {
    const r = F5_RULE.evaluate(
      [town('411282100', { 2022: { plannedIndustryYuan: 10_000_000, plannedTotalYuan: 15_000_000 }, 2023: { plannedIndustryYuan: 12_000_000, plannedTotalYuan: 20_000_000 } })],
      F5,
      { year: 2023 },
    );
    expect(r.status).toBe('not_met');
    expect(r.failing[0]?.reasonZh).toContain('产业项目占谋划项目 60.0%，未高于上年 66.7%');
  });
});

describe('P2 (001 §二(一)5) and P5 (2–3 leading industries)', () => {
  it('P2: 53 % after 52 % met; 50 % after 52 % fails', () => {
    const mk = (s: number) =>
      county({ 2022: { libraryIndustryYuan: 30_000_000, librarySpecialtyYuan: 15_600_000 }, 2023: { libraryIndustryYuan: 30_000_000, librarySpecialtyYuan: s } });
    expect(P2_RULE.evaluate([mk(15_900_000)], P2, { year: 2023 }).status).toBe('met');
    expect(P2_RULE.evaluate([mk(15_000_000)], P2, { year: 2023 }).status).toBe('not_met');
  });
  it('P5: 2 and 3 met, 1 and 4 not', () => {
    const st = (n: number) => P5_RULE.evaluate([county({}, n)], P5, { year: 2023 }).status;
    expect([st(1), st(2), st(3), st(4)]).toEqual(['not_met', 'met', 'met', 'not_met']);
  });
});

describe('what-if: a move applied in memory', () => {
  it('moving 100 万 from an industry project to rural construction flips F1', () => {
    const facts = county({
      2022: { linkageFundYuan: 10_000_000, industryYuan: 5_500_000 },
      2023: { linkageFundYuan: 10_000_000, industryYuan: 6_000_000, industryProjectYuan: 6_000_000 },
    });
    const before = F1_RULE.evaluate([facts], F1, { year: 2023 });
    const moved = applyFundMove(
      facts,
      2023,
      { projectType: 'industry', isSpecialty: false, leadingChain: false },
      { projectType: 'rural_construction', isSpecialty: false, leadingChain: false },
      1_000_000,
    );
    const after = F1_RULE.evaluate([moved], F1, { year: 2023 });
    expect(before.status).toBe('met');
    expect(after.status).toBe('not_met');
    expect(after.value).toBe(0.5);
    expect(facts.years['2023']?.industryYuan).toBe(6_000_000);
    expect(changedRules([before], [after])).toEqual([{ ruleId: 'F1', before: 'met', after: 'not_met' }]);
  });
  it('refuses to move more than the industry money counted', () => {
    const facts = county({ 2023: { linkageFundYuan: 100, industryYuan: 10 } });
    expect(() => applyFundMove(facts, 2023, { projectType: 'industry' }, null, 10.01)).toThrow(/negative/);
  });
});
