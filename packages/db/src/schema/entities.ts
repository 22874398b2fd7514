import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { codes, versioned } from './industry-columns.ts';
import { regions } from './regions.ts';

/** 经营主体 and their 技术骨干 (issue 7 §2). Every table a person edits carries `version` (`industry-columns.ts`). */

/** 经营主体: 龙头企业, 农民专业合作社, 家庭农场, 种养大户/能人, 村集体经济组织, 帮扶车间, 产业振兴联合体 (dict entity_type). */
export const entities = pgTable(
  'entities',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** seat of the entity: county, township or village code (scoping) */
    regionCode: varchar({ length: 15 })
      .notNull()
      .references(() => regions.code),
    /** dict entity_type */
    entityType: varchar({ length: 24 }).notNull(),
    name: text().notNull(),
    /** 统一社会信用代码 (GB 32100, 18 characters, check character validated); none for a 能人 */
    creditCode: varchar({ length: 18 }),
    /** dict entity_level: 龙头企业 grade or 示范社 grade (national / provincial / city / county) */
    level: varchar({ length: 16 }),
    /** 党支部领办 (cooperatives and village collectives; E3) */
    partyLed: boolean().notNull().default(false),
    legalPerson: text(),
    contactName: text(),
    /** personal data: masked for masked roles */
    contactPhone: varchar({ length: 32 }),
    address: text(),
    establishedOn: date({ mode: 'string' }),
    /** villages the entity drives beyond its seat (an 产业振兴联合体 spans several) */
    servedRegionCodes: codes(),
    /** 易地扶贫搬迁安置区加工园区 (J4, issue 8) */
    isRelocationPark: boolean().notNull().default(false),
    /** 吸纳就业总人数 (J4's denominator for workshops and relocation parks); null = not recorded */
    employeeCount: integer(),
    /** active | closed (注销/停业: kept with its history) */
    status: varchar({ length: 16 }).notNull().default('active'),
    closedOn: date({ mode: 'string' }),
    closedReason: text(),
    note: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('entities_credit_code_uq')
      .on(t.creditCode)
      .where(sql`${t.creditCode} IS NOT NULL`),
    index('entities_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.id),
    index('entities_type_idx').on(t.entityType),
  ],
);

/** 科技人员/技术骨干 of a village or a cooperative (E2: ≥ 1 per village and per cooperative, 000 §五(二)). */
export const entityBackbones = pgTable(
  'entity_backbones',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the entity (cooperative …) the backbone belongs to; null = serves the village only */
    entityId: bigint({ mode: 'number' }).references(() => entities.id, { onDelete: 'cascade' }),
    /** the village served (scoping; E2 per village) */
    regionCode: varchar({ length: 15 }).notNull(),
    name: text().notNull(),
    /** backbone (农业技术骨干) | tech_commissioner (科技特派员) | expert (专家) */
    kind: varchar({ length: 24 }).notNull().default('backbone'),
    specialty: text(),
    title: text(),
    /** personal data: masked for masked roles */
    phone: varchar({ length: 32 }),
    active: boolean().notNull().default(true),
    ...versioned,
  },
  (t) => [index('entity_backbones_entity_idx').on(t.entityId), index('entity_backbones_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);
