import { describe, expect, it } from 'vitest';
import { findPack } from '../packs/index.ts';
import type { RuleConfig } from '../policy.types.ts';
import { E1_RULE, E2_RULE, E3_RULE, E4_RULE, E5_RULE, type CountyEnterpriseFacts, type VillageEntityFacts } from './entity-rules.ts';

// The pack's own configs (sanmenxia: 000 §四(五), §五(二); 003 §二(一)1–2, §二(四)4), with the seeds' numbers.
const pack = findPack('sanmenxia')!;
const cfg = (id: string): RuleConfig => pack.rules.find((r) => r.ruleId === id)!;

const village = (i: number, o: Partial<VillageEntityFacts> = {}): VillageEntityFacts => ({
  regionCode: `4112721002${String(i).padStart(2, '0')}`,
  cooperatives: [],
  villageBackbones: 0,
  partyLedCollectives: [],
  drivenBy: [],
  ...o,
});
/** n villages of which the first k satisfy `o` */
const villages = (n: number, k: number, o: Partial<VillageEntityFacts>) => Array.from({ length: n }, (_, i) => village(i + 1, i < k ? o : {}));

describe('E1 每个行政村都有 1 家以上农民专业合作社 (000 §四(五))', () => {
  it('a village without a cooperative fails with the words; one with a cooperative meets', () => {
    const r = E1_RULE.evaluate([village(1), village(2, { cooperatives: [{ id: 1, name: '大王苹果合作社', backbones: 1 }] })], cfg('E1'), { year: 2024 });
    expect(r).toMatchObject({ status: 'not_met', total: 2, met: 1, value: 0.5 });
    expect(r.failing).toEqual([
      { key: village(1).regionCode, regionCode: village(1).regionCode, reasonZh: '本村无农民专业合作社', reasonEn: 'no farmer cooperative in the village' },
    ]);
    expect(E1_RULE.evaluate([village(2, { cooperatives: [{ id: 1, name: 'x', backbones: 0 }] })], cfg('E1'), { year: 2024 }).status).toBe('met');
  });
  it('sandbox: one village given by value', () => {
    const facts = E1_RULE.sandbox!.toFacts({ cooperatives: [{ name: '后地村红薯合作社' }] }, 2024);
    expect(E1_RULE.evaluate([facts], cfg('E1'), { year: 2024 }).status).toBe('met');
    expect(E1_RULE.evaluate([E1_RULE.sandbox!.toFacts({ cooperatives: [] }, 2024)], cfg('E1'), { year: 2024 }).failing[0]!.reasonZh).toBe('本村无农民专业合作社');
  });
});

describe('E2 每个行政村、每个农民专业合作社都有 1 名以上农业技术骨干 (000 §五(二))', () => {
  it('names the village without a backbone and the cooperative without one', () => {
    const r = E2_RULE.evaluate(
      [
        village(1, { villageBackbones: 0 }),
        village(2, { villageBackbones: 2, cooperatives: [{ id: 7, name: '仰韶大枣合作社', backbones: 0 }] }),
        village(3, { villageBackbones: 1, cooperatives: [{ id: 8, name: '甲社', backbones: 1 }] }),
      ],
      cfg('E2'),
      { year: 2024 },
    );
    expect(r).toMatchObject({ status: 'not_met', total: 3, met: 1 });
    expect(r.failing.map((f) => f.reasonZh)).toEqual(['本村无农业技术骨干', '合作社「仰韶大枣合作社」无农业技术骨干']);
  });
});

describe('E3 党支部领办村集体经济合作组织 (003 §二(一)1: 40 % by end 2022, 90 % by end 2025)', () => {
  const led = { partyLedCollectives: ['村股份经济合作社'] };
  it('10 villages, 4 party-led → 40 % meets 2022; 3 → not met', () => {
    expect(E3_RULE.evaluate(villages(10, 4, led), cfg('E3'), { year: 2022 })).toMatchObject({ status: 'met', total: 10, met: 4, value: 0.4, threshold: 0.4 });
    const r = E3_RULE.evaluate(villages(10, 3, led), cfg('E3'), { year: 2022 });
    expect(r).toMatchObject({ status: 'not_met', met: 3, value: 0.3 });
    expect(r.failing).toHaveLength(7);
    expect(r.failing[0]!.reasonZh).toBe('本村无党支部领办的村集体经济合作组织');
  });
  it('2025: 9 of 10 meets 90 %, 8 does not', () => {
    expect(E3_RULE.evaluate(villages(10, 9, led), cfg('E3'), { year: 2025 }).status).toBe('met');
    expect(E3_RULE.evaluate(villages(10, 8, led), cfg('E3'), { year: 2025 }).status).toBe('not_met');
  });
  it('2023 and 2024 set no target: not in force', () => {
    expect(E3_RULE.evaluate(villages(10, 0, led), cfg('E3'), { year: 2023 })).toMatchObject({ status: 'not_applicable', total: 0, threshold: null });
  });
  it('sandbox: a party-led cooperative of the village counts', () => {
    const f = E3_RULE.sandbox!.toFacts({ cooperatives: [{ name: '村党支部领办合作社', partyLed: true }] }, 2022);
    expect(E3_RULE.evaluate([f], cfg('E3'), { year: 2022 }).status).toBe('met');
  });
});

describe('E4 龙头企业和合作社带动的行政村 (003 §二(一)2: 80 % / 95 %)', () => {
  const driven = { drivenBy: ['仰韶果业有限公司'] };
  it('8 of 10 meets 2022, 7 does not; 2025 needs 95 % (19 of 20)', () => {
    expect(E4_RULE.evaluate(villages(10, 8, driven), cfg('E4'), { year: 2022 }).status).toBe('met');
    const r = E4_RULE.evaluate(villages(10, 7, driven), cfg('E4'), { year: 2022 });
    expect(r).toMatchObject({ status: 'not_met', value: 0.7 });
    expect(r.failing[0]!.reasonZh).toContain('本村无龙头企业或合作社带动');
    expect(E4_RULE.evaluate(villages(20, 19, driven), cfg('E4'), { year: 2025 }).status).toBe('met');
    expect(E4_RULE.evaluate(villages(20, 18, driven), cfg('E4'), { year: 2025 }).status).toBe('not_met');
  });
});

describe('E5 市级以上农业龙头企业 5 家以上, 主导产业均有大型龙头企业支撑 (003 §二(四)4, by 2025)', () => {
  const ent = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `企业${i + 1}`, level: i === 0 ? 'provincial' : 'city' }));
  const county = (n: number, industries: CountyEnterpriseFacts['leadingIndustries'] = []): CountyEnterpriseFacts => ({
    regionCode: '411272000000',
    cityOrAbove: ent(n),
    leadingIndustries: industries,
  });
  it('5 enterprises and every leading industry backed → met; 4 → not met', () => {
    expect(E5_RULE.evaluate([county(5, [{ id: 1, name: '苹果', backedBy: ['企业1'] }])], cfg('E5'), { year: 2025 })).toMatchObject({ status: 'met', value: 5, threshold: 5 });
    const r = E5_RULE.evaluate([county(4)], cfg('E5'), { year: 2025 });
    expect(r.status).toBe('not_met');
    expect(r.failing[0]!.reasonZh).toBe('市级以上农业龙头企业 4 家，少于 5 家');
  });
  it('an unbacked leading industry fails even with 6 enterprises; outside 2025 not in force', () => {
    const r = E5_RULE.evaluate(
      [
        county(6, [
          { id: 1, name: '苹果', backedBy: ['企业1'] },
          { id: 2, name: '食用菌', backedBy: [] },
        ]),
      ],
      cfg('E5'),
      { year: 2025 },
    );
    expect(r.status).toBe('not_met');
    expect(r.failing[0]!.reasonZh).toContain('主导产业「食用菌」无市级以上龙头企业支撑');
    expect(E5_RULE.evaluate([county(0)], cfg('E5'), { year: 2024 }).status).toBe('not_applicable');
  });
});
