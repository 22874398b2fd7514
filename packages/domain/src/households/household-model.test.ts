import { describe, expect, it } from 'vitest';
import { findDictionary } from '../dictionaries/dictionaries.ts';
import {
  EXIT_REASONS,
  LIFTED_CATEGORIES,
  defaultIsLifted,
  educationSchoolIssue,
  exitDateIssue,
  exitedRecordIssue,
  hasDisability,
  healthSetIssue,
  mostSeriousHealth,
} from './household-model.ts';
import { householdCategoryIssues } from './household-checks.ts';

describe('householdCategoryIssues (domain-standards §1.2)', () => {
  const base = { householdType: 'ordinary', isLifted: false, liftedCategory: null, monitoringType: null };
  it.each([
    ['ordinary household', {}, []],
    ['lifted household with its category', { householdType: 'lifted', isLifted: true, liftedCategory: 'dibao' }, []],
    ['a 脱贫户 that is also a 脱贫不稳定户', { householdType: 'monitored', isLifted: true, liftedCategory: 'general', monitoringType: 'unstable' }, []],
    ['突发严重困难户 from a 脱贫户', { householdType: 'monitored', isLifted: true, monitoringType: 'sudden' }, []],
    ['突发严重困难户 from an ordinary household', { householdType: 'monitored', isLifted: false, monitoringType: 'sudden' }, []],
    ['边缘易致贫户 from an ordinary household', { householdType: 'monitored', isLifted: false, monitoringType: 'marginal' }, []],
    ['脱贫不稳定户 that is not a 脱贫户', { householdType: 'monitored', isLifted: false, monitoringType: 'unstable' }, ['isLifted']],
    ['边缘易致贫户 that is a 脱贫户', { householdType: 'monitored', isLifted: true, monitoringType: 'marginal' }, ['isLifted']],
    ['type 脱贫户 not marked lifted', { householdType: 'lifted', isLifted: false }, ['isLifted']],
    ['category without 脱贫户', { liftedCategory: 'tekun' }, ['liftedCategory']],
    ['monitored without category', { householdType: 'monitored', isLifted: false }, ['monitoringType']],
  ])('%s', (_name, over, paths) => {
    expect(householdCategoryIssues({ ...base, ...over }).map((i) => i.path)).toEqual(paths);
  });

  it('every issue is worded in Chinese and English', () => {
    for (const i of householdCategoryIssues({ householdType: 'lifted', isLifted: false, liftedCategory: 'x', monitoringType: 'unstable' })) {
      expect(i.messageZh).toMatch(/[\u4e00-\u9fa5]/);
      expect(i.messageEn).toMatch(/[a-z]/);
    }
  });

  it('a 脱贫户 or a 脱贫不稳定户 is lifted by default', () => {
    expect(defaultIsLifted('lifted', null)).toBe(true);
    expect(defaultIsLifted('monitored', 'unstable')).toBe(true);
    expect(defaultIsLifted('monitored', 'marginal')).toBe(false);
    expect(defaultIsLifted('ordinary', null)).toBe(false);
  });
});

describe('educationSchoolIssue (domain-standards §2.4: exactly one of 文化程度 / 在校生状况)', () => {
  it.each([
    [{ education: 'junior' }, true, undefined],
    [{ schoolStatus: 'grade_7' }, true, undefined],
    [{ education: 'junior', schoolStatus: 'grade_7' }, true, 'schoolStatus'],
    [{ education: 'junior', schoolStatus: 'grade_7' }, false, 'schoolStatus'],
    [{}, true, 'education'],
    [{ education: null, schoolStatus: '' }, true, 'education'],
    [{}, false, undefined],
  ])('%o (requireOne %s) → %s', (p, requireOne, path) => {
    expect(educationSchoolIssue(p, requireOne)?.path).toBe(path);
  });
});

describe('health as a set of values', () => {
  it('keeps the most serious value for the old single column', () => {
    expect(mostSeriousHealth(['chronic', 'disabled'])).toBe('disabled');
    expect(mostSeriousHealth(['serious', 'chronic'])).toBe('serious');
    expect(mostSeriousHealth([])).toBeNull();
  });
  it('knows 残疾 and refuses 健康 with an illness', () => {
    expect(hasDisability(['chronic', 'disabled'])).toBe(true);
    expect(hasDisability(['chronic'])).toBe(false);
    expect(healthSetIssue(['healthy', 'chronic'])?.path).toBe('healthStatuses');
    expect(healthSetIssue(['healthy'])).toBeUndefined();
  });
});

describe('自然减少', () => {
  it('the read-only refusal names the reason and the date', () => {
    const i = exitedRecordIssue('household', { reasonLabelZh: '死亡', reasonLabelEn: 'Death', date: '2024-05-01' });
    expect(i.messageZh).toBe('该户已自然减少（死亡，2024-05-01），记录只读；如需恢复请联系县级管理员');
    expect(i.messageEn).toContain('Death, 2024-05-01');
  });
  it('the date is not after today', () => {
    expect(exitDateIssue('2024-05-01', '2024-05-01')).toBeUndefined();
    expect(exitDateIssue('2024-04-30', '2024-05-01')).toBeUndefined();
    expect(exitDateIssue('2024-05-02', '2024-05-01')?.path).toBe('date');
  });
  it('the code lists match the built-in dictionaries', () => {
    expect(findDictionary('exit_reason')?.items.map((i) => i.code)).toEqual([...EXIT_REASONS]);
    expect(findDictionary('exit_reason')?.items.map((i) => i.labelZh)).toEqual(['死亡', '迁出', '嫁出', '服刑', '其他']);
    expect(findDictionary('lifted_category')?.items.map((i) => i.code)).toEqual([...LIFTED_CATEGORIES]);
    expect(findDictionary('lifted_category')?.items.map((i) => i.labelZh)).toEqual(['一般脱贫户', '低保脱贫户', '特困供养脱贫户', '脱贫不享受政策户']);
  });
});
