import { z } from 'zod';
import { CASE_ACTIONS, CASE_STAGES } from '../monitoring/workflow.ts';
import { IsoDateSchema, VersionSchema, VersionedSaveSchema, moneySchema } from './common.schemas.ts';

// ---------- monitoring case actions (识别 and 风险消除 by role) ----------
export const CaseActionSchema = z.object({
  action: z
    .enum(CASE_ACTIONS)
    .describe(
      'the step: record_home_visit | record_info_check | record_village_review | record_publicity | submit | township_approve | township_return | county_approve | county_return | elim_home_visit | elim_publicity | elim_submit | elim_township_approve | elim_township_return | elim_county_approve | elim_county_return',
    ),
  date: IsoDateSchema.nullable().optional().describe('date of the step (核实/比对/评议/审核/审批)'),
  reason: z.string().trim().max(500).nullable().optional().describe('退回原因 (required for the *_return actions)'),
  commitmentDate: IsoDateSchema.nullable().optional().describe('承诺授权书签订日期 (record_home_visit)'),
  riskTypes: z.array(z.string().trim().min(1).max(48)).max(5).nullable().optional().describe('风险类型 (dict risk_type), at most 5 (record_home_visit)'),
  publicityStart: IsoDateSchema.nullable().optional(),
  publicityEnd: IsoDateSchema.nullable().optional(),
  rigidExpenseResolved: z.boolean().nullable().optional().describe('大额刚性支出已稳定解决 (elim_home_visit)'),
  noNewRisk: z.boolean().nullable().optional().describe('无新增风险 (elim_home_visit)'),
  housingSecure: z.boolean().nullable().optional(),
  waterSecure: z.boolean().nullable().optional(),
  educationSecure: z.boolean().nullable().optional(),
  medicalSecure: z.boolean().nullable().optional(),
  eliminationMethod: z.string().trim().max(16).nullable().optional().describe('风险消除方式 (dict elimination_method)'),
  version: VersionSchema.optional().describe('the version of the case read (or If-Match); a stale one is 409 STALE_VERSION'),
});
export type CaseActionBody = z.infer<typeof CaseActionSchema>;

export const MonitoringTodoItemSchema = z.object({
  caseId: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  regionCode: z.string(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  monitoringType: z.string(),
  stage: z.enum(CASE_STAGES),
  returnReason: z.string().nullable().describe('退回原因, when the case came back to the village'),
  waitingSince: z.string().describe('ISO timestamp since which the case waits at this stage'),
});
export const MonitoringTodoSchema = z.object({ items: z.array(MonitoringTodoItemSchema), total: z.number().int() });
export type MonitoringTodo = z.infer<typeof MonitoringTodoSchema>;
export type MonitoringTodoItem = z.infer<typeof MonitoringTodoItemSchema>;

// ---------- monitoring lines (防止返贫监测范围) ----------
export const MonitoringLineViewSchema = z.object({
  provinceCode: z.string(),
  year: z.number().int(),
  amountYuan: z.number(),
  source: z.string().describe('文号 and title of the province’s document'),
  confirmed: z.boolean().describe('false = placeholder, shown as such wherever it is used'),
  updatedAt: z.string(),
  version: VersionSchema,
});
export type MonitoringLineView = z.infer<typeof MonitoringLineViewSchema>;
export const MonitoringLineListSchema = z.object({ items: z.array(MonitoringLineViewSchema) });
export const MonitoringLineQuerySchema = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
export const MonitoringLineParamsSchema = z.object({ provinceCode: z.string().regex(/^\d{2}$/, 'province code is 2 digits'), year: z.coerce.number().int().min(2000).max(2100) });
export const MonitoringLineUpsertSchema = z
  .object({
    amountYuan: moneySchema({ maxYuan: 1_000_000 })
      .refine((n) => n > 0, 'the line must be above 0 (监测范围须大于 0)')
      .describe('元/人·年'),
    source: z.string().trim().min(1).max(500).describe('文号 and title of the document'),
    confirmed: z.boolean(),
  })
  .extend(VersionedSaveSchema.shape)
  .describe('a line that exists is changed only with the version read (body or If-Match); a missing one is created without');
export type MonitoringLineUpsert = z.infer<typeof MonitoringLineUpsertSchema>;

// ---------- elimination check preview ----------
export const EliminationCheckQuerySchema = z.object({ date: IsoDateSchema.optional().describe('decision date (default today)'), method: z.string().max(16).optional() });
export const EliminationCheckSchema = z.object({
  asOf: z.string(),
  ok: z.boolean(),
  issues: z.array(z.object({ path: z.string(), messageZh: z.string(), messageEn: z.string() })),
  line: MonitoringLineViewSchema.omit({ updatedAt: true, version: true }).nullable().describe('the decision year’s line'),
  judged: z.object({ year: z.number().int(), perCapita: z.number() }).nullable(),
  stableMonths: z.number().int(),
  requiredMonths: z.number().int(),
});
export type EliminationCheck = z.infer<typeof EliminationCheckSchema>;
