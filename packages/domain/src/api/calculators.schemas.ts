// Zod schemas of the calculators API (issue 7 §7): S1 facility subsidy, C1 microcredit, loans and repayments,
// facility subsidies of a project or household.
import { z } from 'zod';
import { S1_KINDS } from '../calculators/s1.ts';
import { IsoDateSchema, moneySchema, nullableText, PageQuerySchema, pageOf, RegionCodeSchema, VersionSchema, VersionedSaveSchema } from './common.schemas.ts';

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6 * Math.max(1, Math.abs(v));

/** 亩 with at most 2 decimals (numeric(12,2)); up to 100 000 亩 so that 亩 × 元 stays exact in 分. */
export const AreaMuSchema = z.number().min(0).max(100_000).refine(twoDecimals, '最多两位小数 (at most 2 decimals)').describe('面积（亩），最多两位小数');
const PackIdSchema = z.string().min(1).max(64).optional().describe('政策包 id (e.g. jincheng); absent = the caller county’s active pack');
const NoticeSchema = z.object({ path: z.string().describe('the field it is about'), messageZh: z.string(), messageEn: z.string() });

export const S1KindSchema = z.enum(S1_KINDS).describe('补助类别: 冷凉蔬菜 / 日光温室 / 全钢架大棚 / 改造老旧温室 / 药茶基地');

export const S1CalcInputSchema = z.object({
  packId: PackIdSchema,
  kind: S1KindSchema,
  areaMu: AreaMuSchema.describe('面积（亩）; 冷凉蔬菜: the contiguous area (集中连片)'),
  claimedYuanPerMu: moneySchema({ maxYuan: 10_000_000 }).nullable().optional().describe('改造老旧温室: 每亩申报改造金额（元）; capped by the pack'),
});
export type S1CalcInput = z.infer<typeof S1CalcInputSchema>;

export const S1CalcResultSchema = z.object({
  packId: z.string(),
  eligible: z.boolean().describe('符合补助条件'),
  amountYuan: z.number().describe('补助金额（元）'),
  steps: z.array(z.string()).describe('the working in words (Chinese)'),
  stepsEn: z.array(z.string()),
  clause: z.string().describe('条款: 文号 and section, e.g. 晋市农发〔2023〕52号 二(二)2'),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type S1CalcResult = z.infer<typeof S1CalcResultSchema>;

/** Yearly rate in percent with at most 2 decimals (3.45 = 3.45 %; stored as 0.0345). */
export const AnnualRateSchema = z.number().gt(0).max(99.99).refine(twoDecimals, '最多两位小数 (at most 2 decimals)').describe('年利率（%），如 LPR 3.45 表示 3.45%');

export const C1CalcInputSchema = z.object({
  packId: PackIdSchema,
  amountYuan: moneySchema({ maxYuan: 100_000_000 }).describe('贷款金额（元）'),
  termYears: z
    .number()
    .gt(0)
    .max(30)
    .refine((v) => Math.abs(Math.round(v * 12) - v * 12) < 1e-9, '期限须为整月 (whole months)')
    .describe('贷款期限（年），须为整月，如 1.5'),
  annualRate: AnnualRateSchema,
  needsAndCanRepay: z.boolean().default(false).describe('有需求、能还款 (allows up to 10 万元)'),
});
export type C1CalcInput = z.infer<typeof C1CalcInputSchema>;

export const C1CalcResultSchema = z.object({
  packId: z.string(),
  accepted: z.boolean(),
  refusals: z.array(NoticeSchema).describe('why the loan cannot be granted under C1'),
  warnings: z.array(NoticeSchema),
  interestSubsidyYuan: z.number().describe('贴息总额（元）over the whole term: interest paid through the term, principal at maturity'),
  subsidisedPrincipalYuan: z.number().describe('贴息本金（元）: the part ≤ 5 万'),
  steps: z.array(z.string()).describe('the working in words (Chinese)'),
  stepsEn: z.array(z.string()),
  clause: z.string(),
});
export type C1CalcResult = z.infer<typeof C1CalcResultSchema>;

// ---------- loans (脱贫人口小额信贷) ----------
export const LOAN_STATUSES = ['active', 'repaid', 'overdue'] as const;
const loanFields = {
  personId: z.number().int().positive().nullable().optional().describe('借款人 (a member of the household)'),
  amountYuan: moneySchema({ maxYuan: 100_000_000 }).describe('贷款金额（元）'),
  termMonths: z.number().int().min(1).max(360).describe('贷款期限（月）'),
  annualRate: AnnualRateSchema,
  startDate: IsoDateSchema.describe('放贷日期'),
  maturityDate: IsoDateSchema.optional().describe('到期日期; absent = start + term'),
  needsAndCanRepay: z.boolean().default(false).describe('有需求、能还款'),
  purpose: nullableText(200).describe('贷款用途 (for production)'),
  lender: nullableText(100).describe('放贷银行'),
  note: nullableText(),
};
export const LoanCreateSchema = z.object(loanFields);
export type LoanCreate = z.infer<typeof LoanCreateSchema>;
export const LoanUpdateSchema = z
  .object({ ...loanFields, needsAndCanRepay: z.boolean().optional().describe('有需求、能还款'), status: z.enum(LOAN_STATUSES).optional().describe('active | repaid | overdue') })
  .partial()
  .extend(VersionedSaveSchema.shape);
export type LoanUpdate = z.infer<typeof LoanUpdateSchema>;

export const RepaymentViewSchema = z.object({
  id: z.number().int(),
  loanId: z.number().int(),
  paidOn: z.string(),
  principalYuan: z.number(),
  interestYuan: z.number(),
  version: VersionSchema,
});
export type RepaymentView = z.infer<typeof RepaymentViewSchema>;
export const RepaymentCreateSchema = z.object({
  paidOn: IsoDateSchema.describe('还款日期'),
  principalYuan: moneySchema({ maxYuan: 100_000_000 }).default(0).describe('归还本金（元）'),
  interestYuan: moneySchema({ maxYuan: 100_000_000 }).default(0).describe('支付利息（元）'),
});
export type RepaymentCreate = z.infer<typeof RepaymentCreateSchema>;

export const ScheduleSegmentSchema = z.object({
  from: z.string(),
  to: z.string(),
  outstandingYuan: z.number(),
  subsidisedYuan: z.number(),
  months: z.number().int(),
  days: z.number().int(),
  interestYuan: z.number(),
});

export const LoanViewSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  regionCode: z.string(),
  personId: z.number().int().nullable(),
  borrowerName: z.string().nullable(),
  amountYuan: z.number(),
  termMonths: z.number().int(),
  annualRate: z.number().describe('年利率（%）'),
  startDate: z.string(),
  maturityDate: z.string(),
  needsAndCanRepay: z.boolean(),
  purpose: z.string().nullable(),
  lender: z.string().nullable(),
  status: z.string(),
  interestSubsidyYuan: z.number().describe('贴息（元）from the loan’s own schedule'),
  outstandingYuan: z.number(),
  note: z.string().nullable(),
  version: VersionSchema,
  repayments: z.array(RepaymentViewSchema),
  schedule: z.array(ScheduleSegmentSchema),
  warnings: z.array(NoticeSchema),
  clause: z.string(),
});
export type LoanView = z.infer<typeof LoanViewSchema>;
export const LoanListSchema = z.object({ items: z.array(LoanViewSchema) });

export const LoanListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional(),
  status: z.enum(LOAN_STATUSES).optional(),
});
export const LoanRowSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  amountYuan: z.number(),
  termMonths: z.number().int(),
  annualRate: z.number(),
  startDate: z.string(),
  maturityDate: z.string(),
  status: z.string(),
  interestSubsidyYuan: z.number(),
  version: VersionSchema,
});
export const LoanPageSchema = pageOf(LoanRowSchema);

// ---------- facility subsidies (S1 on a project or a household) ----------
export const SubsidyCreateSchema = z.object({
  kind: S1KindSchema,
  areaMu: AreaMuSchema,
  claimedYuanPerMu: moneySchema({ maxYuan: 10_000_000 }).nullable().optional().describe('改造老旧温室: 每亩申报金额（元）'),
  year: z.number().int().min(2000).max(2100).optional().describe('年度; absent = this year'),
});
export type SubsidyCreate = z.infer<typeof SubsidyCreateSchema>;
export const SubsidyViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int().nullable(),
  householdId: z.number().int().nullable(),
  regionCode: z.string(),
  kind: z.string(),
  areaMu: z.number(),
  amountYuan: z.number(),
  packId: z.string(),
  year: z.number().int(),
  version: VersionSchema,
});
export type SubsidyView = z.infer<typeof SubsidyViewSchema>;
export const SubsidyCreatedSchema = SubsidyViewSchema.extend({ steps: z.array(z.string()), clause: z.string() });
export const SubsidyListSchema = z.object({ items: z.array(SubsidyViewSchema) });
