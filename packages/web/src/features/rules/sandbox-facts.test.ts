import { describe, expect, it } from 'vitest';
import { sandboxIssueText, fieldChoices, fundColumns, fundFacts, fundRowsFrom, initialFundRows, sandboxKind, sandboxPathWords, shapeOf } from './sandbox-facts.ts';
import { formatRuleValue } from './rule-format.ts';

describe('试算 facts of the forms', () => {
  it('F1–F4 get the years table, P3 and H1 their own form, the rest one built from the example', () => {
    expect(['F1', 'F2', 'F3', 'F4'].map(sandboxKind)).toEqual(['fund_years', 'fund_years', 'fund_years', 'fund_years']);
    expect(sandboxKind('F5')).toBe('generic');
    expect(sandboxKind('P3')).toBe('p3');
    expect(sandboxKind('H1')).toBe('h1');
    expect(fundColumns('F4')).toContain('leadingChainYuan');
    expect(fundColumns('F1')).not.toContain('leadingChainYuan');
  });

  it('the 000 §五(二) example (1000 万 / 560 万 then 1000 万 / 540 万) becomes the issue shape, blanks left out', () => {
    const rows = initialFundRows(2023);
    expect(rows.map((r) => r.year)).toEqual([2022, 2023]);
    rows[1] = { ...rows[1]!, linkageFundYuan: 10_000_000, industryYuan: 5_400_000 };
    rows[0] = { ...rows[0]!, linkageFundYuan: 10_000_000, industryYuan: 5_600_000, leadingChainYuan: 1 };
    expect(fundFacts(rows, fundColumns('F1'))).toEqual({
      years: { '2022': { linkageFundYuan: 10_000_000, industryYuan: 5_600_000 }, '2023': { linkageFundYuan: 10_000_000, industryYuan: 5_400_000 } },
    });
    expect(fundFacts(initialFundRows(2024), fundColumns('F1'))).toEqual({ years: { '2023': {}, '2024': {} } });
  });

  it('rows are read back from an example in year order', () => {
    const rows = fundRowsFrom({ years: { '2023': { linkageFundYuan: 2, industryYuan: 1 }, '2022': { linkageFundYuan: 4, industryYuan: 3, leadingChainYuan: 1 } } }, 2023);
    expect(rows).toEqual([
      { year: 2022, linkageFundYuan: 4, industryYuan: 3, leadingChainYuan: 1 },
      { year: 2023, linkageFundYuan: 2, industryYuan: 1, leadingChainYuan: null },
    ]);
  });

  it('an example decides the controls: numbers, switches, tags, year tables, lists', () => {
    expect(shapeOf({ amountYuan: 50_000, needsAndCanRepay: false, modes: ['a'], years: { '2022': { a: 1 }, '2023': { b: 2 } }, items: [{ x: 1 }] })).toEqual({
      kind: 'group',
      fields: [
        ['amountYuan', { kind: 'number' }],
        ['needsAndCanRepay', { kind: 'boolean' }],
        ['modes', { kind: 'tags' }],
        ['years', { kind: 'yearMap', columns: ['a', 'b'] }],
        ['items', { kind: 'list', item: { kind: 'group', fields: [['x', { kind: 'number' }]] } }],
      ],
    });
    expect(fieldChoices('solar_greenhouse')?.find((c) => c.value === 'solar_greenhouse')?.zh).toBe('新建日光温室');
    expect(fieldChoices('anything')).toBeNull();
  });

  it('a 400 issue path is said in words, F2 naming its own columns', () => {
    expect(sandboxPathWords('facts.years.2023.industryYuan', 'F1', 'zh')).toBe('2023 年 · 用于产业发展的资金（元）');
    expect(sandboxPathWords('body.facts.years.2023.linkageFundYuan', 'F2', 'zh')).toBe('2023 年 · 产业项目资金（元）');
    expect(sandboxPathWords('facts.linkageModes.1', 'P3', 'zh')).toBe('联农带农方式 · 第 2 项');
  });

  it('the server’s generic message quoting the key is said in words; a worded one is kept', () => {
    const path = 'facts.years.2023.industryYuan';
    expect(
      sandboxIssueText(
        { path, messageZh: `${path} 不正确：Invalid input: expected number, received undefined`, messageEn: `${path}: Invalid input: expected number, received undefined` },
        'F1',
        'zh',
      ),
    ).toBe('2023 年 · 用于产业发展的资金（元）：必须填写');
    expect(sandboxIssueText({ path, messageZh: '金额最多两位小数', messageEn: 'at most 2 decimals' }, 'F1', 'zh')).toBe('2023 年 · 用于产业发展的资金（元）：金额最多两位小数');
  });
});

describe('a rule figure in words', () => {
  it('formats from the unit the server names: shares as %, amounts in 元 or 万元, counts as numbers', () => {
    expect(formatRuleValue(0.54, 'share', 'zh')).toBe('54.0%');
    expect(formatRuleValue(1, 'share', 'zh')).toBe('100.0%');
    expect(formatRuleValue(12_500_000, 'yuan', 'zh')).toBe('1,250 万元');
    expect(formatRuleValue(75_000, 'yuan', 'en')).toBe('7.5 × 10k yuan');
    expect(formatRuleValue(400, 'yuan', 'zh')).toBe('400 元');
    // one village's 1 cooperative against "at least 1" is a count, not 100 %; 0.5 元 is an amount, not 50 %
    expect(formatRuleValue(1, 'count', 'zh')).toBe('1');
    expect(formatRuleValue(1200, 'count', 'zh')).toBe('1,200');
    expect(formatRuleValue(0.5, 'yuan', 'zh')).toBe('0.5 元');
    expect(formatRuleValue(null, 'share', 'zh')).toBe('—');
  });
});
