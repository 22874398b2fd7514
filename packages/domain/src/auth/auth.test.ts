import { describe, expect, it } from 'vitest';
import { isValidRegionCode, isWithinScope, regionLevelOf, regionPrefix } from './regions.ts';
import { canSeePii, canWrite, isAdmin, isRole, ROLE_INFO, ROLES } from './roles.ts';

describe('roles (ARCHITECTURE.md)', () => {
  it.each([
    ['admin', true, true, true],
    ['county_officer', true, true, false],
    ['township_officer', false, true, false],
    ['village_officer', false, true, false],
    ['viewer', false, false, false],
    ['hacker', false, false, false],
  ])('%s: pii %s, write %s, admin %s', (role, pii, write, admin) => {
    expect([canSeePii(role), canWrite(role), isAdmin(role)]).toEqual([pii, write, admin]);
  });

  it('labels every role and recognises role codes', () => {
    expect(ROLES.map((r) => ROLE_INFO[r].labelZh)).toEqual(['县级管理员', '县级业务员', '乡镇业务员', '村级信息员', '查看']);
    expect([isRole('viewer'), isRole('root'), isRole(3)]).toEqual([true, false, false]);
  });
});

describe('regions', () => {
  it.each([
    ['410000000000', 'province', '41'],
    ['411200000000', 'city', '4112'],
    ['411201000000', 'county', '411201'],
    ['411201100000', 'township', '411201100'],
    ['411201100001', 'village', '411201100001'],
    ['411201100001001', 'group', '411201100001001'],
    ['411201', 'county', '411201'],
    ['411201100', 'township', '411201100'],
  ])('%s is a %s with prefix %s', (code, level, prefix) => {
    expect(regionLevelOf(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
  });

  it.each([
    ['411201100001', true],
    ['411201100001001', true],
    ['411201100001000', false],
    ['411201100000001', false],
    ['41120110000', false],
    ['41120110000a', false],
    ['000000000000', false],
    ['', false],
  ])('isValidRegionCode(%j) = %s', (code, ok) => expect(isValidRegionCode(code)).toBe(ok));

  it('rejects malformed codes and checks scope by prefix', () => {
    expect(() => regionLevelOf('4112011')).toThrow();
    expect(isWithinScope('411201100001001', '411201100')).toBe(true);
    expect(isWithinScope('411201101001', '411201100')).toBe(false);
  });
});
