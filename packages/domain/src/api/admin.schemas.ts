import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, RegionCodeSchema, VersionSchema, VersionedSaveSchema, pageOf } from './common.schemas.ts';
import { RegionLevelSchema } from './regions.schemas.ts';

// ---------- dictionaries (字典) ----------
export const DictItemViewSchema = z.object({
  dictCode: z.string(),
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  parentCode: z.string().nullable(),
  attrs: z.record(z.string(), z.unknown()),
  sort: z.number().int(),
  active: z.boolean(),
  version: VersionSchema,
});
export type DictItemView = z.infer<typeof DictItemViewSchema>;
export const DictItemListSchema = z.object({ items: z.array(DictItemViewSchema) });
export const DictCodeParamSchema = z.object({ dictCode: z.string().min(1).max(48) });
export const DictItemParamSchema = DictCodeParamSchema.extend({ code: z.string().min(1).max(48) });
export const DictItemCreateSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(48)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
    .describe('stable code stored in data'),
  labelZh: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  parentCode: z.string().max(48).nullable().optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  sort: z.number().int().min(0).max(32767).optional(),
  active: z.boolean().optional(),
});
export type DictItemCreate = z.infer<typeof DictItemCreateSchema>;
export const DictItemUpdateSchema = DictItemCreateSchema.omit({ code: true }).partial().extend(VersionedSaveSchema.shape);
export type DictItemUpdate = z.infer<typeof DictItemUpdateSchema>;

// ---------- policy packs ----------
export const PolicyRuleViewSchema = z.looseObject({
  id: z.string(),
  clause: z.string(),
  titleZh: z.string().optional(),
  titleEn: z.string().optional(),
  threshold: z.number().nullable().optional(),
  years: z.array(z.number()).optional(),
});
export const PolicyPackViewSchema = z.looseObject({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  rules: z.array(PolicyRuleViewSchema),
});
export const PolicyPackListSchema = z.object({ packs: z.array(PolicyPackViewSchema) });
export const PolicyActiveQuerySchema = z.object({ countyCode: RegionCodeSchema.optional().describe('county (default: the user’s county)') });
export const PolicyActiveSchema = z.object({
  countyCode: z.string(),
  packId: z.string(),
  isDefault: z.boolean(),
  version: VersionSchema.nullable().describe('version of the county’s saved choice; null while nothing was chosen (a first choice needs no version)'),
});
export const PolicyActiveUpdateSchema = z.object({ countyCode: RegionCodeSchema.optional(), packId: z.string().min(1).max(64) }).extend(VersionedSaveSchema.shape);

// ---------- rules ----------
export const RuleEvaluateParamSchema = z.object({ ruleId: z.string().min(1).max(16) });
export const RuleEvaluateQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('measure year (default: current year)'),
});
export const ByRegionRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int().describe('households the rule applies to'),
  met: z.number().int(),
  value: z.number().nullable().describe('met ÷ total'),
  drill: z.record(z.string(), z.string()).describe('query parameters of the household list behind the figure'),
});
export const RuleEvaluationSchema = z.object({
  ruleId: z.string(),
  clause: z.string(),
  titleZh: z.string().optional(),
  titleEn: z.string().optional(),
  status: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  total: z.number().int(),
  met: z.number().int(),
  byRegion: z.array(ByRegionRowSchema),
  records: z.array(z.number().int()).describe('ids of households failing the rule'),
  drill: z.record(z.string(), z.string()),
});
export type RuleEvaluation = z.infer<typeof RuleEvaluationSchema>;

// ---------- dashboard ----------
export const DashboardQuerySchema = z.object({ regionCode: RegionCodeSchema.optional() });
export const DashboardWarningSchema = z.object({
  code: z.enum(['H1', 'identification_overdue']),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  regionCode: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  drill: z.record(z.string(), z.string()),
});
export const DashboardSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema }),
  countsByType: z.record(z.string(), z.number().int()),
  countsDrill: z.record(z.string(), z.string()),
  byChild: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: RegionLevelSchema,
      counts: z.record(z.string(), z.number().int()),
      drill: z.record(z.string(), z.string()),
    }),
  ),
  h1: RuleEvaluationSchema,
  warnings: z.array(DashboardWarningSchema),
  warningTotals: z.object({ H1: z.number().int(), identification_overdue: z.number().int() }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---------- audit ----------
export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: z.string().max(48).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().max(32).optional(),
  actor: z.string().trim().max(64).optional().describe('part of the name of who did it (操作人)'),
  householdNo: z.string().trim().max(32).optional().describe('户编号 or its beginning: entries of those households and their members, incomes, measures, cases'),
  regionCode: RegionCodeSchema.optional(),
  from: IsoDateSchema.optional().describe('from this date (inclusive)'),
  to: IsoDateSchema.optional().describe('to this date (inclusive)'),
});
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  householdId: z.number().int().nullable().optional().describe('household the entry belongs to'),
  householdNo: z.string().nullable().optional().describe('户编号 of that household'),
  householdHeadName: z.string().nullable().optional().describe('户主 of that household'),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = pageOf(AuditEntrySchema);
