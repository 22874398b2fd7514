import { describe, expect, it } from 'vitest';
import { evaluateCoverage, rollUpByRegion } from './coverage.ts';
import type { RuleConfig } from './policy.types.ts';

type Fact = { id: number; regionCode: string; applicable: boolean; ok: boolean };
const config: RuleConfig = { ruleId: 'T1', clause: 'test', params: { minCoverage: 0.95 } };
const run = (facts: Fact[]) =>
  evaluateCoverage(
    facts,
    config,
    (f) => f,
    (f) => (!f.applicable ? 'not_applicable' : f.ok ? 'met' : { reasonZh: '否', reasonEn: 'no' }),
  );

describe('evaluateCoverage', () => {
  it.each([
    // 19 of 20 = exactly 95 %: met (no floating-point miss)
    [19, 20, 'met', 0.95],
    [18, 20, 'not_met', 0.9],
    [0, 0, 'not_applicable', null],
  ])('%i of %i → %s', (met, total, status, value) => {
    const facts = Array.from({ length: total }, (_, i) => ({ id: i, regionCode: '410000000001', applicable: true, ok: i < met }));
    expect(run(facts)).toMatchObject({ status, value, total, met, threshold: 0.95 });
  });

  it('lists the failing subjects (worked out when first read) in the result, its copies and its JSON', () => {
    const facts = [
      { id: 1, regionCode: '410000000001', applicable: true, ok: true },
      { id: 2, regionCode: '410000000002', applicable: true, ok: false },
      { id: 3, regionCode: '410000000003', applicable: false, ok: false },
    ];
    const r = run(facts);
    const failing = [{ key: '2', regionCode: '410000000002', reasonZh: '否', reasonEn: 'no' }];
    expect(r.failing).toEqual(failing);
    expect(r.failing).toBe(r.failing);
    expect({ ...r }.failing).toEqual(failing);
    expect(JSON.parse(JSON.stringify(r)).failing).toEqual(failing);
    expect(r.records?.map((x) => x.key)).toEqual(['1', '2']);
  });
});

describe('rollUpByRegion', () => {
  const facts: Fact[] = [
    { id: 1, regionCode: '411201100001', applicable: true, ok: true },
    { id: 2, regionCode: '411201100001', applicable: true, ok: false },
    { id: 3, regionCode: '411201100002', applicable: true, ok: true },
    { id: 4, regionCode: '411201101001001', applicable: true, ok: true },
    { id: 5, regionCode: '411201102001', applicable: false, ok: false },
  ];
  const result = run(facts);

  it('rolls up to townships (prefix 9), keeping townships with nothing applicable', () => {
    expect(rollUpByRegion(result, facts, 9)).toEqual([
      { code: '411201100', total: 3, met: 2, value: 0.6667 },
      { code: '411201101', total: 1, met: 1, value: 1 },
      { code: '411201102', total: 0, met: 0, value: null },
    ]);
  });

  it('rolls up to villages (prefix 12), a group counting in its village', () => {
    expect(rollUpByRegion(result, facts, 12).map((r) => [r.code, r.total, r.met])).toEqual([
      ['411201100001', 2, 1],
      ['411201100002', 1, 1],
      ['411201101001', 1, 1],
      ['411201102001', 0, 0],
    ]);
  });

  it('needs the records of the result', () => {
    expect(() => rollUpByRegion({ ...result, records: undefined }, facts, 9)).toThrow(/records/);
  });
});
