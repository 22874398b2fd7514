import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entities } from './entities.ts';
import { households, persons } from './households.ts';
import { versioned } from './industry-columns.ts';

/**
 * Employment, public-welfare posts, job subsidies, training and local farmers' income (issue 8 §4–§8; 003 §二(二)–(三),
 * 002 §二(二)3, §二(三)1). Money is integer 分. Every table carries `region_code` (scoping by prefix): a person's rows
 * carry the person's household region and move with it; rows a person edits carry `version`.
 */

/** 公益性岗位 (J5 按需设岗): a post created from a need in a village, with its monthly subsidy. */
export const publicWelfarePosts = pgTable(
  'public_welfare_posts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the village (or township) the post serves */
    regionCode: varchar({ length: 15 }).notNull(),
    name: text().notNull(),
    /** dict public_post_type: 保洁, 护林, 护路, 水管, 治安, 其他 … */
    postType: varchar({ length: 24 }).notNull(),
    /** 按需设岗: the need the post answers (required) */
    needReason: text().notNull(),
    /** 岗位补贴 per month (分) */
    monthlySubsidyFen: bigint({ mode: 'number' }).notNull(),
    /** open (待聘) | filled (在岗) | closed (撤岗, kept with its history) */
    status: varchar({ length: 16 }).notNull().default('open'),
    closedOn: date({ mode: 'string' }),
    closedReason: text(),
    note: text(),
    ...versioned,
  },
  (t) => [index('public_welfare_posts_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.id)],
);

/** 以岗聘任 … 有序退岗 (J5): a person hired to a post from a date, with the exit and its reason when it ends. */
export const postAppointments = pgTable(
  'post_appointments',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    postId: bigint({ mode: 'number' })
      .notNull()
      .references(() => publicWelfarePosts.id, { onDelete: 'cascade' }),
    personId: bigint({ mode: 'number' })
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the person's household region (moves with it) */
    regionCode: varchar({ length: 15 }).notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    /** 退岗日期; null = on post */
    endedOn: date({ mode: 'string' }),
    /** dict post_exit_reason (退岗原因), required with endedOn */
    exitReason: varchar({ length: 24 }),
    exitNote: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('post_appointments_post_active_uq')
      .on(t.postId)
      .where(sql`${t.endedOn} IS NULL`),
    uniqueIndex('post_appointments_person_active_uq')
      .on(t.personId)
      .where(sql`${t.endedOn} IS NULL`),
    index('post_appointments_person_idx').on(t.personId),
    index('post_appointments_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/** 在岗领补 (J5): the subsidy of one month paid to an appointment; only months on post, once per month. */
export const postPayments = pgTable(
  'post_payments',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    appointmentId: bigint({ mode: 'number' })
      .notNull()
      .references(() => postAppointments.id, { onDelete: 'cascade' }),
    postId: bigint({ mode: 'number' }).notNull(),
    personId: bigint({ mode: 'number' }).notNull(),
    regionCode: varchar({ length: 15 }).notNull(),
    /** the month paid for: its first day (YYYY-MM-01) */
    month: date({ mode: 'string' }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    paidOn: date({ mode: 'string' }),
    createdBy: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_payments_month_uq').on(t.appointmentId, t.month), index('post_payments_person_idx').on(t.personId, t.month)],
);

/**
 * 就业补助 paid (J1 一次性交通补助, J2 一次性创业补助, J3 一次性吸纳就业补贴). Eligibility is computed, never typed; the
 * partial unique indexes refuse a second payment in the database too: J1 once a year per person, J2 once per
 * household (003 §二(二)2 脱贫个体经营户), J3 once per (entity, hired person).
 */
export const subsidyPayments = pgTable(
  'subsidy_payments',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** travel (J1) | startup (J2) | hiring (J3) */
    kind: varchar({ length: 16 }).notNull(),
    year: integer().notNull(),
    /** the worker (J1), the business owner (J2), the person hired (J3) */
    personId: bigint({ mode: 'number' })
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** J3: the entity paid */
    entityId: bigint({ mode: 'number' }).references(() => entities.id, { onDelete: 'set null' }),
    /** the person's household region (moves with it) */
    regionCode: varchar({ length: 15 }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    note: text(),
    createdBy: bigint({ mode: 'number' }),
    ...versioned,
  },
  (t) => [
    uniqueIndex('subsidy_payments_travel_uq')
      .on(t.personId, t.year)
      .where(sql`${t.kind} = 'travel'`),
    // J2 is per 脱贫个体经营户 (003 §二(二)2): once per household
    uniqueIndex('subsidy_payments_startup_household_uq')
      .on(t.householdId)
      .where(sql`${t.kind} = 'startup'`),
    uniqueIndex('subsidy_payments_hiring_uq')
      .on(t.entityId, t.personId)
      .where(sql`${t.kind} = 'hiring'`),
    index('subsidy_payments_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.year),
    index('subsidy_payments_person_idx').on(t.personId, t.year),
  ],
);

/** 技能培训 (H7): a course given by a provider, its dates, the skill taught and the certificate it leads to. */
export const trainings = pgTable(
  'trainings',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the organising region (county, township or village) */
    regionCode: varchar({ length: 15 }).notNull(),
    course: text().notNull(),
    provider: text(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    /** the skill taught (大枣栽培管理, 设施蔬菜种植, 电工 …) */
    skill: text(),
    /** dict training_certificate: none | completion (结业证书) | vocational (职业技能等级证书) | special (特种作业证) */
    certificate: varchar({ length: 24 }),
    note: text(),
    ...versioned,
  },
  (t) => [index('trainings_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`, t.startsOn)],
);

/** A person who took part in a training (H7 counts each willing 脱贫 laborer's trainings of the year). */
export const trainingParticipants = pgTable(
  'training_participants',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    trainingId: bigint({ mode: 'number' })
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    personId: bigint({ mode: 'number' })
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    householdId: bigint({ mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** the person's household region (moves with it) */
    regionCode: varchar({ length: 15 }).notNull(),
    /** finished the course (结业) */
    completed: boolean().notNull().default(true),
    certificateNo: text(),
    ...versioned,
  },
  (t) => [
    uniqueIndex('training_participants_uq').on(t.trainingId, t.personId),
    index('training_participants_person_idx').on(t.personId),
    index('training_participants_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/** 当地农民人均可支配收入 of a region and year (H6 compares 脱贫 households' growth with it), with its source. */
export const localFarmerIncomes = pgTable(
  'local_farmer_incomes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** the county (or township) the figure is published for */
    regionCode: varchar({ length: 15 }).notNull(),
    year: integer().notNull(),
    perCapitaIncomeFen: bigint({ mode: 'number' }).notNull(),
    /** 数据来源 (统计公报 …) */
    source: text(),
    ...versioned,
  },
  (t) => [uniqueIndex('local_farmer_incomes_uq').on(t.regionCode, t.year)],
);
