import type { ActorLevel } from '../monitoring/workflow.ts';
import { PROJECT_ACTION_RULES, PROJECT_STAGES, type ProjectAction, type ProjectStage } from './workflow.ts';

// 待办 of the project library (先入库后建设): a project waits at each stage for one forward step of the workflow
// (workflow.ts PROJECT_ACTION_RULES), and that step belongs to one level. Withdrawing, returning and rejecting are
// alternatives to the forward step, never what a project waits for. A returned project (back to 谋划 with the
// reason) waits for its proposer to revise and submit it again; a rejected one (不予入库) is told to its proposer.

/**
 * The forward step a project waits for in each stage (none in 谋划 unless returned, nor in the final stages). A
 * project in the library (已入库) waits for no one: the library is the reserve that 资金安排 draws on when there is
 * money (funds module), so it is not a 待办 of the county.
 */
export const PROJECT_TODO_STEP: Partial<Record<ProjectStage, ProjectAction>> = {
  submitted: 'township_review',
  reviewed: 'publicise',
  publicised: 'approve_entry',
  funded: 'start',
  implementing: 'accept',
  accepted: 'evaluate',
};

/** The stages whose forward step is taken by `level` (township: 乡镇审核, 公示, 开工实施; county: 审定入库, 验收, 绩效评价). */
export function projectTodoStages(level: ActorLevel): ProjectStage[] {
  return PROJECT_STAGES.filter((s) => {
    const step = PROJECT_TODO_STEP[s];
    return step !== undefined && PROJECT_ACTION_RULES[step].level === level;
  });
}

/** How long a 不予入库 stays in its proposer's 待办 as a notice (it takes no step: a new proposal is a new project). */
export const REJECTED_NOTICE_DAYS = 30;

/** Why a project is in a user's 待办: its next step is theirs, or it came back to its proposer. */
export type ProjectTodoReason = 'step' | 'returned' | 'rejected';

/** What a project waiting in each stage asks of the user, in officers' words. */
const WAITING_WORDS: Partial<Record<ProjectStage, { zh: string; en: string }>> = {
  submitted: { zh: '待乡镇审核', en: 'awaiting the township review' },
  reviewed: { zh: '待公示', en: 'awaiting publicity' },
  publicised: { zh: '待县级审定入库', en: 'awaiting the county library decision' },
  funded: { zh: '待开工实施', en: 'awaiting the start of works' },
  implementing: { zh: '待竣工验收', en: 'awaiting acceptance' },
  accepted: { zh: '待绩效评价', en: 'awaiting the performance evaluation' },
};

/** The words of a 待办 line: what the user is to do with the project. */
export function projectTodoLabel(reason: ProjectTodoReason, stage: ProjectStage): { zh: string; en: string } {
  if (reason === 'returned') return { zh: '已退回，待修改后重新申报', en: 'returned: revise and submit again' };
  if (reason === 'rejected') return { zh: '不予入库', en: 'not admitted to the library' };
  return WAITING_WORDS[stage] ?? { zh: '待办理', en: 'to be handled' };
}
