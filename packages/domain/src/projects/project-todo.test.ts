import { describe, expect, it } from 'vitest';
import { PROJECT_STAGES } from './workflow.ts';
import { projectTodoLabel, projectTodoStages } from './project-todo.ts';

// domain-standards §3.3: 村申报 → 乡审核 → (公示) → 县审定入库; then 开工 (township), 验收 and 绩效评价 (county).
describe('projectTodoStages: whose step a project waits for', () => {
  it.each([
    ['village', []],
    ['township', ['submitted', 'reviewed', 'funded']],
    ['county', ['publicised', 'implementing', 'accepted']],
  ] as const)('%s: %j', (level, stages) => {
    expect(projectTodoStages(level)).toEqual(stages);
  });

  it('no stage waits for two levels; 谋划, 已入库 and the final stages wait for none', () => {
    const all = [...projectTodoStages('village'), ...projectTodoStages('township'), ...projectTodoStages('county')];
    expect(new Set(all).size).toBe(all.length);
    expect(PROJECT_STAGES.filter((s) => !all.includes(s))).toEqual(['draft', 'in_library', 'evaluated', 'rejected', 'withdrawn']);
  });
});

describe('projectTodoLabel', () => {
  it.each([
    ['step', 'submitted', '待乡镇审核'],
    ['step', 'reviewed', '待公示'],
    ['step', 'publicised', '待县级审定入库'],
    ['step', 'funded', '待开工实施'],
    ['step', 'implementing', '待竣工验收'],
    ['step', 'accepted', '待绩效评价'],
    ['returned', 'draft', '已退回，待修改后重新申报'],
    ['rejected', 'rejected', '不予入库'],
  ] as const)('%s in %s: %s', (reason, stage, zh) => {
    expect(projectTodoLabel(reason, stage).zh).toBe(zh);
  });
});
