import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { households } from './households.ts';
import { chainLinks, industries } from './industries.ts';
import { codes, versioned } from './industry-columns.ts';
import { regions } from './regions.ts';

/** 项目库 (issue 7 §5): projects, their workflow steps, beneficiary households and budget rows. Money in 分. */

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
    /**
     * 总投资 (分). With project_budgets rows the rows are the truth and this is their sum, kept equal inside the
     * transaction that writes either (a proposal with rows takes their sum; PUT /projects/:id/budgets refuses rows
     * that do not add up to it; a PATCH or an import that would change the total of a project with rows is refused
     * naming budgetYuan); without rows it is the figure entered. Sums over projects (F2, P2, funds analysis) read it.
     */
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
