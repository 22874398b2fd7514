import { describe, expect, it } from 'vitest';
import { chainGaps, chainTemplate, industryIssues, linkKindIssue, tierIssue } from './index.ts';
import { INDUSTRY_DICTIONARIES } from '../dictionaries/industry.dict.ts';

// Region codes of the Sanmenxia demo zone's shape: county 411271, 大王镇 411271100, a village 411271100201.
const COUNTY = '411271000000';
const TOWNSHIP = '411271100000';
const VILLAGE = '411271100201';

describe('tier fits the region level (003 §二(四)2 一镇一特、一村一品; 一县一业)', () => {
  it.each([
    ['county_one', COUNTY, true],
    ['county_one', TOWNSHIP, false],
    ['township_one', TOWNSHIP, true],
    ['township_one', VILLAGE, false],
    ['township_one', COUNTY, false],
    ['village_one', VILLAGE, true],
    ['village_one', TOWNSHIP, false],
    [null, VILLAGE, true],
  ] as const)('%s at %s fits: %s', (tier, region, fits) => {
    const issue = tierIssue(tier, region);
    expect(issue === null).toBe(fits);
    if (issue) {
      expect(issue.path).toBe('tier');
      expect(issue.messageZh).toMatch(/一县一业|一镇一特|一村一品/);
    }
  });

  it('灵宝大枣 as 一镇一特 of 大王镇 is valid; as 一县一业 of 大王镇 it is refused on tier (000 §四(一)2)', () => {
    expect(industryIssues({ regionCode: TOWNSHIP, name: '灵宝大枣', category: 'fruit', kind: 'leading', tier: 'township_one' })).toEqual([]);
    const issues = industryIssues({ regionCode: TOWNSHIP, name: '灵宝大枣', category: 'fruit', kind: 'leading', tier: 'county_one' });
    expect(issues.map((i) => i.path)).toEqual(['tier']);
    expect(issues[0]!.messageZh).toContain('一县一业');
    expect(issues[0]!.messageZh).toContain('县（区）');
  });

  it('kind, category and tier must be dictionary codes', () => {
    const issues = industryIssues({ regionCode: VILLAGE, name: '大棚蔬菜', category: 'veg', kind: 'main', tier: 'one' });
    expect(issues.map((i) => i.path).sort()).toEqual(['category', 'kind', 'tier']);
    // an administrator's own dictionary item counts when the caller passes the codes in force
    expect(industryIssues({ regionCode: VILLAGE, name: 'x', category: 'veg', kind: 'leading' }, (d) => (d === 'industry_category' ? ['veg'] : ['leading']))).toEqual([]);
  });
});

describe('link kinds unique per chain', () => {
  it('a second 冷链物流 is refused, a first one and an unknown kind are told apart', () => {
    expect(linkKindIssue('cold_chain', [{ linkKind: 'base' }, { linkKind: 'sales' }])).toBeNull();
    const dup = linkKindIssue('cold_chain', [{ linkKind: 'cold_chain' }]);
    expect(dup?.path).toBe('linkKind');
    expect(dup?.messageZh).toContain('冷链物流');
    expect(linkKindIssue('teleport', [])?.messageZh).toContain('不在字典中');
  });
});

describe('chainGaps (000 §四(一)3 查找短板, §五(一) 补齐短板)', () => {
  it('灵宝大枣: links without entity and project are gaps, a recorded 短板 is a gap even with entities', () => {
    // 000 §四(一)2: 红枣产业仍以销售红枣为主，红枣产品加工仍处于初级阶段
    const gaps = chainGaps([
      { id: 1, linkKind: 'base', entityCount: 2, projectCount: 1 },
      { id: 2, linkKind: 'processing', entityCount: 1, projectCount: 0, shortfall: '红枣产品加工仍处于初级阶段' },
      { id: 3, linkKind: 'cold_chain', entityCount: 0, projectCount: 0 },
      { id: 4, linkKind: 'brand', entityCount: 0, projectCount: 1 },
      { id: 5, linkKind: 'sales', name: '电商直播', entityCount: 0, projectCount: 0, shortfall: '  ' },
    ]);
    expect(gaps.map((g) => [g.linkId, g.reasons])).toEqual([
      [2, ['shortfall']],
      [3, ['no_entity_no_project']],
      [5, ['no_entity_no_project']],
    ]);
    expect(gaps[1]).toMatchObject({ label: '冷链物流', reasonZh: '无经营主体、无项目' });
    expect(gaps[0]!.reasonZh).toBe('短板：红枣产品加工仍处于初级阶段');
    expect(gaps[2]!.label).toBe('电商直播');
  });

  it('both reasons at once are joined', () => {
    const [g] = chainGaps([{ id: 9, linkKind: 'processing', entityCount: 0, projectCount: 0, shortfall: '缺少精深加工' }]);
    expect(g!.reasons).toEqual(['no_entity_no_project', 'shortfall']);
    expect(g!.reasonZh).toBe('无经营主体、无项目；短板：缺少精深加工');
  });

  it('a full chain has no gap', () => {
    expect(chainGaps([{ id: 1, linkKind: 'base', entityCount: 1, projectCount: 0 }])).toEqual([]);
  });
});

describe('chain templates', () => {
  it('果品: 良种繁育 → 基地建设 → 生产 → 加工 → 冷链物流 → 品牌 → 销售 → 科技服务', () => {
    expect(chainTemplate('fruit')).toEqual(['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service']);
  });
  it('every template uses dictionary link kinds once each; every category has one', () => {
    const kinds = INDUSTRY_DICTIONARIES.find((d) => d.code === 'chain_link_kind')!.items.map((i) => i.code);
    for (const cat of INDUSTRY_DICTIONARIES.find((d) => d.code === 'industry_category')!.items.map((i) => i.code)) {
      const t = chainTemplate(cat);
      expect(t.length).toBeGreaterThan(2);
      expect(new Set(t).size).toBe(t.length);
      for (const k of t) expect(kinds).toContain(k);
    }
  });
});
