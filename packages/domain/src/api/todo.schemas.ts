import { z } from 'zod';
import { PROJECT_ACTIONS, PROJECT_STAGES } from '../projects/workflow.ts';
import { MonitoringTodoItemSchema } from './monitoring.schemas.ts';

// ---------- 待办: what waits for the user's level within the scope (GET /api/v1/todo) ----------

/** A monitoring case waiting for the user's level (as GET /monitoring/todo lists it). */
export const CaseTodoItemSchema = MonitoringTodoItemSchema.extend({ kind: z.literal('case').describe('a monitoring case (识别 or 风险消除)') });

/** A project of the project library whose next step is the user's, or one of the user's proposals that came back. */
export const ProjectTodoItemSchema = z.object({
  kind: z.literal('project').describe('a project of the project library'),
  projectId: z.number().int(),
  projectNo: z.string().describe('项目编号'),
  name: z.string().describe('项目名称'),
  stage: z.enum(PROJECT_STAGES).describe('where the project is (dict project_stage)'),
  reason: z.enum(['step', 'returned', 'rejected']).describe('step: its next step is the user’s; returned/rejected: the user’s own proposal came back'),
  nextAction: z.enum(PROJECT_ACTIONS).nullable().describe('the step the project waits for (submit again when returned; none when rejected)'),
  labelZh: z.string().describe('what the user is to do, e.g. 待乡镇审核'),
  labelEn: z.string(),
  regionCode: z.string().describe('实施地点'),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable().describe('null for a project of a whole township'),
  returnReason: z.string().nullable().describe('退回 or 不予入库 reason'),
  waitingSince: z.string().describe('ISO timestamp of the step that brought the project to this stage'),
  link: z.string().describe('the web page of the project'),
});

export const TodoItemSchema = z.discriminatedUnion('kind', [CaseTodoItemSchema, ProjectTodoItemSchema]);
export const TodoSchema = z.object({
  items: z.array(TodoItemSchema).describe('cases first, then projects; each group oldest first'),
  total: z.number().int(),
  cases: z.number().int().describe('how many items are monitoring cases'),
  projects: z.number().int().describe('how many items are projects'),
});
export type CaseTodoItem = z.infer<typeof CaseTodoItemSchema>;
export type ProjectTodoItem = z.infer<typeof ProjectTodoItemSchema>;
export type TodoItem = z.infer<typeof TodoItemSchema>;
export type Todo = z.infer<typeof TodoSchema>;
