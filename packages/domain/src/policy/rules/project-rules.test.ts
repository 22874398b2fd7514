import { describe, expect, it } from 'vitest';
import { getPack } from '../packs/index.ts';
import { getRuleConfig } from '../rule-registry.ts';
import { P1_RULE, P3_RULE, P4_RULE, P6_RULE, type ProjectFacts } from './project-rules.ts';

const ctx = { year: 2023 };
const p = (id: number, over: Partial<ProjectFacts>): ProjectFacts => ({
  id,
  regionCode: '410701001001',
  name: `项目${id}`,
  stage: 'in_library',
  projectType: 'industry',
  linkageModes: ['equity_coop', 'employment'],
  reviewChecks: { benefit: true, interest_linkage: true, organisation: true, after_operation: true },
  allocatedFen: 0,
  started: false,
  isClusterProject: false,
  drivenHouseholds: null,
  drivenPersons: null,
  ...over,
});

describe('P1 先入库后建设 (001 §二(一)5, xuchang)', () => {
  const cfg = getRuleConfig(getPack('xuchang'), 'P1');
  it('fails a project funded or started outside the library, ignores one with neither', () => {
    const r = P1_RULE.evaluate(
      [p(1, { stage: 'funded', allocatedFen: 50_000_000 }), p(2, { stage: 'publicised', allocatedFen: 1 }), p(3, { stage: 'submitted', started: true }), p(4, { stage: 'draft' })],
      cfg,
      ctx,
    );
    expect([r.total, r.met, r.status]).toEqual([3, 1, 'not_met']);
    expect(r.failing.map((f) => f.key)).toEqual(['2', '3']);
    expect(r.failing[0]!.reasonZh).toBe('“项目2”未入库即已安排资金');
  });
});

describe('P3 ≥ 2 联农带农方式 per industry project (004 §六, xinxiang)', () => {
  const cfg = getRuleConfig(getPack('xinxiang'), 'P3');
  it('judges library industry projects against 2 modes', () => {
    const r = P3_RULE.evaluate(
      [p(1, {}), p(2, { linkageModes: ['employment'] }), p(3, { projectType: 'employment', linkageModes: [] }), p(4, { stage: 'submitted', linkageModes: [] })],
      cfg,
      ctx,
    );
    expect([r.total, r.met, r.status]).toEqual([2, 1, 'not_met']);
    expect(r.failing[0]).toMatchObject({ key: '2', reasonZh: '“项目2”落实联农带农方式 1 种（务工就业），少于至少 2 种的要求' });
  });
  it('the sandbox takes labels such as 股份合作 as well as codes', () => {
    const sb = P3_RULE.sandbox!;
    const two = sb.toFacts({ projectType: '产业发展', linkageModes: ['股份合作', 'employment'] }, 2024);
    expect(P3_RULE.evaluate([two], cfg, ctx)).toMatchObject({ status: 'met', value: 2, threshold: 2 });
    const one = sb.toFacts({ projectType: 'industry', linkageModes: ['股份合作', 'equity_coop', '不存在的方式'] }, 2024);
    expect(P3_RULE.evaluate([one], cfg, ctx)).toMatchObject({ status: 'not_met', value: 1 });
  });
});

describe('P4 入库审核 four checks (004 §六, xinxiang)', () => {
  const cfg = getRuleConfig(getPack('xinxiang'), 'P4');
  it('fails a library project whose review lacks a check, names it', () => {
    const r = P4_RULE.evaluate(
      [p(1, {}), p(2, { reviewChecks: { benefit: true, interest_linkage: true, organisation: null, after_operation: true } }), p(3, { stage: 'draft', reviewChecks: {} })],
      cfg,
      ctx,
    );
    expect([r.total, r.met]).toEqual([2, 1]);
    expect(r.failing[0]!.reasonZh).toBe('“项目2”入库审核未核查：组织保障');
    // the figure: checks recorded of the four the pack requires
    expect(r.records!.map((x) => [x.key, x.value, x.threshold])).toEqual([
      ['1', 4, 4],
      ['2', 3, 4],
    ]);
  });
});

describe('P6 cluster projects drive ≥ 100 people or households (002 §二(四)3, jincheng)', () => {
  const cfg = getRuleConfig(getPack('jincheng'), 'P6');
  it('100 persons or 100 households meet it, 99 and 99 do not', () => {
    const r = P6_RULE.evaluate(
      [
        p(1, { isClusterProject: true, drivenPersons: 100, drivenHouseholds: 20 }),
        p(2, { isClusterProject: true, drivenPersons: 5, drivenHouseholds: 100 }),
        p(3, { isClusterProject: true, drivenPersons: 99, drivenHouseholds: 99 }),
        p(4, { isClusterProject: false, drivenPersons: 0 }),
      ],
      cfg,
      ctx,
    );
    expect([r.total, r.met]).toEqual([3, 2]);
    expect(r.failing[0]).toMatchObject({ key: '3', reasonZh: '“项目3”吸纳脱贫劳动力就业 99 人、带动脱贫户 99 户，不足 100 人（户）' });
  });
});
