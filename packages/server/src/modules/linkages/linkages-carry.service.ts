import { AppError, carryLinkages, fenToYuan, INCOME_TYPES, sumByType, sumFen, type HouseholdLinkages, type LinkageCarry, type LinkageCarryResult } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getReadableHousehold, getWritableHousehold, lockWritableHousehold } from '../households/household-access.ts';
import { activeMembers, listMembers } from '../households/households.repo.ts';
import * as incomes from '../incomes/incomes.repo.ts';
import { toIncomeViews } from '../incomes/incomes.views.ts';
import { toLinkageView } from './linkages.views.ts';
import * as repo from './linkages.repo.ts';

// A household's linkages and their carry-over into its income of the year (issue 7 §3: "Linkage income can be
// carried into the household's income of that year (with the source shown)"; 003 §二(一)2 家庭经营净收入).

const byTypeYuan = (fen: Record<(typeof INCOME_TYPES)[number], number>) => ({
  wage: fenToYuan(fen.wage),
  business: fenToYuan(fen.business),
  property: fenToYuan(fen.property),
  transfer: fenToYuan(fen.transfer),
});

/**
 * `GET /households/:id/linkages`: every entity that drives the household, by year, with what is carried and what not.
 * @throws AppError NOT_FOUND (missing or outside the scope)
 */
export async function householdLinkages(deps: Deps, actor: Actor, householdId: number): Promise<HouseholdLinkages> {
  const db = deps.db.db;
  const h = await getReadableHousehold(db, actor, householdId);
  const [rows, years] = await Promise.all([repo.listLinkages(db, { prefix: actor.scopePrefix, householdId: h.id, withExited: true }), incomes.listIncomes(db, h.id)]);
  const versionOf = new Map(years.map((y) => [y.year, y.version]));
  const yearList = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return {
    householdId: h.id,
    items: rows.map(toLinkageView),
    years: yearList.map((year) => {
      const of = rows.filter((r) => r.year === year);
      const pending = sumByType(of.filter((r) => r.carriedAt === null));
      return {
        year,
        totalYuan: fenToYuan(sumFen(of.map((r) => r.incomeFen))),
        carriedYuan: fenToYuan(sumFen(of.filter((r) => r.carriedAt !== null).map((r) => r.incomeFen))),
        pending: byTypeYuan(pending),
        pendingYuan: fenToYuan(sumFen(Object.values(pending))),
        incomeVersion: versionOf.get(year) ?? null,
      };
    }),
  };
}

/**
 * `POST /households/:id/linkages/carry {year, version}`: adds the not-yet-carried linkage amounts of the year to the
 * household's income of that year by income type (the year is created when missing; a recorded year needs the version
 * read, as the incomes PUT), marks the linkages carried; one transaction, audited. Carrying again is refused.
 * @throws AppError NOT_FOUND, FORBIDDEN, RECORD_EXITED, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION (nothing to carry)
 */
export async function carryIntoIncome(deps: Deps, actor: Actor, householdId: number, input: LinkageCarry): Promise<LinkageCarryResult> {
  const db = deps.db.db;
  await getWritableHousehold(db, actor, householdId);
  const memberCount = activeMembers(await listMembers(db, householdId)).length || 1;
  const { year } = input;
  return db.transaction(async (tx) => {
    const h = await lockWritableHousehold(tx, actor, householdId);
    const before = await incomes.lockIncome(tx, householdId, year);
    if (before)
      await checkVersion(before.version, input.version, async () =>
        toIncomeViews(await incomes.listIncomes(tx, householdId), await repo.carriedSums(tx, householdId)).find((v) => v.year === year),
      );
    const links = await repo.lockHouseholdLinkages(tx, householdId, year);
    const r = carryLinkages(before ?? null, links, year);
    if (r.carriedIds.length === 0) {
      throw new AppError('INVALID_TRANSITION', 'nothing to carry', {
        householdId,
        year,
        issues: [{ path: 'year', value: year, messageZh: `该户 ${year} 年没有尚未计入收入的带动收入`, messageEn: `the household has no linkage income of ${year} left to carry` }],
      });
    }
    const after = before
      ? await incomes.updateIncome(tx, before.id, r.after)
      : await incomes.insertIncome(tx, { householdId, year, regionCode: h.regionCode, memberCount, ...r.after });
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'household_income',
      entityId: after.id,
      regionCode: h.regionCode,
      householdId,
      before: before ?? null,
      after,
    });
    const carried = await repo.markCarried(tx, r.carriedIds);
    for (const c of carried) {
      const was = links.find((l) => l.id === c.id);
      await recordAudit(tx, actor, { action: 'carry', entityType: 'linkage', entityId: c.id, regionCode: c.regionCode, householdId, before: was ?? null, after: c });
    }
    const view = toIncomeViews(await incomes.listIncomes(tx, householdId), await repo.carriedSums(tx, householdId)).find((v) => v.year === year);
    if (!view) throw new AppError('INTERNAL', 'income not stored');
    return { carriedIds: r.carriedIds, added: byTypeYuan(r.addedFen), income: view };
  });
}
