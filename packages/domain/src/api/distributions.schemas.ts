// Zod schemas of the distribution API (issue 8 §3, A2 004 §五): a village collective's industry income paid out to its
// 脱贫户 and 监测户 — proposed from the rules and the registry, adjusted by the officer, confirmed (each line then becomes
// the household's wage or property income). Money is 元 at the edge (≤ 2 decimals), integer 分 inside.
import { z } from 'zod';
import { DISTRIBUTION_LINE_KINDS } from '../assets/asset-codes.ts';
import { yuanToFen } from '../money/money.ts';
import { PageQuerySchema, RegionCodeSchema, VersionSchema, moneySchema, nullableText, pageOf } from './common.schemas.ts';

const YearSchema = z.number().int().min(2013).max(2100).describe('年度');
const HalfSchema = z
  .union([z.literal(1), z.literal(2)])
  .nullable()
  .optional()
  .describe('半年度: 1 = 上半年, 2 = 下半年; null = 全年');
const VillageCodeSchema = RegionCodeSchema.refine((c) => c.length === 12, { message: 'a village code has 12 digits (须为 12 位行政村代码)' }).describe(
  '行政村 (12-digit code): the collective whose income is distributed',
);
const PositiveMoney = (what: string) => moneySchema().refine((v) => v > 0, { message: `${what} must be more than 0 (须大于 0)` });
const WorkUnitsSchema = z
  .number()
  .min(0, 'work units must be ≥ 0 (劳动量不能为负数)')
  .max(100_000, 'work units at most 100 000 (劳动量不超过 100000)')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'at most 2 decimals (劳动量最多两位小数)' });

export const DistributionLineKindSchema = z
  .enum(DISTRIBUTION_LINE_KINDS)
  .describe('分配方式 (dict distribution_line_kind): work 按劳取酬 (工资性收入), base 基础保障 (财产性收入)');

export const DistributionLineInputSchema = z.object({
  householdId: z.number().int().positive().describe('农户 (households.id): a 脱贫户 or 监测户 of the village'),
  kind: DistributionLineKindSchema,
  workUnits: WorkUnitsSchema.nullable().optional().describe('劳动量 (公益性劳动、务工天数) a work line is paid for'),
  amountYuan: moneySchema().describe('分配金额 (元, ≤ 2 decimals)'),
});
export type DistributionLineInput = z.infer<typeof DistributionLineInputSchema>;

/** Lines: one per household, adding up to `totalYuan` when it is given (to the 分). */
const linesSchema = z
  .array(DistributionLineInputSchema)
  .min(1, 'at least one household (至少一户)')
  .max(5000)
  .superRefine((lines, ctx) => {
    const seen = new Set<number>();
    lines.forEach((l, i) => {
      if (seen.has(l.householdId)) ctx.addIssue({ code: 'custom', path: [i, 'householdId'], message: 'the household is listed twice (同一农户重复列出)' });
      seen.add(l.householdId);
    });
  })
  .describe('分配明细: one line per household');

function linesMatchTotal(v: { totalYuan?: number | null; lines?: DistributionLineInput[] }, ctx: z.RefinementCtx): void {
  if (v.totalYuan === undefined || v.totalYuan === null || !v.lines) return;
  const sum = v.lines.reduce((a, l) => a + yuanToFen(l.amountYuan), 0);
  if (sum !== yuanToFen(v.totalYuan)) {
    ctx.addIssue({ code: 'custom', path: ['totalYuan'], message: `the lines add up to ${sum / 100} yuan, not the total (分配明细合计 ${sum / 100} 元与分配总额不符)` });
  }
}

/** `PATCH /api/v1/distributions/:id`: a draft's income, lines or note (send the version read). */
export const DistributionPatchSchema = z
  .object({
    collectiveIncomeYuan: PositiveMoney('the collective industry income').optional().describe('村集体产业收益 (元)'),
    totalYuan: moneySchema().nullable().optional().describe('分配总额 (元)'),
    lines: linesSchema.optional(),
    note: nullableText(500).describe('备注'),
    version: VersionSchema.optional(),
  })
  .superRefine(linesMatchTotal);
export type DistributionPatch = z.infer<typeof DistributionPatchSchema>;

/** `POST /api/v1/distributions/:id/confirm`: refused below A2's share; each line becomes household income of `year`. */
export const DistributionConfirmSchema = z.object({ version: VersionSchema.optional() });
export type DistributionConfirm = z.infer<typeof DistributionConfirmSchema>;

/** The base share of households without labour: a fixed amount each, or a share of the amount split equally. */
export const BaseShareSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('per_household'), amountYuan: moneySchema().describe('每户基础保障 (元)') }),
    z.object({
      mode: z.literal('pool'),
      share: z.number().min(0, 'between 0 and 1 (须在 0 至 1 之间)').max(1, 'between 0 and 1 (须在 0 至 1 之间)').describe('基础保障占可分配金额的比例 (0..1), split equally'),
    }),
  ])
  .describe('基础保障 of households without labour');
export type BaseShare = z.infer<typeof BaseShareSchema>;

/** `POST /api/v1/distributions/propose`: a draft from the rules and the registry (the officer then adjusts it). */
export const DistributionProposeSchema = z.object({
  regionCode: VillageCodeSchema,
  year: YearSchema,
  half: HalfSchema,
  collectiveIncomeYuan: PositiveMoney('the collective industry income')
    .optional()
    .describe('村集体产业收益 (元); default: the period’s income of the village collective’s assets (the basis)'),
  amountYuan: moneySchema()
    .optional()
    .describe('可分配金额 (元) paid to the 脱贫户 and 监测户; default: the collective income × the pack’s A2 share, rounded up to the 分 (the whole income without A2)'),
  base: BaseShareSchema.optional().describe('基础保障; default: each household without labour gets the average share per household'),
  work: z
    .array(z.object({ householdId: z.number().int().positive(), workUnits: WorkUnitsSchema.describe('劳动量') }))
    .max(5000)
    .optional()
    .describe('work done by households with labour (公益性劳动、务工天数); default: 1 unit for each household with labour'),
  note: nullableText(500).describe('备注'),
});
export type DistributionPropose = z.infer<typeof DistributionProposeSchema>;

/** `GET /api/v1/distributions/basis`: what a proposal starts from. */
export const DistributionBasisQuerySchema = z.object({
  regionCode: VillageCodeSchema,
  year: z.coerce.number().int().min(2013).max(2100).describe('年度'),
  half: z.coerce.number().int().min(1).max(2).optional().describe('半年度 1/2; absent = 全年'),
});
export type DistributionBasisQuery = z.infer<typeof DistributionBasisQuerySchema>;

export const DistributionPolicySchema = z.object({
  minShare: z.number().nullable().describe('A2’s threshold in the county’s pack (0.7); null when the pack has no A2'),
  clause: z.string().describe('the pack’s clause of A2 (文号 §), empty without A2'),
  noteZh: z.string().nullable().describe('本县政策包未规定… when the pack has no A2'),
  noteEn: z.string().nullable(),
});

export const DistributionBasisSchema = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number().int(),
  half: z.number().int().nullable(),
  collectiveIncomeYuan: z.number().describe('the period’s income of the village collective’s assets (元)'),
  assets: z.array(z.object({ id: z.number().int(), assetNo: z.string(), name: z.string(), incomeYuan: z.number() })).describe('the assets the basis sums'),
  households: z.object({ lifted: z.number().int(), monitored: z.number().int(), withLabor: z.number().int(), withoutLabor: z.number().int() }),
  policy: DistributionPolicySchema,
});
export type DistributionBasis = z.infer<typeof DistributionBasisSchema>;

/** `POST /api/v1/distributions/:id/cancel`: a draft is dropped, a confirmed one's incomes are taken back out. */
export const DistributionCancelSchema = z.object({
  reason: z.string().trim().min(1).max(500).describe('撤销原因'),
  editedIncomes: z
    .enum(['reverse', 'keep'])
    .optional()
    .describe(
      'households whose income of the year was changed by hand or by import after the confirmation: reverse = take the distribution back out of their incomes as for the others, keep = leave their incomes as they are (named in the note). Without it such households make the cancel a 409 INVALID_TRANSITION with details.editedHouseholds (户编号)',
    ),
  version: VersionSchema.optional(),
});
export type DistributionCancel = z.infer<typeof DistributionCancelSchema>;

const LineHouseholdFields = {
  householdId: z.number().int(),
  householdNo: z.string().describe('户编号'),
  headName: z.string().nullable().describe('户主姓名 (masked for masked roles)'),
  householdType: z.string().describe('户类型 (dict household_type)'),
  kind: DistributionLineKindSchema,
  workUnits: z.number().nullable(),
  amountYuan: z.number().describe('分配金额 (元)'),
  hasLabor: z.boolean().describe('有劳动能力 (a member who can work)'),
};

export const DistributionViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number().int(),
  half: z.number().int().nullable(),
  collectiveIncomeYuan: z.number().describe('村集体产业收益 (元)'),
  totalYuan: z.number().describe('分配总额: the lines’ sum (元)'),
  liftedMonitoredYuan: z.number().describe('其中分配给脱贫户和监测户 (元)'),
  share: z.number().nullable().describe('liftedMonitored ÷ collective income, 4 decimals (A2)'),
  minShare: z.number().nullable().describe('A2’s threshold in the county’s pack (0.7); null without A2'),
  policy: DistributionPolicySchema,
  status: z.enum(['draft', 'confirmed', 'cancelled']),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(z.object({ id: z.number().int(), ...LineHouseholdFields, carriedAt: z.string().nullable().describe('计入农户收入的时间') })),
  version: VersionSchema,
});
export type DistributionView = z.infer<typeof DistributionViewSchema>;

export const DistributionListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('villages under this region'),
  year: z.coerce.number().int().min(2013).max(2100).optional().describe('年度'),
  status: z.enum(['draft', 'confirmed', 'cancelled']).optional(),
});
export type DistributionListQuery = z.infer<typeof DistributionListQuerySchema>;
export const DistributionPageSchema = pageOf(DistributionViewSchema.omit({ lines: true }).extend({ lineCount: z.number().int() }));
export type DistributionPage = z.infer<typeof DistributionPageSchema>;
