import { AppError, checkDistribution, type DistributionCancel, type DistributionView, type Issue } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { assertRecordInScope } from '../regions/scope.ts';
import * as repo from './distributions.repo.ts';
import { assertNoOtherOfPeriod, buildView, laborCodes, policyFor, recordedIncomeFen } from './distributions.service.ts';

// 确认分配 and 撤销 (issue 8 §3): on confirmation each line becomes its household's income of the year — 按劳取酬 as
// 工资性收入, 基础保障 as 财产性收入 (asset-codes DISTRIBUTION_LINE_INCOME_TYPE) — in one audited transaction, as the
// linkage carry-over does (linkages-carry.service.ts); cancelling a confirmed one takes the amounts back out.

const refuse = (message: string, issues: Issue[], details: Record<string, unknown> = {}): never => {
  throw new AppError('INVALID_TRANSITION', message, { ...details, issues });
};

/**
 * `POST /distributions/:id/confirm {version}`: refused (409 INVALID_TRANSITION, the reason with the share and the pack's
 * clause) below the county pack's A2 minShare — judged on the larger of the stated collective income and the income
 * recorded for the village collective's assets in the period — when the lines exceed that income, when a household has
 * left the registry or the village, or when it is not a draft (confirming twice); 409 CONFLICT when another live
 * distribution's period overlaps. A pack without A2 does not refuse on the share.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION, CONFLICT
 */
export async function confirmDistribution(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<DistributionView> {
  const db = deps.db.db;
  const found = assertRecordInScope(actor, (await repo.findDistribution(db, id))?.d, 'distribution', { id });
  assertCanWrite(actor);
  return db.transaction(async (tx) => {
    // the village and year never change: the same lock as a proposal of the village's year, before the row lock
    await repo.lockVillageYear(tx, found.regionCode, found.year);
    const d = assertRecordInScope(actor, await repo.lockDistribution(tx, id), 'distribution', { id });
    await checkVersion(d.version, version, async () => buildView(tx, (await repo.findDistribution(tx, id))!));
    if (d.status !== 'draft') {
      refuse('only a draft is confirmed', [
        {
          path: 'status',
          messageZh: d.status === 'confirmed' ? '该收益分配已确认，不能重复确认' : '该收益分配已撤销，不能确认',
          messageEn: d.status === 'confirmed' ? 'the distribution is already confirmed' : 'the distribution was cancelled',
        },
      ]);
    }
    await assertNoOtherOfPeriod(tx, d.regionCode, d.year, d.half, id);
    // one after the other: a transaction is one connection, and node-postgres deprecates a query sent while another runs
    const lines = await repo.listLines(tx, id, laborCodes());
    const policy = await policyFor(tx, d.regionCode);
    const recordedFen = await recordedIncomeFen(tx, d.regionCode, d.year, d.half);
    if (lines.length === 0) refuse('no lines', [{ path: 'lines', messageZh: '分配明细为空，不能确认', messageEn: 'the distribution has no lines' }]);
    const active = new Set(
      (
        await repo.villageHouseholds(
          tx,
          d.regionCode,
          null,
          [],
          lines.map((l) => l.id),
        )
      ).map((h) => h.id),
    );
    const gone = lines.filter((l) => !active.has(l.id)).map((l) => l.householdNo);
    if (gone.length) {
      refuse('households left', [
        {
          path: 'lines',
          messageZh: `以下农户已不在本村在册：${gone.join('、')}，请先从分配明细中移除`,
          messageEn: `households no longer active in the village: ${gone.join(', ')}`,
        },
      ]);
    }
    const check = checkDistribution(
      { collectiveIncomeFen: Math.max(d.collectiveIncomeFen, recordedFen), lines: lines.map((l) => ({ ...l, householdId: l.id, kind: l.kind as 'work' | 'base' })) },
      policy.minShare ?? 0,
    );
    if (!check.ok) {
      const cite = policy.clause ? `（${policy.clause}）` : '';
      refuse(
        'the distribution is refused',
        check.issues.map((i) => ({ ...i, messageZh: `${i.messageZh}${cite}`, messageEn: `${i.messageEn}${policy.clause ? ` (${policy.clause})` : ''}` })),
        { ruleId: 'A2', share: check.share, minShare: policy.minShare, clause: policy.clause },
      );
    }
    const changes = await repo.carryLines(tx, id, d.year, 1);
    const after = await repo.updateDistribution(tx, id, { status: 'confirmed', confirmedAt: new Date(), confirmedBy: actor.id });
    await recordAudit(tx, actor, { action: 'confirm', entityType: 'income_distribution', entityId: id, regionCode: d.regionCode, before: d, after });
    await repo.auditIncomeChanges(tx, actor, 'distribution_carry', changes);
    return buildView(tx, (await repo.findDistribution(tx, id))!);
  });
}

/**
 * `POST /distributions/:id/cancel {reason, editedIncomes?, version}`: a draft is dropped; a confirmed distribution's
 * amounts are taken back out of the households' incomes (refused, naming the households, where an income was since
 * lowered below them). Where a household's income of the year was changed by hand or by import after the confirmation
 * ({@link repo.editedSinceConfirm}), the typed figure may or may not hold the distribution: without `editedIncomes` the
 * cancel is refused (409 INVALID_TRANSITION, `details.editedHouseholds` = their 户编号); `reverse` takes it back from them
 * too, `keep` leaves their incomes untouched (their lines stay marked carried) and the note names them.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION
 */
export async function cancelDistribution(deps: Deps, actor: Actor, id: number, input: DistributionCancel, version: number | undefined): Promise<DistributionView> {
  const db = deps.db.db;
  assertRecordInScope(actor, (await repo.findDistribution(db, id))?.d, 'distribution', { id });
  assertCanWrite(actor);
  return db.transaction(async (tx) => {
    const d = assertRecordInScope(actor, await repo.lockDistribution(tx, id), 'distribution', { id });
    await checkVersion(d.version, version, async () => buildView(tx, (await repo.findDistribution(tx, id))!));
    if (d.status === 'cancelled') refuse('already cancelled', [{ path: 'status', messageZh: '该收益分配已撤销', messageEn: 'the distribution is already cancelled' }]);
    let changes: repo.IncomeChange[] = [];
    let kept: string[] = [];
    if (d.status === 'confirmed') {
      const edited = await repo.editedSinceConfirm(tx, id, d.year, d.confirmedAt);
      if (edited.length && !input.editedIncomes) {
        const nos = edited.map((h) => h.householdNo);
        refuse(
          'incomes were edited after the confirmation',
          [
            {
              path: 'editedIncomes',
              messageZh: `以下农户 ${d.year} 年收入在确认分配后被手工修改过：${nos.join('、')}。请选择撤销时是否从其收入中冲减本次分配金额`,
              messageEn: `the ${d.year} income of these households was changed by hand after the confirmation: ${nos.join(', ')}. Choose whether the cancel takes the distribution back out of their incomes (editedIncomes reverse or keep)`,
            },
          ],
          { editedHouseholds: nos },
        );
      }
      const except = input.editedIncomes === 'keep' ? edited.map((h) => h.id) : [];
      kept = input.editedIncomes === 'keep' ? edited.map((h) => h.householdNo) : [];
      const short = await repo.incomesTooSmallToReverse(tx, id, d.year, except);
      if (short.length) {
        refuse('incomes were lowered', [
          {
            path: 'status',
            messageZh: `以下农户 ${d.year} 年收入已低于本次分配金额，无法冲减：${short.join('、')}，请先核对其收入`,
            messageEn: `the ${d.year} income of these households is below what the distribution added: ${short.join(', ')}`,
          },
        ]);
      }
      changes = await repo.carryLines(tx, id, d.year, -1, except);
    }
    const keptNote = kept.length ? `以下农户 ${d.year} 年收入在确认后被手工修改过，撤销时未冲减本次分配金额：${kept.join('、')}` : null;
    const note = [d.note, `撤销原因：${input.reason}`, keptNote].filter(Boolean).join('\n');
    const after = await repo.updateDistribution(tx, id, { status: 'cancelled', note });
    await recordAudit(tx, actor, { action: 'cancel', entityType: 'income_distribution', entityId: id, regionCode: d.regionCode, before: d, after });
    await repo.auditIncomeChanges(tx, actor, 'distribution_reverse', changes);
    return buildView(tx, (await repo.findDistribution(tx, id))!);
  });
}
