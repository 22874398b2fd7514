import { AppError, secondHeadIssue } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { assertIdNumbersFree } from '../households/household.rules.ts';

/**
 * Runs a member write and turns the unique indexes it may meet into the officers' errors: a second head
 * (VALIDATION_FAILED on relation) or an ID number registered meanwhile (CONFLICT, worded per scope).
 */
export async function translateUnique<T>(db: Conn, actor: Actor, fn: () => Promise<T>, idNumber: string | undefined, exceptPersonId?: number): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'persons_one_head_uq')) throw new AppError('VALIDATION_FAILED', 'household already has a head', { issues: [secondHeadIssue('relation')] });
    if (idNumber && isUniqueViolation(err, 'persons_id_number_uq')) await assertIdNumbersFree(db, actor, [idNumber], exceptPersonId);
    throw err;
  }
}

/**
 * 自然减少 of one member: the head and the last member cannot leave alone (the household leaves instead).
 * @throws AppError INVALID_TRANSITION
 */
export function assertMayLeaveAlone(person: { isHead: boolean }, activeMembers: number): void {
  if (activeMembers <= 1) {
    throw new AppError('INVALID_TRANSITION', 'the last member cannot leave alone', {
      issues: [
        {
          path: 'id',
          messageZh: '该成员是户内最后一名成员：请对整户办理自然减少',
          messageEn: 'this is the last member of the household: record the 自然减少 of the whole household instead',
        },
      ],
    });
  }
  if (person.isHead) {
    throw new AppError('INVALID_TRANSITION', 'the head cannot leave alone', {
      issues: [
        {
          path: 'id',
          messageZh: '户主不能单独办理自然减少：请先将户主的与户主关系改为其他，并指定新的户主',
          messageEn: 'the head cannot leave alone: first change the head’s relation and appoint a new head',
        },
      ],
    });
  }
}
