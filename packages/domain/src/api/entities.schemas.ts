// Zod schemas of the entities API (issue 7 §2): 经营主体 and 技术骨干. The field rules (type, grade, 党支部领办,
// 统一社会信用代码, served villages) are domain entities/entity-checks.ts `entityIssues`, run by the service.
import { z } from 'zod';
import { API_LIMITS, IsoDateSchema, PageQuerySchema, RegionCodeSchema, VersionSchema, nullableText, pageOf } from './common.schemas.ts';

const text = (max: number = API_LIMITS.nameMax) => z.string().trim().max(max);
const VillageCodeSchema = z
  .string()
  .regex(/^\d{12}$/, 'village code must be 12 digits')
  .describe('行政村 12-digit statistical code');
const PhoneSchema = z.string().trim().max(32).nullable().optional().describe('联系电话 (11-digit mobile or landline; masked for township, village and viewer roles)');

const entityFields = {
  regionCode: RegionCodeSchema.describe('所在地: county, township or village code of the seat (scoping)'),
  entityType: z.string().max(24).describe('主体类型: dict entity_type (leading_enterprise, cooperative, family_farm, large_grower, collective, workshop, consortium)'),
  name: text(100).min(1).describe('主体名称'),
  creditCode: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .optional()
    .describe('统一社会信用代码 (GB 32100, 18 characters with its check character); required for 龙头企业 and 合作社, none for 种养大户'),
  level: z.string().max(16).nullable().optional().describe('级别: dict entity_level, only for 龙头企业 and 合作社 (示范社)'),
  partyLed: z.boolean().optional().describe('党支部领办: only for 合作社 and 村集体经济组织'),
  isRelocationPark: z.boolean().optional().describe('易地扶贫搬迁安置区加工园区 (J4, 002 §二(二)3)'),
  employeeCount: z.number().int().min(0).max(1_000_000).nullable().optional().describe('吸纳就业人数 (J4’s denominator for 帮扶车间 and 安置区加工园区); null = not recorded'),
  legalPerson: nullableText(API_LIMITS.nameMax).describe('法定代表人 / 负责人'),
  contactName: nullableText(API_LIMITS.nameMax).describe('联系人'),
  contactPhone: PhoneSchema,
  address: nullableText(200).describe('地址'),
  establishedOn: IsoDateSchema.nullable().optional().describe('成立日期'),
  servedRegionCodes: z.array(VillageCodeSchema).max(200).optional().describe('带动的行政村 beyond the seat (an 产业振兴联合体 spans ≥ 2 villages)'),
  industryIds: z.array(z.number().int().positive()).max(50).optional().describe('所属产业: ids of industries (产业谱系) in scope'),
  note: nullableText().describe('备注'),
};

export const EntityCreateSchema = z.object(entityFields);
export type EntityCreate = z.infer<typeof EntityCreateSchema>;

export const EntityPatchSchema = z
  .object({ ...entityFields, version: VersionSchema.optional() })
  .partial()
  .describe('fields to change; send the version read (or If-Match)');
export type EntityPatch = z.infer<typeof EntityPatchSchema>;

export const EntityCloseSchema = z.object({
  reason: text(500).min(1).describe('注销/停业原因'),
  date: IsoDateSchema.describe('注销/停业日期'),
  version: VersionSchema.optional(),
});
export type EntityClose = z.infer<typeof EntityCloseSchema>;

export const EntityReopenSchema = z.object({ version: VersionSchema.optional() });

export const EntityIndustrySchema = z.object({ id: z.number().int(), name: z.string(), kind: z.string().describe('dict industry_kind') });

export const EntityViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable().describe('所在地名称'),
  entityType: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  level: z.string().nullable(),
  partyLed: z.boolean(),
  isRelocationPark: z.boolean().describe('易地扶贫搬迁安置区加工园区'),
  employeeCount: z.number().int().nullable().describe('吸纳就业人数; null = not recorded'),
  legalPerson: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked for township, village and viewer roles'),
  address: z.string().nullable(),
  establishedOn: z.string().nullable(),
  servedRegionCodes: z.array(z.string()),
  industries: z.array(EntityIndustrySchema),
  backboneCount: z.number().int(),
  status: z.enum(['active', 'closed']),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  note: z.string().nullable(),
  version: VersionSchema,
  updatedAt: z.string(),
});
export type EntityView = z.infer<typeof EntityViewSchema>;

const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const EntityListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('seat under this region, or serving a village under it'),
  entityType: z.string().max(24).optional().describe('dict entity_type'),
  level: z.string().max(16).optional().describe('dict entity_level'),
  partyLed: boolQuery.describe('党支部领办 only (true) or not (false)'),
  industryId: z.coerce.number().int().positive().optional().describe('works in this industry'),
  industryKind: z.string().max(24).optional().describe('works in an industry of this kind (dict industry_kind)'),
  status: z.enum(['active', 'closed', 'all']).default('active').describe('active (default), closed or all'),
  q: z.string().trim().max(100).optional().describe('name or credit code contains'),
});
export type EntityListQuery = z.infer<typeof EntityListQuerySchema>;
export const EntityPageSchema = pageOf(EntityViewSchema);
export type EntityPage = z.infer<typeof EntityPageSchema>;

const backboneFields = {
  name: text().min(1).describe('姓名'),
  kind: z.string().max(24).default('backbone').describe('dict backbone_kind: backbone (农业技术骨干), tech_commissioner (科技特派员), expert'),
  specialty: nullableText(API_LIMITS.nameMax).describe('专业特长'),
  title: nullableText(API_LIMITS.nameMax).describe('职称'),
  phone: PhoneSchema,
  active: z.boolean().optional().describe('在岗'),
};

/** `POST /api/v1/entities/:id/backbones`: the backbone serves the entity's seat village unless `regionCode` names one. */
export const EntityBackboneCreateSchema = z.object({
  ...backboneFields,
  regionCode: VillageCodeSchema.optional().describe('村: the village served (defaults to the seat when it is a village)'),
});
export type EntityBackboneCreate = z.infer<typeof EntityBackboneCreateSchema>;
/** `POST /api/v1/backbones`: a village's own backbone (no entity). */
export const BackboneCreateSchema = z.object({ ...backboneFields, regionCode: VillageCodeSchema });
export type BackboneCreate = z.infer<typeof BackboneCreateSchema>;
export const BackbonePatchSchema = z.object({ ...backboneFields, regionCode: VillageCodeSchema, version: VersionSchema.optional() }).partial();
export type BackbonePatch = z.infer<typeof BackbonePatchSchema>;

export const BackboneViewSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int().nullable(),
  entityName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  specialty: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable().describe('masked for township, village and viewer roles'),
  active: z.boolean(),
  version: VersionSchema,
});
export type BackboneView = z.infer<typeof BackboneViewSchema>;
export const BackboneListSchema = z.object({ items: z.array(BackboneViewSchema) });
/** `GET /api/v1/backbones`: the 科技人员 page, by the villages served. */
export const BackboneListQuerySchema = PageQuerySchema.extend({
  regionCode: RegionCodeSchema.optional().describe('backbones serving villages under this region'),
  owner: z.enum(['all', 'village', 'entity']).default('all').describe('all (default), village = a village’s own (no entity), entity = of an entity'),
  kind: z.string().max(24).optional().describe('dict backbone_kind'),
  q: z.string().trim().max(100).optional().describe('name contains'),
});
export type BackboneListQuery = z.infer<typeof BackboneListQuerySchema>;
export const BackbonePageSchema = pageOf(BackboneViewSchema);
export type BackbonePage = z.infer<typeof BackbonePageSchema>;

export const EntityHistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const EntityHistorySchema = z.object({ items: z.array(EntityHistoryEntrySchema) });

export const EntityImportReportSchema = z.object({ added: z.number().int(), updated: z.number().int() });
export type EntityImportReport = z.infer<typeof EntityImportReportSchema>;
