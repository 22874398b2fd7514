import { AppError, type IncomeUpsert, type IncomeView } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getWritableHousehold } from '../households/household-access.ts';
import { listMembers } from '../households/households.repo.ts';
import { toIncomeViews } from '../households/households.views.ts';
import * as repo from './incomes.repo.ts';

/**
 * Records (or replaces) a household's income of one year; the household size defaults to its member count.
 * @returns the year's figures with 人均纯收入 and the change against the previous year
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (from the domain's income computation)
 */
export async function putIncome(deps: Deps, actor: Actor, householdId: number, year: number, input: IncomeUpsert): Promise<IncomeView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const memberCount = input.memberCount ?? (await listMembers(db, householdId)).length;
  const existing = await repo.listIncomes(db, householdId);
  const before = existing.find((r) => r.year === year) ?? null;
  const values = { householdId, year, regionCode: h.regionCode, wage: input.wage, business: input.business, businessExpense: input.businessExpense, property: input.property, transfer: input.transfer, claimIncome: 0, compliantSelfPaid: 0, memberCount };
  // computes (and validates) through the domain before anything is written
  toIncomeViews([{ ...values, id: 0, updatedAt: new Date() }]);
  const rows = await db.transaction(async (tx) => {
    const after = await repo.upsertIncome(tx, values);
    await recordAudit(tx, actor, { action: before ? 'update' : 'create', entityType: 'household_income', entityId: after.id, regionCode: h.regionCode, householdId, before, after });
    return repo.listIncomes(tx, householdId);
  });
  const view = toIncomeViews(rows).find((v) => v.year === year);
  if (!view) throw new AppError('INTERNAL', 'income not stored');
  return view;
}
