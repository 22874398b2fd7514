import { fenToYuan, maskIdNumber, maskPhone, type HouseholdListItem, type PersonView } from '@chanbang/domain';
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
    id: p.id,
    householdId: p.householdId,
    regionCode: p.regionCode,
    idType: p.idType,
    idNumber: idFor(p.idNumber, pii),
    personNo: p.personNo,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    relation: p.relation,
    isHead: p.isHead,
    laborCapacity: p.laborCapacity,
    healthStatuses: p.healthStatuses,
    disabilityType: p.disabilityType,
    disabilityGrade: p.disabilityGrade,
    education: p.education,
    schoolStatus: p.schoolStatus,
    workMonths: p.workMonths,
    employmentStatus: p.employmentStatus,
    employmentPlace: p.employmentPlace,
    wantsTraining: p.wantsTraining,
    trainedThisYear: p.trainedThisYear,
    wantsWork: p.wantsWork,
    employmentChannel: p.employmentChannel,
    employerEntityId: p.employerEntityId,
    employerName: p.employerName,
    monthlyWageYuan: p.monthlyWageFen === null ? null : fenToYuan(p.monthlyWageFen),
    skills: p.skills,
    phone: phoneFor(p.phone, pii),
    exitReason: p.exitReason,
    exitDate: p.exitDate,
    exitNote: p.exitNote,
    version: p.version,
  };
}
