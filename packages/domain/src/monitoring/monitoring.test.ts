import { describe, expect, it } from 'vitest';
import { hasBlockingIssues } from '../errors.ts';
import { getPack } from '../policy/packs/index.ts';
import { checkRiskElimination, type RiskEliminationInput } from './elimination.ts';
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
  it.each([['2024-02-30', false], ['2024-2-3', false], ['2024-02-29', true]])('isIsoDate(%s) = %s', (d, ok) => expect(isIsoDate(d)).toBe(ok));
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

const ok: RiskEliminationInput = {
  laborCapacities: ['ordinary', 'none'],
  perCapitaIncomeByYear: { 2023: 9000, 2024: 9500 },
  incomeStableSince: '2024-01-01',
  asOf: '2024-12-01',
  provinceCode: '14',
  method: 'assisted',
  developmentalMeasureCount: 1,
  housingSecure: true,
  waterSecure: true,
  educationSecure: true,
  medicalSecure: true,
};

describe('checkRiskElimination (domain-standards §1.5)', () => {
  it('allows a household with labour, income above the line for half a year, guarantees secure and a measure', () => {
    expect(checkRiskElimination(ok, pack)).toEqual([]);
    expect(checkRiskElimination({ ...ok, method: 'natural', developmentalMeasureCount: 0 }, pack)).toEqual([]);
    expect(checkRiskElimination({ ...ok, laborCapacities: ['weak'] }, pack)).toEqual([]);
    // exactly six months is enough
    expect(checkRiskElimination({ ...ok, incomeStableSince: '2024-06-01' }, pack)).toEqual([]);
  });

  it.each<[string, Partial<RiskEliminationInput>, string, string]>([
    ['no labour (无劳动能力户暂不标注风险消除)', { laborCapacities: ['lost', 'none'] }, 'laborCapacities', '无劳动能力'],
    ['no member recorded', { laborCapacities: [] }, 'laborCapacities', '无劳动能力'],
    ['income equal to the line (2024: 7300)', { perCapitaIncomeByYear: { 2024: 7300 } }, 'perCapitaIncomeByYear', '7300 元未超过当年监测范围 7300 元'],
    ['income below the line', { perCapitaIncomeByYear: { 2024: 7000 } }, 'perCapitaIncomeByYear', '未超过'],
    ['no line for the year', { asOf: '2025-03-01', incomeStableSince: '2024-06-01', perCapitaIncomeByYear: { 2025: 12000 } }, 'perCapitaIncomeByYear', '未设置省份 14 2025 年的监测范围'],
    ['no line for the province', { provinceCode: '41' }, 'perCapitaIncomeByYear', '未设置省份 41'],
    ['no recent income', { perCapitaIncomeByYear: { 2021: 20000 } }, 'perCapitaIncomeByYear', '未录入 2023 年或 2024 年'],
    ['stable only 5 months', { incomeStableSince: '2024-07-02' }, 'incomeStableSince', '不满 6 个月'],
    ['stable-since missing', { incomeStableSince: null }, 'incomeStableSince', '未填写'],
    ['housing unsafe', { housingSecure: false }, 'housingSecure', '住房安全'],
    ['water unsafe', { waterSecure: false }, 'waterSecure', '饮水安全'],
    ['school drop-out', { educationSecure: false }, 'educationSecure', '义务教育'],
    ['no medical insurance', { medicalSecure: false }, 'medicalSecure', '基本医疗'],
    ['帮扶消除 without a development-type measure', { developmentalMeasureCount: 0 }, 'developmentalMeasureCount', '帮扶消除'],
    ['unknown method', { method: 'magic' }, 'method', '帮扶消除'],
  ])('refuses: %s', (_name, change, path, zh) => {
    const issues = checkRiskElimination({ ...ok, ...change }, pack);
    expect(issues.find((i) => i.path === path && i.messageZh.includes(zh)), JSON.stringify(issues)).toBeDefined();
    expect(hasBlockingIssues(issues)).toBe(true);
  });

  it('uses the decision year income when present, else the year before', () => {
    // 2024 income 7000 is below 7300 even though 2023 was fine
    expect(checkRiskElimination({ ...ok, perCapitaIncomeByYear: { 2023: 9000, 2024: 7000 } }, pack)).toHaveLength(1);
    // only 2023 recorded: compared with the 2023 line (6900)
    expect(checkRiskElimination({ ...ok, perCapitaIncomeByYear: { 2023: 7000 } }, pack)).toEqual([]);
  });
});
