import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../text/half-width.ts';
import { DICT, DICTIONARIES, codesWithAttr, dictLabelZh, getDictItems, resolveDictCode } from './dictionaries.ts';

describe('DICTIONARIES', () => {
  it('has every code of DICT exactly once', () => {
    expect(DICTIONARIES.map((d) => d.code).sort()).toEqual(Object.values(DICT).sort());
  });

  it.each(DICTIONARIES.map((d) => [d.code, d] as const))('%s: stable short ASCII codes, unique, sorted, unambiguous', (_code, dict) => {
    const codes = dict.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9_]{1,24}$/);
    expect(dict.items.map((i) => i.sort)).toEqual(codes.map((_, i) => i + 1));
    for (const item of dict.items) if (item.parentCode) expect(codes).toContain(item.parentCode);
    // no spelling (code, labels, aliases) may point at two different items
    const owner = new Map<string, string>();
    for (const item of dict.items) {
      const aliases = (item.attrs?.aliases as string[] | undefined) ?? [];
      for (const s of [item.code, item.labelZh, item.labelEn, ...aliases].map(normalizeLabel)) {
        expect(owner.get(s) ?? item.code, `${dict.code}: "${s}"`).toBe(item.code);
        owner.set(s, item.code);
      }
    }
  });

  it.each([
    [DICT.measureCategory, 14],
    [DICT.linkageMode, 12],
    [DICT.laborCapacity, 5],
    [DICT.monitoringType, 3],
    [DICT.leadSource, 3],
    [DICT.helperRole, 5],
    [DICT.eliminationMethod, 2],
  ])('%s has %i items', (code, n) => expect(getDictItems(code)).toHaveLength(n));

  it('gender codes fit the 4-char column and relation codes the 8-char column', () => {
    expect(getDictItems(DICT.gender).map((i) => i.code)).toEqual(['1', '2']);
    for (const i of getDictItems(DICT.relation)) expect(i.code).toMatch(/^\d{2}$/);
    expect(
      getDictItems(DICT.relation)
        .filter((i) => i.attrs?.isHead === true)
        .map((i) => i.code),
    ).toEqual(['02']);
  });

  it('development-type measures are 产业, 就业, 金融, 公益岗位 (domain-standards §1.7)', () => {
    expect(codesWithAttr(DICT.measureCategory, 'developmental')).toEqual(['industry', 'employment', 'finance', 'public_post']);
  });

  it('labour capacity: 有劳动能力 (002 §二(一)1) = 普通/技能; 丧失/无 have no labour at all', () => {
    expect(codesWithAttr(DICT.laborCapacity, 'fullLabor')).toEqual(['ordinary', 'skilled']);
    expect(codesWithAttr(DICT.laborCapacity, 'hasLabor')).toEqual(['ordinary', 'skilled', 'weak']);
  });

  it('risk types follow domain-standards §1.3 with disaster sub-items', () => {
    const risks = getDictItems(DICT.riskType);
    expect(risks.filter((r) => !r.parentCode).map((r) => r.labelZh)).toEqual([
      '因病',
      '因学',
      '因残',
      '因自然灾害',
      '因意外事故',
      '因产业项目失败',
      '因务工就业不稳',
      '缺劳动力',
      '其他',
    ]);
    expect(risks.filter((r) => r.parentCode === 'disaster')).toHaveLength(7);
  });
});

describe('resolveDictCode', () => {
  it.each([
    [DICT.householdType, '脱贫户', 'lifted'],
    [DICT.householdType, ' 建档立卡脱贫户 ', 'lifted'],
    [DICT.householdType, 'monitored', 'monitored'],
    [DICT.householdType, 'Ordinary Household', 'ordinary'],
    [DICT.householdType, '监测对象', 'monitored'],
    [DICT.gender, '男', '1'],
    [DICT.gender, '女', '2'],
    [DICT.gender, '２', '2'],
    [DICT.relation, '户主', '02'],
    [DICT.relation, '之子', '20'],
    [DICT.relation, '02', '02'],
    [DICT.laborCapacity, '弱劳力', 'weak'],
    [DICT.laborCapacity, '弱劳动力或半劳动力', 'weak'],
    [DICT.riskType, '因自然灾害（洪涝灾害）', 'disaster_flood'],
    [DICT.riskType, '因自然灾害【旱灾】', 'disaster_drought'],
    [DICT.riskType, '因产业失败', 'industry_failure'],
    [DICT.measureCategory, '兜底保障', 'social_security'],
    [DICT.monitoringType, '边缘户', 'marginal'],
  ])('%s: %j → %s', (dict, raw, code) => expect(resolveDictCode(getDictItems(dict), raw)).toBe(code));

  it.each([
    [DICT.householdType, ''],
    [DICT.householdType, '贫困户啊'],
    [DICT.gender, '未知'],
  ])('%s: %j → undefined', (dict, raw) => expect(resolveDictCode(getDictItems(dict), raw)).toBeUndefined());

  it('works on an admin-edited copy of the items', () => {
    const items = [...getDictItems(DICT.householdType), { code: 'x1', labelZh: '新类型', labelEn: 'New', sort: 9 }];
    expect(resolveDictCode(items, '新类型')).toBe('x1');
    expect(dictLabelZh(items, 'x1')).toBe('新类型');
    expect(dictLabelZh(items, 'nope')).toBe('nope');
  });
});
