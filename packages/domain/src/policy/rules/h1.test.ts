import { describe, expect, it } from 'vitest';
import { getPack, POLICY_PACKS } from '../packs/index.ts';
import { getRuleConfig } from '../rule-registry.ts';
import { type H1Facts, H1_RULE, h1HouseholdScope } from './h1.ts';
import { measureCategoriesInYear, measurePeriod, monitoringStatusInYear } from '../household-facts.ts';

// 002 §二(一)1: "对家庭有劳动能力的监测户，至少落实一项开发式帮扶措施；对弱劳力半劳力，创造条件探索落实开发式帮扶措施"
const config = getRuleConfig(getPack('jincheng'), 'H1');
const Y = { year: 2023 };

let nextId = 1;
const hh = (o: Partial<H1Facts>): H1Facts => ({
  householdId: nextId++,
  regionCode: '140521100001',
  householdType: 'monitored',
  monitoringStatus: 'monitoring',
  laborCapacities: ['ordinary'],
  measureCategories: [],
  ...o,
});

describe('H1 (002 §二(一)1) — one household', () => {
  it.each<[string, Partial<H1Facts>, 'met' | 'not_met' | 'not_applicable']>([
    ['有劳动能力的监测户 with 产业帮扶', { measureCategories: ['industry'] }, 'met'],
    ['有劳动能力的监测户 with 就业帮扶', { measureCategories: ['employment'] }, 'met'],
    ['有劳动能力的监测户 with 金融帮扶 (小额信贷)', { measureCategories: ['finance'] }, 'met'],
    ['有劳动能力的监测户 with 公益岗位', { measureCategories: ['public_post'] }, 'met'],
    ['技能劳动力 member, 综合保障 only', { laborCapacities: ['skilled'], measureCategories: ['social_security'] }, 'not_met'],
    ['有劳动能力的监测户 without any measure', { measureCategories: [] }, 'not_met'],
    ['mixed household: one 普通劳动力 among 无劳动力', { laborCapacities: ['none', 'ordinary', 'lost'] }, 'not_met'],
    ['弱劳力半劳力 only: 创造条件探索, not required', { laborCapacities: ['weak'] }, 'not_applicable'],
    ['丧失劳动力 / 无劳动力 only: 兜底 instead', { laborCapacities: ['lost', 'none'] }, 'not_applicable'],
    ['no member capacity recorded', { laborCapacities: [] }, 'not_applicable'],
    ['risk eliminated (风险已消除)', { monitoringStatus: 'eliminated' }, 'not_applicable'],
    ['脱贫户 not under monitoring', { householdType: 'lifted' }, 'not_applicable'],
    ['一般农户', { householdType: 'ordinary' }, 'not_applicable'],
    ['still being identified counts (not eliminated)', { monitoringStatus: 'identifying', measureCategories: ['industry'] }, 'met'],
  ])('%s → %s', (_name, o, expected) => {
    const r = H1_RULE.evaluate([hh(o)], config, Y);
    expect(r.status).toBe(expected);
    expect(r.total).toBe(expected === 'not_applicable' ? 0 : 1);
  });
});

describe('H1 — the reason names measures in the dictionary’s order', () => {
  it('whatever order the registry gives them (a stored reason does not change while the measures do not)', () => {
    const [a, b] = H1_RULE.evaluate([hh({ measureCategories: ['employment', 'industry'] }), hh({ measureCategories: ['industry', 'employment'] })], config, Y).records!;
    expect(a!.reasonZh).toBe(b!.reasonZh);
    expect(a!.reasonEn).toBe(b!.reasonEn);
    expect(a!.reasonZh).toMatch(/产业帮扶.*就业帮扶/);
  });
});

describe('H1 — a village', () => {
  it('computes coverage against params.minCoverage = 1 and lists the failing households with reasons', () => {
    const facts = [
      hh({ householdId: 1, measureCategories: ['industry'] }),
      hh({ householdId: 2, measureCategories: ['employment', 'health'] }),
      hh({ householdId: 3, measureCategories: ['health', 'social_security'] }),
      hh({ householdId: 4, laborCapacities: ['weak'] }),
      hh({ householdId: 5, householdType: 'lifted' }),
    ];
    const r = H1_RULE.evaluate(facts, config, Y);
    expect(r).toMatchObject({ ruleId: 'H1', clause: '002 §二(一)1', status: 'not_met', total: 3, met: 2, value: 0.6667, threshold: 1 });
    expect(r.failing).toEqual([
      {
        key: '3',
        regionCode: '140521100001',
        groupCode: 'no_measure',
        reasonZh: '监测户有劳动能力成员（普通劳动力），未落实开发式帮扶措施（产业帮扶、就业帮扶、金融帮扶、公益岗位帮扶）；现有措施：健康帮扶、综合保障',
        reasonEn:
          'monitored household with labour (Ordinary labour) has no development-type measure (Industry support, Employment support, Financial support, Public-welfare post); current measures: Health support, Comprehensive social security',
      },
    ]);
    expect(r.records?.map((x) => [Number(x.key), x.met, x.counted ?? true])).toEqual([
      [1, true, true],
      [2, true, true],
      [3, false, true],
      [4, false, false],
    ]);
  });

  it('is met when every applicable household has a measure, and not_applicable with none in scope', () => {
    expect(H1_RULE.evaluate([hh({ measureCategories: ['finance'] })], config, Y)).toMatchObject({ status: 'met', value: 1 });
    expect(H1_RULE.evaluate([hh({ householdType: 'ordinary' })], config, Y)).toMatchObject({ status: 'not_applicable', value: null, total: 0 });
    expect(H1_RULE.evaluate([], config, Y).status).toBe('not_applicable');
  });

  it('reads thresholds and codes from the config, not from code', () => {
    const lenient = { ...config, params: { ...config.params, minCoverage: 0.5, laborCapacities: ['ordinary', 'skilled', 'weak'] } };
    const facts = [hh({ laborCapacities: ['weak'], measureCategories: ['industry'] }), hh({})];
    expect(H1_RULE.evaluate(facts, lenient, Y)).toMatchObject({ status: 'met', total: 2, met: 1, value: 0.5, threshold: 0.5 });
    expect(() => H1_RULE.evaluate(facts, { ...config, params: { ...config.params, laborCapacities: undefined } }, Y)).toThrow(/laborCapacities/);
  });

  it('takes the households it applies to from the config (householdTypes, excludedMonitoringStatuses)', () => {
    expect(h1HouseholdScope(config)).toEqual({ householdTypes: ['monitored'], excludedMonitoringStatuses: ['eliminated'] });
    const facts = [hh({ householdType: 'lifted' }), hh({ monitoringStatus: 'eliminated', measureCategories: ['industry'] }), hh({ measureCategories: ['industry'] })];
    expect(H1_RULE.evaluate(facts, config, Y)).toMatchObject({ total: 1, met: 1 });
    const wider = { ...config, params: { ...config.params, householdTypes: ['monitored', 'lifted'], excludedMonitoringStatuses: [] } };
    expect(H1_RULE.evaluate(facts, wider, Y)).toMatchObject({ total: 3, met: 2 });
    expect(() => h1HouseholdScope({ ...config, params: { ...config.params, householdTypes: 'monitored' } })).toThrow(/householdTypes/);
  });

  it('is configured identically in all four packs, with the right citation', () => {
    const h1 = POLICY_PACKS.map((p) => [p.id, getRuleConfig(p, 'H1').clause]);
    expect(h1).toEqual([
      ['sanmenxia', expect.stringContaining('002 §二(一)1')],
      ['xuchang', expect.stringContaining('002 §二(一)1')],
      ['jincheng', '002 §二(一)1'],
      ['xinxiang', expect.stringContaining('002 §二(一)1')],
    ]);
    for (const p of POLICY_PACKS) expect(getRuleConfig(p, 'H1').params).toEqual(config.params);
  });
});

// 002 §二(一)1 again: 有劳动能力的监测户 must (counted), 弱劳力半劳力 创造条件探索落实 (listed, not counted), and a
// household whose members' 劳动能力 was never recorded is a data gap that must show up, not vanish.
describe('H1 — labour unknown and weak labour groups', () => {
  it('lists a household with no labour recorded as failing (labour_unknown) and weak/half labour apart, not counted', () => {
    const facts = [
      hh({ householdId: 11, laborCapacities: [], unrecordedLabour: 3 }),
      hh({ householdId: 12, laborCapacities: ['lost'], unrecordedLabour: 1, measureCategories: ['employment'] }),
      hh({ householdId: 13, laborCapacities: ['weak', 'lost'] }),
      hh({ householdId: 14, laborCapacities: ['ordinary'], measureCategories: ['industry'] }),
    ];
    const r = H1_RULE.evaluate(facts, config, Y);
    // counted: 11 (unknown, no measure → failing), 12 (unknown but has a development measure → met), 14 (met); 13 listed only
    expect(r).toMatchObject({ status: 'not_met', total: 3, met: 2, value: 0.6667 });
    expect(r.failing.map((f) => [f.key, f.groupCode])).toEqual([['11', 'labour_unknown']]);
    expect(r.failing[0]!.reasonZh).toContain('劳动能力未采集');
    const weak = r.records!.find((x) => x.key === '13')!;
    expect(weak).toMatchObject({ counted: false, met: false, groupCode: 'weak_labour' });
    expect(weak.reasonZh).toContain('创造条件探索落实');
  });

  it('a re-identified household (second case) is judged like any other', () => {
    const status = monitoringStatusInYear(
      'monitoring',
      [
        { from: '2021-05-10', to: '2022-08-01' },
        { from: '2024-03-01', to: null },
      ],
      2024,
    );
    expect(status).toBe('monitoring');
    expect(H1_RULE.evaluate([hh({ monitoringStatus: status })], config, { year: 2024 })).toMatchObject({ total: 1, met: 0 });
  });
});

describe('H1 — the judged year', () => {
  it('a measure counts in every year it is in force: a 3-year loan from 2023-03 counts in 2023, 2024 and 2025', () => {
    const loan = measurePeriod({ category: 'finance', year: 2023, startDate: '2023-03-15', endDate: '2026-03-14' });
    const visit = measurePeriod({ category: 'health', year: 2022, startDate: null, endDate: null });
    expect([2022, 2023, 2024, 2025, 2026, 2027].map((y) => measureCategoriesInYear([loan, visit], y))).toEqual([
      ['health'],
      ['finance'],
      ['finance'],
      ['finance'],
      ['finance'],
      [],
    ]);
    const in2024 = hh({ measureCategories: measureCategoriesInYear([loan], 2024) });
    expect(H1_RULE.evaluate([in2024], config, { year: 2024 }).status).toBe('met');
  });

  it('judges a past year with the status of that year', () => {
    // identified 2023-04-20, risk eliminated 2024-06-30; today its status is eliminated
    const periods = [{ from: '2023-04-20', to: '2024-06-30' }];
    expect([2022, 2023, 2024, 2025].map((y) => monitoringStatusInYear('eliminated', periods, y))).toEqual(['none', 'monitoring', 'monitoring', 'eliminated']);
    const in2023 = hh({ monitoringStatus: monitoringStatusInYear('eliminated', periods, 2023) });
    const in2025 = hh({ monitoringStatus: monitoringStatusInYear('eliminated', periods, 2025) });
    const in2022 = hh({ monitoringStatus: monitoringStatusInYear('eliminated', periods, 2022) });
    expect([in2022, in2023, in2025].map((f) => H1_RULE.evaluate([f], config, Y).total)).toEqual([0, 1, 0]);
    // without dated periods the current status is the answer
    expect(monitoringStatusInYear('eliminated', [], 2023)).toBe('eliminated');
  });

  it('lets the server gather only the household types of the config (a speed-up, same outcome)', () => {
    expect(H1_RULE.factsFilter!(config)).toEqual({ householdTypes: ['monitored'] });
  });

  it('has a sandbox that judges one household given by value', () => {
    const facts = H1_RULE.sandbox!.toFacts(H1_RULE.sandbox!.example, 2024);
    const r = H1_RULE.evaluate([facts], config, { year: 2024 });
    expect(r).toMatchObject({ status: 'not_met', total: 1, met: 0 });
    expect(H1_RULE.sandbox!.schema.safeParse({ householdType: 'monitored' }).success).toBe(false);
  });
});
