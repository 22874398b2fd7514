// Zod schemas of the projects API (issue 7 §5: 项目库, 先入库后建设).
import { z } from 'zod';
import { EVALUATION_GRADES, PROJECT_ACTIONS, PROJECT_STAGES, REVIEW_CHECK_CODES } from '../projects/workflow.ts';
import { API_LIMITS, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, VersionSchema, nullableText, pageOf } from './common.schemas.ts';

const code = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const count = z.number().int().min(0).max(10_000_000);

/** One row of a project's budget by year and fund source (资金级次 × 资金性质). */
export const ProjectBudgetRowSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  fundLevel: code(16, '资金级次 (dict fund_level)'),
  fundKind: code(16, '资金性质 (dict fund_kind)'),
  amountYuan: MoneySchema.describe('元, ≤ 2 decimals'),
});
export type ProjectBudgetRow = z.infer<typeof ProjectBudgetRowSchema>;

/** 申报 (create) and edit of a project; PATCH takes the same fields, all optional, plus `version`. */
export const ProjectCreateSchema = z.object({
  projectNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/, 'project number: letters, digits and -, at most 32')
    .optional()
    .describe('项目编号; generated when absent: XM{year}{9-digit township prefix}{4-digit sequence}'),
  name: code(API_LIMITS.nameMax * 2, '项目名称'),
  regionCode: RegionCodeSchema.describe('实施地点: the township or village (scoping)'),
  year: z.number().int().min(2000).max(2100).describe('计划年度'),
  projectType: code(24, '项目类型 (dict project_type, level 1: industry, employment, rural_construction …)'),
  projectSubtype: z.string().trim().max(32).nullable().optional().describe('项目子类型 (dict project_type, level 2, under projectType)'),
  industryId: z.number().int().positive().nullable().optional().describe('产业 (industries.id)'),
  chainLinkId: z.number().int().positive().nullable().optional().describe('产业链环节 (chain_links.id)'),
  isSpecialty: z.boolean().optional().describe('优势特色产业项目'),
  isClusterProject: z.boolean().optional().describe('国家产业集群 / 产业强镇项目 (P6)'),
  budgetYuan: MoneySchema.optional().describe('总投资 (元, ≤ 2 decimals)'),
  implementingEntityId: z.number().int().positive().nullable().optional().describe('实施主体 (entities.id)'),
  linkageModes: z
    .array(code(32, 'dict linkage_mode code'))
    .max(12)
    .optional()
    .describe('联农带农方式 (dict linkage_mode codes); an industry project needs ≥ 2 to enter the library (P3)'),
  drivenHouseholds: count.nullable().optional().describe('带动脱贫户/监测户数'),
  drivenPersons: count.nullable().optional().describe('带动（吸纳就业）脱贫人数'),
  constructionContent: nullableText().describe('建设内容'),
  performanceTarget: nullableText().describe('绩效目标'),
  note: nullableText().describe('备注'),
  householdIds: z.array(z.number().int().positive()).max(5000).optional().describe('受益农户 (households.id in the user’s scope), linked with the proposal (create only)'),
  budgets: z
    .array(ProjectBudgetRowSchema)
    .max(100)
    .optional()
    .describe('分年度分来源预算 (create only; later PUT /projects/{id}/budgets): with rows, 总投资 is their sum and a budgetYuan sent must equal it'),
});
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = ProjectCreateSchema.omit({ projectNo: true, regionCode: true, householdIds: true, budgets: true })
  .partial()
  .extend({ version: VersionSchema.optional().describe('the version read (or If-Match)') });
export type ProjectUpdate = z.infer<typeof ProjectUpdateSchema>;

export const ProjectListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('only projects in this region and below (default: the user’s scope)'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('计划年度'),
  stage: z.enum(PROJECT_STAGES).optional().describe('项目阶段 (dict project_stage)'),
  projectType: z.string().trim().max(24).optional().describe('项目类型 (level 1 code)'),
  industryId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional().describe('项目名称 or 项目编号 (contains)'),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

export const ProjectStepViewSchema = z.object({
  id: z.number().int(),
  action: z.string().describe('the step (PROJECT_ACTIONS)'),
  fromStage: z.string(),
  toStage: z.string(),
  actorName: z.string().nullable().describe('who took it'),
  reason: z.string().nullable().describe('退回/不予入库 reason or note'),
  at: z.string().describe('ISO timestamp'),
});
export type ProjectStepView = z.infer<typeof ProjectStepViewSchema>;

export const ProjectBudgetsPutSchema = z.object({
  rows: z.array(ProjectBudgetRowSchema).max(100).describe('the budget by year and fund source; the total must equal the project’s budgetYuan'),
  version: VersionSchema.optional(),
});
export type ProjectBudgetsPut = z.infer<typeof ProjectBudgetsPutSchema>;

export const ProjectBeneficiaryViewSchema = z.object({
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  regionCode: z.string(),
});
export const ProjectBeneficiariesPutSchema = z.object({
  householdIds: z.array(z.number().int().positive()).max(5000).describe('受益户 (households.id, in the user’s scope)'),
  version: VersionSchema.optional(),
});
export type ProjectBeneficiariesPut = z.infer<typeof ProjectBeneficiariesPutSchema>;

export const ProjectOfferedActionSchema = z.object({
  action: z.enum(PROJECT_ACTIONS),
  labelZh: z.string(),
  labelEn: z.string(),
  refusalZh: z.string().nullable().describe('why this user may not take it (null = allowed)'),
});

export const ProjectListItemSchema = z.object({
  id: z.number().int(),
  projectNo: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number().int(),
  projectType: z.string(),
  projectSubtype: z.string().nullable(),
  industryId: z.number().int().nullable(),
  stage: z.enum(PROJECT_STAGES),
  budgetYuan: z.number(),
  linkageModes: z.array(z.string()),
  returnReason: z.string().nullable(),
  version: VersionSchema,
});
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;
export const ProjectListSchema = pageOf(ProjectListItemSchema);

export const ProjectViewSchema = ProjectListItemSchema.extend({
  chainLinkId: z.number().int().nullable(),
  isSpecialty: z.boolean(),
  isClusterProject: z.boolean(),
  implementingEntityId: z.number().int().nullable(),
  drivenHouseholds: z.number().int().nullable(),
  drivenPersons: z.number().int().nullable(),
  constructionContent: z.string().nullable(),
  performanceTarget: z.string().nullable(),
  reviewChecks: z.record(z.string(), z.boolean().nullable()).describe('入库审核 checks of 004 §六: benefit, interest_linkage, organisation, after_operation'),
  reviewNote: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  enteredLibraryOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  evaluatedOn: z.string().nullable(),
  evaluationGrade: z.string().nullable(),
  evaluationNote: z.string().nullable(),
  note: z.string().nullable(),
  allocatedYuan: z.number().describe('资金安排 so far (sum of fund allocations, 元)'),
  steps: z.array(ProjectStepViewSchema),
  budgets: z.array(ProjectBudgetRowSchema),
  beneficiaries: z.array(ProjectBeneficiaryViewSchema),
  actions: z.array(ProjectOfferedActionSchema).describe('the steps out of the current stage, with this user’s refusal'),
  entryPolicy: z
    .object({
      minLinkageModes: z.number().nullable().describe("P3 of the county's pack; null = the pack sets no minimum"),
      linkageClause: z.string(),
      reviewChecks: z.array(z.string()),
      checksRequired: z.boolean().describe("the county's pack sets P4: every check must be recorded true; else they are recorded only"),
      reviewClause: z.string(),
      noteZh: z.string().nullable().describe('what the county’s pack leaves unset (本县政策包未规定…), null when it sets P3 and P4'),
      noteEn: z.string().nullable(),
    })
    .describe('入库 conditions from the county’s own pack (no other city’s figures)'),
});
export type ProjectView = z.infer<typeof ProjectViewSchema>;

export const ProjectActionSchema = z.object({
  action: z
    .enum(PROJECT_ACTIONS)
    .describe('submit | withdraw | township_review | return | publicise | approve_entry | reject | start | accept | evaluate (allocate_funds: the funds module)'),
  date: IsoDateSchema.nullable().optional().describe('date of the step (入库, 开工, 验收, 评价); default today'),
  reason: z.string().trim().max(500).nullable().optional().describe('退回 / 不予入库 reason (required for both)'),
  publicityStart: IsoDateSchema.nullable().optional().describe('公示开始 (publicise)'),
  publicityEnd: IsoDateSchema.nullable().optional().describe('公示结束 (publicise)'),
  checks: z
    .object(
      Object.fromEntries(REVIEW_CHECK_CODES.map((c) => [c, z.boolean().nullable().optional()])) as Record<
        (typeof REVIEW_CHECK_CODES)[number],
        z.ZodOptional<z.ZodNullable<z.ZodBoolean>>
      >,
    )
    .nullable()
    .optional()
    .describe('approve_entry: 项目效益 benefit, 利益联结 interest_linkage, 组织保障 organisation, 后续运营 after_operation — each must be true (004 §六)'),
  reviewNote: z.string().trim().max(500).nullable().optional().describe('审定意见 (approve_entry)'),
  grade: z.enum(EVALUATION_GRADES).nullable().optional().describe('绩效评价等次 优/良/中/差 (evaluate)'),
  note: z.string().trim().max(500).nullable().optional(),
  version: VersionSchema.optional().describe('the version of the project read (or If-Match); a stale one is 409 STALE_VERSION'),
});
export type ProjectActionBody = z.infer<typeof ProjectActionSchema>;

export const ProjectImportResultSchema = z.object({
  created: z.number().int().describe('projects proposed (a new or empty 项目编号)'),
  updated: z.number().int().describe('projects of the scope whose 项目编号 the file names and whose columns it changed'),
  unchanged: z.number().int().describe('projects the file names as they are'),
});
export type ProjectImportResult = z.infer<typeof ProjectImportResultSchema>;
