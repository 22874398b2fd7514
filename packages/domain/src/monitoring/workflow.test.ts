import { describe, expect, it } from 'vitest';
import { getPack } from '../policy/packs/index.ts';
import { actionsForStage, levelOfRole, planCaseAction, statusOfStage, type CaseActionInput, type CaseState } from './workflow.ts';

const pack = getPack('jincheng'); // 公示 ≥ 5 days

const ready: CaseState = {
  stage: 'village',
  leadDate: '2024-03-01',
  homeVisitDate: '2024-03-02',
  commitmentDate: '2024-03-02',
  infoCheckDate: '2024-03-03',
  villageReviewDate: '2024-03-04',
  publicityStart: '2024-03-05',
  publicityEnd: '2024-03-09',
};

const plan = (c: CaseState, role: string, input: CaseActionInput, issues?: Parameters<typeof planCaseAction>[4]) => planCaseAction(c, levelOfRole(role), input, pack, issues);

describe('levels', () => {
  it('maps roles to the level they act at', () => {
    expect(['admin', 'county_officer', 'township_officer', 'village_officer', 'viewer'].map(levelOfRole)).toEqual(['county', 'county', 'township', 'village', null]);
  });
  it('maps stages to the case status', () => {
    expect(['village', 'county_approval', 'approved', 'elim_county_approval', 'eliminated'].map((s) => statusOfStage(s as never))).toEqual([
      'identifying',
      'identifying',
      'monitoring',
      'monitoring',
      'eliminated',
    ]);
  });
});

describe('identification by role', () => {
  it('walks village → township → county → approved', () => {
    const submit = plan(ready, 'village_officer', { action: 'submit' });
    expect(submit).toMatchObject({ ok: true, stage: 'township_review' });
    const t = plan({ ...ready, stage: 'township_review' }, 'township_officer', { action: 'township_approve', date: '2024-03-10' });
    expect(t).toMatchObject({ ok: true, stage: 'county_approval', patch: { townshipReviewDate: '2024-03-10' } });
    const c = plan({ ...ready, stage: 'county_approval', townshipReviewDate: '2024-03-10' }, 'county_officer', { action: 'county_approve', date: '2024-03-12' });
    expect(c).toMatchObject({ ok: true, stage: 'approved', household: { kind: 'enter_monitoring', since: '2024-03-12' } });
  });

  it.each<[string, CaseState['stage'], string, CaseActionInput['action'], string]>([
    ['a village officer cannot review for the township', 'township_review', 'village_officer', 'township_approve', '乡镇审核须由乡镇业务员完成'],
    ['a county officer does not take over the township review', 'township_review', 'county_officer', 'township_approve', '乡镇审核须由乡镇业务员完成'],
    ['a village officer cannot approve', 'county_approval', 'village_officer', 'county_approve', '县级审批须由县级业务员或县级管理员完成'],
    ['a township officer cannot do the county approval', 'county_approval', 'township_officer', 'county_approve', '县级审批'],
    ['a township officer cannot return for the county', 'county_approval', 'township_officer', 'county_return', '县级审批'],
    ['a viewer takes no step', 'village', 'viewer', 'submit', '只读账号'],
  ])('403: %s', (_n, stage, role, action, zh) => {
    const r = plan({ ...ready, stage }, role, { action, date: '2024-03-12', reason: 'x' });
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.code).toBe('FORBIDDEN');
    expect(r.ok === false && r.issues[0]!.messageZh).toContain(zh);
  });

  it('a higher level may record the village steps', () => {
    expect(plan({ stage: 'village', leadDate: '2024-03-01' }, 'county_officer', { action: 'record_home_visit', date: '2024-03-02', commitmentDate: '2024-03-02' })).toMatchObject({
      ok: true,
      stage: 'village',
    });
  });

  it('refuses a step from the wrong stage', () => {
    const r = plan(ready, 'county_officer', { action: 'county_approve', date: '2024-03-12' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(r.ok === false && r.issues[0]!.messageZh).toBe('该户当前处于“村级识别（入户核实、民主评议、公示）”环节，不能办理“县级审批通过”');
  });

  it.each<[string, CaseState, string]>([
    ['公示 of 4 days', { ...ready, publicityEnd: '2024-03-08' }, '村内公示仅 4 天，不少于 5 天'],
    ['no home visit', { ...ready, homeVisitDate: null }, '请填写入户核实日期'],
    ['no 承诺授权书', { ...ready, commitmentDate: null }, '请填写承诺授权书签订日期'],
    ['no 民主评议', { ...ready, villageReviewDate: null }, '请填写民主评议日期'],
    ['no 信息比对', { ...ready, infoCheckDate: null }, '请填写信息比对日期'],
    ['no 公示', { ...ready, publicityStart: null, publicityEnd: null }, '村内公示的开始和结束日期'],
  ])('refuses to submit: %s', (_n, c, zh) => {
    const r = plan(c, 'village_officer', { action: 'submit' });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(r.ok === false && r.issues.map((i) => i.messageZh).join('；')).toContain(zh);
  });

  it('requires the 承诺授权书 date at the home visit and a publicity of the pack’s days', () => {
    expect(plan({ stage: 'village', leadDate: '2024-03-01' }, 'village_officer', { action: 'record_home_visit', date: '2024-03-02' })).toMatchObject({
      ok: false,
      issues: [{ path: 'commitmentDate' }],
    });
    expect(plan(ready, 'village_officer', { action: 'record_publicity', publicityStart: '2024-03-05', publicityEnd: '2024-03-08' })).toMatchObject({
      ok: false,
      issues: [{ path: 'publicityEnd' }],
    });
    expect(plan(ready, 'village_officer', { action: 'record_home_visit', date: '2024-02-01', commitmentDate: '2024-02-01' })).toMatchObject({
      ok: false,
      issues: [{ path: 'homeVisitDate' }],
    });
  });

  it('returns to the village with a required reason and clears the township date', () => {
    const c: CaseState = { ...ready, stage: 'county_approval', townshipReviewDate: '2024-03-10' };
    expect(plan(c, 'county_officer', { action: 'county_return', reason: '  ' })).toMatchObject({ ok: false, issues: [{ path: 'reason' }] });
    expect(plan(c, 'county_officer', { action: 'county_return', reason: '收入核算有误' })).toMatchObject({
      ok: true,
      stage: 'village',
      returned: true,
      patch: { returnReason: '收入核算有误', townshipReviewDate: null },
    });
    expect(plan({ ...ready, stage: 'township_review' }, 'township_officer', { action: 'township_return', reason: '公示照片缺失' })).toMatchObject({ ok: true, stage: 'village' });
    // resubmitting clears the reason
    expect(plan({ ...ready, returnReason: 'x' }, 'village_officer', { action: 'submit' })).toMatchObject({ ok: true, patch: { returnReason: null } });
  });
});

describe('风险消除 by role', () => {
  const approved: CaseState = { ...ready, stage: 'approved', townshipReviewDate: '2024-03-10', countyApprovalDate: '2024-03-12' };
  const visit: CaseActionInput = {
    action: 'elim_home_visit',
    date: '2024-11-01',
    rigidExpenseResolved: true,
    noNewRisk: true,
    housingSecure: true,
    waterSecure: true,
    educationSecure: true,
    medicalSecure: false,
    eliminationMethod: 'natural',
  };

  it('walks home visit → publicity → township → county and re-assesses the household at the home visit', () => {
    const v = plan(approved, 'village_officer', visit);
    expect(v).toMatchObject({ ok: true, stage: 'elim_village', household: { kind: 'reassess', flags: { medicalSecure: false } }, patch: { eliminationMethod: 'natural' } });
    const withVisit: CaseState = { ...approved, stage: 'elim_village', elimHomeVisitDate: '2024-11-01', eliminationMethod: 'natural' };
    expect(plan(withVisit, 'village_officer', { action: 'elim_submit' })).toMatchObject({ ok: false, issues: [{ path: 'elimPublicityEnd' }] });
    expect(plan(withVisit, 'village_officer', { action: 'elim_publicity', publicityStart: '2024-11-02', publicityEnd: '2024-11-05' })).toMatchObject({
      ok: false,
      issues: [{ messageZh: '评议公示仅 4 天，不少于 5 天' }],
    });
    const pub = { ...withVisit, elimPublicityStart: '2024-11-02', elimPublicityEnd: '2024-11-06' };
    expect(plan(pub, 'village_officer', { action: 'elim_submit' })).toMatchObject({ ok: true, stage: 'elim_township_review' });
    expect(plan({ ...pub, stage: 'elim_township_review' }, 'township_officer', { action: 'elim_township_approve', date: '2024-11-07' })).toMatchObject({
      ok: true,
      stage: 'elim_county_approval',
    });
    const atCounty: CaseState = { ...pub, stage: 'elim_county_approval', elimTownshipReviewDate: '2024-11-07' };
    expect(plan(atCounty, 'village_officer', { action: 'elim_county_approve', date: '2024-11-08' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(plan(atCounty, 'county_officer', { action: 'elim_county_approve', date: '2024-11-08' })).toMatchObject({
      ok: true,
      stage: 'eliminated',
      household: { kind: 'eliminated', date: '2024-11-08', method: 'natural' },
    });
  });

  it('refuses the county approval with the national conditions’ reasons', () => {
    const atCounty: CaseState = { ...approved, stage: 'elim_county_approval', eliminationMethod: 'natural', elimTownshipReviewDate: '2024-11-07' };
    const issue = { path: 'noNewRisk', messageZh: '存在新增风险，不能标注风险消除', messageEn: 'x' };
    expect(plan(atCounty, 'admin', { action: 'elim_county_approve', date: '2024-11-08' }, { eliminationIssues: [issue] })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      issues: [issue],
    });
  });

  it('requires every assessment at the home visit', () => {
    const r = plan(approved, 'village_officer', { ...visit, noNewRisk: undefined, waterSecure: null });
    expect(r.ok === false && r.issues.map((i) => i.path)).toEqual(['noNewRisk', 'waterSecure']);
  });

  it('offers the stage’s actions with the refusal for this user', () => {
    const offered = actionsForStage('elim_county_approval', 'township');
    expect(offered.map((o) => [o.action, o.refusal?.messageZh ?? null])).toEqual([
      ['elim_county_approve', '县级审批须由县级业务员或县级管理员完成'],
      ['elim_county_return', '县级审批须由县级业务员或县级管理员完成'],
    ]);
    expect(actionsForStage('approved', 'village').map((o) => o.action)).toEqual(['elim_home_visit']);
  });
});
