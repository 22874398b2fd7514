import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { findMonitoringLine, getPack, POLICY_PACKS } from './packs/index.ts';
import { PolicyPackSchema } from './policy.schemas.ts';
import { RULE_CATALOGUE } from './rule-catalogue.ts';
import { evaluatePackRule, getRuleConfig, isRuleImplemented, isRuleInForce } from './rule-registry.ts';

const catalogueIds = new Set(RULE_CATALOGUE.map((r) => r.id));

describe('POLICY_PACKS', () => {
  it('holds the four seed regions with their province', () => {
    expect(POLICY_PACKS.map((p) => [p.id, p.seed, p.provinceCode])).toEqual([
      ['sanmenxia', '000, 003', '41'],
      ['xuchang', '001', '41'],
      ['jincheng', '002', '14'],
      ['xinxiang', '004', '41'],
    ]);
  });

  it.each(POLICY_PACKS.map((p) => [p.id, p] as const))('%s: valid shape, catalogue ids only, each rule once, cited', (_id, pack) => {
    expect(PolicyPackSchema.safeParse(pack).success).toBe(true);
    const ids = pack.rules.map((r) => r.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of pack.rules) {
      expect(catalogueIds.has(r.ruleId), r.ruleId).toBe(true);
      expect(r.clause.length).toBeGreaterThan(0);
    }
    expect(ids).toContain('H1');
    // identification and elimination parameters: national practice (domain-standards §1.5)
    expect([pack.publicityMinDays, pack.identificationMaxDays, pack.incomeStableMinMonths]).toEqual([5, 15, 6]);
  });

  // The same 衔接资金 rule differs by region: 55 % / 50 %↑ / 60 % / 65 % (seeds README)
  it.each([
    ['sanmenxia', 'F1', '000 §五(二)', { minShare: 0.55, mustRise: true }],
    ['xuchang', 'F2', '001 §二(一)2', { minShare: 0.5, mustRise: true }],
    ['jincheng', 'F3', '002 §二(四)1', { minShare: 0.6 }],
    ['xinxiang', 'F4', '004 §二；§三', { minShare: 0.65, minLeadingChainShareOfIndustryFunds: 0.5 }],
  ])('%s sets %s (%s)', (packId, ruleId, clause, params) => {
    const cfg = getRuleConfig(getPack(packId), ruleId);
    expect(cfg.clause).toBe(clause);
    expect(cfg.params).toMatchObject(params);
  });

  it.each([
    ['jincheng', 'S1', { solarGreenhouse: { yuanPerMu: 30_000 }, steelFrameGreenhouse: { yuanPerMu: 8_000 }, coolVegetables: { minContiguousMu: 200, yuanPerMu: 400 } }],
    ['jincheng', 'C1', { maxAmountYuan: 50_000, maxAmountYuanIfNeeded: 100_000, maxTermYears: 3, subsidisedUpToYuan: 50_000 }],
    ['jincheng', 'P6', { minPeopleOrHouseholds: 100 }],
    ['sanmenxia', 'E3', { minShareByYear: { 2022: 0.4, 2025: 0.9 } }],
    ['sanmenxia', 'J1', { maxYuan: 300 }],
    ['xinxiang', 'P3', { minLinkageModes: 2 }],
    ['xinxiang', 'A2', { minShare: 0.7 }],
  ])('%s %s carries the seed numbers', (packId, ruleId, params) => {
    expect(getRuleConfig(getPack(packId), ruleId).params).toMatchObject(params);
  });

  it('a configured rule without an implementation is data only (K2 until supervision is built)', () => {
    expect(isRuleImplemented('H1')).toBe(true);
    expect(isRuleImplemented('K2')).toBe(false);
    let caught: unknown;
    try {
      evaluatePackRule(getPack('jincheng'), 'K2', [], { year: 2023 });
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught) && [caught.code, caught.details?.reason]).toEqual(['NOT_FOUND', 'not_implemented']);
    expect(() => evaluatePackRule(getPack('xuchang'), 'F3', [], { year: 2023 })).toThrow(/has no rule F3/);
    expect(evaluatePackRule(getPack('xuchang'), 'H1', [], { year: 2023 }).status).toBe('not_applicable');
  });

  it('knows the years a rule is set for', () => {
    const f3 = getRuleConfig(getPack('jincheng'), 'F3');
    expect([isRuleInForce(f3, 2023), isRuleInForce(f3, 2024)]).toEqual([true, false]);
    expect(isRuleInForce(getRuleConfig(getPack('jincheng'), 'H1'), 2030)).toBe(true);
    // Sanmenxia H2 (000 §三): from the first milestone (2023) to the end of the transition period (2025), 2024 included
    const h2 = getRuleConfig(getPack('sanmenxia'), 'H2');
    expect([2022, 2023, 2024, 2025, 2026].map((y) => isRuleInForce(h2, y))).toEqual([false, true, true, true, false]);
  });

  // Entries checked against the seed texts (issue 7 §1)
  it('Sanmenxia F5: 1000 万元 per township in 2022, and the industry share rises through the transition period (003 §二(一))', () => {
    const f5 = getRuleConfig(getPack('sanmenxia'), 'F5');
    expect(f5).toMatchObject({ clause: '003 §二(一)', years: [2022, 2023, 2024, 2025] });
    expect(f5.params).toMatchObject({ minAmountYuanPerTownship: 10_000_000, minAmountYear: 2022, mustRise: true, shareMustRise: true });
  });

  it('Xuchang K2 cites the supervision clause 001 §三(四) (常态开展督查巡查), not §三(三) (考核调度)', () => {
    expect(getRuleConfig(getPack('xuchang'), 'K2').clause).toBe('001 §三(四)');
  });

  it('Sanmenxia H6 carries all four conditions of 003 §一(二)4; J2 is for 脱贫个体经营户 (003 §二(二)2)', () => {
    const sm = getPack('sanmenxia');
    expect(getRuleConfig(sm, 'H6').params.conditions).toEqual([
      'lifted_growth_above_local_farmers',
      'area_growth_above_national_farmers',
      'lifted_to_local_ratio_rises',
      'area_to_national_ratio_rises',
    ]);
    expect(getRuleConfig(sm, 'J2')).toMatchObject({ clause: '003 §二(二)2', params: { amountYuan: 5000, beneficiary: 'lifted_individual_business' } });
  });

  it('Jincheng: C1 for every 脱贫户 and 边缘易致贫户, P6 for 脱贫县, H7 aims at 1–2 skills without a cap (002)', () => {
    const jc = getPack('jincheng');
    expect(getRuleConfig(jc, 'C1').params).toMatchObject({ eligibleHouseholds: ['lifted', 'marginal'], liftedMeans: 'is_lifted' });
    expect(getRuleConfig(jc, 'P6').params).toMatchObject({ minPeopleOrHouseholds: 100, appliesTo: 'lifted_county' });
    const h7 = getRuleConfig(jc, 'H7').params;
    expect(h7).toMatchObject({ minTrainingsPerYear: 1, targetSkills: [1, 2] });
    expect(h7.maxSkills).toBeUndefined();
  });

  it('Xinxiang F4 records the 2023 baseline of 67.4% its "rising" refers to (004 §二), and 004 is 新农字〔2024〕34号', () => {
    const xx = getPack('xinxiang');
    expect(getRuleConfig(xx, 'F4').params).toMatchObject({ minShare: 0.65, baseline: { year: 2023, share: 0.674 } });
    expect(xx.documents.find((d) => d.ref === '004')?.docNo).toBe('新农字〔2024〕34号');
  });

  it('getPack throws NOT_FOUND for an unknown id', () => {
    expect(() => getPack('nowhere')).toThrow(/no policy pack/);
  });
});

describe('monitoring lines', () => {
  it('are per province and year, and every one is flagged as an unconfirmed placeholder', () => {
    const jc = getPack('jincheng');
    expect(findMonitoringLine(jc.monitoringLines, '14', 2023)).toMatchObject({ amountYuan: 6900, confirmed: false });
    expect(findMonitoringLine(jc.monitoringLines, '140521', 2024)?.amountYuan).toBe(7300);
    expect(findMonitoringLine(jc.monitoringLines, '41', 2023)).toBeUndefined();
    expect(findMonitoringLine(jc.monitoringLines, '14', 2025)).toBeUndefined();
    for (const p of POLICY_PACKS) for (const l of p.monitoringLines) expect([l.provinceCode, l.confirmed]).toEqual([p.provinceCode, false]);
  });
});
