import { fenToYuan, type LinkageView } from '@chanbang/domain';
import type { LinkageListRow } from './linkages.repo.ts';

/** A linkage as every role sees it: names and 户编号, never an ID number or a phone. */
export function toLinkageView(r: LinkageListRow): LinkageView {
  return {
    id: r.id,
    entityId: r.entityId,
    entityName: r.entityName,
    entityType: r.entityType,
    householdId: r.householdId,
    householdNo: r.householdNo,
    headName: r.headName,
    householdType: r.householdType,
    regionCode: r.regionCode,
    villageName: r.villageName,
    projectId: r.projectId,
    mode: r.mode,
    year: r.year,
    startDate: r.startDate,
    endDate: r.endDate,
    amountYuan: fenToYuan(r.incomeFen),
    incomeType: r.incomeType,
    carriedAt: r.carriedAt ? r.carriedAt.toISOString() : null,
    note: r.note,
    version: r.version,
  };
}
