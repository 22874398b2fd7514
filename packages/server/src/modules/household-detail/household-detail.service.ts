import type { SQL } from 'drizzle-orm';
import type { HouseholdView } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { seesPii } from '../auth/auth.guard.ts';
import { listHouseholdHelpers } from '../helpers/helpers.repo.ts';
import { getReadableHousehold } from '../households/household-access.ts';
import type { HouseholdReadModel } from '../households/household-read-model.ts';
import { activeMembers, listMembers, regionNames, type HouseholdRow } from '../households/households.repo.ts';
import { idFor, phoneFor, toPersonView } from '../households/households.views.ts';
import { listIncomes } from '../incomes/incomes.repo.ts';
import { toIncomeViews } from '../incomes/incomes.views.ts';
import { carriedSums } from '../linkages/linkages.repo.ts';
import { distributedToHousehold } from '../distributions/distributions.repo.ts';
import { listMeasures } from '../measures/measures.repo.ts';
import { developmentalCategories, toMeasureView } from '../measures/measures.views.ts';
import { listCases } from '../monitoring/monitoring.repo.ts';
import { overdueHouseholdIds } from '../monitoring/monitoring.service.ts';
import { toCaseView } from '../monitoring/monitoring.views.ts';
import { failingHouseholdsSql } from '../rules/rules.service.ts';
import { readAll } from '../../reads.ts';

// The read model on top of households and its children (issue 6 "Modules point one way"): it imports them all;
// none of them imports it. The households module reaches it only through the HouseholdReadModel handed in by app.ts.

/**
 * A household with members, incomes (人均纯收入, YoY), measures, monitoring cases and helpers.
 * @throws AppError NOT_FOUND when missing or out of scope
 */
export async function getHouseholdDetail(deps: Deps, actor: Actor, id: number): Promise<HouseholdView> {
  const db = deps.db.db;
  const h = await getReadableHousehold(db, actor, id);
  return buildHouseholdDetail(db, h, seesPii(actor));
}

/** The household detail; ID numbers and phones (head, members, household, helpers) masked unless `pii`. */
export async function buildHouseholdDetail(db: Conn, h: HouseholdRow & { regionName: string | null }, pii: boolean): Promise<HouseholdView> {
  // also built inside a write's transaction (the current record of a 409)
  const [members, incomes, measures, cases, helpers, carried, distributed] = await readAll(db, [
    () => listMembers(db, h.id),
    () => listIncomes(db, h.id),
    () => listMeasures(db, h.id),
    () => listCases(db, h.id),
    () => listHouseholdHelpers(db, h.id),
    () => carriedSums(db, h.id),
    () => distributedToHousehold(db, h.id),
  ]);
  const head = members.find((m) => m.isHead);
  const dev = developmentalCategories();
  const names = await regionNames(db, h.regionCode);
  return {
    id: h.id,
    householdNo: h.householdNo,
    regionCode: h.regionCode,
    regionName: h.regionName,
    ...names,
    householdType: h.householdType,
    isLifted: h.isLifted,
    liftedCategory: h.liftedCategory,
    monitoringType: h.monitoringType,
    monitoringStatus: h.monitoringStatus,
    monitoringSince: h.monitoringSince,
    eliminatedAt: h.eliminatedAt,
    eliminationMethod: h.eliminationMethod,
    exitReason: h.exitReason,
    exitDate: h.exitDate,
    exitNote: h.exitNote,
    riskTypes: h.riskTypes,
    headName: head?.name ?? null,
    headIdNumber: idFor(head?.idNumber ?? null, pii),
    memberCount: activeMembers(members).length,
    phone: phoneFor(h.phone, pii),
    housingSecure: h.housingSecure,
    waterSecure: h.waterSecure,
    educationSecure: h.educationSecure,
    medicalSecure: h.medicalSecure,
    address: h.address,
    liftedYear: h.liftedYear,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    version: h.version,
    members: members.map((m) => toPersonView(m, pii)),
    incomes: toIncomeViews(incomes, carried, distributed),
    measures: measures.map((m) => toMeasureView(m, dev)),
    monitoringCases: cases.map(toCaseView),
    helpers: helpers.map(({ link, helper }) => ({
      id: helper.id,
      helperId: helper.id,
      regionCode: helper.regionCode,
      name: helper.name,
      role: helper.role,
      organisation: helper.organisation,
      phone: phoneFor(helper.phone, pii),
      startDate: link.startDate,
      endDate: link.endDate,
      version: helper.version,
    })),
  };
}

/** Households under `prefix` with a list warning: failing a household rule (a subquery of the stored rule results), or an overdue identification (ids, monitoring). */
export async function warningHouseholdIds(deps: Deps, actor: Actor, prefix: string, warning: Parameters<HouseholdReadModel['warningIds']>[3]): Promise<number[] | SQL> {
  return warning === 'identification_overdue' ? overdueHouseholdIds(deps, actor, prefix) : failingHouseholdsSql(deps, actor, prefix, warning);
}

/** The read model the households module is given (app.ts). */
export const householdReadModel: HouseholdReadModel = { detail: buildHouseholdDetail, warningIds: warningHouseholdIds };
