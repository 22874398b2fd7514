import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, numeric, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { households, persons } from './households.ts';
import { versioned } from './industry-columns.ts';
import { projects } from './projects.ts';
import { regions } from './regions.ts';

/** Money of the industry system (issue 7): fund sources and allocations, S1 facility subsidies, C1 microcredit. All in 分. */

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
    /**
     * active | repaid | overdue. Cached: `repaid` is derived from loan_repayments (set when they cover the principal,
     * back to `active` when they no longer do); `overdue` is an officer's mark. Recomputed, with interest_subsidy_fen,
     * inside the transaction of every repayment write (add, delete) and every loan edit (calculators/loans.service.ts
     * `recomputed`); an edit asking for a status the repayments contradict is refused (400 naming `status`).
     */
    status: varchar({ length: 16 }).notNull().default('active'),
    /**
     * Cached: the interest subsidy over the term (分) from the loan's own schedule and its repayments (C1 calculator,
     * the subsidised cap of the county's pack at the time of the write), recomputed in the same transactions as
     * `status`. A county without C1 keeps the stored figure; a later change of pack does not rewrite it.
     */
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
