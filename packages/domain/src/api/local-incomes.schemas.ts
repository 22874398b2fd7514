import { z } from 'zod';
import { RegionCodeSchema, VersionSchema, moneySchema } from './common.schemas.ts';

// 当地农民人均可支配收入 per region and year (H6 compares 脱贫 households' income growth with it, 003 §一(二)4).

export const LocalIncomeQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional().describe('the region whose figures (and those of the regions above it) are listed; default the caller’s own'),
});
export type LocalIncomeQuery = z.infer<typeof LocalIncomeQuerySchema>;

export const LocalIncomeParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('the year the figure is for') });

export const LocalIncomePutSchema = z.object({
  regionCode: RegionCodeSchema.describe('the county (or township) the figure is published for'),
  perCapitaIncomeYuan: moneySchema({ maxYuan: 10_000_000 })
    .refine((v) => v > 0, { message: 'must be more than 0 (人均可支配收入须大于 0)' })
    .describe('当地农民人均可支配收入, 元 per person'),
  source: z.string().trim().min(1, '数据来源不能为空 (source is required)').max(200).describe('数据来源, e.g. 统计公报 of the year'),
  version: VersionSchema.optional(),
});
export type LocalIncomePut = z.infer<typeof LocalIncomePutSchema>;

export const LocalIncomeViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number().int(),
  perCapitaIncomeYuan: z.number(),
  source: z.string().nullable(),
  /** growth against the same region's figure of the year before (0.08 = +8 %), null without it */
  growth: z.number().nullable().describe('growth over the same region’s figure of the year before (0.08 = +8 %); null without one'),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LocalIncomeView = z.infer<typeof LocalIncomeViewSchema>;

export const LocalIncomeListSchema = z.object({
  items: z.array(LocalIncomeViewSchema),
  /** whether the caller may enter figures (county staff) */
  writable: z.boolean(),
});
export type LocalIncomeList = z.infer<typeof LocalIncomeListSchema>;
