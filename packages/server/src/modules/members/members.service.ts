import {
  AppError,
  PUBLIC_POST_CHANNEL,
  employmentChannelIssue,
  exitDateIssue,
  normalizeIdNumber,
  secondHeadIssue,
  type ExitInput,
  type Issue,
  type PersonCreate,
  type PersonUpdate,
  type PersonView,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { checkVersion } from '../../versioning.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { assertAdmin, assertNotExited, assertWritableChild, getWritableHousehold } from '../households/household-access.ts';
import * as repo from '../households/households.repo.ts';
import { assertIdNumbersFree, checkPersonFields, hasCheckDigitIn, isHeadIn, personColumns, throwIfIssues, todayInChina } from '../households/household.rules.ts';
import { toPersonView } from '../households/households.views.ts';
import { assertMayLeaveAlone, translateUnique } from './members.rules.ts';
import { employerColumns } from './person-employment.ts';
import { endHoldingsOfLeavers, holdsPost } from '../posts/post-holder-exit.ts';

/**
 * Adds a member to a household.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (ID check digit, codes, second head), CONFLICT (in another household)
 */
export async function addMember(deps: Deps, actor: Actor, householdId: number, input: PersonCreate): Promise<PersonView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  const checked = checkPersonFields(idx, input, '', issues);
  // a new member holds no post: 公益性岗位 comes with a hire
  const channelIssue = employmentChannelIssue(input.employmentChannel, null, false);
  if (channelIssue) issues.push(channelIssue);
  if (checked?.isHead && (await repo.listMembers(db, householdId)).some((m) => m.isHead)) issues.push(secondHeadIssue('relation'));
  throwIfIssues(issues, 'member is invalid');
  const c = checked!;
  await assertIdNumbersFree(db, actor, [c.idNumber]);
  const employer = await employerColumns(db, actor, input);
  const person = await translateUnique(
    db,
    actor,
    () =>
      db.transaction(async (tx) => {
        const [p] = await repo.insertPersons(tx, [
          {
            ...personColumns(input),
            ...employer,
            name: input.name,
            relation: input.relation,
            householdId,
            regionCode: h.regionCode,
            idType: c.idType,
            idNumber: c.idNumber,
            birthDate: c.birthDate,
            gender: c.gender,
            isHead: c.isHead,
          },
        ]);
        await recordAudit(tx, actor, { action: 'create', entityType: 'person', entityId: p!.id, regionCode: h.regionCode, householdId, after: p });
        return p!;
      }),
    c.idNumber,
  );
  return toPersonView(person, seesPii(actor));
}

/**
 * Locks the person for a write inside its transaction and compares the version the user read.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED (unless `opts.exited`), VERSION_REQUIRED, STALE_VERSION
 *   (details.current = the member as it is now, masked for the caller)
 */
async function lockVersioned(tx: Conn, actor: Actor, personId: number, version: number | undefined, opts: { exited?: boolean } = {}): Promise<repo.PersonRow> {
  const before = assertWritableChild(actor, await repo.lockPerson(tx, personId), 'person', personId);
  if (!opts.exited) assertNotExited('person', before);
  await checkVersion(before.version, version, () => toPersonView(before, seesPii(actor)));
  return before;
}

/**
 * Edits a member (a new ID number is re-checked; gender and birth date follow it), based on the version read.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION, VALIDATION_FAILED, CONFLICT
 */
export async function updatePerson(deps: Deps, actor: Actor, personId: number, input: PersonUpdate, version: number | undefined): Promise<PersonView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findPerson(db, personId), 'person', personId);
  await getWritableHousehold(db, actor, found.householdId);
  assertNotExited('person', found);
  const idx = await loadDictIndex(deps);
  const { version: _v, ...fields } = input;
  const employer = await employerColumns(db, actor, fields);
  const after = await translateUnique(
    db,
    actor,
    () =>
      db.transaction(async (tx) => {
        const before = await lockVersioned(tx, actor, personId, version);
        const issues: Issue[] = [];
        const checked = checkPersonFields(idx, fields, '', issues, before);
        const channelIssue = employmentChannelIssue(fields.employmentChannel, before.employmentChannel, await holdsPost(tx, personId));
        if (channelIssue) issues.push(channelIssue);
        const becomesHead = fields.relation !== undefined ? isHeadIn(idx, fields.relation) : before.isHead;
        if (becomesHead && !before.isHead && (await repo.listMembers(tx, before.householdId)).some((m) => m.isHead && m.id !== personId)) {
          issues.push(secondHeadIssue('relation'));
        }
        throwIfIssues(issues, 'member is invalid');
        if (checked && checked.idNumber !== before.idNumber) await assertIdNumbersFree(tx, actor, [checked.idNumber], personId);
        const patch = { ...personColumns(fields), ...employer };
        // birth date and gender of a 居民身份证 come from the number, never from the input
        if (hasCheckDigitIn(idx, fields.idType ?? before.idType)) {
          delete patch.birthDate;
          delete patch.gender;
        }
        if (checked) Object.assign(patch, { idType: checked.idType, idNumber: checked.idNumber, birthDate: checked.birthDate, gender: checked.gender });
        patch.isHead = becomesHead;
        const p = await repo.updatePerson(tx, personId, patch);
        await recordAudit(tx, actor, { action: 'update', entityType: 'person', entityId: personId, regionCode: p.regionCode, householdId: p.householdId, before, after: p });
        return p;
      }),
    // the number as stored (checkPersonFields normalises it the same way)
    fields.idNumber === undefined ? undefined : normalizeIdNumber(fields.idNumber),
    personId,
  );
  return toPersonView(after, seesPii(actor));
}

/**
 * A member is never deleted: the DELETE endpoint answers with the way to do it (自然减少).
 * @throws AppError NOT_FOUND / FORBIDDEN as for any write, then INVALID_TRANSITION (422)
 */
export async function refuseDeletePerson(deps: Deps, actor: Actor, personId: number): Promise<never> {
  assertWritableChild(actor, await repo.findPerson(deps.db.db, personId), 'person', personId);
  throw new AppError('INVALID_TRANSITION', 'persons leave by 自然减少 (POST /api/v1/persons/:id/exit), never by a delete', {
    issues: [
      {
        path: 'id',
        messageZh: '成员不能删除：请办理“自然减少”（死亡、迁出、嫁出、服刑、其他），记录保留备查',
        messageEn: 'a member is never deleted: record a 自然减少 (death, moved out, married out, imprisoned, other) instead; the record is kept',
      },
    ],
  });
}

/**
 * 自然减少 of one member: reason and date; the person stays on record, read-only. The head cannot leave alone.
 * A post the member holds is left on the exit date in the same transaction (有序退岗, `endHoldingsOfLeavers`).
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED (the member or the household already left),
 *   INVALID_TRANSITION (the head, or the last member: then the whole household leaves; a post's month after the
 *   exit date already paid)
 */
export async function exitPerson(deps: Deps, actor: Actor, personId: number, input: ExitInput, version: number | undefined): Promise<PersonView> {
  const db = deps.db.db;
  const found = assertWritableChild(actor, await repo.findPerson(db, personId), 'person', personId);
  await getWritableHousehold(db, actor, found.householdId);
  assertNotExited('person', found);
  throwIfIssues(
    [exitDateIssue(input.date, todayInChina())].filter((i) => i !== undefined),
    'exit date is after today',
  );
  const after = await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, personId, version);
    assertMayLeaveAlone(before, repo.activeMembers(await repo.listMembers(tx, before.householdId)).length);
    // the holding of a public-welfare post ends with the 自然减少, and 就业渠道 公益性岗位 with it (in this write)
    const held = await endHoldingsOfLeavers(tx, actor, [{ personId, reason: input.reason, date: input.date }], { clearChannel: false });
    const channel = held.size > 0 && before.employmentChannel === PUBLIC_POST_CHANNEL ? { employmentChannel: null } : {};
    const p = await repo.updatePerson(tx, personId, { exitReason: input.reason, exitDate: input.date, exitNote: input.note ?? null, ...channel });
    await recordAudit(tx, actor, { action: 'exit', entityType: 'person', entityId: personId, regionCode: p.regionCode, householdId: p.householdId, before, after: p });
    return p;
  });
  return toPersonView(after, seesPii(actor));
}

/**
 * Brings a member back into the registry (admin only). A post holding the 自然减少 ended stays ended: the member is
 * hired again under 公益性岗位 if still on post.
 * @throws AppError FORBIDDEN (not an admin, or out of scope), NOT_FOUND, RECORD_EXITED (the household itself left:
 *   restore the household), INVALID_TRANSITION (the member is in the registry)
 */
export async function restorePerson(deps: Deps, actor: Actor, personId: number, version: number | undefined): Promise<PersonView> {
  const db = deps.db.db;
  assertCanWrite(actor);
  const found = assertWritableChild(actor, await repo.findPerson(db, personId), 'person', personId);
  assertAdmin(actor);
  await getWritableHousehold(db, actor, found.householdId);
  const after = await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, personId, version, { exited: true });
    if (before.exitReason === null) {
      throw new AppError('INVALID_TRANSITION', 'the person is in the registry', {
        issues: [{ path: 'id', messageZh: '该成员未办理自然减少，无需恢复', messageEn: 'this member has not left the registry' }],
      });
    }
    const p = await repo.updatePerson(tx, personId, { exitReason: null, exitDate: null, exitNote: null });
    await recordAudit(tx, actor, { action: 'restore', entityType: 'person', entityId: personId, regionCode: p.regionCode, householdId: p.householdId, before, after: p });
    return p;
  });
  return toPersonView(after, seesPii(actor));
}
