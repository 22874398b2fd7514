import { AppError, type Issue, type PersonCreate, type PersonUpdate, type PersonView } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { assertWritableChild, getWritableHousehold } from './household-access.ts';
import * as repo from './households.repo.ts';
import { assertIdNumbersFree, checkPersonFields, isHeadRelation, secondHeadIssue, throwIfIssues } from './members.rules.ts';
import { toPersonView } from './households.views.ts';

async function translateUnique<T>(db: Conn, fn: () => Promise<T>, idNumber: string | undefined, exceptPersonId?: number): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'persons_one_head_uq')) throw new AppError('VALIDATION_FAILED', 'household already has a head', { issues: [secondHeadIssue('relation')] });
    if (idNumber && isUniqueViolation(err, 'persons_id_number_uq')) await assertIdNumbersFree(db, [idNumber], exceptPersonId);
    throw err;
  }
}

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
  if (checked?.isHead && (await repo.listMembers(db, householdId)).some((m) => m.isHead)) issues.push(secondHeadIssue('relation'));
  throwIfIssues(issues, 'member is invalid');
  const c = checked!;
  await assertIdNumbersFree(db, [c.idNumber]);
  const person = await translateUnique(
    db,
    () =>
      db.transaction(async (tx) => {
        const [p] = await repo.insertPersons(tx, [{ ...input, householdId, regionCode: h.regionCode, idNumber: c.idNumber, birthDate: c.birthDate, gender: c.gender, isHead: c.isHead }]);
        await recordAudit(tx, actor, { action: 'create', entityType: 'person', entityId: p!.id, regionCode: h.regionCode, householdId, after: p });
        return p!;
      }),
    c.idNumber,
  );
  return toPersonView(person);
}

/**
 * Edits a member (a new ID number is re-checked; gender and birth date follow it).
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, CONFLICT
 */
export async function updatePerson(deps: Deps, actor: Actor, personId: number, input: PersonUpdate): Promise<PersonView> {
  const db = deps.db.db;
  const before = assertWritableChild(actor, await repo.findPerson(db, personId), 'person', personId);
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  const checked = checkPersonFields(idx, input, '', issues);
  const becomesHead = input.relation !== undefined ? isHeadRelation(idx, input.relation) : before.isHead;
  if (becomesHead && !before.isHead && (await repo.listMembers(db, before.householdId)).some((m) => m.isHead && m.id !== personId)) {
    issues.push(secondHeadIssue('relation'));
  }
  throwIfIssues(issues, 'member is invalid');
  if (checked && checked.idNumber !== before.idNumber) await assertIdNumbersFree(db, [checked.idNumber], personId);
  const patch: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (checked) Object.assign(patch, { idNumber: checked.idNumber, birthDate: checked.birthDate, gender: checked.gender });
  patch.isHead = becomesHead;
  const after = await translateUnique(
    db,
    () =>
      db.transaction(async (tx) => {
        const p = await repo.updatePerson(tx, personId, patch);
        await recordAudit(tx, actor, { action: 'update', entityType: 'person', entityId: personId, regionCode: p.regionCode, householdId: p.householdId, before, after: p });
        return p;
      }),
    checked?.idNumber,
    personId,
  );
  return toPersonView(after);
}

/**
 * Removes a member. The last member cannot be removed (delete the household instead).
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
 */
export async function deletePerson(deps: Deps, actor: Actor, personId: number): Promise<void> {
  const db = deps.db.db;
  const before = assertWritableChild(actor, await repo.findPerson(db, personId), 'person', personId);
  const members = await repo.listMembers(db, before.householdId);
  if (members.length <= 1) {
    throw new AppError('VALIDATION_FAILED', 'the last member cannot be removed', {
      issues: [{ path: 'id', messageZh: '不能删除户内唯一成员，请直接删除该户', messageEn: 'the only member cannot be removed: delete the household instead' }],
    });
  }
  await db.transaction(async (tx) => {
    await repo.deletePerson(tx, personId);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'person', entityId: personId, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}
