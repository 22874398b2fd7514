import { describe, expect, it } from 'vitest';
import { getPack } from '../policy/packs/index.ts';
import { entryPolicyOf } from './entry-policy.ts';
import { nextProjectStage, planProjectAction, projectActionsForStage, projectLevelOfRole, type ProjectActionInput, type ProjectStage, type ProjectState } from './workflow.ts';

const policy = entryPolicyOf(getPack('xinxiang')); // 004 §六: ≥ 2 linkage modes, four review checks
const today = '2025-04-01';
const base: ProjectState = { stage: 'draft', projectType: 'industry', linkageModes: ['equity_coop', 'employment'] };
const ALL_CHECKS = { benefit: true, interest_linkage: true, organisation: true, after_operation: true };
const plan = (stage: ProjectStage, role: string, input: ProjectActionInput, p: Partial<ProjectState> = {}) =>
  planProjectAction({ ...base, ...p, stage }, projectLevelOfRole(role), input, policy, today);

describe('entry policy from the pack', () => {
  it('reads P3 and P4 of the xinxiang pack with the document number', () => {
    expect(policy).toEqual({
      minLinkageModes: 2,
      linkageClause: '新农字〔2024〕34号 六',
      reviewChecks: ['benefit', 'interest_linkage', 'organisation', 'after_operation'],
      checksRequired: true,
      reviewClause: '新农字〔2024〕34号 六',
      noteZh: null,
      noteEn: null,
    });
  });
  // only seed 004 (Xinxiang) sets the entry conditions; 000/003, 001 and 002 name no minimum and no review checks
  it.each(['sanmenxia', 'xuchang', 'jincheng'])('%s sets no P3/P4: no borrowed minimum, the four checks recorded, and it says so', (id) => {
    const own = entryPolicyOf(getPack(id));
    expect(own).toMatchObject({
      minLinkageModes: null,
      linkageClause: '',
      reviewChecks: ['benefit', 'interest_linkage', 'organisation', 'after_operation'],
      checksRequired: false,
      reviewClause: '',
    });
    expect(own.noteZh).toBe(
      '本县政策包未规定入库审查要素和联农带农方式最低数量：入库审定记录项目效益、利益联结、组织保障、后续运营四项核查情况，不作为入库条件，也不限定产业项目的联农带农方式数量',
    );
    expect(own.noteEn).toContain('sets neither');
  });
  it('a pack with P4 only says that it sets no minimum of linkage modes', () => {
    const xx = getPack('xinxiang');
    const own = entryPolicyOf({ ...xx, rules: xx.rules.filter((r) => r.ruleId !== 'P3') });
    expect(own).toMatchObject({ minLinkageModes: null, checksRequired: true, reviewClause: '新农字〔2024〕34号 六' });
    expect(own.noteZh).toBe('本县政策包未规定产业项目联农带农方式的最低数量，入库审定不限定联农带农方式数量');
  });
});

describe('入库 per pack: 1 linkage mode is refused only where the pack sets P3', () => {
  const oneMode: ProjectState = { stage: 'publicised', projectType: 'industry', linkageModes: ['employment'] };
  it.each<[string, boolean]>([
    ['xinxiang', false],
    ['sanmenxia', true],
    ['xuchang', true],
    ['jincheng', true],
  ])('%s → entry allowed: %s', (id, allowed) => {
    const r = planProjectAction(oneMode, 'county', { action: 'approve_entry', checks: ALL_CHECKS }, entryPolicyOf(getPack(id)), today);
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.issues[0]!.messageZh).toBe('产业项目须至少落实 2 种联农带农方式（新农字〔2024〕34号 六），本项目 1 种');
  });
  it('without P4 the checks are recorded as ticked, none required', () => {
    const r = planProjectAction(oneMode, 'county', { action: 'approve_entry', checks: { benefit: true, organisation: false } }, entryPolicyOf(getPack('jincheng')), today);
    expect(r).toMatchObject({ ok: true, patch: { stage: 'in_library', reviewBenefit: true, reviewLinkage: null, reviewOrganisation: false, reviewAfterOperation: null } });
  });
});

describe('the full path draft → evaluated', () => {
  it.each<[ProjectStage, string, ProjectActionInput, ProjectStage]>([
    ['draft', 'village_officer', { action: 'submit' }, 'submitted'],
    ['submitted', 'township_officer', { action: 'township_review' }, 'reviewed'],
    ['reviewed', 'township_officer', { action: 'publicise', publicityStart: '2025-03-01', publicityEnd: '2025-03-10' }, 'publicised'],
    ['publicised', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS }, 'in_library'],
    ['in_library', 'admin', { action: 'allocate_funds' }, 'funded'],
    ['funded', 'township_officer', { action: 'start', date: '2025-04-02' }, 'implementing'],
    ['implementing', 'county_officer', { action: 'accept', date: '2025-10-02' }, 'accepted'],
    ['accepted', 'county_officer', { action: 'evaluate', grade: '良' }, 'evaluated'],
  ])('%s --%s--> %s', (stage, role, input, to) => {
    const r = plan(stage, role, input);
    expect(r.ok && r.patch.stage).toBe(to);
  });

  it('records the entry date and the four checks', () => {
    const r = plan('publicised', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS, date: '2025-03-15' });
    expect(r).toMatchObject({
      ok: true,
      patch: { enteredLibraryOn: '2025-03-15', reviewBenefit: true, reviewLinkage: true, reviewOrganisation: true, reviewAfterOperation: true },
    });
  });
});

describe('refusals', () => {
  it.each<[string, ProjectStage, string, ProjectActionInput['action'], string]>([
    ['a township officer cannot approve entry', 'publicised', 'township_officer', 'approve_entry', '项目入库审定须由县级业务员或县级管理员办理'],
    ['a village officer cannot review', 'submitted', 'village_officer', 'township_review', '项目审核须由乡镇或县级业务员办理'],
    ['a township officer cannot reject', 'submitted', 'township_officer', 'reject', '不予入库须由县级'],
    ['a viewer takes no step', 'draft', 'viewer', 'submit', '只读账号'],
  ])('403: %s', (_n, stage, role, action, zh) => {
    const r = plan(stage, role, { action, reason: 'x', checks: ALL_CHECKS });
    expect(r.ok === false && r.code).toBe('FORBIDDEN');
    expect(r.ok === false && r.issues[0]!.messageZh).toContain(zh);
  });

  it('409 from the wrong stage, in Chinese and English', () => {
    const r = plan('draft', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(r.ok === false && r.issues[0]).toMatchObject({
      messageZh: '该项目当前处于“谋划”阶段，不能办理“审定入库”',
      messageEn: 'the project is planned: "enter the library" is not possible',
    });
  });

  it('P3: an industry project with 1 linkage mode cannot enter (004 六)', () => {
    const r = plan('publicised', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS }, { linkageModes: ['employment'] });
    expect(r.ok === false && r.code).toBe('INVALID_TRANSITION');
    expect(r.ok === false && r.issues[0]!.messageZh).toBe('产业项目须至少落实 2 种联农带农方式（新农字〔2024〕34号 六），本项目 1 种');
  });

  it('P3 counts distinct modes and does not apply to an employment project', () => {
    expect(plan('publicised', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS }, { linkageModes: ['employment', 'employment'] }).ok).toBe(false);
    expect(plan('publicised', 'county_officer', { action: 'approve_entry', checks: ALL_CHECKS }, { projectType: 'employment', linkageModes: [] }).ok).toBe(true);
  });

  it('P4: names the checks not recorded true', () => {
    const r = plan('publicised', 'county_officer', { action: 'approve_entry', checks: { benefit: true, interest_linkage: true, organisation: false } });
    expect(r.ok === false && r.code).toBe('INVALID_TRANSITION');
    expect(r.ok === false && r.issues[0]).toMatchObject({ path: 'checks', value: ['organisation', 'after_operation'] });
    expect(r.ok === false && r.issues[0]!.messageZh).toContain('尚未确认：组织保障、后续运营');
  });

  it('a return and a rejection need a reason, and the return goes back to draft with it', () => {
    expect(plan('submitted', 'township_officer', { action: 'return', reason: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(plan('reviewed', 'township_officer', { action: 'return', reason: '预算不实' })).toMatchObject({ ok: true, patch: { stage: 'draft', returnReason: '预算不实' } });
    expect(plan('publicised', 'county_officer', { action: 'reject', reason: '不符合产业规划' })).toMatchObject({
      ok: true,
      patch: { stage: 'rejected', returnReason: '不符合产业规划' },
    });
  });

  it('publicity needs both dates in order; evaluation needs a grade', () => {
    expect(plan('reviewed', 'township_officer', { action: 'publicise', publicityStart: '2025-03-10', publicityEnd: '2025-03-01' })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(plan('reviewed', 'township_officer', { action: 'publicise' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(plan('accepted', 'county_officer', { action: 'evaluate', grade: 'A' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

describe('nextProjectStage (funds allocation, P1)', () => {
  it.each<[string, ProjectStage | null]>([
    ['in_library', 'funded'],
    ['funded', 'funded'],
    ['implementing', 'implementing'],
    ['publicised', null],
    ['draft', null],
    ['nonsense', null],
  ])('%s → %s', (stage, to) => expect(nextProjectStage(stage, 'allocate_funds')).toBe(to));
});

describe('actions offered', () => {
  it('a township officer sees 入库审定 refused, a county officer allowed', () => {
    const t = projectActionsForStage('publicised', 'township').find((a) => a.action === 'approve_entry');
    const c = projectActionsForStage('publicised', 'county').find((a) => a.action === 'approve_entry');
    expect(t?.refusal).not.toBeNull();
    expect(c?.refusal).toBeNull();
  });
});
