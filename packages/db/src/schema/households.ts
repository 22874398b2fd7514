import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { regions } from './regions.ts';

const money = (name?: string) => (name ? numeric(name, { precision: 14, scale: 2, mode: 'number' }) : numeric({ precision: 14, scale: 2, mode: 'number' }));

/**
 * 户 (household), the unit of support. Every household-data table carries `region_code` (the village
 * or group the household belongs to) so that scoping, roll-up and sharding are code-prefix predicates.
 */
export const households = pgTable(
  'households',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** 户编号: stable household number, the idempotency key of imports. */
    householdNo: varchar({ length: 32 }).notNull(),
    regionCode: varchar({ length: 15 })
      .notNull()
      .references(() => regions.code),
    /** dict household_type: lifted (脱贫户) | monitored (监测户) | ordinary (一般农户) */
    householdType: varchar({ length: 24 }).notNull(),
    /** dict monitoring_type, for monitored households */
    monitoringType: varchar({ length: 24 }),
    /** monitoring status: none | identifying | monitoring | eliminated */
    monitoringStatus: varchar({ length: 16 }).notNull().default('none'),
    /** 是否脱贫户: kept apart from the monitoring category — a 脱贫户 can be a 监测对象 at the same time. */
    isLifted: boolean().notNull().default(false),
    /** dict lifted_category (一般脱贫户 / 低保脱贫户 / 特困供养脱贫户 / 脱贫不享受政策户), for 脱贫户 */
    liftedCategory: varchar({ length: 24 }),
    /** 识别监测时间 (first day of the month when only YYYYMM is known) */
    monitoringSince: date({ mode: 'string' }),
    /** 风险消除时间 / 消除监测时间, when monitoringStatus = eliminated */
    eliminatedAt: date({ mode: 'string' }),
    /** dict elimination_method, when monitoringStatus = eliminated */
    eliminationMethod: varchar({ length: 16 }),
    /** dict risk_type codes, at most 5 */
    riskTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 三保障 + 饮水: true = secure, false = a problem, null = not yet assessed (never secure by default) */
    housingSecure: boolean(),
    waterSecure: boolean(),
    educationSecure: boolean(),
    medicalSecure: boolean(),
    /** dict exit_reason (自然减少: 死亡, 迁出, 嫁出, 服刑, 其他), set together with deletedAt; the record is read-only while set */
    exitReason: varchar({ length: 16 }),
    exitDate: date({ mode: 'string' }),
    exitNote: text(),
    address: text(),
    phone: varchar({ length: 32 }),
    /** Year the household was lifted out of poverty (脱贫年度), for lifted households. */
    liftedYear: integer(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('households_no_uq').on(t.householdNo),
    /** 户编号 prefix search */
    index('households_no_prefix_idx').using('btree', sql`${t.householdNo} varchar_pattern_ops`),
    index('households_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.id),
    // the household list filtered by type (and H1, which reads monitored households only): equality on the type,
    // then the region prefix range in list order (region code, id); also serves the capped count. Not a partial
    // index (WHERE deleted_at IS NULL): the planner then picked it for the import's "deleted_at IS NULL" probes on
    // a freshly filled table and the 20 000-household commit went from 8 s to 135 s.
    index('households_type_idx').using('btree', t.householdType, sql`${t.regionCode} varchar_pattern_ops`, t.id),
  ],
);

/** 家庭成员 (person). A person belongs to exactly one household (unique ID number). */
export const persons = pgTable(
  'persons',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    /** ID number, normalised (upper-case X); 18 characters for a 居民身份证, other document types may differ. */
    idNumber: varchar({ length: 32 }).notNull(),
    /** dict id_type (证件类型); the GB 11643 check applies to 居民身份证 only */
    idType: varchar({ length: 8 }).notNull().default('1'),
    /** 人口编号 of the national system */
    personNo: varchar({ length: 32 }),
    /** dict ethnicity (民族, GB/T 3304 code) */
    ethnicity: varchar({ length: 4 }),
    name: text().notNull(),
    /** dict gender: 1 男 | 2 女 (derived from the ID number, stored for queries) */
    gender: varchar({ length: 4 }).notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    /** dict relation (与户主关系): 02 户主 … */
    relation: varchar({ length: 8 }).notNull(),
    isHead: boolean().notNull().default(false),
    /** dict labor_capacity */
    laborCapacity: varchar({ length: 24 }),
    /** dict health_status */
    healthStatus: varchar({ length: 24 }),
    /** dict health_status, every value the person has (健康状况 "残疾,长期慢性病") */
    healthStatuses: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** dict disability_type (残疾类别) and 残疾等级 (1–4), where recorded */
    disabilityType: varchar({ length: 16 }),
    disabilityGrade: varchar({ length: 8 }),
    /** dict education (文化程度); exactly one of education / schoolStatus */
    education: varchar({ length: 24 }),
    /** dict school_status (在校生状况) */
    schoolStatus: varchar({ length: 24 }),
    /** 务工时间（月）this year */
    workMonths: smallint(),
    /** dict employment_status (务工状态) */
    employmentStatus: varchar({ length: 24 }),
    employmentPlace: text(),
    /** willing to be trained / to work */
    wantsTraining: boolean(),
    trainedThisYear: boolean(),
    /** 就业意愿 (H4: willing to work); null = not recorded */
    wantsWork: boolean(),
    /** dict employment_channel (就业渠道): enterprise | workshop | work_relief | public_post | self_employed | flexible | other */
    employmentChannel: varchar({ length: 24 }),
    /** 务工企业: an entity of the registry where known (J3, J4) */
    employerEntityId: bigint({ mode: 'number' }).references(() => entities.id, { onDelete: 'set null' }),
    /** 务工企业名称 as recorded (national field), also when no entity matches */
    employerName: text(),
    /** 务工月收入 (分) */
    monthlyWageFen: bigint({ mode: 'number' }),
    /** skills mastered (掌握技能, H4/H7 "1–2 项技能"): free text items, e.g. 大枣栽培, 电工 */
    skills: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    phone: varchar({ length: 32 }),
    /** dict exit_reason (自然减少), with the date; the person is hidden from lists and read-only while set */
    exitReason: varchar({ length: 16 }),
    exitDate: date({ mode: 'string' }),
    exitNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_number_uq').on(t.idNumber),
    uniqueIndex('persons_person_no_uq').on(t.personNo),
    index('persons_household_idx').on(t.householdId),
    index('persons_employer_idx')
      .on(t.employerEntityId)
      .where(sql`${t.employerEntityId} IS NOT NULL`),
    uniqueIndex('persons_one_head_uq')
      .on(t.householdId)
      .where(sql`${t.isHead}`),
    index('persons_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`),
    /** name-prefix search of the household list (`name LIKE 'q%'`) */
    index('persons_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
  ],
);

/** 收入 per household per year: four income types and 生产经营性支出. */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    year: integer().notNull(),
    wage: money().notNull().default(0),
    business: money().notNull().default(0),
    businessExpense: money().notNull().default(0),
    property: money().notNull().default(0),
    transfer: money().notNull().default(0),
    /** 理赔收入 and 合规自付支出: for 突发严重困难户, income is judged after them */
    claimIncome: money().notNull().default(0),
    compliantSelfPaid: money().notNull().default(0),
    /** household size used for 人均 (defaults to member count when recorded) */
    memberCount: integer().notNull(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('household_incomes_year_uq').on(t.householdId, t.year),
    // the coverage gatherer reads a year's incomes under a region prefix (a village refreshed after one edit: an
    // index range, not a scan of the county's year)
    index('household_incomes_region_idx').using('btree', t.year, sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/** 帮扶责任人 and other helpers (驻村工作队, 第一书记, 科技特派员 …). */
export const helpers = pgTable(
  'helpers',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    regionCode: varchar({ length: 15 }).notNull(),
    name: text().notNull(),
    /** dict helper_role */
    role: varchar({ length: 24 }).notNull(),
    organisation: text(),
    phone: varchar({ length: 32 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
  },
  (t) => [index('helpers_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/** Which helper is accountable for which household (结对帮扶). */
export const householdHelpers = pgTable(
  'household_helpers',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    helperId: bigint({ mode: 'number' })
      .notNull()
      .references(() => helpers.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
  },
  (t) => [uniqueIndex('household_helpers_uq').on(t.householdId, t.helperId)],
);

/** 帮扶措施 (support measure): one of the 14 national categories (dict measure_category). */
export const supportMeasures = pgTable(
  'support_measures',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    category: varchar({ length: 24 }).notNull(),
    description: text(),
    year: integer().notNull(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    helperId: bigint({ mode: 'number' }).references(() => helpers.id, { onDelete: 'set null' }),
    amountYuan: money(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_measures_household_idx').on(t.householdId), index('support_measures_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`)],
);

/**
 * 监测识别与风险消除 record (one per monitoring episode). Identification: lead → 入户核实 → 信息比对 →
 * 民主评议 → 公示 (≥ 5 days) → 乡镇审核 → 县级审批. Elimination: method + its own verification dates.
 */
export const monitoringCases = pgTable(
  'monitoring_cases',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: varchar({ length: 15 }).notNull(),
    monitoringType: varchar({ length: 24 }).notNull(),
    /** dict lead_source: self_report | cadre_check | department_alert */
    leadSource: varchar({ length: 24 }),
    leadDate: date({ mode: 'string' }),
    homeVisitDate: date({ mode: 'string' }),
    infoCheckDate: date({ mode: 'string' }),
    villageReviewDate: date({ mode: 'string' }),
    publicityStart: date({ mode: 'string' }),
    publicityEnd: date({ mode: 'string' }),
    townshipReviewDate: date({ mode: 'string' }),
    countyApprovalDate: date({ mode: 'string' }),
    /** identifying | monitoring | eliminated */
    status: varchar({ length: 16 }).notNull().default('identifying'),
    /** dict elimination_method: assisted (帮扶消除) | natural (自然消除) */
    eliminationMethod: varchar({ length: 16 }),
    eliminationDate: date({ mode: 'string' }),
    /** Date from which per-capita income has stayed above the monitoring line (for the half-year test). */
    incomeStableSince: date({ mode: 'string' }),
    /**
     * Where the case waits, i.e. who acts next: identification village → township_review → county_approval →
     * approved; elimination elim_village → elim_township_review → elim_county_approval → eliminated; a 退回 sends
     * it back to the village stage with returnReason.
     */
    stage: varchar({ length: 24 }).notNull().default('village'),
    returnReason: text(),
    returnedAt: timestamp({ withTimezone: true }),
    /** dict risk_type codes recorded by the case */
    riskTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 承诺授权书 signing date */
    commitmentDate: date({ mode: 'string' }),
    /** 风险消除 procedure: 入户核实 → 评议公示 → 乡镇审核 → 县级审批 */
    elimHomeVisitDate: date({ mode: 'string' }),
    elimPublicityStart: date({ mode: 'string' }),
    elimPublicityEnd: date({ mode: 'string' }),
    elimTownshipReviewDate: date({ mode: 'string' }),
    elimCountyApprovalDate: date({ mode: 'string' }),
    /** 大额刚性支出 resolved, no new risk: assessed during the elimination home visit (null = not assessed) */
    rigidExpenseResolved: boolean(),
    noNewRisk: boolean(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_cases_household_idx').on(t.householdId), index('monitoring_cases_stage_idx').using('btree', t.stage, sql`${t.regionCode} varchar_pattern_ops`)],
);

/**
 * 防止返贫监测范围 (the monitoring line) per province and year, maintained by an administrator with its source
 * document. `confirmed = false` marks a placeholder, shown as such wherever it is used.
 */
export const monitoringLines = pgTable(
  'monitoring_lines',
  {
    provinceCode: varchar({ length: 2 }).notNull(),
    year: integer().notNull(),
    amountYuan: money().notNull(),
    /** 文号 and title of the province's document */
    source: text().notNull(),
    confirmed: boolean().notNull().default(false),
    updatedBy: bigint({ mode: 'number' }),
    /** optimistic lock: +1 on every update; a save sends the version it read, a stale one is 409 */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitoring_lines_uq').on(t.provinceCode, t.year)],
);
