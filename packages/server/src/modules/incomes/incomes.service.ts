import { AppError, type IncomeCreate, type IncomeUpsert, type IncomeView } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { isUniqueViolation } from '../../db-errors.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getWritableHousehold } from '../households/household-access.ts';
import { activeMembers, listMembers } from '../households/households.repo.ts';
import { carriedSums } from '../linkages/linkages.repo.ts';
import { toIncomeViews } from './incomes.views.ts';
import * as repo from './incomes.repo.ts';

function yearExists(householdId: number, year: number): AppError {
  return new AppError('CONFLICT', `income of ${year} exists`, {
    householdId,
    year,
    issues: [
      { path: 'year', value: year, messageZh: `${year} 年的收入已登记，请在收入表中编辑该年度`, messageEn: `the income of ${year} is already recorded: edit that year instead` },
    ],
  });
}

/**
 * Records a household's income of one year: creates it, or (`mode` 'upsert', PUT) replaces the year's figures.
 * Replacing a recorded year needs the version read (checked inside the transaction on the row read FOR UPDATE);
 * creating a missing one needs none. 理赔收入 and 合规自付支出 keep their stored values when the input leaves them
 * out. The household size defaults to the members still in the registry.
 * @returns the year's figures with 人均纯收入 and the change against the previous year
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, CONFLICT (create: the year exists), VERSION_REQUIRED,
 *   STALE_VERSION (details.current = the year as it is now), VALIDATION_FAILED
 */
async function writeIncome(deps: Deps, actor: Actor, householdId: number, year: number, input: IncomeUpsert, mode: 'create' | 'upsert', version?: number): Promise<IncomeView> {
  const db = deps.db.db;
  const h = await getWritableHousehold(db, actor, householdId);
  const memberCount = input.memberCount ?? (activeMembers(await listMembers(db, householdId)).length || 1);
  const valuesFor = (before: repo.IncomeRow | undefined) => ({
    householdId,
    year,
    regionCode: h.regionCode,
    wage: input.wage,
    business: input.business,
    businessExpense: input.businessExpense,
    property: input.property,
    transfer: input.transfer,
    claimIncome: input.claimIncome ?? before?.claimIncome ?? 0,
    compliantSelfPaid: input.compliantSelfPaid ?? before?.compliantSelfPaid ?? 0,
    memberCount,
  });
  // computes (and validates) through the domain before anything is written
  toIncomeViews([{ ...valuesFor(undefined), id: 0, version: 1, updatedAt: new Date() }]);
  let rows;
  try {
    rows = await db.transaction(async (tx) => {
      const before = await repo.lockIncome(tx, householdId, year);
      if (before && mode === 'create') throw yearExists(householdId, year);
      if (before) await checkVersion(before.version, version, async () => toIncomeViews(await repo.listIncomes(tx, householdId)).find((v) => v.year === year));
      const after = before ? await repo.updateIncome(tx, before.id, valuesFor(before)) : await repo.insertIncome(tx, valuesFor(undefined));
      await recordAudit(tx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'household_income',
        entityId: after.id,
        regionCode: h.regionCode,
        householdId,
        before: before ?? null,
        after,
      });
      return repo.listIncomes(tx, householdId);
    });
  } catch (err) {
    // two "add a year" at once: the second one meets the unique index
    if (isUniqueViolation(err, 'household_incomes_year_uq')) throw yearExists(householdId, year);
    throw err;
  }
  const view = toIncomeViews(rows, await carriedSums(db, householdId)).find((v) => v.year === year);
  if (!view) throw new AppError('INTERNAL', 'income not stored');
  return view;
}

/** `POST /households/:id/incomes`: a new year; never overwrites one (409 CONFLICT). */
export function createIncome(deps: Deps, actor: Actor, householdId: number, input: IncomeCreate): Promise<IncomeView> {
  const { year, ...rest } = input;
  return writeIncome(deps, actor, householdId, year, rest, 'create');
}

/** `PUT /households/:id/incomes/:year`: records a missing year, or replaces a recorded one based on the version read. */
export function putIncome(deps: Deps, actor: Actor, householdId: number, year: number, input: IncomeUpsert, version: number | undefined): Promise<IncomeView> {
  return writeIncome(deps, actor, householdId, year, input, 'upsert', version);
}
