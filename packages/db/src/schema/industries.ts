import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { versioned } from './industry-columns.ts';
import { regions } from './regions.ts';

/** 产业谱系 and 产业链图谱 (issue 7): a region's industries, the entities working in them, their chains and links. */

/** 产业谱系: a region's industries (主导 / 新兴 / 传统优势; 一县一业, 一镇一特, 一村一品). */
export const industries = pgTable(
  'industries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** county, township or village the industry belongs to */
    regionCode: varchar({ length: 15 })
      .notNull()
      .references(() => regions.code),
    name: text().notNull(),
    /** dict industry_category (种植, 养殖, 加工, 乡村旅游 …) */
    category: varchar({ length: 24 }).notNull(),
    /** dict industry_kind: leading (主导) | emerging (新兴) | traditional (传统优势) */
    kind: varchar({ length: 16 }).notNull(),
    /** dict industry_tier: county_one (一县一业) | township_one (一镇一特) | village_one (一村一品); null = none */
    tier: varchar({ length: 16 }),
    description: text(),
    /** scale in officers' words (e.g. 种植面积 3.2 万亩) */
    scaleNote: text(),
    ...versioned,
  },
  (t) => [index('industries_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/** Which industries an entity works in. */
export const entityIndustries = pgTable(
  'entity_industries',
  {
    entityId: bigint({ mode: 'number' })
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    industryId: bigint({ mode: 'number' })
      .notNull()
      .references(() => industries.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.industryId] }), index('entity_industries_industry_idx').on(t.industryId)],
);

/** 产业链图谱: one chain of an industry, its 链长 and shortfalls (000 §四(一)3, §五(一)). */
export const industryChains = pgTable(
  'industry_chains',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    industryId: bigint({ mode: 'number' })
      .notNull()
      .references(() => industries.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    name: text().notNull(),
    /** 链长 (county leader) and 副链长 */
    leaderName: text(),
    leaderTitle: text(),
    deputyLeaderName: text(),
    /** 短板、弱项、难点、堵点 of the whole chain */
    shortfalls: text(),
    ...versioned,
  },
  (t) => [index('industry_chains_industry_idx').on(t.industryId), index('industry_chains_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/** 环节 of a chain (dict chain_link_kind: 基地, 良种繁育, 生产, 加工, 冷链物流, 品牌, 销售, 科技服务 …). */
export const chainLinks = pgTable(
  'chain_links',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    chainId: bigint({ mode: 'number' })
      .notNull()
      .references(() => industryChains.id, { onDelete: 'cascade' }),
    /** dict chain_link_kind */
    linkKind: varchar({ length: 24 }).notNull(),
    name: text(),
    sort: smallint().notNull().default(0),
    /** 短板 at this link */
    shortfall: text(),
    ...versioned,
  },
  (t) => [index('chain_links_chain_idx').on(t.chainId)],
);

/** Entities working at a chain link. */
export const chainLinkEntities = pgTable(
  'chain_link_entities',
  {
    linkId: bigint({ mode: 'number' })
      .notNull()
      .references(() => chainLinks.id, { onDelete: 'cascade' }),
    entityId: bigint({ mode: 'number' })
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.entityId] }), index('chain_link_entities_entity_idx').on(t.entityId)],
);
