// Zod schemas of the funds API (issue 7 §6): 资金来源, 资金安排, the dashboard summary, the sankey and the what-if draft.
import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, RegionCodeSchema, VersionSchema, moneySchema } from './common.schemas.ts';

const YearSchema = z.number().int().min(2000).max(2100);
const YearQuerySchema = z.coerce.number().int().min(2000).max(2100);
/** A positive amount in 元 (an allocation or a move: at least 1 分). */
const PositiveMoneySchema = moneySchema().refine((v) => v > 0, { message: 'the amount must be more than 0 (金额须大于 0)' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const FundSourceCreateSchema = z.object({
  regionCode: RegionCodeSchema.describe('the county (or township) that receives the money'),
  year: YearSchema.describe('资金年度'),
  fundLevel: z.string().min(1).max(16).describe('资金级次 (dict fund_level: central, provincial, city, county, other)'),
  fundKind: z.string().min(1).max(16).describe('资金性质 (dict fund_kind: linkage = 衔接资金, other_fiscal, self_raised, social)'),
  name: text(API_LIMITS.nameMax * 2).describe('资金名称'),
  documentNo: z
    .string()
    .trim()
    .max(API_LIMITS.nameMax * 2)
    .nullable()
    .optional()
    .describe('下达文号'),
  amountYuan: PositiveMoneySchema.describe('金额（元）'),
  note: z.string().max(API_LIMITS.textMax).nullable().optional().describe('备注'),
});
export type FundSourceCreate = z.infer<typeof FundSourceCreateSchema>;

export const FundSourceUpdateSchema = FundSourceCreateSchema.omit({ regionCode: true }).partial().extend({ version: VersionSchema.optional() });
export type FundSourceUpdate = z.infer<typeof FundSourceUpdateSchema>;

export const FundSourceViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable().describe('区划名称'),
  year: z.number().int(),
  fundLevel: z.string(),
  fundKind: z.string(),
  name: z.string(),
  documentNo: z.string().nullable(),
  amountYuan: z.number().describe('金额（元）'),
  allocatedYuan: z.number().describe('已安排（元）'),
  balanceYuan: z.number().describe('未安排余额（元）'),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type FundSourceView = z.infer<typeof FundSourceViewSchema>;

export const FundListQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional().describe('区划 (default: the user’s own)'),
  year: YearQuerySchema.optional().describe('年度'),
  projectId: z.coerce.number().int().positive().optional().describe('项目 (allocations only)'),
});
export type FundListQuery = z.infer<typeof FundListQuerySchema>;

export const FundAllocationCreateSchema = z.object({
  fundSourceId: z.number().int().positive().describe('资金来源'),
  projectId: z.number().int().positive().describe('项目 (must be in the library: 先入库后建设)'),
  amountYuan: PositiveMoneySchema.describe('安排金额（元）, at most the source’s unallocated balance'),
  allocatedOn: IsoDateSchema.nullable().optional().describe('安排日期'),
  note: z.string().max(API_LIMITS.textMax).nullable().optional().describe('备注'),
});
export type FundAllocationCreate = z.infer<typeof FundAllocationCreateSchema>;

export const FundAllocationUpdateSchema = FundAllocationCreateSchema.pick({ amountYuan: true, allocatedOn: true, note: true })
  .partial()
  .extend({ version: VersionSchema.optional() });
export type FundAllocationUpdate = z.infer<typeof FundAllocationUpdateSchema>;

export const FundAllocationViewSchema = z.object({
  id: z.number().int(),
  fundSourceId: z.number().int(),
  fundSourceName: z.string(),
  fundLevel: z.string(),
  fundKind: z.string(),
  projectId: z.number().int(),
  projectName: z.string(),
  projectType: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  amountYuan: z.number(),
  allocatedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type FundAllocationView = z.infer<typeof FundAllocationViewSchema>;

export const FundableProjectSchema = z.object({
  id: z.number().int(),
  projectNo: z.string(),
  name: z.string(),
  regionCode: z.string(),
  projectType: z.string().describe('dict project_type level 1'),
  isSpecialty: z.boolean(),
  leadingChain: z.boolean().describe('a project of a leading industry'),
  industryName: z.string().nullable(),
  stage: z.string(),
  year: z.number().int(),
  budgetYuan: z.number(),
  allocatedYuan: z.number().describe('allocated in the year asked'),
  version: z.number().int(),
});
export type FundableProject = z.infer<typeof FundableProjectSchema>;

export const FundsSummaryQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional().describe('the county (default: the user’s own county)'),
  year: YearQuerySchema.optional().describe('the judged year (default: this year)'),
});
export type FundsSummaryQuery = z.infer<typeof FundsSummaryQuerySchema>;

export const FundRuleOutcomeSchema = z.object({
  ruleId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  clause: z.string().describe('the pack’s clause, e.g. 000 §五(二)'),
  clauseText: z.string().describe('the clause with the document’s 文号 (formatClause)'),
  inForce: z.boolean().describe('false when the pack sets the rule for other years'),
  status: z.enum(['met', 'not_met', 'not_applicable']),
  value: z.number().nullable().describe('the county’s share (0..1) or count; F5 the townships’ coverage'),
  threshold: z.number().nullable(),
  met: z.number().int(),
  total: z.number().int(),
  reasons: z.array(z.object({ regionCode: z.string(), met: z.boolean(), reasonZh: z.string(), reasonEn: z.string() })),
});
export type FundRuleOutcome = z.infer<typeof FundRuleOutcomeSchema>;

export const FundYearSummarySchema = z.object({
  year: z.number().int(),
  linkageFundYuan: z.number().describe('衔接资金 received'),
  allocatedYuan: z.number().describe('衔接资金 allocated to projects'),
  byProjectType: z.array(z.object({ projectType: z.string(), amountYuan: z.number() })),
  industryYuan: z.number(),
  specialtyYuan: z.number().describe('fiscal money into specialty-industry projects, with the 配套设施 projects serving a specialty industry (F2, 001 §二(一)2)'),
  leadingChainYuan: z.number(),
  industryProjectYuan: z.number(),
  industryShare: z.number().nullable().describe('industry ÷ linkage funds, 4 decimals'),
  specialtyShare: z.number().nullable().describe('specialty ÷ industry-project money'),
  leadingChainShare: z.number().nullable().describe('leading chains ÷ industry money'),
  libraryIndustryYuan: z.number(),
  librarySpecialtyYuan: z.number(),
  librarySpecialtyShare: z.number().nullable(),
});
export type FundYearSummary = z.infer<typeof FundYearSummarySchema>;

export const FundsSummarySchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  packId: z.string(),
  packNameZh: z.string(),
  leadingIndustries: z.number().int(),
  years: z.array(FundYearSummarySchema).describe('the judged year and the earlier ones, oldest first'),
  rules: z.array(FundRuleOutcomeSchema).describe('F1–F5, P2, P5 as the county’s pack sets them'),
});
export type FundsSummary = z.infer<typeof FundsSummarySchema>;

export const SankeySchema = z.object({
  nodes: z.array(z.object({ name: z.string() })),
  links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number().describe('元') })),
});
export type Sankey = z.infer<typeof SankeySchema>;

export const WhatIfMoveSchema = z.object({
  allocationId: z.number().int().positive().optional().describe('take the money out of this allocation (its project)'),
  fromProjectId: z.number().int().positive().optional().describe('take it out of this project’s allocations'),
  toProjectId: z.number().int().positive().optional().describe('give it to this project (library projects only)'),
  amountYuan: PositiveMoneySchema.describe('金额（元）'),
});
export type WhatIfMove = z.infer<typeof WhatIfMoveSchema>;

export const WhatIfCategoryMoveSchema = z.object({
  fromType: z.string().min(1).max(24).describe('project type money leaves (dict project_type level 1)'),
  toType: z.string().min(1).max(24).describe('project type it goes to'),
  amountYuan: PositiveMoneySchema.describe('金额（元）'),
});
export type WhatIfCategoryMove = z.infer<typeof WhatIfCategoryMoveSchema>;

export const WhatIfRequestSchema = z.object({
  regionCode: RegionCodeSchema.optional().describe('the county (default: the user’s own)'),
  year: YearSchema,
  moves: z.array(WhatIfMoveSchema).max(200).default([]).describe('moves between projects'),
  categoryMoves: z.array(WhatIfCategoryMoveSchema).max(50).default([]).describe('moves between project types'),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequestSchema>;

export const WhatIfResultSchema = z.object({
  before: z.array(FundRuleOutcomeSchema),
  after: z.array(FundRuleOutcomeSchema),
  changed: z.array(z.string()).describe('rule ids whose status flips'),
});
export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;

export const WhatIfApplySchema = z.object({
  moves: z
    .array(
      z.object({
        allocationId: z.number().int().positive().describe('the allocation money leaves'),
        version: VersionSchema.describe('the allocation’s version when the draft was made'),
        toProjectId: z.number().int().positive().describe('the library project it goes to (same fund source)'),
        amountYuan: PositiveMoneySchema.describe('金额（元）'),
      }),
    )
    .min(1)
    .max(50)
    .describe('the draft’s moves, saved in one transaction'),
});
export type WhatIfApply = z.infer<typeof WhatIfApplySchema>;

export const WhatIfApplyResultSchema = z.object({ allocationIds: z.array(z.number().int()).describe('allocations written') });
