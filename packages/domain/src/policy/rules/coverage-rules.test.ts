import { describe, expect, it } from 'vitest';
import { SANMENXIA_PACK } from '../packs/sanmenxia.pack.ts';
import { H2_RULE, H3_RULE, H5_RULE, H6_RULE, type CoverageFacts, type CoverageIncomeYear } from './coverage-rules.ts';

const cfg = (id: string) => SANMENXIA_PACK.rules.find((r) => r.ruleId === id)!;

/** per-capita income of `perCapita` 元 for a household of `members` (wage only) */
const inc = (perCapita: number, members = 2, extra: Partial<CoverageIncomeYear> = {}): CoverageIncomeYear => ({
  wage: perCapita * members,
  business: 0,
  businessExpense: 0,
  property: 0,
  transfer: 0,
  memberCount: members,
  ...extra,
});

let nextId = 1;
function hh(over: Partial<CoverageFacts> = {}): CoverageFacts {
  return {
    householdId: nextId++,
    regionCode: '411202101001',
    householdType: 'lifted',
    isLifted: true,
    laborCapacities: ['ordinary'],
    unrecordedLabour: 0,
    measureCategories: [],
    industryProjects: 0,
    linkages: 0,
    linkageIncomeFen: 0,
    workers: 0,
    publicPost: false,
    income: inc(10_000),
    prevIncome: inc(9_000),
    local: null,
    ...over,
  };
}

const chainIncome = (): Partial<CoverageFacts> => ({ linkages: 1, linkageIncomeFen: 120_000 });

describe('H2 — 000 §三: 85 % by 2023, 95 % by 2025 of 脱贫户和监测户 with stable industry-chain income', () => {
  const households = (met: number, total: number) => Array.from({ length: total }, (_, i) => hh(i < met ? chainIncome() : {}));
  it.each([
    [2023, 17, 20, 'met', 0.85],
    [2023, 16, 20, 'not_met', 0.85],
    [2025, 19, 20, 'met', 0.95],
    [2025, 18, 20, 'not_met', 0.95],
  ] as const)('%i: %i of %i → %s (target %f)', (year, met, total, status, target) => {
    const r = H2_RULE.evaluate(households(met, total), cfg('H2'), { year });
    expect(r.status).toBe(status);
    expect(r.threshold).toBe(target);
    expect(r.met).toBe(met);
    expect(r.failing[0]?.reasonZh).toContain('无产业链收入');
  });

  it('between and after the milestones the latest one at or before the year holds; before the first, not judged', () => {
    // 2024: still "到2023年 85%" — 17 of 20 met, 16 not
    expect(H2_RULE.evaluate(households(17, 20), cfg('H2'), { year: 2024 })).toMatchObject({ status: 'met', threshold: 0.85 });
    expect(H2_RULE.evaluate(households(16, 20), cfg('H2'), { year: 2024 }).status).toBe('not_met');
    // 2026: "到2025年 95%" stays the target
    expect(H2_RULE.evaluate(households(18, 20), cfg('H2'), { year: 2026 })).toMatchObject({ status: 'not_met', threshold: 0.95 });
    expect(H2_RULE.evaluate(households(1, 2), cfg('H2'), { year: 2022 }).status).toBe('not_applicable');
  });

  it('business net income counts only with industry support; income below last year is not stable', () => {
    const business = { income: inc(5_000, 2, { wage: 0, business: 14_000, businessExpense: 4_000 }), prevIncome: inc(4_000) };
    const r = H2_RULE.evaluate([hh(business), hh({ ...business, measureCategories: ['industry'] }), hh({ ...chainIncome(), prevIncome: inc(12_000) })], cfg('H2'), { year: 2023 });
    const groups = r.records!.map((x) => [x.met, x.groupCode]);
    expect(groups).toEqual([
      [false, 'no_chain_income'],
      [true, undefined],
      [false, 'income_fell'],
    ]);
    expect(r.records![1]!.reasonZh).toContain('产业经营净收入 10,000 元');
    expect(r.failing[1]!.reasonZh).toContain('收入较上年下降');
  });

  it('ordinary households are not counted', () => {
    expect(H2_RULE.evaluate([hh({ householdType: 'ordinary', isLifted: false })], cfg('H2'), { year: 2023 }).total).toBe(0);
  });
});

describe('H3 — 003 §一(二)1: households with labour have an industry project or linkage', () => {
  it('measure, project or linkage meets; none fails with the reason; no labour is not applicable', () => {
    const r = H3_RULE.evaluate(
      [
        hh({ measureCategories: ['industry'] }),
        hh({ industryProjects: 1 }),
        hh(chainIncome()),
        hh(),
        hh({ laborCapacities: ['lost'] }),
        hh({ laborCapacities: [], unrecordedLabour: 2 }),
      ],
      cfg('H3'),
      { year: 2024 },
    );
    expect(r.total).toBe(5);
    expect(r.met).toBe(3);
    expect(r.status).toBe('not_met');
    expect(r.failing.map((f) => f.groupCode)).toEqual(['no_industry', 'labour_unknown']);
    expect(r.failing[0]!.reasonZh).toContain('无产业项目或联农带农');
  });
});

describe('H5 — 003 §一(二)3: an income channel and stable income', () => {
  it('channels, 兜底 without labour, missing and falling income', () => {
    const r = H5_RULE.evaluate(
      [
        hh({ workers: 1 }),
        hh({ publicPost: true, income: null }),
        hh({ laborCapacities: ['lost'], income: inc(6_000, 1, { wage: 0, transfer: 6_000 }), prevIncome: inc(5_800, 1) }),
        hh({ income: inc(6_000, 2, { wage: 0, transfer: 12_000 }) }),
        hh({ workers: 2, prevIncome: inc(10_500) }),
      ],
      cfg('H5'),
      { year: 2024 },
    );
    expect(r.records!.map((x) => [x.met, x.groupCode])).toEqual([
      [true, undefined],
      [false, 'income_missing'],
      [true, undefined],
      [false, 'no_channel'],
      [false, 'income_fell'],
    ]);
    expect(r.records![2]!.reasonZh).toContain('政策兜底');
    expect(r.records![4]!.reasonZh).toContain('人均纯收入 10,000 元（上年 10,500 元）');
  });
});

describe('H6 — 003 §一(二)4: 脱贫人口收入增速高于当地农民收入增速, per village', () => {
  const local = (incomeYuan: number, prevYuan: number | null) => ({
    regionCode: '411202000000',
    incomeFen: incomeYuan * 100,
    prevIncomeFen: prevYuan === null ? null : prevYuan * 100,
  });
  // two 脱贫户: 2 persons at 11 000 (10 000 last year) and 3 persons at 10 000 (9 000): Σ 52 000 / 5 = 10 400 vs 47 000 / 5 = 9 400 → +10.6 %
  const village = (l: CoverageFacts['local']) => [
    hh({ income: inc(11_000, 2), prevIncome: inc(10_000, 2), local: l }),
    hh({ income: inc(10_000, 3), prevIncome: inc(9_000, 3), local: l }),
    hh({ householdType: 'monitored', isLifted: false, income: inc(1_000), prevIncome: inc(9_000), local: l }),
  ];
  it('10.6 % against local 8.0 % (15 000 → 16 200) is met; value and threshold are the two growths', () => {
    const r = H6_RULE.evaluate(village(local(16_200, 15_000)), cfg('H6'), { year: 2024 });
    expect(r.status).toBe('met');
    const rec = r.records![0]!;
    expect(rec.key).toBe('411202101001');
    expect(rec.value).toBe(0.1064);
    expect(rec.threshold).toBe(0.08);
    expect(rec.reasonZh).toContain('第二、四项需全国农民收入数据');
  });
  it('local growth of exactly 10.64 % (9 400 → 10 400) is not higher: not met', () => {
    const r = H6_RULE.evaluate(village(local(10_400, 9_400)), cfg('H6'), { year: 2024 });
    expect(r.status).toBe('not_met');
    expect(r.failing[0]!.groupCode).toBe('growth_below');
  });
  it('未录入当地农民收入 when the year or the year before is missing', () => {
    for (const l of [null, local(16_200, null)]) {
      const r = H6_RULE.evaluate(village(l), cfg('H6'), { year: 2024 });
      expect(r.failing[0]!.groupCode).toBe('local_missing');
      expect(r.failing[0]!.reasonZh).toContain('未录入当地农民收入');
    }
  });
  it('a village whose 脱贫户 lack one of the two years cannot be compared', () => {
    const r = H6_RULE.evaluate([hh({ prevIncome: null, local: local(16_200, 15_000) })], cfg('H6'), { year: 2024 });
    expect(r.failing[0]!.groupCode).toBe('income_missing');
  });
});
