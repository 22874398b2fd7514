import { AppError, holdingEndOnLeaving, PUBLIC_POST_CHANNEL, type HolderLeaving } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './posts.repo.ts';

/** A person leaving the registry (自然减少) and the reason and date of it. */
export type Leaver = HolderLeaving & { personId: number };

/**
 * 有序退岗 recorded for holders who leave the registry (a member's or a whole household's 自然减少), inside the caller's
 * transaction: each active holding ends on the exit date (domain `holdingEndOnLeaving`: not before its start; reason
 * 死亡 or 不再符合条件; note 随成员自然减少自动退岗), its post is open (待聘) again, both audited like an exit from the post.
 * With `clearChannel` the holder's 就业渠道 公益性岗位 is cleared here too, audited on the person; without it the
 * caller clears it in its own write of the person.
 * @returns the ids of the persons whose holding ended
 * @throws AppError INVALID_TRANSITION (409) when a month after the exit date is already paid, naming the post and month
 */
export async function endHoldingsOfLeavers(tx: Conn, actor: Actor, leavers: readonly Leaver[], opts: { clearChannel: boolean }): Promise<Set<number>> {
  const byPerson = new Map(leavers.map((l) => [l.personId, l]));
  const holdings = await repo.lockActiveHoldingsOf(tx, [...byPerson.keys()]);
  const ended = new Set<number>();
  for (const { appointment, post } of holdings) {
    const leaving = byPerson.get(appointment.personId)!;
    const paid = await repo.paidMonthsOf(tx, appointment.id);
    const end = holdingEndOnLeaving(appointment, leaving, post.name, paid.at(-1) ?? null);
    if (!end.ok) throw new AppError('INVALID_TRANSITION', end.issue.messageEn, { issues: [end.issue] });
    const after = await repo.endAppointment(tx, appointment.id, { endedOn: end.endedOn, exitReason: end.exitReason, exitNote: end.exitNote });
    const postAfter = post.status === 'filled' ? await repo.updatePost(tx, post.id, { status: 'open' }) : post;
    await recordAudit(tx, actor, {
      action: 'exit',
      entityType: 'public_post',
      entityId: post.id,
      regionCode: post.regionCode,
      before: { ...post, appointment },
      after: { ...postAfter, appointment: after },
    });
    ended.add(appointment.personId);
    if (opts.clearChannel) await clearPostChannel(tx, actor, appointment.personId);
  }
  return ended;
}

/** Clears the person's 就业渠道 when it is 公益性岗位 (the holding ended), audited on the person; else nothing. */
export async function clearPostChannel(tx: Conn, actor: Actor, personId: number): Promise<void> {
  const person = await repo.lockPersonWithHousehold(tx, personId);
  if (person?.person.employmentChannel !== PUBLIC_POST_CHANNEL) return;
  const channel = await repo.setEmploymentChannel(tx, personId, null);
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'person',
    entityId: personId,
    regionCode: person.person.regionCode,
    householdId: person.person.householdId,
    before: { employmentChannel: PUBLIC_POST_CHANNEL, version: person.person.version },
    after: channel,
  });
}

/** True when the person holds a post now (就业渠道 公益性岗位 is then the hire's, not the form's). */
export async function holdsPost(db: Conn, personId: number): Promise<boolean> {
  return repo.personOnPost(db, personId);
}
