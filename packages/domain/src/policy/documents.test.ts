import { describe, expect, it } from 'vitest';
import { clauseDocuments, formatClause, POLICY_DOCUMENTS } from './documents.ts';
import { POLICY_PACKS } from './packs/index.ts';
import { describeRuleParams, PARAM_WORDS } from './rule-params-text.ts';

// 文号 as printed on Chinese official documents: 〔year〕number号
const DOC_NO = /〔\d{4}〕\d+号/;

describe('formatClause', () => {
  it.each([
    ['002 §二(一)1', '晋市农发〔2023〕52号 二(一)1'], // the example (seed 002 header)
    ['002 §二(四)2', '晋市农发〔2023〕52号 二(四)2'],
    ['000 §五(四)；003 §三(二)', '三示范巩固脱贫组〔2022〕4号 五(四)；三示范巩固脱贫组〔2022〕3号 三(二)'],
    ['004 §二；§三', '新农字〔2024〕34号 二、三'],
    ['001 §二(一)5；§一(二)', '《许昌市推动脱贫地区特色产业可持续发展的实施方案》 二(一)5、一(二)'],
    ['中农组发〔2021〕7号 通行做法；参照 002 §二(一)1', '中农组发〔2021〕7号 通行做法；参照 晋市农发〔2023〕52号 二(一)1'],
    ['通行做法（004 无专门条款）', '通行做法（新农字〔2024〕34号 无专门条款）'],
  ])('%s → %s', (clause, expected) => {
    expect(formatClause(null, clause)).toBe(expected);
  });

  it('keeps unknown references and plain text as written', () => {
    expect(formatClause(null, '999 §一')).toBe('999 §一');
    expect(formatClause(null, '通行做法')).toBe('通行做法');
  });

  it('prefers the pack’s own documents', () => {
    const pack = { documents: [{ ref: '002', docNo: '测试〔2099〕1号', titleZh: '测试', issuerZh: '测试', date: '2099' }] };
    expect(formatClause(pack, '002 §一')).toBe('测试〔2099〕1号 一');
  });

  it.each(POLICY_PACKS.flatMap((p) => p.rules.map((r) => [p.id, r.ruleId, p, r.clause] as const)))(
    '%s %s cites a document by 文号 (or title where it has none), never a seed id',
    (_id, _rule, pack, clause) => {
      const text = formatClause(pack, clause);
      expect(text).not.toMatch(/§/);
      expect(text).not.toMatch(/(?<![\d〔])\d{3}(?!\d)/);
      expect(DOC_NO.test(text) || /《[^》]+》/.test(text)).toBe(true);
      const docs = clauseDocuments(pack, clause);
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) expect(pack.documents).toContain(d);
    },
  );

  it('every document but 001 (which prints none) has a 文号', () => {
    expect(POLICY_DOCUMENTS.filter((d) => !d.docNo).map((d) => d.ref)).toEqual(['001']);
    for (const d of POLICY_DOCUMENTS) if (d.docNo) expect(d.docNo).toMatch(DOC_NO);
  });
});

describe('describeRuleParams', () => {
  it('has wording for every parameter key the packs use', () => {
    const keys = new Set(POLICY_PACKS.flatMap((p) => p.rules.flatMap((r) => Object.keys(r.params))));
    expect([...keys].filter((k) => !PARAM_WORDS[k])).toEqual([]);
  });

  it.each(POLICY_PACKS.flatMap((p) => p.rules.map((r) => [p.id, r.ruleId, r] as const)))('%s %s: thresholds in words, no keys or JSON', (_p, _r, rule) => {
    const texts = describeRuleParams(rule);
    expect(texts.length).toBeGreaterThan(0);
    for (const x of texts) {
      expect(x.zh).not.toMatch(/[{}[\]]|[a-z][A-Z]|_/);
      expect(x.zh).not.toMatch(/undefined|NaN|object/);
    }
  });

  it('words the seed numbers', () => {
    const jc = POLICY_PACKS.find((p) => p.id === 'jincheng')!;
    const c1 = describeRuleParams(jc.rules.find((r) => r.ruleId === 'C1')!).map((x) => x.zh);
    expect(c1).toEqual(expect.arrayContaining(['对象：脱贫户、边缘易致贫户', '期限 3 年以内', '额度 5 万元以下', '5 万元以下财政全额贴息', '免担保', '免抵押']));
    const f3 = describeRuleParams(jc.rules.find((r) => r.ruleId === 'F3')!).map((x) => x.zh);
    expect(f3).toEqual(['占比不低于 60%', '范围：市级安排到县的衔接资金']);
    const p5 = describeRuleParams(jc.rules.find((r) => r.ruleId === 'P5')!).map((x) => x.zh);
    expect(p5).toEqual(['特色主导产业 2—3 个']);
    const sm = POLICY_PACKS.find((p) => p.id === 'sanmenxia')!;
    expect(describeRuleParams(sm.rules.find((r) => r.ruleId === 'E3')!).map((x) => x.zh)).toEqual(['占比：2022 年不低于 40%，2025 年不低于 90%']);
  });
});
