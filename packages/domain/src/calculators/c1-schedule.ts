import { roundDiv } from './amount-text.ts';

/** A recorded loan as its schedule needs it. */
export type ScheduledLoan = { amountFen: number; rateBp: number; startDate: string; maturityDate: string };
/** A repayment of principal (interest paid is not needed: the subsidy is the interest due on the subsidised part). */
export type ScheduledRepayment = { paidOn: string; principalFen: number };

/** One stretch of the schedule with the same outstanding principal. */
export type ScheduleSegment = {
  from: string;
  to: string;
  outstandingFen: number;
  /** the part of the outstanding principal whose interest is subsidised: min(outstanding, cap) */
  subsidisedFen: number;
  /** whole months, then the days left over (逐笔计息法) */
  months: number;
  days: number;
  interestFen: number;
};

export type LoanSchedule = { segments: ScheduleSegment[]; interestSubsidyFen: number; repaidFen: number; outstandingFen: number };

const DAY_MS = 86_400_000;
const toUtc = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The same day `months` later; the month's last day when it is shorter (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(ny, nm, Math.min(d, last)));
}

/** Whole months from `from` to `to`, then the days left (to ≥ from). */
export function monthsAndDays(from: string, to: string): { months: number; days: number } {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let months = Math.max(0, (ty - fy) * 12 + (tm - fm));
  while (months > 0 && addMonths(from, months) > to) months--;
  const days = Math.round((toUtc(to) - toUtc(addMonths(from, months))) / DAY_MS);
  return { months, days };
}

/**
 * The interest subsidy of a recorded loan from its own repayment schedule (002 §二(四)2: interest on the part
 * ≤ 5 万 is subsidised in full). Between two repayments the subsidised part is min(outstanding principal, cap)
 * (a repayment first pays off the part above the cap). Interest of a stretch by the banks' 逐笔计息法 (中国人民银行
 * 《关于人民币存贷款计结息问题的通知》银发〔2005〕129号: whole months at the monthly rate = yearly ÷ 12, the days left at
 * the daily rate = yearly ÷ 360), so a loan repaid at maturity gets exactly principal × rate × years, the usual
 * figure. Interest after the maturity date (overdue) is not subsidised. Each stretch rounded to the 分.
 * @param capFen the subsidised cap (C1 `subsidisedUpToYuan` in 分)
 */
export function loanSchedule(loan: ScheduledLoan, repayments: readonly ScheduledRepayment[], capFen: number): LoanSchedule {
  const sorted = [...repayments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  const segments: ScheduleSegment[] = [];
  let outstanding = loan.amountFen;
  let cursor = loan.startDate;
  const close = (to: string) => {
    if (to <= cursor || outstanding <= 0) return;
    const subsidisedFen = Math.min(outstanding, capFen);
    const { months, days } = monthsAndDays(cursor, to);
    const interestFen = roundDiv(BigInt(subsidisedFen) * BigInt(loan.rateBp) * BigInt(30 * months + days), 3_600_000n);
    segments.push({ from: cursor, to, outstandingFen: outstanding, subsidisedFen, months, days, interestFen });
  };
  for (const r of sorted) {
    const on = r.paidOn < loan.startDate ? loan.startDate : r.paidOn > loan.maturityDate ? loan.maturityDate : r.paidOn;
    close(on);
    if (on > cursor) cursor = on;
    outstanding = Math.max(0, outstanding - r.principalFen);
  }
  close(loan.maturityDate);
  const repaidFen = sorted.reduce((s, r) => s + r.principalFen, 0);
  return { segments, interestSubsidyFen: segments.reduce((s, x) => s + x.interestFen, 0), repaidFen, outstandingFen: Math.max(0, loan.amountFen - repaidFen) };
}
