import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { households, persons } from './households.ts';
import { regions } from './regions.ts';

/**
 * The industry system (issue 7): business entities and their farmer linkage, the industry spectrum and chain
 * maps, the project library, funds, facility subsidies and microcredit. Money is integer 分 in `_fen` columns
 * (CONVENTIONS "Money"); repos convert to 元 at the edge. Every table a person edits carries `version`.
 */

const versioned = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

const codes = () =>
  text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

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

/**
 * 项目库 (先入库后建设, 001 §二(一)5): a project and where it is in 谋划/申报 → 审核 → 公示 → 入库 → 资金安排 → 实施 →
 * 验收 → 绩效评价 (dict project_stage; domain projects/workflow.ts owns the transitions).
 */
export const projects = pgTable(
  'projects',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** 项目编号, unique (import key) */
    projectNo: varchar({ length: 32 }).notNull(),
    name: text().notNull(),
    /** where it is carried out: township or village (scoping) */
    regionCode: varchar({ length: 15 })
      .notNull()
      .references(() => regions.code),
    /** dict project_type, level 1 (产业发展 / 就业 / 乡村建设 / 巩固三保障 / 易地搬迁后扶 / 乡村治理 / 项目管理费 / 其他) */
    projectType: varchar({ length: 24 }).notNull(),
    /** dict project_type, level 2 (生产项目, 加工流通项目, 配套设施项目 …), parentCode = projectType */
    projectSubtype: varchar({ length: 32 }),
    industryId: bigint({ mode: 'number' }).references(() => industries.id, { onDelete: 'set null' }),
    chainLinkId: bigint({ mode: 'number' }).references(() => chainLinks.id, { onDelete: 'set null' }),
    /** 优势特色产业项目 (F2, P2; 001 §二(一)2, 5) */
    isSpecialty: boolean().notNull().default(false),
    /** 国家产业集群 / 产业强镇 project (P6, 002 §二(四)3) */
    isClusterProject: boolean().notNull().default(false),
    /** dict project_stage */
    stage: varchar({ length: 24 }).notNull().default('draft'),
    /** 计划年度 */
    year: integer().notNull(),
    /** total budget (分); the split by year and fund source is project_budgets */
    budgetFen: bigint({ mode: 'number' }).notNull().default(0),
    implementingEntityId: bigint({ mode: 'number' }).references(() => entities.id, { onDelete: 'set null' }),
    /** dict linkage_mode codes planned in effect (P3: ≥ 2 for an industry project, 004 §六) */
    linkageModes: codes(),
    /** 带动脱贫户/监测户数 and 带动（吸纳就业）脱贫人数, planned or achieved (P6) */
    drivenHouseholds: integer(),
    drivenPersons: integer(),
    constructionContent: text(),
    performanceTarget: text(),
    /** 入库审核 checks of 004 §六 (P4): 效益, 利益联结, 组织保障, 后续运营 — null until reviewed */
    reviewBenefit: boolean(),
    reviewLinkage: boolean(),
    reviewOrganisation: boolean(),
    reviewAfterOperation: boolean(),
    reviewNote: text(),
    /** why the last 审核/审定 returned or rejected it */
    returnReason: text(),
    publicityStart: date({ mode: 'string' }),
    publicityEnd: date({ mode: 'string' }),
    enteredLibraryOn: date({ mode: 'string' }),
    startedOn: date({ mode: 'string' }),
    acceptedOn: date({ mode: 'string' }),
    evaluatedOn: date({ mode: 'string' }),
    /** 绩效评价 result (优/良/中/差) and note */
    evaluationGrade: varchar({ length: 8 }),
    evaluationNote: text(),
    proposedBy: bigint({ mode: 'number' }),
    note: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('projects_no_uq').on(t.projectNo),
    index('projects_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.id),
    index('projects_year_stage_idx').on(t.year, t.stage),
  ],
);

/** Who did each step of a project's workflow and when (the project's own timeline; the audit log has the rest). */
export const projectSteps = pgTable(
  'project_steps',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    action: varchar({ length: 32 }).notNull(),
    fromStage: varchar({ length: 24 }).notNull(),
    toStage: varchar({ length: 24 }).notNull(),
    actorId: bigint({ mode: 'number' }),
    actorName: text(),
    /** a return's or rejection's reason, or a note */
    reason: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_steps_project_idx').on(t.projectId, t.id)],
);

/** Beneficiary households of a project (a household child table: region_code moves with the household). */
export const projectBeneficiaries = pgTable(
  'project_beneficiaries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_beneficiaries_uq').on(t.projectId, t.householdId), index('project_beneficiaries_household_idx').on(t.householdId)],
);

/** A project's budget by year and fund source (dict fund_level × kind). */
export const projectBudgets = pgTable(
  'project_budgets',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    /** dict fund_level: central | provincial | city | county | other */
    fundLevel: varchar({ length: 16 }).notNull(),
    /** linkage (衔接资金) | other_fiscal (其他财政资金) | self_raised (自筹) | social (社会资金) */
    fundKind: varchar({ length: 16 }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    ...versioned,
  },
  (t) => [uniqueIndex('project_budgets_uq').on(t.projectId, t.year, t.fundLevel, t.fundKind)],
);

/** 资金来源: a fund of a year and level reaching the county (中央/省/市/县衔接资金, other), with its document. */
export const fundSources = pgTable(
  'fund_sources',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the county (or township) that receives it */
    regionCode: varchar({ length: 15 })
      .notNull()
      .references(() => regions.code),
    year: integer().notNull(),
    /** dict fund_level */
    fundLevel: varchar({ length: 16 }).notNull(),
    /** linkage | other_fiscal | self_raised | social */
    fundKind: varchar({ length: 16 }).notNull(),
    name: text().notNull(),
    /** 文号 of the allocation document */
    documentNo: text(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    note: text(),
    ...versioned,
  },
  (t) => [index('fund_sources_region_year_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year)],
);

/** 资金安排: money of a fund source allocated to a project of the library (P1: only library projects). */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    fundSourceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => fundSources.id, { onDelete: 'restrict' }),
    projectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    /** the project's region (scoping) */
    regionCode: varchar({ length: 15 }).notNull(),
    year: integer().notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    allocatedOn: date({ mode: 'string' }),
    note: text(),
    ...versioned,
  },
  (t) => [
    index('fund_allocations_project_idx').on(t.projectId),
    index('fund_allocations_source_idx').on(t.fundSourceId),
    index('fund_allocations_region_year_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year),
  ],
);

/** 联农带农: an entity drives a household by a mode in a year, and what the household received (a household child table). */
export const linkages = pgTable(
  'linkages',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entityId: bigint({ mode: 'number' })
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the household's region code (moves with the household) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** the project the linkage belongs to, where there is one */
    projectId: bigint({ mode: 'number' }).references(() => projects.id, { onDelete: 'set null' }),
    /** dict linkage_mode */
    mode: varchar({ length: 24 }).notNull(),
    year: integer().notNull(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    /** money or wages the household received from it this year (分) */
    incomeFen: bigint({ mode: 'number' }).notNull().default(0),
    /** which of the four income types it is: wage | business | property | transfer */
    incomeType: varchar({ length: 16 }).notNull().default('wage'),
    /** set when the amount was carried into household_incomes of `year` (the source stays visible) */
    carriedAt: timestamp({ withTimezone: true }),
    note: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('linkages_uq').on(t.entityId, t.householdId, t.mode, t.year),
    index('linkages_household_idx').on(t.householdId),
    index('linkages_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year),
  ],
);

/** S1 facility / specialty-planting subsidy computed for a project or a household (002 §二(二)2). */
export const facilitySubsidies = pgTable(
  'facility_subsidies',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: bigint({ mode: 'number' }).references(() => projects.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' }).references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    /** S1 kind: cool_season_vegetables | solar_greenhouse | steel_frame_greenhouse | greenhouse_renovation | herb_tea_base */
    kind: varchar({ length: 32 }).notNull(),
    areaMu: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    packId: varchar({ length: 64 }).notNull(),
    year: integer().notNull(),
    ...versioned,
  },
  (t) => [index('facility_subsidies_project_idx').on(t.projectId), index('facility_subsidies_household_idx').on(t.householdId)],
);

/** 脱贫人口小额信贷 (C1, 002 §二(四)2): a loan of a household (a household child table). */
export const loans = pgTable(
  'loans',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the borrower (a member of the household) */
    personId: bigint({ mode: 'number' }).references(() => persons.id, { onDelete: 'set null' }),
    regionCode: varchar({ length: 15 }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    termMonths: smallint().notNull(),
    /** yearly rate, e.g. 0.0345 (LPR) */
    annualRate: numeric({ precision: 6, scale: 4, mode: 'number' }).notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    maturityDate: date({ mode: 'string' }).notNull(),
    /** 有需求、能还款 (allows up to 10 万) */
    needsAndCanRepay: boolean().notNull().default(false),
    purpose: text(),
    lender: text(),
    /** active | repaid | overdue */
    status: varchar({ length: 16 }).notNull().default('active'),
    /** interest subsidy over the term from the loan's own schedule (分), computed on save */
    interestSubsidyFen: bigint({ mode: 'number' }).notNull().default(0),
    note: text(),
    ...versioned,
  },
  (t) => [index('loans_household_idx').on(t.householdId), index('loans_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/** Repayments of a loan (principal and interest, 分). */
export const loanRepayments = pgTable(
  'loan_repayments',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    loanId: bigint({ mode: 'number' })
      .notNull()
      .references(() => loans.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    principalFen: bigint({ mode: 'number' }).notNull().default(0),
    interestFen: bigint({ mode: 'number' }).notNull().default(0),
    ...versioned,
  },
  (t) => [index('loan_repayments_loan_idx').on(t.loanId), index('loan_repayments_household_idx').on(t.householdId)],
);
