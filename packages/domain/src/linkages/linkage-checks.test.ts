import { describe, expect, it } from 'vitest';
import { carryLinkages, defaultIncomeType, linkageIssues } from './linkage-checks.ts';

const ok = { mode: 'employment', year: 2024, startDate: '2024-03-01', endDate: '2024-11-30', amountYuan: 4800 };
const paths = (input: Parameters<typeof linkageIssues>[0]) => linkageIssues(input).map((i) => i.path);

describe('linkageIssues', () => {
  it('accepts a 务工就业 record of one season', () => {
    expect(linkageIssues(ok)).toEqual([]);
  });
  it.each([
    [{ ...ok, mode: 'charity' }, ['mode']],
    [{ ...ok, year: 2012 }, ['year']],
    [{ ...ok, year: 2101 }, ['year']],
    [{ ...ok, endDate: '2024-02-28' }, ['endDate']],
    [{ ...ok, startDate: '2025-01-01', endDate: '2025-06-30' }, ['startDate']],
    [{ ...ok, startDate: '2022-01-01', endDate: '2023-12-31' }, ['endDate']],
    [{ ...ok, amountYuan: -1 }, ['amountYuan']],
    [{ ...ok, amountYuan: 10.005 }, ['amountYuan']],
    [{ ...ok, incomeType: 'gift' }, ['incomeType']],
  ])('names the wrong field of %o', (input, expected) => {
    expect(paths(input)).toEqual(expected);
  });
  it('accepts a period spanning several years (入股分红 2022–2026) and an open period', () => {
    expect(linkageIssues({ ...ok, mode: 'share_dividend', startDate: '2022-01-01', endDate: '2026-12-31' })).toEqual([]);
    expect(linkageIssues({ ...ok, startDate: null, endDate: null })).toEqual([]);
    expect(linkageIssues({ ...ok, endDate: '2024-01-01', startDate: '2023-06-01' })).toEqual([]);
  });
  it('words every problem in Chinese and English', () => {
    const [issue] = linkageIssues({ ...ok, endDate: '2024-01-01' });
    expect(issue?.messageZh).toBe('带动结束日期不能早于开始日期');
    expect(issue?.messageEn).toContain('end date');
  });
});

describe('defaultIncomeType (domain-standards §2 income sources)', () => {
  it.each([
    ['employment', 'wage'],
    ['share_dividend', 'property'],
    ['guaranteed_dividend', 'property'],
    ['second_rebate', 'property'],
    ['land_transfer', 'property'],
    ['equity_coop', 'property'],
    ['order_production', 'business'],
    ['consignment', 'business'],
    ['custody', 'business'],
    ['added_by_admin', 'business'],
  ])('%s → %s', (mode, type) => {
    expect(defaultIncomeType(mode)).toBe(type);
  });
});

describe('carryLinkages', () => {
  // 004: 原阳县 rural households working at 雨轩食品 (吸纳就业) and a 保底分红; figures worked by hand
  const income = { wage: 12000, business: 3500.5, property: 0.1, transfer: 2400 };
  const links = [
    { id: 1, year: 2024, incomeFen: 480_000, incomeType: 'wage', carriedAt: null }, // 4 800 元 务工
    { id: 2, year: 2024, incomeFen: 20, incomeType: 'property', carriedAt: null }, // 0.20 元 分红
    { id: 3, year: 2024, incomeFen: 150_050, incomeType: 'business', carriedAt: null }, // 1 500.50 元 订单
    { id: 4, year: 2024, incomeFen: 99_900, incomeType: 'wage', carriedAt: '2024-12-01T00:00:00Z' }, // already carried
    { id: 5, year: 2023, incomeFen: 10_000, incomeType: 'wage', carriedAt: null }, // another year
    { id: 6, year: 2024, incomeFen: 0, incomeType: 'transfer', carriedAt: null }, // nothing to add
  ];
  it('adds the not-yet-carried amounts of the year by type, in 分', () => {
    const r = carryLinkages(income, links, 2024);
    expect(r.carriedIds).toEqual([1, 2, 3]);
    expect(r.addedFen).toEqual({ wage: 480_000, business: 150_050, property: 20, transfer: 0 });
    // 0.1 + 0.2 = 0.3 exactly; 3500.50 + 1500.50 = 5001
    expect(r.after).toEqual({ wage: 16800, business: 5001, property: 0.3, transfer: 2400 });
  });
  it('starts a missing income year at 0', () => {
    expect(carryLinkages(null, links, 2023).after).toEqual({ wage: 100, business: 0, property: 0, transfer: 0 });
  });
  it('adds nothing the second time', () => {
    const first = carryLinkages(income, links, 2024);
    const carried = links.map((l) => (first.carriedIds.includes(l.id) ? { ...l, carriedAt: '2025-01-02T00:00:00Z' } : l));
    const again = carryLinkages(first.after, carried, 2024);
    expect(again.carriedIds).toEqual([]);
    expect(again.after).toEqual(first.after);
  });
});
