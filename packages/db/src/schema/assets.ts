import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { households } from './households.ts';
import { versioned } from './industry-columns.ts';
import { projects } from './projects.ts';

/**
 * 帮扶项目资产 and the distribution of their income (issue 8; 004 §五, 国办函〔2021〕51号). Money is integer 分.
 * Every table carries `region_code` (scoping by prefix); rows a person edits carry `version`.
 */

/** 帮扶项目资产: an asset formed by a support project, its 确权 owner, manager, operator and 四个一批 class. */
export const assets = pgTable(
  'assets',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** 资产编号: unique in the county, the key of imports */
    assetNo: varchar({ length: 32 }).notNull(),
    name: text().notNull(),
    /** the project that formed it (accepted, 验收), where there is one in the library */
    projectId: bigint({ mode: 'number' }).references(() => projects.id, { onDelete: 'set null' }),
    /** where the asset is (its village, or the township/county for assets above a village) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** dict asset_category: operating (经营性) | public_welfare (公益性) | household (到户类) */
    category: varchar({ length: 24 }).notNull(),
    /** 资产原值 (分) */
    valueFen: bigint({ mode: 'number' }).notNull(),
    formedOn: date({ mode: 'string' }),
    location: text(),
    /** dict asset_owner_kind after 确权: village_collective | township | county_department | households */
    ownerKind: varchar({ length: 24 }),
    /** the owner's name (某村股份经济合作社, 县农业农村局 …) */
    ownerName: text(),
    confirmedOn: date({ mode: 'string' }),
    /** dict asset_management_level: city_leads | county_manages | township_governs | village_runs */
    managementLevel: varchar({ length: 24 }),
    /** the entity that runs it (entity registry) */
    operatorEntityId: bigint({ mode: 'number' }).references(() => entities.id, { onDelete: 'set null' }),
    /** dict asset_operating_mode: self_run | leased | contracted | shares */
    operatingMode: varchar({ length: 24 }),
    /** 四个一批 (dict asset_class): consolidate | upgrade | revitalise | adjust; history in asset_class_changes */
    assetClass: varchar({ length: 24 }),
    classReason: text(),
    /** in_use | disposed (records stay) */
    status: varchar({ length: 16 }).notNull().default('in_use'),
    disposedOn: date({ mode: 'string' }),
    disposalReason: text(),
    note: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('assets_no_uq').on(t.assetNo),
    index('assets_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`),
    index('assets_project_idx').on(t.projectId),
  ],
);

/** The history of an asset's 四个一批 class: who changed it, when, from what, why. */
export const assetClassChanges = pgTable(
  'asset_class_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    assetId: bigint({ mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    fromClass: varchar({ length: 24 }),
    toClass: varchar({ length: 24 }).notNull(),
    reason: text().notNull(),
    changedBy: bigint({ mode: 'number' }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('asset_class_changes_asset_idx').on(t.assetId)],
);

/** 资产收益: an asset's income of a half year (A3's stock-take: one row per asset, year and half). */
export const assetIncomes = pgTable(
  'asset_incomes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    assetId: bigint({ mode: 'number' })
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    year: integer().notNull(),
    /** 1 = January–June, 2 = July–December */
    half: smallint().notNull(),
    incomeFen: bigint({ mode: 'number' }).notNull(),
    /** 盘点日期 */
    stocktakeOn: date({ mode: 'string' }),
    note: text(),
    ...versioned,
  },
  (t) => [uniqueIndex('asset_incomes_period_uq').on(t.assetId, t.year, t.half), index('asset_incomes_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year)],
);

/**
 * 村集体产业收益分配 (A2): a village's distribution of a period's collective industry income; draft until confirmed,
 * when each line becomes income of its household (household_incomes of `year`).
 */
export const incomeDistributions = pgTable(
  'income_distributions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the village */
    regionCode: varchar({ length: 15 }).notNull(),
    year: integer().notNull(),
    /** 1 | 2 for a half year, null for the whole year */
    half: smallint(),
    /** 村集体产业收益 of the period (分) */
    collectiveIncomeFen: bigint({ mode: 'number' }).notNull(),
    /** draft | confirmed | cancelled */
    status: varchar({ length: 16 }).notNull().default('draft'),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedBy: bigint({ mode: 'number' }),
    note: text(),
    ...versioned,
  },
  (t) => [index('income_distributions_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year)],
);

/** One household's share of a distribution: paid for work (work) or a base share (base, no labour). */
export const distributionLines = pgTable(
  'distribution_lines',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    distributionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => incomeDistributions.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the household's region code (moves with the household) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** work (按劳取酬: wage income) | base (基础保障: property income) */
    kind: varchar({ length: 8 }).notNull(),
    /** labour days or public-welfare work units the work share was computed from */
    workUnits: numeric({ precision: 10, scale: 2, mode: 'number' }),
    amountFen: bigint({ mode: 'number' }).notNull(),
    /** set when the amount was carried into household_incomes at confirmation */
    carriedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('distribution_lines_uq').on(t.distributionId, t.householdId), index('distribution_lines_household_idx').on(t.householdId)],
);
