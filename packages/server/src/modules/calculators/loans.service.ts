import {
  AppError,
  addMonths,
  c1Limits,
  checkC1,
  fenToYuan,
  loanSchedule,
  yuanToFen,
  type Issue,
  type LoanCreate,
  type LoanUpdate,
  type LoanView,
  type RepaymentCreate,
  type RepaymentView,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertHouseholdActive, assertWritableChild, getReadableHousehold, getWritableHousehold } from '../households/household-access.ts';
import { throwIfIssues } from '../households/household.rules.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { ruleOf } from './calculators.service.ts';
import * as repo from './loans.repo.ts';
import { rateBpOf, toLoanView, toRepaymentView } from './loans.views.ts';

type Household = { id: number; regionCode: string; isLifted: boolean; monitoringType: string | null; householdType: string };

async function c1Of(db: Conn, regionCode: string) {
  const { pack } = await getActivePack(db, countyCodeOf(regionCode));
  return { pack, cfg: pack.rules.find((r) => r.ruleId === 'C1') };
}

/** Views of loans with their repayments and borrowers' names. */
async function viewsOf(db: Conn, rows: repo.LoanRow[]): Promise<LoanView[]> {
  if (rows.length === 0) return [];
  const reps = await repo.listRepayments(
    db,
    rows.map((l) => l.id),
  );
  const borrowers = await repo.findBorrowers(
    db,
    rows.map((l) => l.personId).filter((x): x is number => x !== null),
  );
  const { pack, cfg } = await c1Of(db, rows[0]!.regionCode);
  return rows.map((l) => toLoanView(l, reps, l.personId === null ? null : (borrowers.get(l.personId)?.name ?? null), pack, cfg));
}

/** GET /households/:id/loans: the household's loans (404 out of scope). */
export async function listHouseholdLoans(deps: Deps, actor: Actor, householdId: number): Promise<{ items: LoanView[] }> {
  const db = deps.db.db;
  await getReadableHousehold(db, actor, householdId);
  return { items: await viewsOf(db, await repo.listHouseholdLoans(db, householdId)) };
}

/** GET /loans: a page of loans under a region (township and county lists). */
export async function listLoans(deps: Deps, actor: Actor, q: { regionCode?: string | undefined; status?: string | undefined; page: number; pageSize: number }) {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const { items, total } = await repo.listLoansPage(db, { prefix, status: q.status }, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    items: items.map((r) => ({
      id: r.loan.id,
      householdId: r.loan.householdId,
      householdNo: r.householdNo,
      headName: r.headName,
      regionCode: r.loan.regionCode,
      regionName: r.regionName,
      amountYuan: fenToYuan(r.loan.amountFen),
      termMonths: r.loan.termMonths,
      annualRate: rateBpOf(r.loan.annualRate) / 100,
      startDate: r.loan.startDate,
      maturityDate: r.loan.maturityDate,
      status: r.loan.status,
      interestSubsidyYuan: fenToYuan(r.loan.interestSubsidyFen),
      version: r.loan.version,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type LoanFields = {
  personId: number | null;
  amountFen: number;
  termMonths: number;
  rateBp: number;
  startDate: string;
  maturityDate: string;
  needsAndCanRepay: boolean;
};

/**
 * The C1 checks of a loan (002 §二(四)2) against the county's pack: field problems are 400 naming the field; a loan
 * C1 refuses (over 10 万, over 5 万 without 有需求、能还款, over 3 years, the borrower's age, a household that is neither
 * 脱贫户 nor 边缘易致贫户) is 409 CONFLICT with `details.ruleId` 'C1' and the reasons as issues: the request is
 * well-formed but conflicts with the policy and the household's recorded state (422 is kept for files).
 */
async function checkLoan(db: Conn, h: Household, f: LoanFields) {
  const issues: Issue[] = [];
  if (f.maturityDate <= f.startDate)
    issues.push({ path: 'maturityDate', value: f.maturityDate, messageZh: '到期日期须晚于放贷日期', messageEn: 'the maturity date must be after the start date' });
  let birth: string | null = null;
  if (f.personId !== null) {
    const p = (await repo.findBorrowers(db, [f.personId])).get(f.personId);
    if (!p || p.householdId !== h.id)
      issues.push({ path: 'personId', value: f.personId, messageZh: '借款人须为本户成员', messageEn: 'the borrower must be a member of this household' });
    else birth = p.birthDate;
  }
  throwIfIssues(issues, 'loan is invalid');
  const { pack } = await getActivePack(db, countyCodeOf(h.regionCode));
  const cfg = ruleOf(pack, 'C1', 'CONFLICT');
  const r = checkC1(cfg, {
    amountFen: f.amountFen,
    termMonths: f.termMonths,
    rateBp: f.rateBp,
    needsAndCanRepay: f.needsAndCanRepay,
    borrowerBirthDate: birth,
    onDate: f.startDate,
    household: { isLifted: h.isLifted, monitoringType: h.monitoringType, householdType: h.householdType },
  });
  if (!r.accepted) throw new AppError('CONFLICT', 'C1 refuses the loan', { ruleId: 'C1', issues: r.refusals, warnings: r.warnings });
  return { cfg, capFen: c1Limits(cfg).subsidisedUpToFen };
}

/** The subsidised cap (分) of the county's active pack; null when it sets no C1 (the stored subsidy is then kept). */
async function capOf(db: Conn, regionCode: string): Promise<number | null> {
  const { cfg } = await c1Of(db, regionCode);
  return cfg ? c1Limits(cfg).subsidisedUpToFen : null;
}

/**
 * An edit that contradicts the recorded repayments: an amount below the principal already repaid, 已结清 (repaid)
 * asked for a loan with principal outstanding, another status asked for a loan its repayments have settled.
 */
function statusIssues(input: LoanUpdate, amountFen: number, reps: repo.RepaymentRow[]): Issue[] {
  const repaidFen = reps.reduce((s, r) => s + r.principalFen, 0);
  if (amountFen < repaidFen) {
    return [
      {
        path: 'amountYuan',
        value: input.amountYuan,
        messageZh: `贷款金额不能少于已归还本金 ${fenToYuan(repaidFen)} 元`,
        messageEn: `the amount cannot be below the principal repaid (${fenToYuan(repaidFen)} yuan)`,
      },
    ];
  }
  const settled = reps.length > 0 && repaidFen === amountFen;
  if (input.status === 'repaid' && !settled) {
    return [
      {
        path: 'status',
        value: input.status,
        messageZh: `尚欠本金 ${fenToYuan(amountFen - repaidFen)} 元，不能标记为已结清：结清由登记的还款得出`,
        messageEn: `${fenToYuan(amountFen - repaidFen)} yuan of principal is outstanding: a loan is repaid when its recorded repayments cover it`,
      },
    ];
  }
  if (input.status !== undefined && input.status !== 'repaid' && settled) {
    return [
      { path: 'status', value: input.status, messageZh: '该笔贷款的本金已全部归还（已结清），不能改为其他状态', messageEn: 'the loan is repaid in full: its status cannot change' },
    ];
  }
  return [];
}

/**
 * The loan's cached figures (loans.status, loans.interest_subsidy_fen; schema/funds.ts) after its repayments: the
 * subsidy from its own schedule, and `repaid` when the repayments cover the principal (back to `active` when they no
 * longer do; `overdue` is an officer's mark and stays). Written in the transaction of every loan edit and repayment write.
 */
function recomputed(l: Pick<repo.LoanRow, 'amountFen' | 'annualRate' | 'startDate' | 'maturityDate' | 'status'>, reps: repo.RepaymentRow[], capFen: number) {
  const s = loanSchedule({ amountFen: l.amountFen, rateBp: rateBpOf(l.annualRate), startDate: l.startDate, maturityDate: l.maturityDate }, reps, capFen);
  const status = s.outstandingFen === 0 && reps.length > 0 ? 'repaid' : l.status === 'repaid' ? 'active' : l.status;
  return { interestSubsidyFen: s.interestSubsidyFen, status };
}

/** POST /households/:id/loans: records a loan C1 accepts, with its subsidy. */
export async function createLoan(deps: Deps, actor: Actor, householdId: number, input: LoanCreate): Promise<LoanView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const f: LoanFields = {
    personId: input.personId ?? null,
    amountFen: yuanToFen(input.amountYuan, 'amountYuan'),
    termMonths: input.termMonths,
    rateBp: Math.round(input.annualRate * 100),
    startDate: input.startDate,
    maturityDate: input.maturityDate ?? addMonths(input.startDate, input.termMonths),
    needsAndCanRepay: input.needsAndCanRepay,
  };
  const { capFen } = await checkLoan(db, h, f);
  const row = await db.transaction(async (tx) => {
    const values = {
      householdId,
      regionCode: h.regionCode,
      personId: f.personId,
      amountFen: f.amountFen,
      termMonths: f.termMonths,
      annualRate: f.rateBp / 10_000,
      startDate: f.startDate,
      maturityDate: f.maturityDate,
      needsAndCanRepay: f.needsAndCanRepay,
      purpose: input.purpose ?? null,
      lender: input.lender ?? null,
      note: input.note ?? null,
      status: 'active',
    };
    const l = await repo.insertLoan(tx, { ...values, interestSubsidyFen: recomputed(values, [], capFen).interestSubsidyFen });
    await recordAudit(tx, actor, { action: 'create', entityType: 'loan', entityId: l.id, regionCode: h.regionCode, householdId, after: l });
    return l;
  });
  return (await viewsOf(db, [row]))[0]!;
}

async function lockLoanVersioned(tx: Conn, actor: Actor, id: number, version: number | undefined): Promise<repo.LoanRow> {
  const before = assertWritableChild(actor, await repo.lockLoan(tx, id), 'loan', id);
  await checkVersion(before.version, version, async () => (await viewsOf(tx, [before]))[0]);
  return before;
}

/** PATCH /loans/:id: edits a loan (its version), checked again by C1, its subsidy recomputed from its schedule. */
export async function updateLoan(deps: Deps, actor: Actor, id: number, input: LoanUpdate, version: number | undefined): Promise<LoanView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findLoan(db, id), 'loan', id);
  const h = await getWritableHousehold(db, actor, found.householdId);
  const row = await db.transaction(async (tx) => {
    const before = await lockLoanVersioned(tx, actor, id, version);
    const startDate = input.startDate ?? before.startDate;
    const termMonths = input.termMonths ?? before.termMonths;
    const termChanged = input.startDate !== undefined || input.termMonths !== undefined;
    const f: LoanFields = {
      personId: input.personId === undefined ? before.personId : input.personId,
      amountFen: input.amountYuan === undefined ? before.amountFen : yuanToFen(input.amountYuan, 'amountYuan'),
      termMonths,
      rateBp: input.annualRate === undefined ? rateBpOf(before.annualRate) : Math.round(input.annualRate * 100),
      startDate,
      maturityDate: input.maturityDate ?? (termChanged ? addMonths(startDate, termMonths) : before.maturityDate),
      needsAndCanRepay: input.needsAndCanRepay ?? before.needsAndCanRepay,
    };
    // the loan's terms changed: C1 judges it again; a note, purpose, lender or status alone is not a new loan
    const termsChanged = (['personId', 'amountYuan', 'termMonths', 'annualRate', 'startDate', 'maturityDate', 'needsAndCanRepay'] as const).some((k) => input[k] !== undefined);
    const capFen = termsChanged ? (await checkLoan(tx, h, f)).capFen : await capOf(tx, before.regionCode);
    const patch = {
      ...f,
      annualRate: f.rateBp / 10_000,
      purpose: input.purpose === undefined ? before.purpose : input.purpose,
      lender: input.lender === undefined ? before.lender : input.lender,
      note: input.note === undefined ? before.note : input.note,
      status: input.status ?? before.status,
    };
    const { rateBp: _r, ...fields } = patch;
    const reps = await repo.listRepayments(tx, [id]);
    throwIfIssues(statusIssues(input, fields.amountFen, reps), 'loan is invalid');
    const next = recomputed(fields, reps, capFen ?? 0);
    const l = await repo.updateLoan(tx, id, { ...fields, status: next.status, ...(capFen === null ? {} : { interestSubsidyFen: next.interestSubsidyFen }) });
    await recordAudit(tx, actor, { action: 'update', entityType: 'loan', entityId: id, regionCode: l.regionCode, householdId: l.householdId, before, after: l });
    return l;
  });
  return (await viewsOf(db, [row]))[0]!;
}

/** The loan's stored subsidy and status after its repayments changed (inside the write's transaction). */
async function refreshLoan(tx: Conn, actor: Actor, before: repo.LoanRow): Promise<void> {
  const capFen = await capOf(tx, before.regionCode);
  const next = recomputed(before, await repo.listRepayments(tx, [before.id]), capFen ?? 0);
  if (capFen === null) next.interestSubsidyFen = before.interestSubsidyFen;
  if (next.interestSubsidyFen === before.interestSubsidyFen && next.status === before.status) return;
  const l = await repo.updateLoan(tx, before.id, next);
  await recordAudit(tx, actor, { action: 'update', entityType: 'loan', entityId: l.id, regionCode: l.regionCode, householdId: l.householdId, before, after: l });
}

/** POST /loans/:id/repayments: records a repayment; the loan's subsidy is recomputed from its schedule. */
export async function addRepayment(deps: Deps, actor: Actor, loanId: number, input: RepaymentCreate): Promise<RepaymentView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findLoan(db, loanId), 'loan', loanId);
  await assertHouseholdActive(db, found.householdId);
  const principalFen = yuanToFen(input.principalYuan, 'principalYuan');
  const interestFen = yuanToFen(input.interestYuan, 'interestYuan');
  return db.transaction(async (tx) => {
    const loan = assertWritableChild(actor, await repo.lockLoan(tx, loanId), 'loan', loanId);
    const issues: Issue[] = [];
    if (input.paidOn < loan.startDate)
      issues.push({ path: 'paidOn', value: input.paidOn, messageZh: '还款日期早于放贷日期', messageEn: 'the repayment is dated before the loan started' });
    const repaid = (await repo.listRepayments(tx, [loanId])).reduce((s, r) => s + r.principalFen, 0);
    if (repaid + principalFen > loan.amountFen) {
      issues.push({
        path: 'principalYuan',
        value: input.principalYuan,
        messageZh: `归还本金合计超过贷款金额（尚欠 ${fenToYuan(loan.amountFen - repaid)} 元）`,
        messageEn: `repayments would exceed the loan (outstanding ${fenToYuan(loan.amountFen - repaid)} yuan)`,
      });
    }
    if (principalFen === 0 && interestFen === 0) issues.push({ path: 'principalYuan', messageZh: '本金和利息不能都为 0', messageEn: 'principal and interest cannot both be 0' });
    throwIfIssues(issues, 'repayment is invalid');
    const r = await repo.insertRepayment(tx, { loanId, householdId: loan.householdId, regionCode: loan.regionCode, paidOn: input.paidOn, principalFen, interestFen });
    await recordAudit(tx, actor, { action: 'create', entityType: 'loan_repayment', entityId: r.id, regionCode: r.regionCode, householdId: r.householdId, after: r });
    await refreshLoan(tx, actor, loan);
    return toRepaymentView(r);
  });
}

/** DELETE /loan-repayments/:id (If-Match): removes a repayment; the loan's subsidy is recomputed. */
export async function deleteRepayment(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findRepayment(db, id), 'loan repayment', id);
  await assertHouseholdActive(db, found.householdId);
  await db.transaction(async (tx) => {
    const loan = assertWritableChild(actor, await repo.lockLoan(tx, found.loanId), 'loan', found.loanId);
    const before = assertWritableChild(actor, await repo.lockRepayment(tx, id), 'loan repayment', id);
    await checkVersion(before.version, version, () => toRepaymentView(before));
    await repo.deleteRepayment(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'loan_repayment', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
    await refreshLoan(tx, actor, loan);
  });
}
