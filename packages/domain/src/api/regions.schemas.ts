import { z } from 'zod';
import { RegionCodeSchema } from './common.schemas.ts';

export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village', 'group'] as const;
export const RegionLevelSchema = z.enum(REGION_LEVELS);

export type RegionNode = { code: string; name: string; level: (typeof REGION_LEVELS)[number]; children: RegionNode[] };
export const RegionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema, children: z.array(RegionNodeSchema) }),
);

export const RegionTreeQuerySchema = z.object({
  root: RegionCodeSchema.optional().describe('root of the tree (default: the user’s own region)'),
  depth: z.coerce.number().int().min(0).max(5).default(3).describe('levels below the root'),
});
export const RegionTreeSchema = z.array(RegionNodeSchema);

export const RegionCodeParamSchema = z.object({ code: RegionCodeSchema });

/** Household counts by household type code, plus `total`. */
export const CountsByTypeSchema = z.record(z.string(), z.number().int());

export const RegionDetailSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema })).describe('ancestors from the top, within scope'),
  householdCounts: CountsByTypeSchema.describe('households in this region by type, with total'),
  children: z.array(
    z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema, householdCounts: CountsByTypeSchema }),
  ),
});
export type RegionDetail = z.infer<typeof RegionDetailSchema>;
