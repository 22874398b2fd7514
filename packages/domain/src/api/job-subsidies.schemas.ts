// Zod schemas of the 就业补助 API (issue 8 §5): the eligible lists of J1 一次性交通补助, J2 一次性创业补助 and J3 一次性吸纳就业
// 补贴 per year, with their payments (subsidy_payments; 元 at the edge, 分 in the database), a payment, its 撤销.
import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, nullableText } from './common.schemas.ts';

export const JobSubsidyKindSchema = z.enum(['travel', 'startup', 'hiring']).describe('travel 一次性交通补助 (J1) | startup 一次性创业补助 (J2) | hiring 一次性吸纳就业补贴 (J3)');

const YearSchema = z.number().int().min(2000).max(2100);

/** `GET /api/v1/job-subsidies`: the eligible list of one kind and year. */
export const JobSubsidyListQuerySchema = PageQuerySchema.extend({
  kind: JobSubsidyKindSchema.default('travel'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('发放年度 (default: this year); J1 is once a year, J2 and J3 once'),
  regionCode: RegionCodeSchema.optional().describe('a region in scope (default: the user’s own)'),
  status: z.enum(['all', 'paid', 'unpaid']).default('all').describe('已发放 / 未发放'),
  q: z.string().trim().max(API_LIMITS.nameMax).optional().describe('name prefix or 户编号 of the person'),
});
export type JobSubsidyListQuery = z.infer<typeof JobSubsidyListQuerySchema>;
export type JobSubsidyExportQuery = Omit<JobSubsidyListQuery, 'page' | 'pageSize'>;

/** The county's terms of the kind (its policy pack): clause, cap / amount / months, the prefilled amount. */
export const JobSubsidyTermsViewSchema = z.object({
  inForce: z.boolean().describe('false: the county’s policy pack does not set this subsidy'),
  ruleId: z.enum(['J1', 'J2', 'J3']),
  clause: z.string().nullable(),
  clauseText: z.string().nullable().describe('the clause as 文号 + section'),
  maxYuan: z.number().nullable().describe('J1: 不超过 (元)'),
  amountYuan: z.number().nullable().describe('J2: the fixed amount (元)'),
  minStableMonths: z.number().int().nullable().describe('J3: months of stable work required'),
  defaultAmountYuan: z.number().nullable().describe('the amount a payment is prefilled with (J3: none, the county sets it)'),
  noteZh: z.string().nullable(),
});
export type JobSubsidyTermsView = z.infer<typeof JobSubsidyTermsViewSchema>;

export const JobSubsidyPaymentViewSchema = z.object({
  id: z.number().int(),
  kind: JobSubsidyKindSchema,
  year: z.number().int(),
  personId: z.number().int(),
  householdId: z.number().int(),
  entityId: z.number().int().nullable(),
  regionCode: z.string(),
  amountYuan: z.number(),
  paidOn: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type JobSubsidyPaymentView = z.infer<typeof JobSubsidyPaymentViewSchema>;

export const JobSubsidyItemSchema = z.object({
  personId: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked (4101**********1234) for township, village and viewer roles'),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  householdType: z.string().nullable(),
  employmentStatus: z.string().nullable(),
  employmentChannel: z.string().nullable(),
  workMonths: z.number().int().nullable(),
  entityId: z.number().int().nullable().describe('J3: the entity that hired the person'),
  entityName: z.string().nullable(),
  eligible: z.boolean().describe('false: paid earlier, no longer eligible on the record as it stands'),
  reasonsZh: z.array(z.string()).describe('why not eligible (empty when eligible)'),
  payment: JobSubsidyPaymentViewSchema.nullable().describe('the payment of the slot (J1 of the year, J2 ever, J3 of the pair); null = 未发放'),
});
export type JobSubsidyItem = z.infer<typeof JobSubsidyItemSchema>;

export const JobSubsidyPageSchema = z.object({
  kind: JobSubsidyKindSchema,
  year: z.number().int(),
  terms: JobSubsidyTermsViewSchema,
  items: z.array(JobSubsidyItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  paidCount: z.number().int().describe('in the whole list (all pages)'),
  paidYuan: z.number().describe('sum paid in the whole list (元)'),
});
export type JobSubsidyPage = z.infer<typeof JobSubsidyPageSchema>;

/** `POST /api/v1/job-subsidies/payments`: record a payment; eligibility and the once-only rule are checked again. */
export const JobSubsidyPaymentCreateSchema = z.object({
  kind: JobSubsidyKindSchema,
  personId: z.number().int().positive().describe('the worker (J1), the business owner (J2), the person hired (J3)'),
  entityId: z.number().int().positive().nullable().optional().describe('J3: the entity paid (the person’s 务工企业)'),
  year: YearSchema.describe('发放年度'),
  amountYuan: MoneySchema.describe('发放金额 (元): J1 ≤ the pack’s cap, J2 exactly the pack’s amount, J3 as the county sets'),
  paidOn: IsoDateSchema.describe('发放日期'),
  note: nullableText(500).describe('备注'),
});
export type JobSubsidyPaymentCreate = z.infer<typeof JobSubsidyPaymentCreateSchema>;

/** `POST /api/v1/job-subsidies/payments/batch`: pay the selected eligible persons the prefilled amount (J1, J2). */
export const JobSubsidyBatchSchema = z.object({
  kind: z.enum(['travel', 'startup']).describe('J1 or J2 (J3 amounts are set one by one)'),
  personIds: z.array(z.number().int().positive()).min(1).max(500).describe('the selected persons'),
  year: YearSchema.describe('发放年度'),
  paidOn: IsoDateSchema.describe('发放日期'),
});
export type JobSubsidyBatch = z.infer<typeof JobSubsidyBatchSchema>;

export const JobSubsidyBatchResultSchema = z.object({
  created: z.number().int(),
  refused: z.array(z.object({ personId: z.number().int(), reasonZh: z.string(), reasonEn: z.string() })).describe('not paid, with the reason'),
});
export type JobSubsidyBatchResult = z.infer<typeof JobSubsidyBatchResultSchema>;

export const JobSubsidyVersionQuerySchema = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('the version read (or If-Match)') });
