import { describe, expect, it } from 'vitest';
import { getPack } from '../packs/index.ts';
import { findRule, getRuleConfig } from '../rule-registry.ts';
import { H4_RULE, H7_RULE, WORKING_AGE, isWorkingLabour, type WorkerFacts } from './worker-rules.ts';

// H4 — 003 §一(二)2 (三门峡): 有劳动能力和就业意愿的人人有就业技能、有就业岗位 (minCoverage 1).
// H7 — 002 §二(三)1 (晋城): 确保有意愿的脱贫劳动力每年至少接受一次培训 (minTrainingsPerYear 1), 力争掌握 1-2 项技能.

const h4 = getRuleConfig(getPack('sanmenxia'), 'H4');
const h7 = getRuleConfig(getPack('jincheng'), 'H7');

const worker = (personId: number, over: Partial<WorkerFacts> = {}): WorkerFacts => ({
  personId,
  householdId: 100 + personId,
  regionCode: '411224100201',
  householdType: 'lifted',
  age: 40,
  laborCapacity: 'ordinary',
  wantsWork: true,
  wantsTraining: true,
  hasJob: true,
  skills: ['大枣栽培管理'],
  trainingsThisYear: 1,
  ...over,
});

describe('the packs set H4 and H7 with the seeds’ figures', () => {
  it('H4: 脱贫户 and 监测户, every one (100 %); H7: at least 1 training a year, 1–2 skills as a target', () => {
    expect(h4.params).toMatchObject({ householdTypes: ['lifted', 'monitored'], minCoverage: 1 });
    expect(h7.params).toMatchObject({ minTrainingsPerYear: 1, targetSkills: [1, 2] });
    expect(findRule('H4')).toBe(H4_RULE);
    expect(findRule('H7')).toBe(H7_RULE);
  });
});

describe('working age 16–59 (domain-standards §2.2) with labour', () => {
  it.each([
    [15, 'ordinary', false],
    [16, 'ordinary', true],
    [59, 'skilled', true],
    [60, 'ordinary', false],
    [40, 'weak', true],
    [40, 'none', false],
    [40, 'lost', false],
    [40, null, false],
    [null, 'ordinary', false],
  ] as const)('age %s, labour %s → %s', (age, laborCapacity, expected) => {
    expect(isWorkingLabour({ age, laborCapacity })).toBe(expected);
  });
  it('the bounds are 16 and 59', () => expect(WORKING_AGE).toEqual({ min: 16, max: 59 }));
});

describe('H4: a skill and a job for every willing worker (003 §一(二)2)', () => {
  it('judges each applicable person and names what is missing', () => {
    const r = H4_RULE.evaluate(
      [
        worker(1),
        worker(2, { hasJob: false }),
        worker(3, { skills: [] }),
        worker(4, { hasJob: false, skills: [], householdType: 'monitored' }),
        worker(5, { wantsWork: false, hasJob: false }), // no wish to work
        worker(6, { wantsWork: null, hasJob: false }), // not recorded
        worker(7, { householdType: 'ordinary', hasJob: false }),
        worker(8, { age: 62, hasJob: false }),
      ],
      h4,
      { year: 2024 },
    );
    expect([r.total, r.met, r.value, r.threshold, r.status]).toEqual([4, 1, 0.25, 1, 'not_met']);
    expect(r.failing.map((f) => [f.key, f.reasonZh])).toEqual([
      ['2', '无就业岗位'],
      ['3', '无技能'],
      ['4', '无就业岗位、无技能'],
    ]);
  });
  it('every willing worker with a job and a skill: met (100 % of 100 %)', () => {
    const r = H4_RULE.evaluate([worker(1), worker(2, { householdType: 'monitored', skills: ['电工'] })], h4, { year: 2024 });
    expect([r.total, r.met, r.status]).toEqual([2, 2, 'met']);
  });
});

describe('H7: at least one training a year for every willing 脱贫 worker (002 §二(三)1)', () => {
  it('0 trainings fails with 本年度未参加培训; 1 meets; 2 skills is a target, not a cap', () => {
    const r = H7_RULE.evaluate(
      [
        worker(1),
        worker(2, { trainingsThisYear: 0 }),
        worker(3, { trainingsThisYear: 3, skills: ['大枣栽培管理', '设施蔬菜种植', '果树修剪'] }),
        worker(4, { wantsTraining: false, trainingsThisYear: 0 }),
        worker(5, { householdType: 'monitored', trainingsThisYear: 0 }), // 脱贫劳动力 only (the pack names no types)
        worker(6, { laborCapacity: 'none', trainingsThisYear: 0 }),
      ],
      h7,
      { year: 2023 },
    );
    expect([r.total, r.met, r.status]).toEqual([3, 2, 'not_met']);
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]!.key).toBe('2');
    expect(r.failing[0]!.reasonZh).toBe('本年度未参加培训；掌握技能 1 项');
  });
  it('a pack that names household types is followed', () => {
    const cfg = { ...h7, params: { ...h7.params, householdTypes: ['lifted', 'monitored'] } };
    const r = H7_RULE.evaluate([worker(5, { householdType: 'monitored', trainingsThisYear: 0 })], cfg, { year: 2023 });
    expect([r.total, r.met]).toEqual([1, 0]);
  });
});
