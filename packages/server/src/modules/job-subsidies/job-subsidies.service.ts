import {
  AppError,
  API_LIMITS,
  HOUSEHOLD_PAID_STARTUP,
  JOB_SUBSIDY_LABELS,
  JOB_SUBSIDY_RULE,
  defaultJobSubsidyFen,
  duplicateJobSubsidyIssue,
  fenToYuan,
  formatClause,
  jobSubsidyAmountIssue,
  jobSubsidyIneligibility,
  jobSubsidyTermsOf,
  levelOfRole,
  regionPrefix,
  yuanToFen,
  type Issue,
  type JobSubsidyBatch,
  type JobSubsidyBatchResult,
  type JobSubsidyExportQuery,
  type JobSubsidyItem,
  type JobSubsidyKind,
  type JobSubsidyListQuery,
  type JobSubsidyPage,
  type JobSubsidyPaymentCreate,
  type JobSubsidyPaymentView,
  type JobSubsidyTerms,
  type JobSubsidyTermsView,
  type PolicyPack,
} from '@chanbang/domain';
import { isUniqueViolation } from '../../db-errors.ts';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { idFor } from '../households/households.views.ts';
import { todayInChina } from '../households/household.rules.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, isInScope } from '../regions/scope.ts';
import * as repo from './job-subsidies.repo.ts';

// 就业补助 (issue 8 §5; 003 §二(二)2, §二(三)2): the eligible lists of J1/J2/J3 per year with their payments, a payment
// (eligibility and the once-only rule checked again on the server, the database's partial unique indexes behind it),
// its 撤销. County and township staff pay; a village officer and a viewer read.

/** The partial unique index of each kind's slot (migration 0008: J2 per household). */
const SLOT_INDEX: Readonly<Record<JobSubsidyKind, string>> = {
  travel: 'subsidy_payments_travel_uq',
  startup: 'subsidy_payments_startup_household_uq',
  hiring: 'subsidy_payments_hiring_uq',
};

const conflict = (message: string, issues: Issue[]): never => {
  throw new AppError('CONFLICT', message, { issues });
};

/**
 * Payments are recorded by county and township staff (the subsidies are paid by the county's departments through the
 * townships); a village officer and a viewer read the lists.
 * @throws AppError FORBIDDEN
 */
export function assertSubsidyWriter(actor: Actor): void {
  assertCanWrite(actor);
  if (levelOfRole(actor.role) === 'village') {
    throw new AppError('FORBIDDEN', 'a village officer may only read job subsidies', {
      role: actor.role,
      issues: [
        {
          path: 'role',
          messageZh: '村级账号只能查看就业补助名单；补助发放由乡镇或县级业务员登记',
          messageEn: 'Village accounts read the lists only; township or county staff record payments',
        },
      ],
    });
  }
}

/** The county's pack and its terms of a kind (null when the pack does not set it). */
async function termsOf(db: Conn, regionCode: string, kind: JobSubsidyKind): Promise<{ pack: PolicyPack; terms: JobSubsidyTerms | null }> {
  const { pack } = await getActivePack(db, countyCodeOf(regionCode.padEnd(12, '0')));
  return { pack, terms: jobSubsidyTermsOf(pack.rules, kind) };
}

function termsView(kind: JobSubsidyKind, pack: PolicyPack, terms: JobSubsidyTerms | null): JobSubsidyTermsView {
  const cfg = pack.rules.find((r) => r.ruleId === JOB_SUBSIDY_RULE[kind]);
  const fen = (v: number | null | undefined) => (v === null || v === undefined ? null : fenToYuan(v));
  return {
    inForce: terms !== null,
    ruleId: JOB_SUBSIDY_RULE[kind],
    clause: terms?.clause ?? null,
    clauseText: terms ? formatClause(pack, terms.clause) : null,
    maxYuan: fen(terms?.maxFen),
    amountYuan: fen(terms?.amountFen),
    minStableMonths: terms?.minStableMonths ?? null,
    defaultAmountYuan: terms ? fen(defaultJobSubsidyFen(terms)) : null,
    noteZh: cfg?.noteZh ?? null,
  };
}

const notInForce = (kind: JobSubsidyKind): Issue => ({
  path: 'kind',
  messageZh: `本县政策包未规定${JOB_SUBSIDY_LABELS[kind].zh}，不能登记发放`,
  messageEn: `the county's policy pack does not set the ${JOB_SUBSIDY_LABELS[kind].en}`,
});

export function toPaymentView(r: repo.PaymentRow): JobSubsidyPaymentView {
  return {
    id: r.id,
    kind: r.kind as JobSubsidyKind,
    year: r.year,
    personId: r.personId,
    householdId: r.householdId,
    entityId: r.entityId,
    regionCode: r.regionCode,
    amountYuan: fenToYuan(r.amountFen),
    paidOn: r.paidOn,
    note: r.note,
    version: r.version,
  };
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function toItem(r: repo.CandidateRow, kind: JobSubsidyKind, terms: JobSubsidyTerms | null, pii: boolean): JobSubsidyItem {
  const entityId = num(r.entity_id);
  const facts = {
    householdType: r.household_type,
    employmentStatus: r.employment_status,
    employmentChannel: r.employment_channel,
    workMonths: num(r.work_months),
    employerEntityId: num(r.employer_entity_id),
    exited: r.exited === true,
  };
  const reasons = terms ? jobSubsidyIneligibility(kind, facts, terms) : [];
  // J3: eligible for the pair only while the entity is the person's employer
  if (kind === 'hiring' && facts.employerEntityId !== entityId && facts.employerEntityId !== null)
    reasons.push({ code: 'moved', zh: '现务工企业已变更', en: 'now works elsewhere' });
  // J2 once per household (migration 0008): another member was paid
  if (kind === 'startup' && r.pay_id === null && r.household_paid === true) reasons.push(HOUSEHOLD_PAID_STARTUP);
  return {
    personId: Number(r.person_id),
    householdId: Number(r.household_id),
    householdNo: r.household_no,
    name: r.name,
    idNumber: idFor(r.id_number, pii),
    regionCode: r.region_code,
    regionName: r.region_name,
    householdType: r.household_type,
    employmentStatus: r.employment_status,
    employmentChannel: r.employment_channel,
    workMonths: facts.workMonths,
    entityId,
    entityName: r.entity_name,
    eligible: terms !== null && reasons.length === 0,
    reasonsZh: reasons.map((x) => x.zh),
    payment:
      r.pay_id === null
        ? null
        : {
            id: Number(r.pay_id),
            kind,
            year: Number(r.pay_year),
            personId: Number(r.person_id),
            householdId: Number(r.household_id),
            entityId,
            regionCode: r.pay_region_code ?? r.region_code,
            amountYuan: fenToYuan(Number(r.pay_amount_fen)),
            paidOn: r.pay_paid_on ?? '',
            note: r.pay_note,
            version: Number(r.pay_version),
          },
  };
}

/** The list's filter in the actor's scope, with the county's terms. */
export async function subsidyFilter(deps: Deps, actor: Actor, q: JobSubsidyExportQuery) {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const { pack, terms } = await termsOf(db, prefix, q.kind);
  const filter: repo.JobSubsidyFilter = { kind: q.kind, year, prefix, minStableMonths: terms?.minStableMonths ?? null, status: q.status ?? 'all', q: q.q };
  return { filter, pack, terms, year };
}

/** GET /api/v1/job-subsidies: the eligible list of a kind and year (scoped), with 已发放/未发放 and the county's terms. */
export async function listJobSubsidies(deps: Deps, actor: Actor, q: JobSubsidyListQuery): Promise<JobSubsidyPage> {
  const { filter, pack, terms, year } = await subsidyFilter(deps, actor, q);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const rows = terms ? await repo.listCandidates(deps.db.db, filter, pageSize, (q.page - 1) * pageSize) : [];
  const pii = seesPii(actor);
  const first = rows[0];
  return {
    kind: q.kind,
    year,
    terms: termsView(q.kind, pack, terms),
    items: rows.map((r) => toItem(r, q.kind, terms, pii)),
    total: first ? Number(first.total) : 0,
    page: q.page,
    pageSize,
    paidCount: first ? Number(first.paid_count) : 0,
    paidYuan: first ? fenToYuan(Number(first.paid_fen)) : 0,
  };
}

/** Rows of the export (the whole filtered list, up to `max`), as items. */
export async function exportRows(deps: Deps, actor: Actor, q: JobSubsidyExportQuery, max: number) {
  const { filter, pack, terms, year } = await subsidyFilter(deps, actor, q);
  const rows = terms ? await repo.listCandidates(deps.db.db, filter, max, 0) : [];
  return { items: rows.map((r) => toItem(r, q.kind, terms, seesPii(actor))), terms: termsView(q.kind, pack, terms), year, prefix: filter.prefix };
}

/**
 * A payment is judged on the person's record as it stands today, so it is recorded for this year or the last one only
 * (an older year would be judged on today's facts), paid between 1 January of its year and today.
 * @throws AppError VALIDATION_FAILED on year or paidOn
 */
export function assertPaymentDates(year: number, paidOn: string, today: string = todayInChina()): void {
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear || year < thisYear - 1) {
    throw new AppError('VALIDATION_FAILED', 'the year is not this year or the last one', {
      issues: [
        {
          path: 'year',
          value: year,
          messageZh: `发放年度只能是 ${thisYear - 1} 年或 ${thisYear} 年（按人员现有登记情况核定，更早年度不能补登）`,
          messageEn: `the year must be ${thisYear - 1} or ${thisYear} (eligibility is judged on the record as it stands)`,
        },
      ],
    });
  }
  const from = `${year}-01-01`;
  if (paidOn < from || paidOn > today) {
    throw new AppError('VALIDATION_FAILED', 'paidOn outside the year up to today', {
      issues: [
        {
          path: 'paidOn',
          value: paidOn,
          messageZh: `发放日期须在 ${from} 至 ${today} 之间（发放年度 ${year} 年内，且不晚于今天）`,
          messageEn: `the payment date must be between ${from} and ${today}`,
        },
      ],
    });
  }
}

/**
 * POST /api/v1/job-subsidies/payments: records a payment after checking, on the locked person row, that the person is
 * eligible now (409 CONFLICT with the reasons), that the slot is free (409 CONFLICT: 不能重复发放 — also when the partial
 * unique index refuses it under a race) and the amount (400 on amountYuan). J3 needs the entity the person works for.
 * @throws AppError NOT_FOUND (person or entity outside the scope), FORBIDDEN, VALIDATION_FAILED, CONFLICT
 */
export async function createPayment(deps: Deps, actor: Actor, input: JobSubsidyPaymentCreate): Promise<JobSubsidyPaymentView> {
  const db = deps.db.db;
  assertSubsidyWriter(actor);
  const person = assertRecordInScope(actor, await repo.findPerson(db, input.personId), 'person', { personId: input.personId });
  const { kind, year } = input;
  const { pack, terms } = await termsOf(db, person.regionCode, kind);
  if (!terms) conflict('the pack does not set this subsidy', [notInForce(kind)]);
  const t = terms!;
  assertPaymentDates(year, input.paidOn);
  const amountFen = yuanToFen(input.amountYuan, 'amountYuan');
  const amountIssue = jobSubsidyAmountIssue(t, amountFen, formatClause(pack, t.clause));
  if (amountIssue) throw new AppError('VALIDATION_FAILED', 'the amount is not allowed', { issues: [amountIssue] });
  const entityId = kind === 'hiring' ? (input.entityId ?? null) : null;
  if (kind === 'hiring' && entityId === null) {
    throw new AppError('VALIDATION_FAILED', 'J3 needs the entity', {
      issues: [{ path: 'entityId', messageZh: '吸纳就业补贴须选择发放的经营主体', messageEn: 'choose the entity paid' }],
    });
  }
  if (kind !== 'hiring' && input.entityId) {
    throw new AppError('VALIDATION_FAILED', 'only J3 names an entity', {
      issues: [{ path: 'entityId', messageZh: '只有吸纳就业补贴填写经营主体', messageEn: 'only the hiring subsidy names an entity' }],
    });
  }
  if (entityId !== null) {
    const e = await repo.findEntity(db, entityId);
    if (!e || !(isInScope(actor, e.regionCode) || actor.scopePrefix.startsWith(regionPrefix(e.regionCode)))) {
      throw new AppError('NOT_FOUND', 'entity not found', { entityId });
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const p = await repo.findPerson(tx, person.id, true);
      assertRecordInScope(actor, p, 'person', { personId: person.id });
      const facts = { ...p!, exited: p!.exitReason !== null || p!.householdDeletedAt !== null };
      const reasons = jobSubsidyIneligibility(kind, facts, t);
      if (entityId !== null && p!.employerEntityId !== null && p!.employerEntityId !== entityId) {
        reasons.push({ code: 'other_employer', zh: '该人员的务工企业不是所选经营主体', en: 'the person does not work for this entity' });
      }
      if (reasons.length) {
        conflict('not eligible', [
          {
            path: 'personId',
            messageZh: `${p!.name}不符合${JOB_SUBSIDY_LABELS[kind].zh}条件：${reasons.map((r) => r.zh).join('；')}`,
            messageEn: `not eligible for the ${JOB_SUBSIDY_LABELS[kind].en}: ${reasons.map((r) => r.en).join('; ')}`,
          },
        ]);
      }
      if (await repo.findSlotPayment(tx, kind, { personId: p!.id, householdId: p!.householdId }, year, entityId)) conflict('paid already', [duplicateJobSubsidyIssue(kind, year)]);
      const row = await repo.insertPayment(tx, {
        kind,
        year,
        personId: p!.id,
        householdId: p!.householdId,
        entityId,
        regionCode: p!.regionCode,
        amountFen,
        paidOn: input.paidOn,
        note: input.note ?? null,
        createdBy: actor.id,
      });
      await recordAudit(tx, actor, { action: 'create', entityType: 'subsidy_payment', entityId: row.id, regionCode: row.regionCode, householdId: row.householdId, after: row });
      return toPaymentView(row);
    });
  } catch (err) {
    if (isUniqueViolation(err, SLOT_INDEX[kind])) conflict('paid already (unique index)', [duplicateJobSubsidyIssue(kind, year)]);
    throw err;
  }
}

/**
 * POST /api/v1/job-subsidies/payments/batch: pays each selected person the prefilled amount (J1 the cap, J2 the
 * amount), one audited transaction each; a person refused (not eligible, paid already, outside the scope) is listed.
 */
export async function payBatch(deps: Deps, actor: Actor, input: JobSubsidyBatch): Promise<JobSubsidyBatchResult> {
  assertSubsidyWriter(actor);
  const refused: JobSubsidyBatchResult['refused'] = [];
  let created = 0;
  for (const personId of [...new Set(input.personIds)]) {
    const person = await repo.findPerson(deps.db.db, personId);
    const terms = person && isInScope(actor, person.regionCode) ? (await termsOf(deps.db.db, person.regionCode, input.kind)).terms : null;
    const fen = terms ? defaultJobSubsidyFen(terms) : null;
    try {
      if (!person || !isInScope(actor, person.regionCode)) throw new AppError('NOT_FOUND', 'person not found', { personId });
      if (fen === null) conflict('not in force', [notInForce(input.kind)]);
      await createPayment(deps, actor, { kind: input.kind, personId, year: input.year, amountYuan: fenToYuan(fen!), paidOn: input.paidOn });
      created++;
    } catch (err) {
      if (!(err instanceof AppError) || !['CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED'].includes(err.code)) throw err;
      const issue = err.details?.issues?.[0];
      refused.push({ personId, reasonZh: issue?.messageZh ?? '人员不存在或不在您的管辖范围内', reasonEn: issue?.messageEn ?? 'no such person in your scope' });
    }
  }
  return { created, refused };
}

/**
 * DELETE /api/v1/job-subsidies/payments/:id (撤销): If-Match or ?version=; audited.
 * @throws AppError NOT_FOUND (missing or outside the scope), FORBIDDEN, VERSION_REQUIRED, STALE_VERSION
 */
export async function deletePayment(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  assertRecordInScope(actor, await repo.findPayment(db, id), 'subsidy payment', { id });
  assertSubsidyWriter(actor);
  await db.transaction(async (tx) => {
    const before = assertRecordInScope(actor, await repo.findPayment(tx, id, true), 'subsidy payment', { id });
    await checkVersion(before.version, version, () => toPaymentView(before));
    await repo.deletePayment(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'subsidy_payment', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}
