import { describe, expect, it } from 'vitest';
import { getPack } from '../packs/index.ts';
import { describeRuleParams } from '../rule-params-text.ts';
import { findRule, getRuleConfig } from '../rule-registry.ts';
import { A1_RULE, A3_RULE, A4_RULE, benchmarkRateOf, type AssetFacts } from './asset-rules.ts';
import { A2_RULE, type VillageDistributionFacts } from './distribution-rules.ts';

// A1–A4, Xinxiang 004 §五, with the seed's numbers: 运营收益不低于同期银行基准利率; 70% 以上用于脱贫群众和监测对象;
// 每半年集中盘点; 四个一批 and 市领管、县统管、乡镇辖管、村直管.

const xx = getPack('xinxiang');
const cfg = (id: string) => getRuleConfig(xx, id);

const asset = (assetId: number, over: Partial<AssetFacts> = {}): AssetFacts => ({
  assetId,
  regionCode: '410721100201',
  category: 'operating',
  valueFen: 80_000_000, // 80 万元
  formedOn: '2022-05-01',
  disposedOn: null,
  managementLevel: 'village_runs',
  assetClass: 'consolidate',
  classChanges: [{ assetClass: 'consolidate', reason: '市场前景广、链条较完备' }],
  incomes: [],
  ...over,
});

describe('A1: income ≥ value × the year’s bank benchmark rate (PBoC one-year deposit 1.50 %)', () => {
  it('the pack carries 1.50 % for 2016–2026 and words it', () => {
    expect([benchmarkRateOf(cfg('A1'), 2016), benchmarkRateOf(cfg('A1'), 2024), benchmarkRateOf(cfg('A1'), 2026), benchmarkRateOf(cfg('A1'), 2015)]).toEqual([
      0.015,
      0.015,
      0.015,
      undefined,
    ]);
    expect(describeRuleParams(cfg('A1')).map((t) => t.zh)).toContain('同期银行基准利率：2016—2026 年 1.50%');
  });

  const inc = (half: 1 | 2, yuan: number, year = 2024) => ({ year, half, incomeFen: yuan * 100 });
  it.each([
    ['both halves: 6 000 + 6 000 = 12 000 元 = 80 万元 × 1.50 %', [inc(1, 6000), inc(2, 6000)], true, 12_000, 12_000],
    ['both halves: 11 999.99 元', [inc(1, 6000), { year: 2024, half: 2 as const, incomeFen: 599_999 }], false, 11_999.99, 12_000],
    ['one half taken stock of: 6 000 元 against 6 months', [inc(1, 6000)], true, 6000, 6000],
    ['one half: 5 000 元', [inc(2, 5000)], false, 5000, 6000],
  ])('%s', (_what, incomes, met, value, threshold) => {
    const r = A1_RULE.evaluate([asset(1, { incomes })], cfg('A1'), { year: 2024 });
    expect(r.records).toHaveLength(1);
    expect(r.records![0]).toMatchObject({ met, value, threshold });
    expect(r.status).toBe(met ? 'met' : 'not_met');
  });

  it('says why in officialese', () => {
    const r = A1_RULE.evaluate([asset(1, { incomes: [inc(1, 3000), inc(2, 2000)] })], cfg('A1'), { year: 2024 });
    expect(r.failing[0]!.reasonZh).toBe('2024年运营收益 5,000 元，低于资产价值 800,000 元 × 同期银行基准利率 1.50% = 12,000 元');
  });

  it('judges only operating assets held and taken stock of in the year; a year without a rate is not judged', () => {
    const facts = [
      asset(1, { incomes: [inc(1, 100)] }),
      asset(2, { category: 'public_welfare', incomes: [inc(1, 100)] }),
      asset(3, { incomes: [inc(1, 100, 2023)] }), // other year only
      asset(4, { formedOn: '2025-01-10', incomes: [inc(1, 100)] }),
      asset(5, { disposedOn: '2023-12-01', incomes: [inc(1, 100)] }),
    ];
    expect(A1_RULE.evaluate(facts, cfg('A1'), { year: 2024 }).records!.map((r) => r.key)).toEqual(['1']);
    expect(A1_RULE.evaluate([asset(1, { incomes: [inc(1, 100, 2015)] })], cfg('A1'), { year: 2015 }).status).toBe('not_applicable');
  });

  it('sandbox: the pack’s rate when none is given, else the rate given in %', () => {
    const sb = A1_RULE.sandbox!;
    const judge = (input: unknown) => A1_RULE.evaluate([sb.toFacts(sb.schema.parse(input), 2024)], cfg('A1'), { year: 2024 }).records![0]!;
    expect(judge({ assetValueYuan: 800_000, yearIncomeYuan: 12_000 })).toMatchObject({ met: true, value: 12_000, threshold: 12_000 });
    expect(judge({ assetValueYuan: 800_000, yearIncomeYuan: 12_000, benchmarkRate: 1.75 })).toMatchObject({ met: false, threshold: 14_000 });
    expect(sb.schema.safeParse({ assetValueYuan: 0, yearIncomeYuan: 1 }).success).toBe(false);
    expect(sb.schema.safeParse({ assetValueYuan: 1, yearIncomeYuan: 1.001 }).success).toBe(false);
  });
});

describe('A2: ≥ 70 % of a village collective’s industry income to 脱贫户 and 监测户', () => {
  const village = (regionCode: string, incomeYuan: number, toYuan: number): VillageDistributionFacts => ({
    regionCode,
    collectiveIncomeFen: Math.round(incomeYuan * 100),
    toLiftedMonitoredFen: Math.round(toYuan * 100),
  });

  it.each([
    [100_000, 70_000, true, 0.7],
    [100_000, 69_999.99, false, 0.7], // shows as 70.0 %, is below
    [100_000, 85_000, true, 0.85],
    [30_000, 0, false, 0],
  ])('%i 元 income, %f 元 to them → met %s (share %f)', (income, to, met, share) => {
    const r = A2_RULE.evaluate([village('410721100201', income, to)], cfg('A2'), { year: 2024 });
    expect(r.records![0]).toMatchObject({ met, value: share, threshold: 0.7 });
  });

  it('a village without collective industry income is not judged; villages are the subjects', () => {
    const r = A2_RULE.evaluate([village('410721100201', 0, 0), village('410721100202', 100, 80), village('410721100203', 100, 10)], cfg('A2'), { year: 2024 });
    expect([r.total, r.met, r.failing.map((f) => f.key)]).toEqual([2, 1, ['410721100203']]);
    expect(r.failing[0]!.reasonZh).toBe('村集体产业收益 100 元，分配给脱贫户和监测户 10 元，占 10.0%，低于 70%');
  });

  it('sandbox { collectiveIncomeYuan, toLiftedMonitoredYuan }; more to them than the income is a field error', () => {
    const sb = A2_RULE.sandbox!;
    const facts = sb.toFacts(sb.schema.parse({ collectiveIncomeYuan: 100_000, toLiftedMonitoredYuan: 70_000 }), 2024);
    expect(A2_RULE.evaluate([facts], cfg('A2'), { year: 2024 }).status).toBe('met');
    const bad = sb.schema.safeParse({ collectiveIncomeYuan: 100, toLiftedMonitoredYuan: 101 }) as { success: boolean; error?: { issues: { path: string[] }[] } };
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['toLiftedMonitoredYuan']);
  });
});

describe('A3: an operating asset has the stock-take of the last half year', () => {
  const h = (year: number, half: 1 | 2) => ({ year, half, incomeFen: 100 });
  const facts = [
    asset(1, { incomes: [h(2024, 1)], asOf: '2024-11-30' }),
    asset(2, { incomes: [h(2023, 2)], asOf: '2024-11-30' }),
    asset(3, { category: 'household', asOf: '2024-11-30' }),
    asset(4, { formedOn: '2024-08-01', asOf: '2024-11-30' }),
  ];

  it('on 2024-11-30 the half year is 2024 上半年 (004 §五 每半年集中盘点)', () => {
    const r = A3_RULE.evaluate(facts, cfg('A3'), { year: 2024 });
    expect([r.total, r.met, r.value]).toEqual([2, 1, 0.5]);
    expect(r.failing).toEqual([expect.objectContaining({ key: '2', reasonZh: '缺少2024年上半年收益盘点（每半年集中盘点一次）' })]);
  });

  it('a past year is judged on its 下半年', () => {
    const r = A3_RULE.evaluate([asset(1, { incomes: [h(2023, 2)], asOf: '2024-11-30' }), asset(2, { incomes: [h(2023, 1)], asOf: '2024-11-30' })], cfg('A3'), { year: 2023 });
    expect(r.failing.map((f) => f.key)).toEqual(['2']);
  });

  it('refuses a pack period other than the half year', () => {
    expect(() => A3_RULE.evaluate(facts, { ...cfg('A3'), params: { stocktakeEveryMonths: 3 } }, { year: 2024 })).toThrow(/half-yearly/);
  });
});

describe('A4: the four classes and the four management levels', () => {
  it.each([
    ['村直管, 巩固一批', {}, true, '村直管，巩固一批'],
    ['市领管, 调整一批', { managementLevel: 'city_leads', assetClass: 'adjust' }, true, '市领管，调整一批'],
    ['no management level', { managementLevel: null }, false, '未明确管理层级'],
    ['a level outside the pack', { managementLevel: 'province_leads' }, false, '管理层级「province_leads」不在市领管、县统管、乡镇辖管、村直管之列'],
    ['an operating asset not classed', { assetClass: null }, false, '经营性资产未按“四个一批”分类'],
    ['a class outside the pack', { assetClass: 'sell_off' }, false, '分类「sell_off」不在巩固一批、升级一批、盘活一批、调整一批之列'],
    [
      'a class change without reason',
      {
        assetClass: 'revitalise',
        classChanges: [
          { assetClass: 'consolidate', reason: '链条完备' },
          { assetClass: 'revitalise', reason: ' ' },
        ],
      },
      false,
      '1 次分类调整未说明理由',
    ],
    ['a public-welfare asset needs a level only', { category: 'public_welfare', assetClass: null, managementLevel: 'county_manages' }, true, '县统管'],
  ])('%s', (_what, over, met, reason) => {
    const r = A4_RULE.evaluate([asset(1, over as Partial<AssetFacts>)], cfg('A4'), { year: 2024 });
    expect(r.records![0]).toMatchObject({ met, reasonZh: reason });
  });

  it('an asset disposed of before the year is not judged', () => {
    expect(A4_RULE.evaluate([asset(1, { disposedOn: '2023-06-01', managementLevel: null })], cfg('A4'), { year: 2024 }).status).toBe('not_applicable');
  });
});

describe('registration', () => {
  it('A1, A3, A4 read asset facts per record; A2 distribution facts per village', () => {
    expect(['A1', 'A2', 'A3', 'A4'].map((id) => [id, findRule(id)?.factsKind, findRule(id)?.subjectLevel, findRule(id)?.unit])).toEqual([
      ['A1', 'asset', 'record', 'yuan'],
      ['A2', 'distribution', 'village', 'share'],
      ['A3', 'asset', 'record', 'share'],
      ['A4', 'asset', 'record', 'share'],
    ]);
  });
});
