import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, VersionSchema, VersionedSaveSchema, nullableText, pageOf } from './common.schemas.ts';
import { LINKAGE_YEAR_MAX, LINKAGE_YEAR_MIN } from '../linkages/linkage-checks.ts';
import { IncomeViewSchema } from './households.schemas.ts';

// 联农带农 (farmer linkage) API, issue 7 §3: which households an entity drives, how, and what they earned.

const YearSchema = z.number().int().min(LINKAGE_YEAR_MIN).max(LINKAGE_YEAR_MAX).describe('年度 (2013–2100)');
const IncomeTypeSchema = z.enum(['wage', 'business', 'property', 'transfer']).describe('收入类型 (dict income_type): 工资性 | 生产经营性 | 财产性 | 转移性');
const ModeSchema = z.string().trim().min(1).max(24).describe('联农带农方式 (dict linkage_mode)');
const byType = (what: string) =>
  z.object({ wage: z.number(), business: z.number(), property: z.number(), transfer: z.number() }).describe(`${what} by income type (元): 工资性, 生产经营性, 财产性, 转移性`);

export const LinkageCreateSchema = z.object({
  entityId: z.number().int().positive().describe('带动主体 (entity id)'),
  householdId: z.number().int().positive().describe('被带动农户 (household id)'),
  projectId: z.number().int().positive().nullable().optional().describe('所属项目 (project id), where there is one'),
  mode: ModeSchema,
  year: YearSchema,
  startDate: IsoDateSchema.nullable().optional().describe('带动开始日期'),
  endDate: IsoDateSchema.nullable().optional().describe('带动结束日期 (≥ start; the period overlaps the year)'),
  amountYuan: MoneySchema.describe('该户当年从该主体获得的收入或工资 (元)'),
  incomeType: IncomeTypeSchema.optional().describe('收入类型; default from the mode (务工 → 工资性, 分红/流转 → 财产性, 订单/代销/托管 → 生产经营性)'),
  note: nullableText(),
});
export type LinkageCreate = z.infer<typeof LinkageCreateSchema>;

export const LinkageUpdateSchema = LinkageCreateSchema.omit({ entityId: true, householdId: true }).partial().extend(VersionedSaveSchema.shape);
export type LinkageUpdate = z.infer<typeof LinkageUpdateSchema>;

export const LinkageViewSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string().describe('带动主体名称'),
  entityType: z.string().describe('经营主体类型 (dict entity_type)'),
  householdId: z.number().int(),
  householdNo: z.string().describe('户编号'),
  headName: z.string().nullable().describe('户主姓名'),
  householdType: z.string().describe('户类型 (dict household_type)'),
  regionCode: z.string().describe('the household’s region'),
  villageName: z.string().nullable().describe('所在村'),
  projectId: z.number().int().nullable(),
  mode: z.string(),
  year: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  amountYuan: z.number().describe('收入 (元)'),
  incomeType: z.string(),
  carriedAt: z.string().nullable().describe('计入当年收入的时间; null = 尚未计入'),
  note: z.string().nullable(),
  version: VersionSchema,
});
export type LinkageView = z.infer<typeof LinkageViewSchema>;

export const LinkageListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('households of this region (within the scope)'),
  entityId: z.coerce.number().int().positive().optional().describe('带动主体'),
  householdId: z.coerce.number().int().positive().optional().describe('农户'),
  year: z.coerce.number().int().min(LINKAGE_YEAR_MIN).max(LINKAGE_YEAR_MAX).optional().describe('年度'),
  mode: ModeSchema.optional(),
});
export type LinkageListQuery = z.infer<typeof LinkageListQuerySchema>;

export const LinkageTotalsSchema = z.object({
  linkages: z.number().int().describe('带动记录数'),
  households: z.number().int().describe('带动农户数 (distinct households)'),
  amountYuan: z.number().describe('收入合计 (元)'),
});
export const LinkageListSchema = pageOf(LinkageViewSchema).extend({ totals: LinkageTotalsSchema.describe('totals of every matching record, not only the page') });
export type LinkageList = z.infer<typeof LinkageListSchema>;

export const LinkageYearSchema = z.object({
  year: z.number().int(),
  totalYuan: z.number().describe('当年带动收入合计 (元)'),
  carriedYuan: z.number().describe('已计入收入 (元)'),
  pending: byType('尚未计入收入的带动收入'),
  pendingYuan: z.number().describe('尚未计入收入合计 (元)'),
  incomeVersion: z.number().int().nullable().describe('version of the household’s income year (null: the year is not recorded; carrying creates it)'),
});
export const HouseholdLinkagesSchema = z.object({
  householdId: z.number().int(),
  items: z.array(LinkageViewSchema).describe('every entity that drives the household, newest year first'),
  years: z.array(LinkageYearSchema).describe('per year: totals, what is carried and what is not yet'),
});
export type HouseholdLinkages = z.infer<typeof HouseholdLinkagesSchema>;

export const EntityHouseholdsQuerySchema = z.object({
  year: z.coerce.number().int().min(LINKAGE_YEAR_MIN).max(LINKAGE_YEAR_MAX).optional().describe('年度 (all years when absent)'),
});
export const EntityLinkageTotalSchema = z.object({
  year: z.number().int(),
  mode: z.string(),
  households: z.number().int().describe('带动农户数'),
  liftedHouseholds: z.number().int().describe('其中脱贫户'),
  monitoredHouseholds: z.number().int().describe('其中监测户'),
  amountYuan: z.number().describe('收入合计 (元)'),
});
export const EntityHouseholdsSchema = z.object({
  entityId: z.number().int(),
  items: z
    .array(LinkageViewSchema)
    .max(API_LIMITS.pageSizeMax * 50)
    .describe('the linkages of the entity with households in the caller’s scope'),
  totals: z.array(EntityLinkageTotalSchema).describe('by year and mode, households in the caller’s scope'),
});
export type EntityHouseholds = z.infer<typeof EntityHouseholdsSchema>;

export const LinkageCarrySchema = z.object({
  year: YearSchema,
  version: VersionSchema.optional().describe('version of the household’s income year as read (required when the year is recorded)'),
});
export type LinkageCarry = z.infer<typeof LinkageCarrySchema>;
export const LinkageCarryResultSchema = z.object({
  carriedIds: z.array(z.number().int()).describe('linkages carried now'),
  added: byType('added'),
  income: IncomeViewSchema.describe('the income year after the carry'),
});
export type LinkageCarryResult = z.infer<typeof LinkageCarryResultSchema>;

export const LinkageImportReportSchema = z.object({
  added: z.number().int().describe('linkages added'),
  updated: z.number().int().describe('recorded linkages whose figures the file replaced'),
});
