import { DICT, codesWithAttr, incomeTrend, maskIdNumber, maskPhone, type HouseholdListItem, type IncomeView, type MeasureView, type MonitoringCaseView, type PersonView } from '@chanbang/domain';
import type { IncomeRow } from '../incomes/incomes.repo.ts';
import type { MeasureRow } from '../measures/measures.repo.ts';
import type { CaseRow } from '../monitoring/monitoring.repo.ts';
import type { HouseholdListRow, PersonRow } from './households.repo.ts';

/** An ID number as a role sees it: full when `pii` (admin, county officer), else `4101**********1234`. */
export function idFor(v: string, pii: boolean): string;
export function idFor(v: string | null, pii: boolean): string | null;
export function idFor(v: string | null, pii: boolean): string | null {
  return v === null || pii ? v : maskIdNumber(v);
}

/** A phone as a role sees it: full when `pii`, else `138****5678`. */
export function phoneFor(v: string | null, pii: boolean): string | null {
  return v === null || pii ? v : maskPhone(v);
}

/** A list row as the API shows it; ID and phone masked unless `pii`. */
export function toListItem(r: HouseholdListRow, pii: boolean): HouseholdListItem {
  return {
    id: r.id,
    householdNo: r.householdNo,
    regionCode: r.regionCode,
    regionName: r.regionName,
    townshipName: r.townshipName,
    villageName: r.villageName,
    groupName: r.groupName,
    householdType: r.householdType,
    isLifted: r.isLifted,
    liftedCategory: r.liftedCategory,
    monitoringType: r.monitoringType,
    monitoringStatus: r.monitoringStatus,
    riskTypes: r.riskTypes,
    headName: r.headName,
    headIdNumber: idFor(r.headIdNumber, pii),
    memberCount: Number(r.memberCount),
    phone: phoneFor(r.phone, pii),
    exitReason: r.exitReason,
    exitDate: r.exitDate,
  };
}

/** A member as the API shows it (detail, write responses); ID number and phone masked unless `pii`. */
export function toPersonView(p: PersonRow, pii: boolean): PersonView {
  return {
    id: p.id, householdId: p.householdId, regionCode: p.regionCode, idType: p.idType, idNumber: idFor(p.idNumber, pii), personNo: p.personNo,
    name: p.name, gender: p.gender, birthDate: p.birthDate, ethnicity: p.ethnicity, relation: p.relation, isHead: p.isHead,
    laborCapacity: p.laborCapacity, healthStatuses: p.healthStatuses, disabilityType: p.disabilityType, disabilityGrade: p.disabilityGrade,
    education: p.education, schoolStatus: p.schoolStatus, workMonths: p.workMonths, employmentStatus: p.employmentStatus,
    employmentPlace: p.employmentPlace, wantsTraining: p.wantsTraining, trainedThisYear: p.trainedThisYear, phone: phoneFor(p.phone, pii),
    exitReason: p.exitReason, exitDate: p.exitDate, exitNote: p.exitNote, version: p.version,
  };
}

/** Income rows with 家庭纯收入, 人均纯收入 and year-on-year change from the domain. */
export function toIncomeViews(rows: IncomeRow[]): IncomeView[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return incomeTrend(rows).map((t) => {
    const r = byYear.get(t.year) as IncomeRow;
    return {
      year: t.year, wage: r.wage, business: r.business, businessExpense: r.businessExpense, property: r.property, transfer: r.transfer,
      claimIncome: r.claimIncome, compliantSelfPaid: r.compliantSelfPaid, memberCount: r.memberCount, netIncome: t.netIncome, perCapita: t.perCapita, yoyChange: t.yoyChange, yoyRate: t.yoyRate, version: r.version,
    };
  });
}

/** Development-type (开发式) measure categories, from the dictionary attrs. */
export function developmentalCategories(): Set<string> {
  return new Set(codesWithAttr(DICT.measureCategory, 'developmental'));
}

export function toMeasureView(m: MeasureRow, developmental: Set<string> = developmentalCategories()): MeasureView {
  return {
    id: m.id, householdId: m.householdId, category: m.category, description: m.description, year: m.year, startDate: m.startDate,
    endDate: m.endDate, helperId: m.helperId, amountYuan: m.amountYuan, developmental: developmental.has(m.category), version: m.version,
  };
}

export function toCaseView(c: CaseRow): MonitoringCaseView {
  return {
    id: c.id, householdId: c.householdId, monitoringType: c.monitoringType, leadSource: c.leadSource, leadDate: c.leadDate,
    homeVisitDate: c.homeVisitDate, infoCheckDate: c.infoCheckDate, villageReviewDate: c.villageReviewDate,
    publicityStart: c.publicityStart, publicityEnd: c.publicityEnd, townshipReviewDate: c.townshipReviewDate,
    countyApprovalDate: c.countyApprovalDate, status: c.status, eliminationMethod: c.eliminationMethod,
    eliminationDate: c.eliminationDate, incomeStableSince: c.incomeStableSince, note: c.note,
    stage: c.stage, returnReason: c.returnReason, returnedAt: c.returnedAt ? c.returnedAt.toISOString() : null, riskTypes: c.riskTypes,
    commitmentDate: c.commitmentDate, elimHomeVisitDate: c.elimHomeVisitDate, elimPublicityStart: c.elimPublicityStart,
    elimPublicityEnd: c.elimPublicityEnd, elimTownshipReviewDate: c.elimTownshipReviewDate, elimCountyApprovalDate: c.elimCountyApprovalDate,
    rigidExpenseResolved: c.rigidExpenseResolved, noNewRisk: c.noNewRisk, version: c.version,
  };
}
