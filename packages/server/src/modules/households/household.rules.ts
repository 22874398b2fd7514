import {
  AppError,
  CITIZEN_ID_TYPE,
  canSeePii,
  checkIdNumber,
  educationSchoolIssue,
  hasCheckDigit,
  isHeadRelation,
  maskIdNumber,
  outOfScopeHouseholdNoConflictIssue,
  outOfScopeIdConflictIssue,
  hasDisability,
  healthSetIssue,
  mostSeriousHealth,
  yuanToFen,
  type Issue,
  type PersonCreate,
  type PersonUpdate,
} from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { isInScope } from '../regions/scope.ts';
import { checkDictCode, type DictIndex } from '../dictionaries/dictionaries.service.ts';
import { findPersonsByIdNumbers, type PersonRow } from './households.repo.ts';

// The person rules themselves (ID number by document type, 户主, one head, lifted year, phone, lengths) are the
// domain's (households/household-checks.ts); this file applies them to the dictionaries and rows of the database.

/** Whether the relation code marks the head, by the database's relation dictionary (domain isHeadRelation). */
export function isHeadIn(idx: DictIndex, relation: string | null | undefined): boolean {
  return isHeadRelation(idx.get('relation')?.values() ?? [], relation);
}

/** Whether the document type carries the GB 11643 check digit, by the database's id_type dictionary (domain hasCheckDigit). */
export function hasCheckDigitIn(idx: DictIndex, idType: string): boolean {
  return hasCheckDigit(idType, idx.get('id_type')?.get(idType)?.attrs as Record<string, unknown> | null | undefined);
}

/** A member checked and normalised: ID number, birth date and gender (from the GB 11643 check for a 居民身份证). */
export type CheckedPerson = { idType: string; idNumber: string; birthDate: string; gender: string; isHead: boolean };

/** Checks a code only once the dictionary exists (national dictionaries may be added after this code). */
function checkOptionalDict(idx: DictIndex, dictCode: string, value: string | null | undefined, path: string, issues: Issue[]): void {
  if (idx.has(dictCode)) checkDictCode(idx, dictCode, value, path, issues);
}

/**
 * Checks one member's fields and pushes issues under `path`: the document number (GB 11643 check digit for a
 * 居民身份证; other document types give birth date and gender themselves), dictionary codes, exactly one of
 * 文化程度 / 在校生状况 (domain-standards §2.4), health as a set, 残疾类别/等级 only with 残疾.
 * @param before the stored person when editing (its values stand for the fields the input leaves out)
 * @returns normalised document facts when the input sets or changes them and they are valid, else undefined
 */
export function checkPersonFields(idx: DictIndex, p: PersonCreate | PersonUpdate, path: string, issues: Issue[], before?: PersonRow): CheckedPerson | undefined {
  let checked: CheckedPerson | undefined;
  const idType = p.idType ?? before?.idType ?? CITIZEN_ID_TYPE;
  checkOptionalDict(idx, 'id_type', p.idType, `${path}idType`, issues);
  const idNumber = p.idNumber ?? (p.idType !== undefined && p.idType !== before?.idType ? before?.idNumber : undefined);
  if (idNumber !== undefined) {
    const checkDigit = hasCheckDigitIn(idx, idType);
    const r = checkIdNumber(idNumber, checkDigit);
    if (!r.ok) issues.push({ ...r.issue, path: `${path}idNumber` });
    if (checkDigit) {
      if (r.ok) checked = { idType, idNumber: r.idNumber, birthDate: r.birthDate!, gender: r.gender!, isHead: false };
    } else {
      const birthDate = p.birthDate ?? before?.birthDate;
      const gender = p.gender ?? before?.gender;
      if (!birthDate)
        issues.push({
          path: `${path}birthDate`,
          field: 'birthDate',
          messageZh: '证件类型不是居民身份证时须填写出生日期',
          messageEn: 'enter the birth date: the document is not a citizen ID card',
        });
      if (!gender)
        issues.push({
          path: `${path}gender`,
          field: 'gender',
          messageZh: '证件类型不是居民身份证时须填写性别',
          messageEn: 'enter the gender: the document is not a citizen ID card',
        });
      checkDictCode(idx, 'gender', p.gender, `${path}gender`, issues);
      if (r.ok && birthDate && gender) checked = { idType, idNumber: r.idNumber, birthDate, gender, isHead: false };
    }
  }
  checkDictCode(idx, 'relation', p.relation, `${path}relation`, issues);
  checkDictCode(idx, 'labor_capacity', p.laborCapacity, `${path}laborCapacity`, issues);
  for (const [i, h] of (p.healthStatuses ?? []).entries()) checkDictCode(idx, 'health_status', h, `${path}healthStatuses.${i}`, issues);
  checkDictCode(idx, 'education', p.education, `${path}education`, issues);
  checkOptionalDict(idx, 'school_status', p.schoolStatus, `${path}schoolStatus`, issues);
  checkOptionalDict(idx, 'ethnicity', p.ethnicity, `${path}ethnicity`, issues);
  checkOptionalDict(idx, 'disability_type', p.disabilityType, `${path}disabilityType`, issues);
  checkDictCode(idx, 'employment_status', p.employmentStatus, `${path}employmentStatus`, issues);
  checkDictCode(idx, 'employment_channel', p.employmentChannel, `${path}employmentChannel`, issues);
  const pathed = (i: Issue | undefined) => i && issues.push({ ...i, path: `${path}${i.path}` });
  // 文化程度 / 在校生状况: the merged state; "neither" is refused for a new person or when the input touches them
  const education = p.education !== undefined ? p.education : before?.education;
  const schoolStatus = p.schoolStatus !== undefined ? p.schoolStatus : before?.schoolStatus;
  pathed(educationSchoolIssue({ education, schoolStatus }, !before || p.education !== undefined || p.schoolStatus !== undefined));
  const health = p.healthStatuses ?? before?.healthStatuses ?? [];
  pathed(healthSetIssue(health));
  const disabilityType = p.disabilityType !== undefined ? p.disabilityType : before?.disabilityType;
  const disabilityGrade = p.disabilityGrade !== undefined ? p.disabilityGrade : before?.disabilityGrade;
  if ((disabilityType || disabilityGrade) && !hasDisability(health)) {
    issues.push({
      path: `${path}disabilityType`,
      field: 'disabilityType',
      messageZh: '健康状况含“残疾”时才填写残疾类别和等级',
      messageEn: 'the disability type and grade are recorded only when the health values include a disability',
    });
  }
  if (checked && p.relation !== undefined) checked.isHead = isHeadIn(idx, p.relation);
  return checked;
}

/**
 * The person columns written for an input: health kept as the set, and (while other readers still use it) the
 * old single `health_status` as its most serious value.
 */
export function personColumns(p: PersonCreate | PersonUpdate): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  if (p.healthStatuses !== undefined) out.healthStatus = mostSeriousHealth(p.healthStatuses);
  // 务工月收入: 元 at the edge, 分 in the table; 掌握技能 without repeats; the 务工企业 entity is set by the members
  // service after its scope check (modules/members/person-employment.ts), never passed through
  delete out.monthlyWageYuan;
  delete out.employerEntityId;
  if (p.monthlyWageYuan !== undefined) out.monthlyWageFen = p.monthlyWageYuan === null ? null : yuanToFen(p.monthlyWageYuan, 'monthlyWageYuan');
  if (p.skills !== undefined) out.skills = [...new Set(p.skills.map((s) => s.trim()))];
  return out;
}

/** Today's date (YYYY-MM-DD) where the officers are: China Standard Time, UTC+8 all year. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** @throws AppError VALIDATION_FAILED when any issue blocks */
export function throwIfIssues(issues: Issue[], message = 'input is invalid'): void {
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', message, { issues });
}

/**
 * A person may belong to one household only. Within the actor's scope the conflict names the household and the
 * person; outside it, only the fixed sentence (issue 6 §2): no person, household or region is disclosed.
 * @param exceptPersonId the person being edited
 * @throws AppError CONFLICT
 */
export async function assertIdNumbersFree(db: Conn, actor: Actor, idNumbers: string[], exceptPersonId?: number): Promise<void> {
  const taken = (await findPersonsByIdNumbers(db, idNumbers)).filter((p) => p.id !== exceptPersonId);
  if (taken.length === 0) return;
  const inScope = taken.filter((t) => isInScope(actor, t.regionCode));
  if (inScope.length < taken.length) {
    throw new AppError('CONFLICT', 'ID number already registered outside the scope', { issues: [outOfScopeIdConflictIssue()] });
  }
  const pii = canSeePii(actor.role);
  const first = inScope[0]!;
  throw new AppError('CONFLICT', `ID number already registered in household ${first.householdNo}`, {
    householdId: first.householdId,
    householdNo: first.householdNo,
    issues: inScope.map((t) => ({
      path: 'idNumber',
      value: pii ? t.idNumber : maskIdNumber(t.idNumber),
      messageZh: `证件号码已登记在户 ${t.householdNo}（${t.name}），一人只能属于一户`,
      messageEn: `this ID number is already registered in household ${t.householdNo} (${t.name}); a person belongs to one household`,
    })),
  });
}

/**
 * A 户编号 is unique county-wide: within the scope the conflict names the number; outside it, the fixed sentence.
 * @throws AppError CONFLICT when the number is taken
 */
export function throwHouseholdNoTaken(actor: Actor, householdNo: string, existing: { regionCode: string } | undefined): never {
  if (existing && !isInScope(actor, existing.regionCode)) {
    throw new AppError('CONFLICT', 'household number registered outside the scope', { issues: [outOfScopeHouseholdNoConflictIssue()] });
  }
  throw new AppError('CONFLICT', `household number ${householdNo} exists`, {
    householdNo,
    issues: [{ path: 'householdNo', value: householdNo, messageZh: `户编号 ${householdNo} 已登记，不能重复`, messageEn: `household number ${householdNo} is already registered` }],
  });
}
