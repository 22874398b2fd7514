import { describe, expect, it } from 'vitest';
import { hasBlockingIssues } from '../errors.ts';
import { getPack } from '../policy/packs/index.ts';
import { assessIncome, checkRiskElimination, judgedPerCapita, type IncomeRecord, type RiskEliminationInput } from './elimination.ts';
import { checkIdentificationSteps, type IdentificationDates } from './identification.ts';
import { addMonthsIso, isIsoDate } from './iso-date.ts';

const pack = getPack('jincheng'); // 公示 ≥ 5 days, ≤ 15 days lead → approval, income stable ≥ 6 months

describe('iso dates', () => {
  it.each([
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-15', 6, '2024-07-15'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
  ])('%s + %i months = %s', (d, m, expected) => expect(addMonthsIso(d, m)).toBe(expected));
  it.each([
    ['2024-02-30', false],
    ['2024-2-3', false],
    ['2024-02-29', true],
  ])('isIsoDate(%s) = %s', (d, ok) => expect(isIsoDate(d)).toBe(ok));
});

const complete: IdentificationDates = {
  leadDate: '2024-03-01',
  homeVisitDate: '2024-03-02',
  infoCheckDate: '2024-03-04',
  villageReviewDate: '2024-03-05',
  publicityStart: '2024-03-06',
  publicityEnd: '2024-03-10', // 5 days, both ends included
  townshipReviewDate: '2024-03-12',
  countyApprovalDate: '2024-03-15',
};

describe('checkIdentificationSteps (domain-standards §1.5)', () => {
  it('accepts a complete case in order, within 15 days, with 5 days of 公示', () => {
    expect(checkIdentificationSteps(complete, pack)).toEqual([]);
  });

  it('accepts a case still in progress', () => {
    expect(checkIdentificationSteps({ leadDate: '2024-03-01', homeVisitDate: '2024-03-02', infoCheckDate: null }, pack)).toEqual([]);
  });

  it.each<[string, IdentificationDates, string, string, 'error' | 'warning' | undefined]>([
    ['publicity of 4 days', { ...complete, publicityEnd: '2024-03-09' }, 'publicityEnd', '村内公示仅 4 天，不少于 5 天', undefined],
    ['home visit before the lead', { ...complete, homeVisitDate: '2024-02-28' }, 'homeVisitDate', '入户核实日期 2024-02-28 早于发现线索日期 2024-03-01', undefined],
    ['approval before township review', { ...complete, countyApprovalDate: '2024-03-11' }, 'countyApprovalDate', '早于乡镇审核日期', undefined],
    ['approval without publicity', { ...complete, publicityStart: null, publicityEnd: undefined }, 'publicityStart', '缺少前序步骤“公示开始”', undefined],
    ['invalid date', { ...complete, infoCheckDate: '2024-02-30' }, 'infoCheckDate', '信息比对日期无效', undefined],
    ['lead → approval 16 days', { ...complete, countyApprovalDate: '2024-03-17' }, 'countyApprovalDate', '用时 16 天，超过 15 天时限', 'warning'],
  ])('%s', (_name, c, path, zh, severity) => {
    const issues = checkIdentificationSteps(c, pack);
    const hit = issues.find((i) => i.path === path && i.messageZh.includes(zh));
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit?.severity).toBe(severity);
    expect(hit?.messageEn.length).toBeGreaterThan(0);
  });

  it('warns about an open case older than 15 days only when asOf is given', () => {
    const open = { leadDate: '2024-03-01', homeVisitDate: '2024-03-02' };
    expect(checkIdentificationSteps(open, pack)).toEqual([]);
    expect(checkIdentificationSteps(open, pack, { asOf: '2024-03-16' })).toEqual([]);
    const issues = checkIdentificationSteps(open, pack, { asOf: '2024-03-20' });
    expect(issues).toMatchObject([{ path: 'leadDate', severity: 'warning' }]);
    expect(hasBlockingIssues(issues)).toBe(false);
  });
});

// lines of province 14 (placeholders): 2021 6000, 2022 6000, 2023 6900, 2024 7300; none for 2025
const lines = pack.monitoringLines;
const inc = (year: number, perCapita: number, extra: Partial<IncomeRecord> = {}): IncomeRecord => ({
  year,
  memberCount: 2,
  wage: perCapita * 2,
  business: 0,
  businessExpense: 0,
  property: 0,
  transfer: 0,
  ...extra,
});
const ok: RiskEliminationInput = {
  laborCapacities: ['ordinary', 'none'],
  incomes: [inc(2023, 9000), inc(2024, 9500)],
  monitoringType: 'marginal',
  asOf: '2024-12-01',
  provinceCode: '14',
  method: 'assisted',
  developmentalMeasureCount: 1,
  housingSecure: true,
  waterSecure: true,
  educationSecure: true,
  medicalSecure: true,
  rigidExpenseResolved: true,
  noNewRisk: true,
};

describe('assessIncome: stability from recorded incomes (domain-standards §1.5)', () => {
  it('counts the decision year up to the decision month and 12 months for each earlier year above its line', () => {
    expect(assessIncome(ok, lines, 6)).toMatchObject({ decisionYear: 2024, judged: { year: 2024, perCapita: 9500 }, line: { amountYuan: 7300 }, stableMonths: 12 });
    // 2024-05-10: 2024 covers 5 months, 2023 (9000 > 6900) 12 more
    expect(assessIncome({ ...ok, asOf: '2024-05-10' }, lines, 6).stableMonths).toBe(17);
    // 2023 below its line (6500 ≤ 6900): only the 5 months of 2024 count
    const a = assessIncome({ ...ok, asOf: '2024-05-10', incomes: [inc(2023, 6500), inc(2024, 9500)] }, lines, 6);
    expect(a.stableMonths).toBe(5);
    expect(a.years.map((y) => [y.year, y.above, y.months])).toEqual([
      [2024, true, 5],
      [2023, false, 0],
    ]);
    // no 2024 record yet: judged on 2023, which covers 12 months
    expect(assessIncome({ ...ok, asOf: '2024-03-01', incomes: [inc(2023, 9000)] }, lines, 6)).toMatchObject({ judged: { year: 2023 }, stableMonths: 12 });
  });

  it('judges a 突发严重困难户 after 合规自付支出 and 理赔收入: (家庭纯收入 + 理赔 − 合规自付) ÷ 人数', () => {
    const r = inc(2024, 9500, { claimIncome: 1000, compliantSelfPaid: 6000 }); // (19000 + 1000 − 6000) ÷ 2 = 7000
    expect(judgedPerCapita(r, 'sudden')).toBe(7000);
    expect(judgedPerCapita(r, 'marginal')).toBe(9500);
  });

  it('judges and compares in integer 分: one 分 above the line counts, exactly on it does not', () => {
    // (10 + 0.1 − 0.2) 元 ÷ 3 = 990 分 ÷ 3 = 330 分 = 3.30 元
    expect(
      judgedPerCapita({ year: 2024, memberCount: 3, wage: 10, business: 0, businessExpense: 0, property: 0, transfer: 0, claimIncome: 0.1, compliantSelfPaid: 0.2 }, 'sudden'),
    ).toBe(3.3);
    const line7300 = [{ provinceCode: ok.provinceCode.slice(0, 2), year: 2024, amountYuan: 7300, source: 'test', confirmed: true }];
    const sudden = (extra: Partial<IncomeRecord>) =>
      assessIncome({ ...ok, monitoringType: 'sudden', asOf: '2024-05-10', incomes: [inc(2024, 7300, extra)] }, line7300, 5).years[0]?.above;
    // (14600 + 0.1 + 0.2 − 0.3) ÷ 2 = 7300.00 元 exactly (float: 14600.000000000002 − 0.3 …): on the line, not above
    expect(sudden({ wage: 14600.1, claimIncome: 0.2, compliantSelfPaid: 0.3 })).toBe(false);
    // (14600 + 0.02) ÷ 2 = 7300.01 元: one 分 above
    expect(sudden({ wage: 14600, claimIncome: 0.02, compliantSelfPaid: 0 })).toBe(true);
    // (14600 + 0.01) ÷ 2 = 7300.005 元 → 730 000.5 分 → 730 001 分 (half away from zero): above
    expect(sudden({ wage: 14600, claimIncome: 0.01, compliantSelfPaid: 0 })).toBe(true);
  });
});

describe('checkRiskElimination (domain-standards §1.5)', () => {
  it('allows a household with labour, income above the line for half a year, guarantees secure and a measure', () => {
    expect(checkRiskElimination(ok, lines, pack)).toEqual([]);
    expect(checkRiskElimination({ ...ok, method: 'natural', developmentalMeasureCount: 0 }, lines, pack)).toEqual([]);
    expect(checkRiskElimination({ ...ok, laborCapacities: ['weak'] }, lines, pack)).toEqual([]);
    // 2023 below its line, 2024 above: exactly six months on 2024-06-01 is enough
    expect(checkRiskElimination({ ...ok, asOf: '2024-06-01', incomes: [inc(2023, 6000), inc(2024, 9500)] }, lines, pack)).toEqual([]);
  });

  it.each<[string, Partial<RiskEliminationInput>, string, string]>([
    ['no labour (无劳动能力户暂不标注风险消除)', { laborCapacities: ['lost', 'none'] }, 'laborCapacities', '无劳动能力'],
    ['no member recorded', { laborCapacities: [] }, 'laborCapacities', '无劳动能力'],
    ['income equal to the line (2024: 7300)', { incomes: [inc(2023, 9000), inc(2024, 7300)] }, 'incomes', '7300 元未超过 2024 年监测范围 7300 元（未确认的占位值）'],
    [
      '2023 income above its own line (6900) but not above the decision year line (7300)',
      { asOf: '2024-02-10', incomes: [inc(2022, 8000), inc(2023, 7000)] },
      'incomes',
      '2023 年人均纯收入 7000 元未超过 2024 年监测范围',
    ],
    [
      '突发严重困难户 below the line after 合规自付支出',
      { monitoringType: 'sudden', incomes: [inc(2023, 9000), inc(2024, 9500, { compliantSelfPaid: 6000 })] },
      'incomes',
      '扣除合规自付支出、计入理赔收入后）6500 元未超过',
    ],
    ['no line for the decision year', { asOf: '2025-03-01', incomes: [inc(2024, 12000), inc(2025, 12000)] }, 'monitoringLine', '未设置本省 2025 年监测范围'],
    ['no line for the province', { provinceCode: '41' }, 'monitoringLine', '未设置本省 2024 年监测范围'],
    ['no recent income', { incomes: [inc(2021, 20000)] }, 'incomes', '未录入 2023 年或 2024 年'],
    [
      'stable only 5 months',
      { asOf: '2024-05-31', incomes: [inc(2023, 6000), inc(2024, 9500)] },
      'incomeStable',
      '仅 5 个月（按已录入的年度收入计算），不满 6 个月；2023 年人均 6000 元未超过当年监测范围 6900 元',
    ],
    ['stability broken by a missing year', { asOf: '2024-03-31', incomes: [inc(2022, 9000), inc(2024, 9500)] }, 'incomeStable', '2023 年未录入收入'],
    ['housing unsafe', { housingSecure: false }, 'housingSecure', '住房安全保障未稳定解决'],
    ['water not assessed', { waterSecure: null }, 'waterSecure', '饮水安全保障尚未评估'],
    ['school drop-out', { educationSecure: false }, 'educationSecure', '义务教育'],
    ['no medical insurance', { medicalSecure: false }, 'medicalSecure', '基本医疗'],
    ['large rigid spending', { rigidExpenseResolved: false }, 'rigidExpenseResolved', '大额刚性支出尚未稳定解决'],
    ['new risk', { noNewRisk: false }, 'noNewRisk', '存在新增风险'],
    ['new risk not assessed', { noNewRisk: null }, 'noNewRisk', '尚未评估是否有新增风险'],
    ['帮扶消除 without a development-type measure', { developmentalMeasureCount: 0 }, 'developmentalMeasureCount', '帮扶消除'],
    ['unknown method', { method: 'magic' }, 'method', '帮扶消除'],
  ])('refuses: %s', (_name, change, path, zh) => {
    const issues = checkRiskElimination({ ...ok, ...change }, lines, pack);
    expect(
      issues.find((i) => i.path === path && i.messageZh.includes(zh)),
      JSON.stringify(issues),
    ).toBeDefined();
    expect(hasBlockingIssues(issues)).toBe(true);
  });

  it('says nothing about the placeholder once the line is confirmed', () => {
    const confirmed = lines.map((l) => ({ ...l, confirmed: true }));
    const issues = checkRiskElimination({ ...ok, incomes: [inc(2023, 9000), inc(2024, 7000)] }, confirmed, pack);
    expect(issues.map((i) => i.messageZh)).toEqual(['2024 年人均纯收入 7000 元未超过 2024 年监测范围 7300 元', expect.stringContaining('仅 0 个月')]);
  });
});
