import { AppError, UNMASK_REASON_MIN, canWrite, type PersonUnmask, type PersonUnmaskView } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getReadableHousehold } from '../households/household-access.ts';
import * as repo from '../households/households.repo.ts';
import { assertRecordInScope } from '../regions/scope.ts';

/**
 * An audited unmask (issue 6 §1): the full ID number and phone of one person, for an officer who writes in the
 * person's scope and gives a reason. The audit entry (action `unmask`) records who saw whom and why; it holds
 * no ID number or phone itself.
 * @throws AppError FORBIDDEN (read-only role), NOT_FOUND (missing or outside the scope), VALIDATION_FAILED (reason)
 */
export async function unmaskPerson(deps: Deps, actor: Actor, personId: number, input: PersonUnmask): Promise<PersonUnmaskView> {
  if (!canWrite(actor.role)) {
    throw new AppError('FORBIDDEN', `role ${actor.role} may not unmask`, {
      issues: [{ path: 'role', messageZh: '查看人员不能查看完整的证件号码和联系电话', messageEn: 'a viewer may not see full ID numbers and phones' }],
    });
  }
  const reason = input.reason.trim();
  if (reason.length < UNMASK_REASON_MIN) {
    throw new AppError('VALIDATION_FAILED', 'unmask reason too short', {
      issues: [{ path: 'reason', messageZh: `请填写查看原因（至少 ${UNMASK_REASON_MIN} 个字）`, messageEn: `give the reason (at least ${UNMASK_REASON_MIN} characters)` }],
    });
  }
  const db = deps.db.db;
  // outside the scope: the answer of a person that does not exist (never the household's id)
  const p = assertRecordInScope(actor, await repo.findPerson(db, personId), 'person', { personId });
  await getReadableHousehold(db, actor, p.householdId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'unmask',
      entityType: 'person',
      entityId: p.id,
      regionCode: p.regionCode,
      householdId: p.householdId,
      after: { personName: p.name, fields: ['idNumber', 'phone'], reason },
    });
  });
  return { id: p.id, name: p.name, idNumber: p.idNumber, phone: p.phone };
}
