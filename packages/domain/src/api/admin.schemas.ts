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

// ---------- rules (issue 7 §1, ADR 0004: stored results of every rule of the county's pack) ----------
export const RULE_ID_PATTERN = /^[A-Z][A-Z0-9]{0,7}$/;
export const RuleIdSchema = z.string().regex(RULE_ID_PATTERN, 'a catalogue id such as H1 or F4').describe('rule id of the catalogue, e.g. H1');
export const RuleEvaluateParamSchema = z.object({ ruleId: RuleIdSchema });
export const RuleEvaluateQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('judged year (default: current year)'),
});
export const RuleListQuerySchema = RuleEvaluateQuerySchema;
/** Outcome of a rule: met / not met / no subject / not in force in that year / configured but not implemented. */
export const RuleStatusSchema = z.enum(['met', 'not_met', 'not_applicable', 'not_in_force', 'not_implemented']).describe('outcome for the region and year');
/** The unit of a figure (value, threshold): share 0..1, an amount in 元, a count. */
export const RuleUnitSchema = z.enum(['share', 'yuan', 'count']).describe('unit of the figure: share (0..1, shown as %), yuan (元), count');
export const ByRegionRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int().describe('subjects the rule applies to (counted)'),
  met: z.number().int(),
  value: z.number().nullable().describe('met ÷ total, or the single subject’s own figure'),
  unit: RuleUnitSchema.describe('unit of value: share for met ÷ total, else the rule’s unit of a subject’s figure'),
  status: RuleStatusSchema.optional(),
  drill: z.record(z.string(), z.string()).describe('query parameters of the list behind the figure'),
});
export const RuleFailingItemSchema = z.object({
  key: z.string().describe('subject key: a record id, `entityId:personId` (J3), `posts:<village code>` (J4), or a region code'),
  regionCode: z.string(),
  regionName: z.string().nullable().describe('name of the subject’s region; a 组 as 村名组名'),
  label: z
    .string()
    .nullable()
    .describe(
      '户编号 and 户主 of a household, 姓名（户编号） of a person, 企业名称 · 姓名（户编号） of a J3 pair, 某村公益性岗位, the name of an entity, post, project or region (never an ID number)',
    ),
  status: z.enum(['met', 'not_met', 'listed']).optional().describe('listed = shown for information, not counted (H1 weak_labour)'),
  value: z.number().nullable().optional(),
  threshold: z.number().nullable().optional(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  groupCode: z.string().nullable(),
  link: z
    .string()
    .nullable()
    .describe('web path where the subject is acted on: its household, entity, post or project; a job-subsidy subject the 就业补助 tab of its kind and year'),
});
export const RuleGroupSchema = z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string(), count: z.number().int() });
export const RuleEvaluationSchema = z.object({
  ruleId: z.string(),
  clause: z.string(),
  clauseText: z.string().optional().describe('the clause with the document’s 文号'),
  titleZh: z.string().optional(),
  titleEn: z.string().optional(),
  year: z.number().int().optional(),
  factsKind: z.string().optional(),
  subjectLevel: z.string().optional(),
  status: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  unit: RuleUnitSchema.describe('unit of value'),
  thresholdUnit: RuleUnitSchema.describe('unit of threshold (F5: the share is judged to rise, the amount against 元)'),
  total: z.number().int(),
  met: z.number().int(),
  byRegion: z.array(ByRegionRowSchema),
  failing: z.array(RuleFailingItemSchema).optional().describe('first 200 failing subjects'),
  failingTotal: z.number().int().optional(),
  groups: z.array(RuleGroupSchema).optional(),
  records: z.array(z.number().int()).describe('ids of households failing the rule (household rules; empty for others)'),
  drill: z.record(z.string(), z.string()),
});
export type RuleEvaluation = z.infer<typeof RuleEvaluationSchema>;
export const RuleSummarySchema = z.object({
  ruleId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  clause: z.string(),
  clauseText: z.string(),
  years: z.array(z.number().int()).nullable(),
  inForce: z.boolean(),
  implemented: z.boolean(),
  status: RuleStatusSchema,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  unit: RuleUnitSchema.describe('unit of value'),
  thresholdUnit: RuleUnitSchema.describe('unit of threshold'),
  total: z.number().int(),
  met: z.number().int(),
  paramsTextZh: z.string().nullable(),
  paramsTextEn: z.string().nullable(),
  sandbox: z.object({ example: z.unknown() }).nullable().describe('the 试算 example when the rule can judge facts given by value'),
});
export type RuleSummary = z.infer<typeof RuleSummarySchema>;
export const RuleListSchema = z.object({
  countyCode: z.string(),
  packId: z.string(),
  packNameZh: z.string(),
  packNameEn: z.string(),
  year: z.number().int(),
  rules: z.array(RuleSummarySchema),
});
export const RuleResultsQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('judged year (default: current year)'),
  status: z.enum(['met', 'not_met', 'listed']).optional().describe('default: not_met'),
  group: z
    .string()
    .regex(/^[a-z_]{1,24}$/)
    .optional()
    .describe('a group code, e.g. labour_unknown'),
});
export const RuleResultsPageSchema = pageOf(RuleFailingItemSchema);
export const RuleCheckBodySchema = z.object({
  packId: z.string().min(1).max(64).describe('policy pack id, e.g. jincheng'),
  year: z.number().int().min(2000).max(2100).describe('judged year'),
  facts: z
    .unknown()
    .describe(
      'facts of ONE subject in the shape of the rule’s sandbox. H1: { householdType, monitoringStatus, laborCapacities[], unrecordedLabour?, measureCategories[] }, ' +
        'e.g. {"householdType":"monitored","monitoringStatus":"monitoring","laborCapacities":["ordinary"],"measureCategories":["health"]}; ' +
        'the other rules with a sandbox show their example in GET /api/v1/rules (sandbox.example)',
    ),
});
export const RuleCheckAnswerSchema = z.object({
  status: z.enum(['met', 'not_met', 'not_applicable']),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  unit: RuleUnitSchema.describe('unit of value'),
  thresholdUnit: RuleUnitSchema.describe('unit of threshold'),
  clause: z.string(),
  clauseText: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});

// ---------- dashboard ----------
export const DashboardQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('judged year of the rules (default: current year)'),
});
export const DashboardWarningSchema = z.object({
  code: z.string().describe('a rule id (household rules) or identification_overdue'),
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
  h1: RuleEvaluationSchema.extend({
    // an H1 figure is always a share; the empty figure of a pack without H1 may leave the units out
    unit: RuleUnitSchema.optional().describe('unit of value (H1: share)'),
    thresholdUnit: RuleUnitSchema.optional().describe('unit of threshold (H1: share)'),
  }).describe('H1 for compatibility (also in rules)'),
  rules: z.array(RuleSummarySchema).describe('every rule of the county’s pack with its status for the region'),
  warnings: z.array(DashboardWarningSchema),
  warningTotals: z.record(z.string(), z.number().int()).describe('per rule id (household rules) and identification_overdue'),
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
