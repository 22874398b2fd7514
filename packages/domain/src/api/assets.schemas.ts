// Zod schemas of the assets API (issue 8 §1–2): 帮扶项目资产, their 四个一批 class with its history, and their income
// per half year (A3's stock-take). Money is 元 at the edge (≤ 2 decimals), integer 分 in the database.
// The codes are those of the dictionaries asset_category, asset_owner_kind, asset_management_level,
// asset_operation_mode and asset_class (dictionaries/asset.dict.ts).
import { z } from 'zod';
import { API_LIMITS, IdParamSchema, IsoDateSchema, MoneySchema, PageQuerySchema, RegionCodeSchema, VersionSchema, nullableText, pageOf } from './common.schemas.ts';

const text = (max: number = API_LIMITS.nameMax) => z.string().trim().max(max);

export const AssetCategorySchema = z
  .enum(['operating', 'public_welfare', 'household'])
  .describe('资产类别 (dict asset_category): 经营性 operating, 公益性 public_welfare, 到户类 household');
export const AssetOwnerKindSchema = z
  .enum(['village_collective', 'township', 'county_department', 'household'])
  .describe('确权所有者 (dict asset_owner_kind): 村集体经济组织, 乡镇, 县级行业部门, 农户 (到户类)');
export const AssetManagementLevelSchema = z
  .enum(['city_leads', 'county_manages', 'township_governs', 'village_runs'])
  .describe('管理层级 (dict asset_management_level): 市领管, 县统管, 乡镇辖管, 村直管');
export const AssetOperatingModeSchema = z.enum(['self_run', 'leased', 'contracted', 'shares']).describe('经营方式 (dict asset_operation_mode): 自主经营, 租赁, 承包, 入股');
export const AssetClassSchema = z.enum(['consolidate', 'upgrade', 'revitalise', 'adjust']).describe('四个一批 (dict asset_class): 巩固, 升级, 盘活, 调整');

const assetFields = {
  assetNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'asset number: letters, digits and “-”, at most 32')
    .optional()
    .describe('资产编号 (unique; generated as ZC + township code + sequence when omitted)'),
  name: text(100).min(1).describe('资产名称'),
  projectId: z.number().int().positive().nullable().optional().describe('形成资产的项目 (项目库 id): the project must be accepted (已验收) or evaluated'),
  regionCode: RegionCodeSchema.describe('资产所在地: the village (or the township/county for assets above a village); scoping'),
  category: AssetCategorySchema,
  valueYuan: MoneySchema.describe('资产原值 (元, ≤ 2 decimals)'),
  formedOn: IsoDateSchema.nullable().optional().describe('形成日期'),
  location: nullableText(200).describe('坐落位置'),
  ownerKind: AssetOwnerKindSchema.nullable().optional(),
  ownerName: nullableText(100).describe('所有权人 (某村股份经济合作社, 县农业农村局 …)'),
  confirmedOn: IsoDateSchema.nullable().optional().describe('确权日期'),
  managementLevel: AssetManagementLevelSchema.nullable().optional(),
  operatorEntityId: z.number().int().positive().nullable().optional().describe('经营主体 (entity registry id) that runs the asset'),
  operatingMode: AssetOperatingModeSchema.nullable().optional(),
  note: nullableText().describe('备注'),
};

/** `POST /api/v1/assets`: a class may be given at once, with its reason (it starts the class history). */
export const AssetCreateSchema = z.object({
  ...assetFields,
  assetClass: AssetClassSchema.nullable().optional(),
  classReason: nullableText(500).describe('分类理由 (required with assetClass)'),
});
export type AssetCreate = z.infer<typeof AssetCreateSchema>;

/** `PATCH /api/v1/assets/:id`: the class changes through POST …/class, the status through …/dispose. */
export const AssetPatchSchema = z
  .object({ ...assetFields, version: VersionSchema.optional() })
  .partial()
  .describe('fields to change; send the version read (or If-Match)');
export type AssetPatch = z.infer<typeof AssetPatchSchema>;

/** `POST /api/v1/assets/:id/class`: 四个一批 (re)classification, with its reason; kept in the history. */
export const AssetClassChangeSchema = z.object({
  assetClass: AssetClassSchema,
  reason: text(500).min(1).describe('调整理由'),
  version: VersionSchema.optional(),
});
export type AssetClassChange = z.infer<typeof AssetClassChangeSchema>;

/** `POST /api/v1/assets/:id/dispose`: 处置 (the record stays, read-only). */
export const AssetDisposeSchema = z.object({
  reason: text(500).min(1).describe('处置原因'),
  disposedOn: IsoDateSchema.describe('处置日期'),
  version: VersionSchema.optional(),
});
export type AssetDispose = z.infer<typeof AssetDisposeSchema>;

export const AssetClassChangeViewSchema = z.object({
  id: z.number().int(),
  fromClass: z.string().nullable(),
  toClass: z.string(),
  reason: z.string(),
  changedByName: z.string().nullable().describe('经办人'),
  changedAt: z.string(),
});
export type AssetClassChangeView = z.infer<typeof AssetClassChangeViewSchema>;

export const AssetViewSchema = z.object({
  id: z.number().int(),
  assetNo: z.string(),
  name: z.string(),
  projectId: z.number().int().nullable(),
  projectNo: z.string().nullable(),
  projectName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  category: z.string(),
  valueYuan: z.number().describe('资产原值 (元)'),
  formedOn: z.string().nullable(),
  location: z.string().nullable(),
  ownerKind: z.string().nullable(),
  ownerName: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  managementLevel: z.string().nullable(),
  operatorEntityId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  operatingMode: z.string().nullable(),
  assetClass: z.string().nullable(),
  classReason: z.string().nullable(),
  status: z.enum(['in_use', 'disposed']),
  disposedOn: z.string().nullable(),
  disposalReason: z.string().nullable(),
  note: z.string().nullable(),
  version: VersionSchema,
  updatedAt: z.string(),
});
export type AssetView = z.infer<typeof AssetViewSchema>;

/** One asset with its class history (newest first). */
export const AssetDetailSchema = AssetViewSchema.extend({ classChanges: z.array(AssetClassChangeViewSchema) });
export type AssetDetail = z.infer<typeof AssetDetailSchema>;

export const AssetListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('assets under this region'),
  category: AssetCategorySchema.optional(),
  assetClass: AssetClassSchema.optional(),
  managementLevel: AssetManagementLevelSchema.optional(),
  projectId: z.coerce.number().int().positive().optional().describe('formed by this project'),
  status: z.enum(['in_use', 'disposed', 'all']).default('in_use').describe('in_use (default), disposed or all'),
  q: z.string().trim().max(100).optional().describe('name or asset number contains'),
});
export type AssetListQuery = z.infer<typeof AssetListQuerySchema>;
export const AssetPageSchema = pageOf(AssetViewSchema).extend({
  totalValueYuan: z.number().describe('资产原值合计 of every matching asset (元)'),
});
export type AssetPage = z.infer<typeof AssetPageSchema>;

/** 半年度: 1 = 1–6 月, 2 = 7–12 月. */
export const AssetHalfSchema = z.coerce.number().int().min(1).max(2).describe('半年度: 1 = 上半年 (1–6 月), 2 = 下半年 (7–12 月)');
export const AssetIncomeParamsSchema = IdParamSchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  half: AssetHalfSchema,
});

/** `PUT /api/v1/assets/:id/incomes/:year/:half`: creates the half year's row, or changes it (then send its version). */
export const AssetIncomePutSchema = z.object({
  incomeYuan: MoneySchema.describe('收益 (元, ≤ 2 decimals)'),
  stocktakeOn: IsoDateSchema.nullable().optional().describe('盘点日期'),
  note: nullableText(500).describe('备注'),
  version: VersionSchema.optional(),
});
export type AssetIncomePut = z.infer<typeof AssetIncomePutSchema>;

export const AssetIncomeViewSchema = z.object({
  id: z.number().int(),
  assetId: z.number().int(),
  year: z.number().int(),
  half: z.number().int(),
  incomeYuan: z.number().describe('收益 (元)'),
  stocktakeOn: z.string().nullable(),
  note: z.string().nullable(),
  version: VersionSchema,
  updatedAt: z.string(),
});
export type AssetIncomeView = z.infer<typeof AssetIncomeViewSchema>;
export const AssetIncomeListSchema = z.object({ items: z.array(AssetIncomeViewSchema).describe('newest half year first') });
export type AssetIncomeList = z.infer<typeof AssetIncomeListSchema>;

/** `GET /api/v1/assets/stocktake-missing` (A3). */
export const AssetStocktakeQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('assets under this region'),
  asOf: IsoDateSchema.optional().describe('the day the check is made (default today): the last half year completed before it is checked'),
});
export type AssetStocktakeQuery = z.infer<typeof AssetStocktakeQuerySchema>;
export const AssetStocktakePageSchema = pageOf(AssetViewSchema).extend({
  year: z.number().int().describe('the half year checked: its year'),
  half: z.number().int().describe('the half year checked: 1 or 2'),
});
export type AssetStocktakePage = z.infer<typeof AssetStocktakePageSchema>;
