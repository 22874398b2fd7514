// Zod schemas of the industries API (issue 7 §4: 产业谱系 and 产业链图谱); see CONVENTIONS "Recipe: a new server module" step 2.
import { z } from 'zod';
import { API_LIMITS, RegionCodeSchema, VersionSchema, nullableText } from './common.schemas.ts';

const code = (what: string) => z.string().trim().min(1).max(24).describe(what);
const name = (what: string) => z.string().trim().min(1).max(API_LIMITS.nameMax).describe(what);

// ---------- industries (产业谱系) ----------
export const IndustryCreateSchema = z.object({
  regionCode: RegionCodeSchema.describe('county, township or village the industry belongs to (一县一业 / 一镇一特 / 一村一品)'),
  name: name('产业名称, e.g. 灵宝大枣'),
  category: code('产业门类 (dict industry_category)'),
  kind: code('产业类型 (dict industry_kind: leading | emerging | traditional)'),
  tier: code('产业定位 (dict industry_tier: county_one | township_one | village_one), must fit the region level').nullable().optional(),
  description: nullableText().describe('说明'),
  scaleNote: nullableText(200).describe('规模 in words (种植面积 3.2 万亩)'),
});
export type IndustryCreate = z.infer<typeof IndustryCreateSchema>;

export const IndustryUpdateSchema = IndustryCreateSchema.omit({ regionCode: true })
  .partial()
  .extend({ version: VersionSchema.optional().describe('the version read (or If-Match); a stale one is 409 STALE_VERSION') });
export type IndustryUpdate = z.infer<typeof IndustryUpdateSchema>;

export const IndustryListQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional().describe('only industries of this region and below (plus those of its county and township above)'),
  kind: z.string().trim().max(24).optional().describe('dict industry_kind'),
  tier: z.string().trim().max(24).optional().describe('dict industry_tier'),
});
export type IndustryListQuery = z.infer<typeof IndustryListQuerySchema>;

export const ChainSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  leaderName: z.string().nullable(),
  linkCount: z.number().int(),
  gapCount: z.number().int().describe('links without entity and project, or with a recorded 短板'),
  version: VersionSchema,
});
export type ChainSummary = z.infer<typeof ChainSummarySchema>;

export const IndustryViewSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  regionLevel: z.string().describe('county | township | village …'),
  name: z.string(),
  category: z.string(),
  kind: z.string(),
  tier: z.string().nullable(),
  description: z.string().nullable(),
  scaleNote: z.string().nullable(),
  entityCount: z.number().int().describe('entities working in the industry (entity_industries)'),
  projectCount: z.number().int().describe('projects of the industry (projects.industry_id)'),
  chainCount: z.number().int(),
  chains: z.array(ChainSummarySchema),
  writable: z.boolean().describe('the caller may edit it (within the write scope)'),
  version: VersionSchema,
});
export type IndustryView = z.infer<typeof IndustryViewSchema>;
export const IndustryListSchema = z.object({ items: z.array(IndustryViewSchema), total: z.number().int() });
export type IndustryList = z.infer<typeof IndustryListSchema>;

export const SpectrumQuerySchema = z.object({ regionCode: RegionCodeSchema.optional().describe('root of the spectrum (default: the caller scope)') });
export const SpectrumGroupSchema = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
  byKind: z.array(z.object({ kind: z.string(), industries: z.array(IndustryViewSchema) })),
  counts: z.object({ industries: z.number().int(), entities: z.number().int(), projects: z.number().int(), chains: z.number().int() }),
});
export type SpectrumGroup = z.infer<typeof SpectrumGroupSchema>;
export const SpectrumSchema = z.object({
  rootCode: z.string(),
  groups: z.array(SpectrumGroupSchema).describe('县 → 镇 → 村 order, each with its industries grouped by kind'),
  totals: z.object({ industries: z.number().int(), entities: z.number().int(), projects: z.number().int(), chains: z.number().int(), gaps: z.number().int() }),
});
export type Spectrum = z.infer<typeof SpectrumSchema>;

// ---------- chains (产业链图谱) ----------
export const ChainCreateSchema = z.object({
  name: name('产业链名称, e.g. 灵宝大枣产业链'),
  leaderName: nullableText(API_LIMITS.nameMax).describe('链长 (县级领导)'),
  leaderTitle: nullableText(API_LIMITS.nameMax).describe('链长职务'),
  deputyLeaderName: nullableText(API_LIMITS.nameMax).describe('副链长'),
  shortfalls: nullableText().describe('短板、弱项、难点、堵点'),
  useTemplate: z.boolean().optional().describe('create the default links of the industry category (default true)'),
});
export type ChainCreate = z.infer<typeof ChainCreateSchema>;
export const ChainUpdateSchema = ChainCreateSchema.omit({ useTemplate: true })
  .partial()
  .extend({ version: VersionSchema.optional().describe('the version read (or If-Match)') });
export type ChainUpdate = z.infer<typeof ChainUpdateSchema>;

export const ChainLinkViewSchema = z.object({
  id: z.number().int(),
  chainId: z.number().int(),
  linkKind: z.string(),
  name: z.string().nullable(),
  sort: z.number().int(),
  shortfall: z.string().nullable(),
  entityIds: z.array(z.number().int()),
  entityCount: z.number().int(),
  projectCount: z.number().int(),
  gap: z.boolean(),
  gapReasonZh: z.string().nullable(),
  version: VersionSchema,
});
export type ChainLinkView = z.infer<typeof ChainLinkViewSchema>;

export const ChainViewSchema = z.object({
  id: z.number().int(),
  industryId: z.number().int(),
  industryName: z.string(),
  industryCategory: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  name: z.string(),
  leaderName: z.string().nullable(),
  leaderTitle: z.string().nullable(),
  deputyLeaderName: z.string().nullable(),
  shortfalls: z.string().nullable(),
  links: z.array(ChainLinkViewSchema),
  writable: z.boolean(),
  version: VersionSchema,
});
export type ChainView = z.infer<typeof ChainViewSchema>;

export const ChainLinkCreateSchema = z.object({
  linkKind: code('产业链环节 (dict chain_link_kind), unique per chain'),
  name: nullableText(API_LIMITS.nameMax).describe('环节名称 when other than the dictionary label'),
  sort: z.number().int().min(0).max(32000).optional().describe('order left → right (default: after the last link)'),
  shortfall: nullableText(500).describe('短板 at this link'),
});
export type ChainLinkCreate = z.infer<typeof ChainLinkCreateSchema>;
export const ChainLinkUpdateSchema = ChainLinkCreateSchema.partial().extend({ version: VersionSchema.optional().describe('the version read (or If-Match)') });
export type ChainLinkUpdate = z.infer<typeof ChainLinkUpdateSchema>;
export const ChainLinkEntitiesSchema = z.object({
  entityIds: z.array(z.number().int().positive()).max(200).describe('entities working at the link (replaces the list)'),
  version: VersionSchema.optional().describe('the version of the link read (or If-Match)'),
});
export type ChainLinkEntities = z.infer<typeof ChainLinkEntitiesSchema>;

export const GraphNodeSchema = z.object({
  id: z.string().describe('chain-1, link-3, entity-7@3, project-9@3'),
  kind: z.enum(['chain', 'link', 'entity', 'project']),
  label: z.string(),
  linkKind: z.string().optional(),
  linkId: z.number().int().optional().describe('the link an entity or project hangs under, or the link itself'),
  recordId: z.number().int().optional().describe('id of the entity, project or link'),
  gap: z.boolean().optional(),
  gapReasonZh: z.string().optional(),
  link: z.string().optional().describe('web path of the record (/industry/entities/7, /industry/projects/9)'),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export const ChainGraphSchema = z.object({
  chain: ChainViewSchema,
  nodes: z.array(GraphNodeSchema),
  edges: z.array(z.object({ source: z.string(), target: z.string() })),
  gaps: z.array(z.object({ linkId: z.number().int(), label: z.string(), reasonZh: z.string(), reasonEn: z.string() })),
});
export type ChainGraph = z.infer<typeof ChainGraphSchema>;
