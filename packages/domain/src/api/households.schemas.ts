import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, VersionSchema, VersionedSaveSchema, nullableText, pageOf } from './common.schemas.ts';
import { EXIT_REASONS, LIFTED_CATEGORIES, MAX_WORK_MONTHS } from '../households/household-model.ts';
import { PersonEmploymentInputFields, PersonEmploymentViewFields } from './person-employment.schemas.ts';
import {
  HOUSEHOLD_NO_MAX,
  HOUSEHOLD_NO_PATTERN,
  ID_NUMBER_MAX,
  LIFTED_YEAR_MAX,
  LIFTED_YEAR_MIN,
  MAX_MEMBERS,
  MAX_RISK_TYPES,
  PERSON_NAME_MAX,
  PHONE_MAX,
  PHONE_PATTERN,
} from '../households/household-checks.ts';

const dictCode = (dict: string) => z.string().trim().min(1).max(48).describe(`code of dictionary ${dict}`);
const phone = z
  .string()
  .trim()
  .max(PHONE_MAX)
  .refine((v) => v === '' || PHONE_PATTERN.test(v), 'phone must be an 11-digit mobile or a landline with area code (联系电话格式无效)')
  .nullable()
  .optional()
  .describe('联系电话');

// ---------- persons (家庭成员) ----------
export const PersonCreateSchema = z.object({
  idType: dictCode('id_type').optional().describe('证件类型 (dict id_type; default 1 = 居民身份证, the only type with the GB 11643 check digit)'),
  idNumber: z.string().trim().min(1).max(ID_NUMBER_MAX).describe('证件号码 (unique; a 居民身份证 is checked against GB 11643)'),
  birthDate: IsoDateSchema.nullable().optional().describe('出生日期: required for other document types; for a 居民身份证 it comes from the number'),
  gender: dictCode('gender').nullable().optional().describe('性别: required for other document types; for a 居民身份证 it comes from the number'),
  name: z.string().trim().min(1).max(PERSON_NAME_MAX).describe('姓名'),
  ethnicity: dictCode('ethnicity').nullable().optional().describe('民族 (dict ethnicity, GB/T 3304)'),
  relation: dictCode('relation').describe('与户主关系 (dict relation; 02 = 户主)'),
  laborCapacity: dictCode('labor_capacity').nullable().optional(),
  healthStatuses: z.array(dictCode('health_status')).max(4).optional().describe('健康状况, every value that applies (健康 alone, or 长期慢性病 / 残疾 / 患有大病)'),
  disabilityType: dictCode('disability_type').nullable().optional().describe('残疾类别, when 残疾 is among the health values'),
  disabilityGrade: z.enum(['1', '2', '3', '4']).nullable().optional().describe('残疾等级 1–4, when 残疾 is among the health values'),
  education: dictCode('education').nullable().optional().describe('文化程度; exactly one of 文化程度 / 在校生状况'),
  schoolStatus: dictCode('school_status').nullable().optional().describe('在校生状况; exactly one of 文化程度 / 在校生状况'),
  workMonths: z.number().int().min(0).max(MAX_WORK_MONTHS).nullable().optional().describe('务工时间（月）this year, 0–12'),
  employmentStatus: dictCode('employment_status').nullable().optional(),
  employmentPlace: nullableText(200),
  wantsTraining: z.boolean().nullable().optional().describe('willing to be trained / to work'),
  trainedThisYear: z.boolean().nullable().optional(),
  ...PersonEmploymentInputFields,
  phone,
});
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

export const PersonUpdateSchema = PersonCreateSchema.partial().extend(VersionedSaveSchema.shape);
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

export const PersonViewSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  regionCode: z.string(),
  idType: z.string().describe('证件类型 (dict id_type)'),
  idNumber: z.string().describe('masked unless the role may see personal information'),
  personNo: z.string().nullable().describe('人口编号 of the national system (read-only)'),
  name: z.string(),
  gender: z.string().describe('dict gender, derived from the ID number'),
  birthDate: z.string(),
  ethnicity: z.string().nullable(),
  relation: z.string(),
  isHead: z.boolean(),
  laborCapacity: z.string().nullable(),
  healthStatuses: z.array(z.string()),
  disabilityType: z.string().nullable(),
  disabilityGrade: z.string().nullable(),
  education: z.string().nullable(),
  schoolStatus: z.string().nullable(),
  workMonths: z.number().int().nullable(),
  employmentStatus: z.string().nullable(),
  employmentPlace: z.string().nullable(),
  wantsTraining: z.boolean().nullable(),
  trainedThisYear: z.boolean().nullable(),
  ...PersonEmploymentViewFields,
  phone: z.string().nullable(),
  exitReason: z.string().nullable().describe('自然减少原因 (dict exit_reason); the record is read-only while set'),
  exitDate: z.string().nullable(),
  exitNote: z.string().nullable(),
  version: VersionSchema,
});
export type PersonView = z.infer<typeof PersonViewSchema>;

/** 自然减少 of a household or a person: reason and date (and a note). */
export const ExitSchema = z.object({
  reason: z.enum(EXIT_REASONS).describe('自然减少原因: death 死亡 | moved_out 迁出 | married_out 嫁出 | imprisoned 服刑 | other 其他'),
  date: IsoDateSchema.describe('日期'),
  note: nullableText(500),
  version: VersionSchema.optional().describe('the version of the household / person read (or If-Match)'),
});
export type ExitInput = z.infer<typeof ExitSchema>;

// ---------- households (户) ----------
const householdFields = {
  regionCode: RegionCodeSchema.describe('village (12) or group (15) code the household belongs to'),
  householdType: dictCode('household_type'),
  isLifted: z.boolean().optional().describe('是否脱贫户 (default: true for type 脱贫户 or a 脱贫不稳定户); kept apart from the monitoring category'),
  liftedCategory: z.enum(LIFTED_CATEGORIES).nullable().optional().describe('脱贫户类别: general 一般 | dibao 低保 | tekun 特困供养 | no_policy 脱贫不享受政策'),
  monitoringType: dictCode('monitoring_type').nullable().optional().describe('监测对象类别, for monitored households'),
  riskTypes: z.array(dictCode('risk_type')).max(MAX_RISK_TYPES).default([]).describe(`致贫返贫风险类型, at most ${MAX_RISK_TYPES}`),
  housingSecure: z.boolean().nullable().optional().describe('住房安全有保障（true 有保障 / false 有问题 / null 未评估）'),
  waterSecure: z.boolean().nullable().optional().describe('饮水安全有保障（true 有保障 / false 有问题 / null 未评估）'),
  educationSecure: z.boolean().nullable().optional().describe('义务教育有保障（true 有保障 / false 有问题 / null 未评估）'),
  medicalSecure: z.boolean().nullable().optional().describe('基本医疗有保障（true 有保障 / false 有问题 / null 未评估）'),
  address: nullableText(200),
  phone,
  liftedYear: z.number().int().min(LIFTED_YEAR_MIN).max(LIFTED_YEAR_MAX).nullable().optional().describe('脱贫年度'),
  note: nullableText(),
};

export const HouseholdCreateSchema = z.object({
  householdNo: z
    .string()
    .trim()
    .min(1, { abort: true })
    .max(HOUSEHOLD_NO_MAX, { abort: true })
    .regex(HOUSEHOLD_NO_PATTERN, 'household number may only contain letters, digits, - and _ (户编号只能含字母、数字、-、_)')
    .describe('户编号 (unique)'),
  ...householdFields,
  members: z.array(PersonCreateSchema).min(1).max(MAX_MEMBERS).describe('家庭成员, exactly one of them the head (relation 02)'),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

export const HouseholdUpdateSchema = z
  .object({
    regionCode: householdFields.regionCode,
    householdType: householdFields.householdType,
    isLifted: z.boolean(),
    liftedCategory: householdFields.liftedCategory,
    monitoringType: householdFields.monitoringType,
    riskTypes: z.array(dictCode('risk_type')).max(MAX_RISK_TYPES),
    housingSecure: z.boolean().nullable(),
    waterSecure: z.boolean().nullable(),
    educationSecure: z.boolean().nullable(),
    medicalSecure: z.boolean().nullable(),
    address: householdFields.address,
    phone,
    liftedYear: householdFields.liftedYear,
    note: householdFields.note,
    version: VersionSchema,
  })
  .partial();
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;

/** List warnings every pack knows; any household rule id of the county's pack in force this year is one too (e.g. H1). */
export const HOUSEHOLD_WARNINGS = ['H1', 'identification_overdue'] as const;

export const HouseholdListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('only households in this region and below (default: the user’s scope)'),
  householdType: z.string().max(48).optional(),
  monitoringType: z.string().max(48).optional(),
  monitoringStatus: z.string().max(16).optional().describe('监测状态 (dict monitoring_status)'),
  isLifted: z.enum(['true', 'false']).optional().describe('是否脱贫户'),
  laborCapacity: z.string().max(48).optional().describe('any (active) member has this labour capacity'),
  status: z.enum(['active', 'exited']).default('active').describe('active households, or (admin only) those that left by 自然减少'),
  riskType: z.string().max(48).optional(),
  warning: z
    .union([z.literal('identification_overdue'), z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'a household rule id such as H1, or identification_overdue')])
    .optional()
    .describe('households failing a household rule of the county’s pack in force this year (a rule id, e.g. H1; stored rule results), or identification_overdue'),
  q: z.string().trim().max(64).optional().describe('户编号, member name prefix or ID number'),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

export const HouseholdListItemSchema = z.object({
  id: z.number().int(),
  householdNo: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  townshipName: z.string().nullable().describe('乡镇'),
  villageName: z.string().nullable().describe('村'),
  groupName: z.string().nullable().describe('组, when the household is registered in a village group'),
  householdType: z.string(),
  isLifted: z.boolean().describe('是否脱贫户'),
  liftedCategory: z.string().nullable(),
  monitoringType: z.string().nullable(),
  monitoringStatus: z.string(),
  riskTypes: z.array(z.string()),
  headName: z.string().nullable(),
  headIdNumber: z.string().nullable().describe('masked unless the role may see personal information'),
  memberCount: z.number().int().describe('members still in the registry'),
  phone: z.string().nullable().describe('masked unless the role may see personal information'),
  exitReason: z.string().nullable().describe('自然减少原因, for households that left the registry'),
  exitDate: z.string().nullable(),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItemSchema>;
export const HouseholdListSchema = pageOf(HouseholdListItemSchema);

// ---------- incomes (收入) ----------
/** an amount in 元: never negative (expenses are their own fields), at most 2 decimals (MoneySchema) */
const money = MoneySchema;
export const IncomeUpsertSchema = z.object({
  wage: money.default(0).describe('工资性收入 (元)'),
  business: money.default(0).describe('生产经营性收入 (元)'),
  businessExpense: money.default(0).describe('生产经营性支出 (元)'),
  property: money.default(0).describe('财产性收入 (元)'),
  transfer: money.default(0).describe('转移性收入 (元)'),
  claimIncome: money.optional().describe('理赔收入 (元); kept when omitted'),
  compliantSelfPaid: money.optional().describe('合规自付支出 (元); kept when omitted'),
  memberCount: z.number().int().min(1).max(99).optional().describe('家庭人口数 (default: current member count)'),
  version: VersionSchema.optional().describe('the version of the year read; required when the year is recorded (or If-Match)'),
});
export type IncomeUpsert = z.infer<typeof IncomeUpsertSchema>;
/** A new year's income: refused with 409 when the year is already recorded (edit it with PUT instead). */
export const IncomeCreateSchema = IncomeUpsertSchema.omit({ version: true }).extend({ year: z.number().int().min(2000).max(2100).describe('年度') });
export type IncomeCreate = z.infer<typeof IncomeCreateSchema>;
export const IncomeYearParamSchema = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });

export const IncomeViewSchema = z.object({
  year: z.number().int(),
  wage: z.number(),
  business: z.number(),
  businessExpense: z.number(),
  property: z.number(),
  transfer: z.number(),
  claimIncome: z.number().describe('理赔收入'),
  compliantSelfPaid: z.number().describe('合规自付支出'),
  memberCount: z.number().int(),
  netIncome: z.number().describe('家庭纯收入'),
  perCapita: z.number().describe('人均纯收入'),
  yoyChange: z.number().nullable().describe('change of 人均纯收入 against the previous year'),
  yoyRate: z.number().nullable(),
  fromLinkages: z
    .object({ wage: z.number(), business: z.number(), property: z.number(), transfer: z.number() })
    .optional()
    .describe('of these figures, what was carried in from 联农带农 linkages (元, by income type); absent when none'),
  fromDistributions: z
    .array(
      z.object({
        distributionId: z.number().int(),
        villageName: z.string().nullable().describe('the village whose collective distributed'),
        half: z.number().int().nullable().describe('1 上半年, 2 下半年, null 全年'),
        incomeType: z.enum(['wage', 'property']).describe('工资性收入 (按劳取酬) or 财产性收入 (基础保障)'),
        amountYuan: z.number(),
      }),
    )
    .optional()
    .describe('of these figures, what confirmed 村集体产业收益分配 carried in (元); absent when none'),
  version: VersionSchema,
});
export type IncomeView = z.infer<typeof IncomeViewSchema>;

// ---------- support measures (帮扶措施) ----------
export const MeasureCreateSchema = z.object({
  category: dictCode('measure_category'),
  description: nullableText(),
  year: z.number().int().min(2000).max(2100),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
  helperId: z.number().int().positive().nullable().optional(),
  amountYuan: MoneySchema.nullable().optional(),
});
export type MeasureCreate = z.infer<typeof MeasureCreateSchema>;
export const MeasureUpdateSchema = MeasureCreateSchema.partial().extend(VersionedSaveSchema.shape);
export type MeasureUpdate = z.infer<typeof MeasureUpdateSchema>;
export const MeasureViewSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  category: z.string(),
  description: z.string().nullable(),
  year: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  helperId: z.number().int().nullable(),
  amountYuan: z.number().nullable(),
  developmental: z.boolean().describe('开发式 measure (dictionary attr)'),
  version: VersionSchema,
});
export type MeasureView = z.infer<typeof MeasureViewSchema>;

// ---------- monitoring cases (监测识别与风险消除) ----------
const caseDates = {
  leadSource: dictCode('lead_source').nullable().optional(),
  leadDate: IsoDateSchema.nullable().optional().describe('线索发现日期'),
  homeVisitDate: IsoDateSchema.nullable().optional().describe('入户核实'),
  infoCheckDate: IsoDateSchema.nullable().optional().describe('信息比对'),
  villageReviewDate: IsoDateSchema.nullable().optional().describe('村级民主评议'),
  publicityStart: IsoDateSchema.nullable().optional().describe('公示开始'),
  publicityEnd: IsoDateSchema.nullable().optional().describe('公示结束 (≥ 5 days)'),
  townshipReviewDate: IsoDateSchema.nullable().optional().describe('乡镇审核'),
  countyApprovalDate: IsoDateSchema.nullable().optional().describe('县级审批 (completes identification)'),
  incomeStableSince: IsoDateSchema.nullable().optional().describe('date from which income stays above the monitoring line'),
  commitmentDate: IsoDateSchema.nullable().optional().describe('承诺授权书签订日期'),
  riskTypes: z.array(dictCode('risk_type')).max(MAX_RISK_TYPES).optional().describe('风险类型 of the case, at most 5'),
  note: nullableText(),
};
export const MonitoringCaseCreateSchema = z.object({ monitoringType: dictCode('monitoring_type'), ...caseDates });
export type MonitoringCaseCreate = z.infer<typeof MonitoringCaseCreateSchema>;
export const MonitoringCaseUpdateSchema = MonitoringCaseCreateSchema.partial().extend(VersionedSaveSchema.shape);
export type MonitoringCaseUpdate = z.infer<typeof MonitoringCaseUpdateSchema>;
export const MonitoringEliminateSchema = z.object({
  eliminationMethod: dictCode('elimination_method').describe('assisted 帮扶消除 | natural 自然消除'),
  eliminationDate: IsoDateSchema,
  incomeStableSince: IsoDateSchema.optional(),
  note: nullableText(),
  version: VersionSchema.optional().describe('the version of the case read (or If-Match)'),
});
export type MonitoringEliminate = z.infer<typeof MonitoringEliminateSchema>;
export const MonitoringCaseViewSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  monitoringType: z.string(),
  leadSource: z.string().nullable(),
  leadDate: z.string().nullable(),
  homeVisitDate: z.string().nullable(),
  infoCheckDate: z.string().nullable(),
  villageReviewDate: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  townshipReviewDate: z.string().nullable(),
  countyApprovalDate: z.string().nullable(),
  status: z.string(),
  eliminationMethod: z.string().nullable(),
  eliminationDate: z.string().nullable(),
  incomeStableSince: z.string().nullable(),
  note: z.string().nullable(),
  stage: z
    .string()
    .describe('where the case waits: village → township_review → county_approval → approved; elim_village → elim_township_review → elim_county_approval → eliminated'),
  returnReason: z.string().nullable().describe('退回原因 of the last return'),
  returnedAt: z.string().nullable(),
  riskTypes: z.array(z.string()),
  commitmentDate: z.string().nullable().describe('承诺授权书签订日期'),
  elimHomeVisitDate: z.string().nullable(),
  elimPublicityStart: z.string().nullable(),
  elimPublicityEnd: z.string().nullable(),
  elimTownshipReviewDate: z.string().nullable(),
  elimCountyApprovalDate: z.string().nullable(),
  rigidExpenseResolved: z.boolean().nullable(),
  noNewRisk: z.boolean().nullable(),
  version: VersionSchema,
});
export type MonitoringCaseView = z.infer<typeof MonitoringCaseViewSchema>;

// ---------- helpers (帮扶责任人) ----------
export const HelperCreateSchema = z.object({
  regionCode: RegionCodeSchema,
  name: z.string().trim().min(1).max(API_LIMITS.nameMax),
  role: dictCode('helper_role'),
  organisation: nullableText(200),
  phone,
});
export type HelperCreate = z.infer<typeof HelperCreateSchema>;
export const HelperViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  version: VersionSchema.describe('版本号 of the helper record'),
});
export type HelperView = z.infer<typeof HelperViewSchema>;
export const HelperListQuerySchema = PageQuerySchema.extend({ regionCode: RegionCodeSchema.optional(), q: z.string().trim().max(64).optional() });
export const HelperListSchema = pageOf(HelperViewSchema);
export const HouseholdHelperAssignSchema = z.object({
  helperId: z.number().int().positive(),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
});
export type HouseholdHelperAssign = z.infer<typeof HouseholdHelperAssignSchema>;
export const HouseholdHelperViewSchema = HelperViewSchema.extend({
  helperId: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

// ---------- detail ----------
export const HouseholdViewSchema = HouseholdListItemSchema.extend({
  monitoringSince: z.string().nullable().describe('识别监测时间'),
  eliminatedAt: z.string().nullable().describe('风险消除时间, when 监测状态 is 风险已消除'),
  eliminationMethod: z.string().nullable().describe('风险消除方式 (dict elimination_method)'),
  exitNote: z.string().nullable(),
  housingSecure: z.boolean().nullable(),
  waterSecure: z.boolean().nullable(),
  educationSecure: z.boolean().nullable(),
  medicalSecure: z.boolean().nullable(),
  address: z.string().nullable(),
  liftedYear: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: VersionSchema.describe('版本号 of the household record: send it back with PATCH, exit and restore (or If-Match)'),
  members: z.array(PersonViewSchema),
  incomes: z.array(IncomeViewSchema).describe('by year, with 人均纯收入 and year-on-year change'),
  measures: z.array(MeasureViewSchema),
  monitoringCases: z.array(MonitoringCaseViewSchema),
  helpers: z.array(HouseholdHelperViewSchema),
});
export type HouseholdView = z.infer<typeof HouseholdViewSchema>;
