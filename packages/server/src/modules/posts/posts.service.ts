import {
  AppError,
  API_LIMITS,
  closeRefusal,
  exitIssues,
  hireDateIssues,
  hireRefusal,
  regionPrefix,
  yuanToFen,
  type Issue,
  type PostClose,
  type PostCreate,
  type PostDetail,
  type PostExit,
  type PostHire,
  type PostListQuery,
  type PostPage,
  type PostPatch,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { todayInChina } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope, isInScope } from '../regions/scope.ts';
import { clearPostChannel } from './post-holder-exit.ts';
import * as repo from './posts.repo.ts';
import { toAppointmentView, toPostView } from './posts.views.ts';

// 乡村公益性岗位 (issue 8 §4; J5 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗). Every writer role of the scope
// (village officers run their village's posts); the payments are in payments.service.ts.

export const bad = (issues: Issue[]): never => {
  throw new AppError('VALIDATION_FAILED', 'the post request is invalid', { issues });
};
export const refuse = (code: 'INVALID_TRANSITION' | 'CONFLICT' | 'RECORD_EXITED', issues: Issue[]): never => {
  throw new AppError(code, issues[0]?.messageEn ?? code, { issues });
};

/** @throws AppError NOT_FOUND (missing or out of scope) */
export async function getReadablePost(db: Conn, actor: Actor, id: number): Promise<repo.FoundPost> {
  const found = await repo.findPost(db, id);
  assertRecordInScope(actor, found?.post, 'post', { id });
  return found!;
}

export async function postDetail(db: Conn, actor: Actor, id: number): Promise<PostDetail> {
  const found = await getReadablePost(db, actor, id);
  const holders = await repo.listAppointments(db, [id]);
  const payments = await repo.listPayments(
    db,
    holders.map((h) => h.appointment.id),
  );
  const pii = seesPii(actor);
  return { ...toPostView(found), appointments: holders.map((h) => toAppointmentView(h, payments, pii)) };
}

export async function getPost(deps: Deps, actor: Actor, id: number): Promise<PostDetail> {
  return postDetail(deps.db.db, actor, id);
}

export async function postFilter(deps: Deps, actor: Actor, q: Omit<PostListQuery, 'page' | 'pageSize'>): Promise<repo.PostFilter> {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  return { prefix, postType: q.postType, status: q.status ?? 'active', q: q.q };
}

export async function listPosts(deps: Deps, actor: Actor, q: PostListQuery): Promise<PostPage> {
  const f = await postFilter(deps, actor, q);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total } = await repo.listPosts(deps.db.db, f, pageSize, (q.page - 1) * pageSize);
  return { items: rows.map(toPostView), total, page: q.page, pageSize };
}

async function checkRegion(db: Conn, code: string): Promise<void> {
  const region = await repo.findRegion(db, code);
  if (!region || region.retiredAt || !['township', 'village'].includes(region.level)) {
    bad([{ path: 'regionCode', value: code, messageZh: '设岗地须为在用的乡镇或行政村', messageEn: 'the post must serve an active township or village' }]);
  }
}

/**
 * 按需设岗: a post of the writer's scope, created open (待聘) with its need and monthly subsidy.
 * @throws AppError FORBIDDEN, VALIDATION_FAILED
 */
export async function createPost(deps: Deps, actor: Actor, input: PostCreate): Promise<PostDetail> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  const db = deps.db.db;
  await checkRegion(db, input.regionCode);
  const monthlySubsidyFen = yuanToFen(input.monthlySubsidyYuan, 'monthlySubsidyYuan');
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertPost(tx, {
      name: input.name.trim(),
      postType: input.postType,
      regionCode: input.regionCode,
      needReason: input.needReason.trim(),
      monthlySubsidyFen,
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, { action: 'create', entityType: 'public_post', entityId: row.id, regionCode: row.regionCode, after: row });
    return row.id;
  });
  return postDetail(db, actor, id);
}

/** Scope (404) before role (403): an out-of-scope id answers as a missing one. */
export async function writablePostFirst(db: Conn, actor: Actor, id: number): Promise<void> {
  await getReadablePost(db, actor, id);
  assertCanWrite(actor);
}

/**
 * The post locked in the transaction, in scope, at the version sent (when `version` is checked), not closed.
 * @throws AppError NOT_FOUND, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function lockWritablePost(tx: Conn, actor: Actor, id: number, version: number | undefined, versioned = true): Promise<repo.PostRow> {
  const row = assertRecordInScope(actor, await repo.lockPost(tx, id), 'post', { id });
  if (versioned) await checkVersion(row.version, version, () => postDetail(tx, actor, id));
  if (row.status === 'closed')
    refuse('RECORD_EXITED', [{ path: 'status', messageZh: '该岗位已撤销，记录保留但不能再修改', messageEn: 'The post is closed: its record is kept read-only' }]);
  return row;
}

/**
 * PATCH: name, type, need, subsidy, note (a new subsidy applies to months paid from now on). The region may change
 * only while nobody holds the post.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED, INVALID_TRANSITION
 */
export async function patchPost(deps: Deps, actor: Actor, id: number, patch: PostPatch, version: number | undefined): Promise<PostDetail> {
  const db = deps.db.db;
  await writablePostFirst(db, actor, id);
  if (patch.regionCode !== undefined) {
    assertWriteScope(actor, patch.regionCode);
    await checkRegion(db, patch.regionCode);
  }
  await db.transaction(async (tx) => {
    const row = await lockWritablePost(tx, actor, id, version);
    if (patch.regionCode !== undefined && patch.regionCode !== row.regionCode && row.status === 'filled') {
      refuse('INVALID_TRANSITION', [{ path: 'regionCode', messageZh: '岗位有在岗人员时不能变更设岗地', messageEn: 'A filled post cannot move to another place' }]);
    }
    const values: Partial<repo.PostInsert> = {};
    if (patch.name !== undefined) values.name = patch.name.trim();
    if (patch.postType !== undefined) values.postType = patch.postType;
    if (patch.regionCode !== undefined) values.regionCode = patch.regionCode;
    if (patch.needReason !== undefined) values.needReason = patch.needReason.trim();
    if (patch.monthlySubsidyYuan !== undefined) values.monthlySubsidyFen = yuanToFen(patch.monthlySubsidyYuan, 'monthlySubsidyYuan');
    if (patch.note !== undefined) values.note = patch.note ?? null;
    const after = await repo.updatePost(tx, id, values);
    await recordAudit(tx, actor, { action: 'update', entityType: 'public_post', entityId: id, regionCode: after.regionCode, before: row, after });
  });
  return postDetail(db, actor, id);
}

/**
 * 撤岗: an open post is closed with its reason and date (kept with its history, read-only).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED, INVALID_TRANSITION
 */
export async function closePost(deps: Deps, actor: Actor, id: number, input: PostClose, version: number | undefined): Promise<PostDetail> {
  const db = deps.db.db;
  await writablePostFirst(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await lockWritablePost(tx, actor, id, version);
    const why = closeRefusal(row.status);
    if (why) refuse('INVALID_TRANSITION', [why]);
    if (input.closedOn > todayInChina())
      bad([{ path: 'closedOn', value: input.closedOn, messageZh: '撤岗日期不能晚于今天', messageEn: 'The closing date cannot be in the future' }]);
    const after = await repo.updatePost(tx, id, { status: 'closed', closedOn: input.closedOn, closedReason: input.reason.trim() });
    await recordAudit(tx, actor, { action: 'close', entityType: 'public_post', entityId: id, regionCode: row.regionCode, before: row, after });
  });
  return postDetail(db, actor, id);
}

const personRefused = (personId: number): never =>
  bad([
    { path: 'personId', value: personId, messageZh: '所选人员不存在，或不属于本岗位所在村（乡镇）及您的管辖范围', messageEn: 'no such person in the post’s area and your scope' },
  ]);

/**
 * 以岗聘任: a person of a household under the post's region (and in the actor's scope), still in the registry and
 * on no other post, is hired to an open post from a date; the post becomes filled and the person's 就业渠道 公益性岗位,
 * in one transaction (the partial unique indexes refuse a second holder in the database too).
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED, INVALID_TRANSITION, CONFLICT
 */
export async function hire(deps: Deps, actor: Actor, id: number, input: PostHire, version: number | undefined): Promise<PostDetail> {
  const db = deps.db.db;
  await writablePostFirst(db, actor, id);
  const dateIssues = hireDateIssues(input.startedOn, todayInChina());
  if (dateIssues.length) bad(dateIssues);
  await db.transaction(async (tx) => {
    // the person before the post: a member's or a household's 自然减少 locks the person first, then the holdings
    // (endHoldingsOfLeavers); the other order here could deadlock with it
    const found = await repo.lockPersonWithHousehold(tx, input.personId);
    const post = await lockWritablePost(tx, actor, id, version);
    const why = hireRefusal(post.status);
    if (why) refuse('INVALID_TRANSITION', [why]);
    if (!found || !isInScope(actor, found.householdRegion) || !found.householdRegion.startsWith(regionPrefix(post.regionCode))) personRefused(input.personId);
    const { person } = found!;
    if (person.exitReason || found!.householdDeleted) {
      refuse('RECORD_EXITED', [{ path: 'personId', messageZh: `${person.name}已自然减少，不能聘任`, messageEn: 'the person has left the registry' }]);
    }
    if (await repo.personOnPost(tx, person.id)) {
      refuse('CONFLICT', [{ path: 'personId', messageZh: `${person.name}已在其他公益性岗位在岗，须先退岗`, messageEn: 'the person already holds a post' }]);
    }
    const appointment = await repo.insertAppointment(tx, {
      postId: id,
      personId: person.id,
      householdId: person.householdId,
      regionCode: found!.householdRegion,
      startedOn: input.startedOn,
    });
    const after = await repo.updatePost(tx, id, { status: 'filled' });
    const channel = await repo.setEmploymentChannel(tx, person.id, 'public_post');
    await recordAudit(tx, actor, { action: 'hire', entityType: 'public_post', entityId: id, regionCode: post.regionCode, before: post, after: { ...after, appointment } });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'person',
      entityId: person.id,
      regionCode: person.regionCode,
      householdId: person.householdId,
      before: { employmentChannel: person.employmentChannel, version: person.version },
      after: channel,
    });
  });
  return postDetail(db, actor, id);
}

/**
 * 有序退岗: the holding ends with a reason (dict post_exit_reason) and a date ≥ its start, not in the future, not before
 * a month already paid; the post is open again and the person's 就业渠道 is cleared when it was 公益性岗位.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION
 */
export async function exitPost(deps: Deps, actor: Actor, id: number, appointmentId: number, input: PostExit, version: number | undefined): Promise<PostDetail> {
  const db = deps.db.db;
  await writablePostFirst(db, actor, id);
  await db.transaction(async (tx) => {
    // the holder before the post and the holding, in the order of a 自然减少 (see hire)
    const holder = await repo.appointmentHolder(tx, appointmentId);
    if (holder !== undefined) await repo.lockPersonWithHousehold(tx, holder);
    const post = await lockWritablePost(tx, actor, id, undefined, false);
    const holding = await repo.lockAppointment(tx, appointmentId);
    if (!holding || holding.postId !== id) throw new AppError('NOT_FOUND', 'appointment not found', { id: appointmentId });
    await checkVersion(holding.version, version, () => postDetail(tx, actor, id));
    if (holding.endedOn) refuse('INVALID_TRANSITION', [{ path: 'endedOn', messageZh: `该人员已于 ${holding.endedOn} 退岗`, messageEn: `already left on ${holding.endedOn}` }]);
    const paid = await repo.paidMonthsOf(tx, appointmentId);
    const issues = exitIssues(input, holding, todayInChina(), paid.at(-1) ?? null);
    if (issues.length) bad(issues);
    const ended = await repo.endAppointment(tx, appointmentId, { endedOn: input.endedOn, exitReason: input.exitReason, exitNote: input.exitNote ?? null });
    const after = await repo.updatePost(tx, id, { status: 'open' });
    await recordAudit(tx, actor, {
      action: 'exit',
      entityType: 'public_post',
      entityId: id,
      regionCode: post.regionCode,
      before: { ...post, appointment: holding },
      after: { ...after, appointment: ended },
    });
    await clearPostChannel(tx, actor, holding.personId);
  });
  return postDetail(db, actor, id);
}
