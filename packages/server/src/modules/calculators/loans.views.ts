import { c1Limits, checkC1, fenToYuan, formatClause, loanSchedule, type LoanView, type PolicyPack, type RepaymentView, type RuleConfig } from '@chanbang/domain';
import type { LoanRow, RepaymentRow } from './loans.repo.ts';

/** Yearly rate as stored (0.0345) → basis points (345). */
export const rateBpOf = (stored: number): number => Math.round(Number(stored) * 10_000);

export function toRepaymentView(r: RepaymentRow): RepaymentView {
  return { id: r.id, loanId: r.loanId, paidOn: r.paidOn, principalYuan: fenToYuan(r.principalFen), interestYuan: fenToYuan(r.interestFen), version: r.version };
}

/**
 * A loan as every role sees it: amounts in 元, the rate in %, its repayments and its schedule (when the county's
 * pack sets C1). It carries the borrower's name only: never an ID number or a phone.
 */
export function toLoanView(l: LoanRow, repayments: RepaymentRow[], borrowerName: string | null, pack: PolicyPack, cfg: RuleConfig | undefined): LoanView {
  const own = repayments.filter((r) => r.loanId === l.id);
  const rateBp = rateBpOf(l.annualRate);
  const schedule = cfg ? loanSchedule({ amountFen: l.amountFen, rateBp, startDate: l.startDate, maturityDate: l.maturityDate }, own, c1Limits(cfg).subsidisedUpToFen) : null;
  const warnings = cfg ? checkC1(cfg, { amountFen: l.amountFen, termMonths: l.termMonths, rateBp, needsAndCanRepay: l.needsAndCanRepay }).warnings : [];
  const repaid = own.reduce((s, r) => s + r.principalFen, 0);
  return {
    id: l.id,
    householdId: l.householdId,
    regionCode: l.regionCode,
    personId: l.personId,
    borrowerName,
    amountYuan: fenToYuan(l.amountFen),
    termMonths: l.termMonths,
    annualRate: rateBp / 100,
    startDate: l.startDate,
    maturityDate: l.maturityDate,
    needsAndCanRepay: l.needsAndCanRepay,
    purpose: l.purpose,
    lender: l.lender,
    status: l.status,
    interestSubsidyYuan: fenToYuan(l.interestSubsidyFen),
    outstandingYuan: fenToYuan(Math.max(0, l.amountFen - repaid)),
    note: l.note,
    version: l.version,
    repayments: own.map(toRepaymentView),
    schedule: (schedule?.segments ?? []).map((s) => ({
      from: s.from,
      to: s.to,
      outstandingYuan: fenToYuan(s.outstandingFen),
      subsidisedYuan: fenToYuan(s.subsidisedFen),
      months: s.months,
      days: s.days,
      interestYuan: fenToYuan(s.interestFen),
    })),
    warnings,
    clause: cfg ? formatClause(pack, cfg.clause) : '',
  };
}
