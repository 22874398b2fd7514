import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { checkDistribution, proposeDistribution, splitByLargestRemainder, type DistributionHousehold } from './distribution.ts';

// 004 §五: 村集体产业收益 70%以上用于脱贫群众和监测对象差异化分配; 有劳动力的按劳取酬，无劳动力的获得基础保障.

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

describe('splitByLargestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [1, 1, 1, 1, 1, 1, 1], [143, 143, 143, 143, 143, 143, 142]],
    [10, [333, 333, 334], [3, 3, 4]],
    [5, [0, 2, 0, 3], [0, 2, 0, 3]],
    [0, [1, 2], [0, 0]],
    [1, [1, 1], [1, 0]], // equal remainders: list order
  ])('%i 分 by %j → %j', (total, weights, parts) => {
    const got = splitByLargestRemainder(total, weights);
    expect(got).toEqual(parts);
    expect(sum(got)).toBe(total);
  });

  it('adds up exactly for large amounts and awkward weights', () => {
    const weights = Array.from({ length: 500 }, (_, i) => (i * 7919) % 97);
    const total = 12_345_678_901;
    expect(sum(splitByLargestRemainder(total, weights))).toBe(total);
  });
});

const hh = (householdId: number, hasLabor: boolean, workUnits = 0, householdType = 'lifted'): DistributionHousehold => ({ householdId, householdType, hasLabor, workUnits });

describe('proposeDistribution', () => {
  it('the seed’s rule with round numbers: 70 000 元 to 脱贫/监测 households — 2 without labour get 1 000 元 each, the rest by work days', () => {
    const p = proposeDistribution({
      amountFen: 7_000_000,
      base: { mode: 'per_household', amountFen: 100_000 },
      households: [hh(1, true, 10), hh(2, true, 20, 'monitored'), hh(3, false), hh(4, true, 30), hh(5, true, 0), hh(6, false, 99, 'monitored'), hh(7, true, 40)],
    });
    expect([p.totalFen, p.baseFen, p.workFen]).toEqual([7_000_000, 200_000, 6_800_000]);
    expect(p.lines.map((l) => [l.householdId, l.kind, l.workUnits, l.amountFen])).toEqual([
      [1, 'work', 10, 680_000],
      [2, 'work', 20, 1_360_000],
      [3, 'base', null, 100_000],
      [4, 'work', 30, 2_040_000],
      [5, 'work', 0, 0], // labour, no work: 0, listed for the officer
      [6, 'base', null, 100_000],
      [7, 'work', 40, 2_720_000],
    ]);
    expect(sum(p.lines.map((l) => l.amountFen))).toBe(7_000_000);
  });

  it('a base pool of 30 % split equally, the rest by work units with decimals; every 分 placed', () => {
    const p = proposeDistribution({
      amountFen: 1_000_001,
      base: { mode: 'pool', share: 0.3 },
      households: [hh(1, false), hh(2, false), hh(3, false), hh(4, true, 1.5), hh(5, true, 2.5)],
    });
    expect(p.baseFen).toBe(300_000); // 300 000.3 分 → 300 000
    expect(p.lines.map((l) => l.amountFen)).toEqual([100_000, 100_000, 100_000, 262_500, 437_501]);
    expect(sum(p.lines.map((l) => l.amountFen))).toBe(1_000_001);
  });

  it('when nobody with labour worked, the households without labour share the whole amount', () => {
    const p = proposeDistribution({ amountFen: 1000, base: { mode: 'per_household', amountFen: 100 }, households: [hh(1, true, 0), hh(2, false), hh(3, false), hh(4, false)] });
    expect(p.lines.map((l) => l.amountFen)).toEqual([0, 334, 333, 333]);
  });

  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (isAppError(err)) return [err.code, err.details?.issues?.[0]?.path, err.details?.issues?.[0]?.messageZh];
      throw err;
    }
    return null;
  };

  it.each([
    [
      'base shares above the amount',
      { amountFen: 150_000, base: { mode: 'per_household', amountFen: 100_000 }, households: [hh(1, false), hh(2, false)] },
      'base.amountYuan',
      /基础保障合计 2,000 元，超过可分配金额 1,500 元/,
    ],
    ['only labour households, none worked', { amountFen: 100, base: { mode: 'pool', share: 0.2 }, households: [hh(1, true, 0)] }, 'households', /未登记劳动量/],
    ['a household twice', { amountFen: 100, base: { mode: 'pool', share: 0 }, households: [hh(1, true, 1), hh(1, true, 2)] }, 'households.1.householdId', /重复/],
    ['an ordinary household', { amountFen: 100, base: { mode: 'pool', share: 0 }, households: [hh(1, true, 1, 'ordinary')] }, 'households.0.householdType', /脱贫户或监测户/],
    ['work units with 3 decimals', { amountFen: 100, base: { mode: 'pool', share: 0 }, households: [hh(1, true, 1.005)] }, 'households.0.workUnits', /两位小数/],
    ['an amount in fractions of a 分', { amountFen: 10.5, base: { mode: 'pool', share: 0 }, households: [hh(1, true, 1)] }, 'amountYuan', /到分/],
    ['no households', { amountFen: 100, base: { mode: 'pool', share: 0 }, households: [] }, 'households', /没有/],
  ] as const)('refuses %s, naming the field', (_what, input, path, zh) => {
    const r = refusal(() => proposeDistribution(input as Parameters<typeof proposeDistribution>[0]));
    expect(r?.[0]).toBe('VALIDATION_FAILED');
    expect(r?.[1]).toBe(path);
    expect(r?.[2]).toMatch(zh);
  });
});

describe('checkDistribution (A2: ≥ 70 % of the collective industry income to 脱贫户 and 监测户)', () => {
  const line = (householdId: number, amountFen: number, householdType = 'lifted', kind: 'work' | 'base' = 'work') => ({ householdId, householdType, kind, amountFen });

  it('accepts exactly 70 %: 70 000 of 100 000 元', () => {
    const c = checkDistribution({ collectiveIncomeFen: 10_000_000, totalFen: 7_000_000, lines: [line(1, 4_000_000), line(2, 3_000_000, 'monitored', 'base')] }, 0.7);
    expect(c).toMatchObject({ ok: true, issues: [], liftedMonitoredFen: 7_000_000, share: 0.7, minShare: 0.7 });
  });

  it('refuses 69 999.99 of 100 000 元, which shows as 70.0 % but is below it', () => {
    const c = checkDistribution({ collectiveIncomeFen: 10_000_000, lines: [line(1, 6_999_999)] }, 0.7);
    expect(c.ok).toBe(false);
    expect(c.issues.map((i) => i.path)).toEqual(['lines']);
    expect(c.issues[0]!.messageZh).toContain('分配给脱贫户和监测户的收益 69,999.99 元，占村集体产业收益 100,000 元的 70.0%，低于 70%');
  });

  it('counts only 脱贫户 and 监测户: 60 000 to them and 10 000 to an ordinary household is 60 %', () => {
    const c = checkDistribution({ collectiveIncomeFen: 10_000_000, lines: [line(1, 6_000_000), line(2, 1_000_000, 'ordinary')] }, 0.7);
    expect([c.ok, c.liftedMonitoredFen, c.share]).toEqual([false, 6_000_000, 0.6]);
  });

  it.each([
    ['a negative line', { collectiveIncomeFen: 1000, lines: [line(1, 900), line(2, -1)] }, ['lines.1.amountYuan']],
    ['lines not adding up to the stated total', { collectiveIncomeFen: 1000, totalFen: 950, lines: [line(1, 900)] }, ['totalYuan']],
    ['lines above the collective income', { collectiveIncomeFen: 1000, lines: [line(1, 900), line(2, 200)] }, ['lines']],
    ['a household twice', { collectiveIncomeFen: 1000, lines: [line(1, 400), line(1, 400)] }, ['lines.1.householdId']],
    ['no collective income', { collectiveIncomeFen: 0, lines: [line(1, 0)] }, ['collectiveIncomeYuan']],
  ] as const)('refuses %s', (_what, input, paths) => {
    const c = checkDistribution(input, 0.7);
    expect(c.ok).toBe(false);
    expect(c.issues.map((i) => i.path)).toEqual(paths);
    for (const i of c.issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
