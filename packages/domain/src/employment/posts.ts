import { DICT, dictLabelEn, dictLabelZh, getDictItems } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';
import { fenToYuan } from '../money/money.ts';

/**
 * 乡村公益性岗位 (J5, 003 §二(二)4 "健全'按需设岗、以岗聘任、在岗领补、有序退岗'的管理机制"): the lifecycle of a post and
 * the checks of each step, pure. A post is created from a need (open, 待聘), a person is hired to it (filled, 在岗),
 * the monthly subsidy is paid only for months on post, and the holder leaves with a reason (the post is open again),
 * or the post is closed (撤岗) while nobody holds it.
 *
 * Who may be hired: 003 §二(二)4 says "针对脱贫人口和监测对象中有就业意愿的弱劳力和半劳力，优先安置" — a priority, not a
 * condition, so any person of the post's area still in the registry may be hired; J4 (002 §二(二)3, Jincheng) then
 * judges that at least half of the holders are 脱贫劳动力. {@link hirePriority} tells the form whether the person is
 * of the priority group.
 */

export type PostStatus = 'open' | 'filled' | 'closed';
export const POST_STATUSES: readonly PostStatus[] = ['open', 'filled', 'closed'];
export const POST_STATUS_LABELS: Readonly<Record<PostStatus, { zh: string; en: string }>> = {
  open: { zh: '待聘', en: 'Open' },
  filled: { zh: '在岗', en: 'Filled' },
  closed: { zh: '已撤岗', en: 'Closed' },
};

/** A calendar month `YYYY-MM`. */
export type Month = string;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a `YYYY-MM` text of a real month. */
export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/** The month of a date (`2024-03-15` → `2024-03`). */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The first day of a month (`2024-03` → `2024-03-01`), as stored in post_payments.month. */
export function monthStart(month: Month): string {
  return `${month}-01`;
}

/** The month after `month`. */
export function nextMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `2024年3月` / `March 2024` style words of a month. */
export function monthWords(month: Month): { zh: string; en: string } {
  return { zh: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, en: month };
}

/** A holding period: from the start date, until the exit date (null = still on post). */
export type HoldingPeriod = { startedOn: string; endedOn: string | null };

/**
 * The months of a holding period up to `untilMonth` (inclusive): a month counts when the holder was on post on some
 * day of it (the start month and the exit month both count — 在岗领补 pays the month the holder worked in).
 */
export function monthsOnPost(p: HoldingPeriod, untilMonth: Month): Month[] {
  const out: Month[] = [];
  const last = p.endedOn && monthOf(p.endedOn) < untilMonth ? monthOf(p.endedOn) : untilMonth;
  for (let m = monthOf(p.startedOn); m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** True when the holder was on post in `month` (see {@link monthsOnPost}). */
export function onPostIn(p: HoldingPeriod, month: Month): boolean {
  return month >= monthOf(p.startedOn) && (p.endedOn === null || month <= monthOf(p.endedOn));
}

/** Why a post cannot take a new holder (以岗聘任: only an open post), or null. */
export function hireRefusal(status: string): Issue | null {
  if (status === 'open') return null;
  return status === 'filled'
    ? { path: 'postId', messageZh: '该岗位已有在岗人员，须其退岗后才能另行聘任', messageEn: 'The post is filled: the holder must leave first' }
    : { path: 'postId', messageZh: '该岗位已撤销，不能聘任', messageEn: 'The post is closed and takes no holder' };
}

/** Why a post cannot be closed (撤岗 only while nobody holds it; a closed post stays closed), or null. */
export function closeRefusal(status: string): Issue | null {
  if (status === 'open') return null;
  return status === 'filled'
    ? { path: 'status', messageZh: '岗位尚有在岗人员，须先办理退岗再撤岗', messageEn: 'The post is filled: record the exit before closing it' }
    : { path: 'status', messageZh: '该岗位已撤销', messageEn: 'The post is already closed' };
}

/**
 * 003 §二(二)4 优先安置: the person is of a 脱贫户 or 监测户 (the priority group). Others may still be hired.
 * @param householdType dict household_type code
 */
export function hirePriority(householdType: string | null | undefined): boolean {
  return householdType === 'lifted' || householdType === 'monitored';
}

/**
 * The checks of a hire's start date: a real date, not in the future (以岗聘任 records a hire that happened).
 * @param startedOn YYYY-MM-DD
 * @param today YYYY-MM-DD in China
 */
export function hireDateIssues(startedOn: string, today: string): Issue[] {
  return startedOn > today ? [{ path: 'startedOn', value: startedOn, messageZh: '聘任日期不能晚于今天', messageEn: 'The start date cannot be in the future' }] : [];
}

/**
 * 在岗领补 (003 §二(二)4): why the subsidy of `month` cannot be paid to this holding, or null. Only a month of the
 * holding period ({@link onPostIn}) and not after the current month; a month already paid is refused by the caller
 * (it knows the payments), with {@link alreadyPaidIssue}.
 * @param path the field named in the issue (`months[2]`)
 */
export function paymentMonthIssue(p: HoldingPeriod, month: Month, today: string, path = 'months'): Issue | null {
  const w = monthWords(month);
  if (!isMonth(month)) return { path, value: month, messageZh: '月份格式应为 YYYY-MM', messageEn: 'a month is written YYYY-MM' };
  if (month > monthOf(today)) return { path, value: month, messageZh: `${w.zh}尚未到来，不能发放补贴`, messageEn: `${w.en} has not come yet` };
  if (month < monthOf(p.startedOn)) {
    return { path, value: month, messageZh: `${w.zh}早于聘任日期 ${p.startedOn}，不在岗不能领补`, messageEn: `${w.en} is before the start date ${p.startedOn}: not on post` };
  }
  if (p.endedOn && month > monthOf(p.endedOn)) {
    return { path, value: month, messageZh: `${w.zh}晚于退岗日期 ${p.endedOn}，不在岗不能领补`, messageEn: `${w.en} is after the exit date ${p.endedOn}: not on post` };
  }
  return null;
}

/** A holder who left the registry (自然减少, persons.exit_reason / exit_date): dict exit_reason code and date. */
export type HolderExit = { exitReason: string; exitDate: string | null };

/** `死亡（2026-03-05）` / `Death (2026-03-05)`: a holder's 自然减少 in words. */
export function holderExitWords(exit: HolderExit): { zh: string; en: string } {
  const items = getDictItems(DICT.exitReason);
  const date = exit.exitDate ?? '日期未记录';
  return { zh: `${dictLabelZh(items, exit.exitReason)}，${date}`, en: `${dictLabelEn(items, exit.exitReason)}, ${exit.exitDate ?? 'date not recorded'}` };
}

/**
 * 在岗领补 (003 §二(二)4 "对安置人员按规定给予岗位补贴"): a holder who left the registry (死亡 … 自然减少) is no longer on
 * post after the month of the exit, whether or not the exit from the post is recorded yet: why `month` cannot be
 * paid to them, or null (the exit month itself is paid, like an exit from the post; no date recorded refuses every month).
 */
export function holderExitIssue(exit: HolderExit | null, month: Month, path = 'months'): Issue | null {
  if (!exit?.exitReason) return null;
  if (exit.exitDate && month <= monthOf(exit.exitDate)) return null;
  const w = monthWords(month);
  const e = holderExitWords(exit);
  return {
    path,
    value: month,
    messageZh: `持岗人员已自然减少（${e.zh}），${w.zh}不能发放岗位补贴，请办理退岗`,
    messageEn: `the holder left the registry (${e.en}): ${w.en} cannot be paid; record the exit from the post`,
  };
}

/**
 * 在岗领补 at the post's standard (003 §二(二)4 "按规定给予岗位补贴"): a month is paid the post's monthly subsidy. The
 * payment records no note to explain another amount, so any other amount is refused (change the post's subsidy
 * instead, which applies from then on); null when `amountFen` is the standard.
 */
export function paymentAmountIssue(amountFen: number, standardFen: number): Issue | null {
  if (amountFen === standardFen) return null;
  const std = fenToYuan(standardFen);
  return {
    path: 'amountYuan',
    value: fenToYuan(amountFen),
    messageZh: `每月补贴金额须为本岗位补贴标准 ${std} 元，不能另行填写`,
    messageEn: `the monthly amount must be the post’s standard subsidy of ${std} yuan`,
  };
}

/** The issue of a month already paid to the holding (post_payments_month_uq refuses it in the database too). */
export function alreadyPaidIssue(month: Month, path = 'months'): Issue {
  const w = monthWords(month);
  return { path, value: month, messageZh: `${w.zh}的岗位补贴已发放，不能重复发放`, messageEn: `the subsidy of ${w.en} is already paid` };
}

/**
 * 有序退岗 (003 §二(二)4): the exit needs a reason of dict post_exit_reason and a date not before the start, not in
 * the future, and not before the last month already paid (a paid month must stay within the holding period).
 * @param lastPaidMonth the latest month paid to the holding, if any
 */
export function exitIssues(input: { endedOn: string; exitReason: string }, p: { startedOn: string }, today: string, lastPaidMonth: Month | null): Issue[] {
  const issues: Issue[] = [];
  if (!input.exitReason.trim()) issues.push({ path: 'exitReason', messageZh: '退岗须填写退岗原因', messageEn: 'An exit needs its reason' });
  if (input.endedOn < p.startedOn) {
    issues.push({
      path: 'endedOn',
      value: input.endedOn,
      messageZh: `退岗日期不能早于聘任日期 ${p.startedOn}`,
      messageEn: `The exit date cannot be before the start date ${p.startedOn}`,
    });
  } else if (input.endedOn > today) {
    issues.push({ path: 'endedOn', value: input.endedOn, messageZh: '退岗日期不能晚于今天', messageEn: 'The exit date cannot be in the future' });
  } else if (lastPaidMonth && monthOf(input.endedOn) < lastPaidMonth) {
    const w = monthWords(lastPaidMonth);
    issues.push({
      path: 'endedOn',
      value: input.endedOn,
      messageZh: `已发放${w.zh}的岗位补贴，退岗日期不能早于该月`,
      messageEn: `the subsidy of ${w.en} is paid: the exit date cannot be before that month`,
    });
  }
  return issues;
}

/** The completed months of `year` before the month of `today` (a month is due once it has ended). */
export function completedMonthsOf(year: number, today: string): Month[] {
  const out: Month[] = [];
  const current = monthOf(today);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month < current) out.push(month);
  }
  return out;
}

/**
 * Months of `year` the holding was on post, had ended by `today`, and were not paid (在岗未领补, J5).
 * @param paid the months paid to this holding
 */
export function unpaidMonths(p: HoldingPeriod, paid: readonly Month[], year: number, today: string): Month[] {
  const done = new Set(paid);
  return completedMonthsOf(year, today).filter((m) => onPostIn(p, m) && !done.has(m));
}

/** Months as words, runs shortened: `2024年1月、2月、5月`. */
export function monthListWords(months: readonly Month[]): { zh: string; en: string } {
  const zh: string[] = [];
  let year = '';
  for (const m of months) {
    const y = m.slice(0, 4);
    zh.push(y === year ? `${Number(m.slice(5, 7))}月` : `${y}年${Number(m.slice(5, 7))}月`);
    year = y;
  }
  return { zh: zh.join('、'), en: months.join(', ') };
}

/**
 * A share of people ≥ a threshold (J4: 1/3, 1/2), on integers: part ≥ min × whole (a third of 3 is 1; 3 333 of
 * 10 000 is below a third). Counts are whole people, so the tolerance only absorbs the float of 1/3.
 */
export function peopleShareMet(part: number, whole: number, min: number): boolean {
  return part >= min * whole - 1e-9;
}
