import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from './credit-code.ts';
import { getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { entityIssues } from './entity-checks.ts';
import { checkEntityImportRow } from './entity-import-row.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  // the standard's own example and codes published on the national enterprise credit information system
  it.each([
    ['91350100M000100Y43', 'GB 32100-2015 example'],
    ['914403001922038216', '华为技术有限公司'],
    ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['91110108551385082Q', '北京小米科技有限责任公司'],
  ])('accepts %s (%s)', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it('computes the check character by hand (cooperative 93…, village collective N2…)', () => {
    // 9·1+3·3+4·9+1·27+1·19+2·26+8·16+2·17+21·20+10·29+9·25+16·13+5·8+29·24+24·10+1·30+0·28 = 2463; 2463 mod 31 = 14; 31−14 = 17 → 'H'
    expect(creditCodeCheckChar('93411282MA9G5XQ10')).toBe('H');
    // … + 10·28 (A) with N=22 first: 2753 mod 31 = 25; 31−25 = 6 → '6'
    expect(creditCodeCheckChar('N2411282MA9G5XQ1A')).toBe('6');
    expect(checkCreditCode('93411282MA9G5XQ10H').ok).toBe(true);
  });

  it('31 becomes 0', () => {
    // find the 17 characters whose sum is a multiple of 31: '00000000000000000' sums to 0 → 31 → '0'
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it.each([
    ['91350100M000100Y44', '校验位错误：按前 17 位计算应为“3”'],
    ['914403001922038217', '应为“6”'],
    ['91350100M000100Y4', '应为 18 位，现为 17 位'],
    ['91350100M0001O0Y43', '不允许的字符“O”'],
    ['Z1350100M000100Y43', '不允许的字符“Z”'],
    ['B1350100M000100Y43', '登记管理部门码'],
    ['9535010 0M000100Y43', '机构类别码'],
    ['91AB0100M000100Y43', '6 位行政区划码'],
  ])('refuses %s in words', (code, words) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.messageZh).toContain(words);
  });

  it('normalises full-width characters, lower case and spaces', () => {
    expect(normalizeCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(checkCreditCode('91350100m000100y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });
});

describe('entity field checks (one owner for API, import and form)', () => {
  const coop = { entityType: 'cooperative', name: '大王镇苹果专业合作社', regionCode: '411282100201', creditCode: '93411282MA9G5XQ10H' };
  const paths = (f: Parameters<typeof entityIssues>[0]) => entityIssues(f).issues.map((i) => i.path);

  it('accepts a party-led county-grade cooperative with its code', () => {
    expect(entityIssues({ ...coop, level: 'county', partyLed: true })).toEqual({ issues: [], creditCode: '93411282MA9G5XQ10H' });
  });
  it('requires the code for enterprises and cooperatives, allows none for a family farm, refuses one for a large grower', () => {
    expect(paths({ ...coop, creditCode: '' })).toEqual(['creditCode']);
    expect(paths({ ...coop, entityType: 'leading_enterprise', creditCode: null })).toEqual(['creditCode']);
    expect(paths({ ...coop, entityType: 'family_farm', creditCode: null })).toEqual([]);
    expect(paths({ ...coop, entityType: 'large_grower', creditCode: '93411282MA9G5XQ10H' })).toEqual(['creditCode']);
    expect(paths({ ...coop, entityType: 'large_grower', creditCode: null })).toEqual([]);
  });
  it('grade only for enterprises and cooperatives; party-led only for cooperatives and collectives', () => {
    expect(paths({ ...coop, entityType: 'family_farm', level: 'city' })).toEqual(['level']);
    expect(paths({ ...coop, level: 'galactic' })).toEqual(['level']);
    expect(paths({ ...coop, entityType: 'leading_enterprise', partyLed: true })).toEqual(['partyLed']);
    expect(paths({ ...coop, entityType: 'collective', creditCode: null, partyLed: true })).toEqual([]);
    expect(entityIssues({ ...coop, entityType: 'workshop', partyLed: true }).issues[0]!.messageZh).toContain('帮扶车间不适用“党支部领办”');
  });
  it('an industry consortium spans at least two villages (seat included)', () => {
    const c = { entityType: 'consortium', name: '仰韶产业振兴联合体', regionCode: '411282100201', creditCode: null };
    expect(paths(c)).toEqual(['servedRegionCodes']);
    expect(paths({ ...c, servedRegionCodes: ['411282100201'] })).toEqual(['servedRegionCodes']);
    expect(paths({ ...c, servedRegionCodes: ['411282100202'] })).toEqual([]);
    expect(paths({ ...c, regionCode: '411282100000', servedRegionCodes: ['411282100202', '411282100203'] })).toEqual([]);
    expect(paths({ ...c, servedRegionCodes: ['411282100000'] })).toContain('servedRegionCodes');
  });
  it('unknown type, empty name, bad phone', () => {
    expect(paths({ ...coop, entityType: 'bank' })).toContain('entityType');
    expect(paths({ ...coop, name: '  ' })).toEqual(['name']);
    expect(paths({ ...coop, contactPhone: '12345' })).toEqual(['contactPhone']);
    expect(paths({ ...coop, contactPhone: '13800001234' })).toEqual([]);
  });
});

describe('the file row check gives the API’s answers, on the file’s columns', () => {
  const col = (k: string) => ({ creditCode: '统一社会信用代码', level: '级别', partyLed: '党支部领办', entityType: '主体类型' })[k] ?? k;
  const cases: [string, Record<string, unknown>][] = [
    ['wrong check character', { creditCode: '91350100M000100Y44' }],
    ['grade on a family farm', { entityType: '家庭农场', creditCode: '', level: '市级' }],
    ['party-led enterprise', { entityType: '龙头企业', partyLed: '是' }],
  ];
  it.each(cases)('%s', (_label, over) => {
    const cells = { name: '某某', entityType: '农民专业合作社', regionCode: '411282100201', creditCode: '93411282MA9G5XQ10H', ...over };
    const row = checkEntityImportRow(7, cells, col as never);
    const api = entityIssues({
      name: '某某',
      regionCode: '411282100201',
      entityType: resolveDictCode(getDictItems('entity_type'), String(cells.entityType))!,
      creditCode: String(cells.creditCode),
      level: over.level ? resolveDictCode(getDictItems('entity_level'), String(over.level))! : null,
      partyLed: over.partyLed === '是',
    });
    expect(row.record).toBeNull();
    expect(row.issues.map((i) => [i.row, i.path, i.messageZh])).toEqual(api.issues.map((i) => [7, col(i.field!), i.messageZh]));
  });
});
