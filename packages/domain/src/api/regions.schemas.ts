import { z } from 'zod';
import { RegionCodeSchema, VersionSchema, VersionedSaveSchema } from './common.schemas.ts';

export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village', 'group'] as const;
export const RegionLevelSchema = z.enum(REGION_LEVELS);

export type RegionNode = { code: string; name: string; level: (typeof REGION_LEVELS)[number]; retired?: boolean; children: RegionNode[] };
export const RegionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: RegionLevelSchema,
    retired: z.boolean().optional().describe('true when retired (已撤销)'),
    children: z.array(RegionNodeSchema),
  }),
);

export const RegionTreeQuerySchema = z.object({
  root: RegionCodeSchema.optional().describe('root of the tree (default: the user’s own region)'),
  depth: z.coerce.number().int().min(0).max(5).default(3).describe('levels below the root'),
});
export const RegionTreeSchema = z.array(RegionNodeSchema);

export const RegionCodeParamSchema = z.object({ code: RegionCodeSchema });

/** Household counts by household type code, plus `total` (the sum; not a type). */
export const CountsByTypeSchema = z.record(z.string(), z.number().int());

export const RegionDetailSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
  retiredAt: z.string().nullable().optional().describe('set when retired (已撤销)'),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema })).describe('ancestors from the top, within scope'),
  householdCounts: CountsByTypeSchema.describe('households in this region by type, with total'),
  version: VersionSchema.describe('send it back with a rename, retire or restore (PATCH)'),
  children: z.array(
    z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema, retired: z.boolean().optional(), householdCounts: CountsByTypeSchema, version: VersionSchema }),
  ),
});
export type RegionDetail = z.infer<typeof RegionDetailSchema>;

/** A region as administered (POST/PATCH answers). */
export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
  prefix: z.string(),
  urbanRuralCode: z.string().nullable().describe('城乡分类代码'),
  retiredAt: z.string().nullable().describe('set when retired (撤销/撤并); the code is never reused'),
  version: VersionSchema,
});
export type Region = z.infer<typeof RegionSchema>;

const RegionNameSchema = z.string().trim().min(1).max(64).describe('名称');

export const RegionCreateSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{12}(\d{3})?$/, 'code must be 12 digits (15 for a group)')
    .describe('12-digit statistical code; a 组 is its village + 3 digits'),
  name: RegionNameSchema,
  parentCode: RegionCodeSchema.describe('the parent region (township for a village, village for a 组)'),
});
export type RegionCreate = z.infer<typeof RegionCreateSchema>;

export const RegionPatchSchema = z
  .object({ name: RegionNameSchema.optional(), retired: z.boolean().optional().describe('true retires (撤销/撤并), false restores') })
  .extend(VersionedSaveSchema.shape)
  .refine((v) => v.name !== undefined || v.retired !== undefined, { message: 'name or retired is required' });
export type RegionPatch = z.infer<typeof RegionPatchSchema>;

export const RegionLoadDatasetSchema = z.object({
  county: z.string().trim().min(2).max(64).describe('county name (灵宝市) or its 6- or 12-digit code'),
});

/** What an import of a region list (file or public dataset) changed. */
export const RegionChangeReportSchema = z.object({
  added: z.array(z.object({ code: z.string(), name: z.string(), level: RegionLevelSchema })),
  renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
  unchanged: z.number().int(),
  refused: z.array(z.object({ row: z.number().int(), code: z.string(), name: z.string(), reasonZh: z.string(), reasonEn: z.string() })),
});
export type RegionChangeReport = z.infer<typeof RegionChangeReportSchema>;
