import {
  alreadyPaidIssue,
  fenToYuan,
  holderExitIssue,
  holderExitWords,
  monthOf,
  monthStart,
  monthWords,
  paymentAmountIssue,
  paymentMonthIssue,
  yuanToFen,
  type Issue,
  type PostBatchPay,
  type PostBatchPayResult,
  type PostDetail,
  type PostPay,
} from '@chanbang/domain';
import { isUniqueViolation } from '../../db-errors.ts';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { todayInChina } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertWriteScope } from '../regions/scope.ts';
import * as repo from './posts.repo.ts';
import { bad, lockWritablePost, postDetail, refuse, writablePostFirst } from './posts.service.ts';

// 在岗领补 (J5, 003 §二(二)4): a month's subsidy only for a month on post, not in the future, once (post_payments_month_uq).

/**
 * Pays months of one holding (the current holder by default): all or none. A month not on post is 409
 * INVALID_TRANSITION, a month after the holder left the registry (自然减少) 409 RECORD_EXITED, a month already paid
 * 409 CONFLICT, each naming the month; a month to come is 400, an amount other than the post's standard 400.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, RECORD_EXITED, INVALID_TRANSITION, CONFLICT
 */
export async function payMonths(deps: Deps, actor: Actor, id: number, input: PostPay): Promise<PostDetail> {
  const db = deps.db.db;
  await writablePostFirst(db, actor, id);
  const today = todayInChina();
  const seen = new Set<string>();
  input.months.forEach((m, i) => {
    if (seen.has(m)) bad([{ path: `months[${i}]`, value: m, messageZh: `${monthWords(m).zh}重复填写`, messageEn: `${m} is listed twice` }]);
    seen.add(m);
    if (m > monthOf(today)) bad([paymentMonthIssue({ startedOn: '0000-01-01', endedOn: null }, m, today, `months[${i}]`)!]);
  });
  const amountFen = input.amountYuan === undefined ? undefined : yuanToFen(input.amountYuan, 'amountYuan');
  await db.transaction(async (tx) => {
    const post = await lockWritablePost(tx, actor, id, undefined, false);
    const holding = input.appointmentId ? await repo.lockAppointment(tx, input.appointmentId) : await repo.lockActiveAppointment(tx, id);
    if (!holding || holding.postId !== id) {
      const issue: Issue = input.appointmentId
        ? { path: 'appointmentId', value: input.appointmentId, messageZh: '该岗位没有这条聘任记录', messageEn: 'no such holding of this post' }
        : { path: 'months', messageZh: '该岗位当前无在岗人员，不能发放补贴', messageEn: 'nobody holds the post' };
      refuse('INVALID_TRANSITION', [issue]);
    }
    const h = holding!;
    const outside = input.months.map((m, i) => paymentMonthIssue(h, m, today, `months[${i}]`)).filter((x): x is Issue => x !== null);
    if (outside.length) refuse('INVALID_TRANSITION', outside);
    const exit = await repo.personExit(tx, h.personId);
    const gone = input.months.map((m, i) => holderExitIssue(exit, m, `months[${i}]`)).filter((x): x is Issue => x !== null);
    if (gone.length) refuse('RECORD_EXITED', gone);
    const wrongAmount = amountFen === undefined ? null : paymentAmountIssue(amountFen, post.monthlySubsidyFen);
    if (wrongAmount) bad([wrongAmount]);
    const paid = new Set(await repo.paidMonthsOf(tx, h.id));
    const twice = input.months.flatMap((m, i) => (paid.has(m) ? [alreadyPaidIssue(m, `months[${i}]`)] : []));
    if (twice.length) refuse('CONFLICT', twice);
    const rows = await repo
      .insertPayments(
        tx,
        input.months.map((m) => ({
          appointmentId: h.id,
          postId: id,
          personId: h.personId,
          regionCode: h.regionCode,
          month: monthStart(m),
          amountFen: post.monthlySubsidyFen,
          paidOn: input.paidOn ?? today,
          createdBy: actor.id,
        })),
      )
      .catch((err: unknown) => (isUniqueViolation(err, 'post_payments_month_uq') ? refuse('CONFLICT', [alreadyPaidIssue(input.months[0]!)]) : Promise.reject(err)));
    await recordAudit(tx, actor, { action: 'pay', entityType: 'public_post', entityId: id, regionCode: post.regionCode, householdId: h.householdId, after: rows });
  });
  return postDetail(db, actor, id);
}

/**
 * Pays one month to every current holder of a filled post under a region of the writer's scope (a village's
 * payroll). Holders already paid for the month, or hired after it, are left as they are; holders who left the
 * registry before the month (自然减少, exit from the post not yet recorded) are skipped and listed in `holderExited`.
 * @throws AppError FORBIDDEN, NOT_FOUND, VALIDATION_FAILED
 */
export async function payMonthForRegion(deps: Deps, actor: Actor, input: PostBatchPay): Promise<PostBatchPayResult> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const today = todayInChina();
  const future = paymentMonthIssue({ startedOn: '0000-01-01', endedOn: null }, input.month, today, 'month');
  if (future) bad([future]);
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, input.regionCode);
  return db.transaction(async (tx) => {
    const holdings = await repo.lockActiveHoldings(tx, prefix);
    const already = await repo.paidFor(
      tx,
      holdings.map((h) => h.appointment.id),
      monthStart(input.month),
    );
    const onPost = holdings.filter((h) => !already.has(h.appointment.id) && paymentMonthIssue(h.appointment, input.month, today) === null);
    // a holder who left the registry before the month (自然减少, exit from the post not recorded) is skipped and named
    const gone = onPost.filter((h) => h.exitReason !== null && holderExitIssue({ exitReason: h.exitReason, exitDate: h.exitDate }, input.month) !== null);
    const due = onPost.filter((h) => !gone.includes(h));
    const rows = await repo.insertPayments(
      tx,
      due.map((h) => ({
        appointmentId: h.appointment.id,
        postId: h.appointment.postId,
        personId: h.appointment.personId,
        regionCode: h.appointment.regionCode,
        month: monthStart(input.month),
        amountFen: h.monthlySubsidyFen,
        paidOn: input.paidOn ?? today,
        createdBy: actor.id,
      })),
    );
    for (const r of rows) await recordAudit(tx, actor, { action: 'pay', entityType: 'public_post', entityId: r.postId, regionCode: r.regionCode, after: r });
    const totalFen = rows.reduce((a, r) => a + r.amountFen, 0);
    const holderExited = gone.map((h) => {
      const e = holderExitWords({ exitReason: h.exitReason!, exitDate: h.exitDate });
      return { postId: h.appointment.postId, postName: h.postName, personName: h.personName, exitReason: h.exitReason!, exitDate: h.exitDate, exitZh: e.zh, exitEn: e.en };
    });
    return { paid: rows.length, alreadyPaid: already.size, totalYuan: fenToYuan(totalFen), holderExited };
  });
}
