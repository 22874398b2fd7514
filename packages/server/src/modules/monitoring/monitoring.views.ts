import type { MonitoringCaseView } from '@chanbang/domain';
import type { CaseRow } from './monitoring.repo.ts';

/** A monitoring case as the API shows it. */
export function toCaseView(c: CaseRow): MonitoringCaseView {
  return {
    id: c.id,
    householdId: c.householdId,
    monitoringType: c.monitoringType,
    leadSource: c.leadSource,
    leadDate: c.leadDate,
    homeVisitDate: c.homeVisitDate,
    infoCheckDate: c.infoCheckDate,
    villageReviewDate: c.villageReviewDate,
    publicityStart: c.publicityStart,
    publicityEnd: c.publicityEnd,
    townshipReviewDate: c.townshipReviewDate,
    countyApprovalDate: c.countyApprovalDate,
    status: c.status,
    eliminationMethod: c.eliminationMethod,
    eliminationDate: c.eliminationDate,
    incomeStableSince: c.incomeStableSince,
    note: c.note,
    stage: c.stage,
    returnReason: c.returnReason,
    returnedAt: c.returnedAt ? c.returnedAt.toISOString() : null,
    riskTypes: c.riskTypes,
    commitmentDate: c.commitmentDate,
    elimHomeVisitDate: c.elimHomeVisitDate,
    elimPublicityStart: c.elimPublicityStart,
    elimPublicityEnd: c.elimPublicityEnd,
    elimTownshipReviewDate: c.elimTownshipReviewDate,
    elimCountyApprovalDate: c.elimCountyApprovalDate,
    rigidExpenseResolved: c.rigidExpenseResolved,
    noNewRisk: c.noNewRisk,
    version: c.version,
  };
}
