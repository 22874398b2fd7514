import { AppError, validateIdNumber, type Issue, type PersonCreate, type PersonUpdate } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { checkDictCode, type DictIndex } from '../dictionaries/dictionaries.service.ts';
import { findPersonsByIdNumbers } from './households.repo.ts';

/** Relation codes that mark the head (dict relation attrs.isHead). */
export function isHeadRelation(idx: DictIndex, relation: string): boolean {
  return idx.get('relation')?.get(relation)?.attrs?.isHead === true;
}

/** A member checked and normalised: ID number, birth date and gender from the domain's GB 11643 check. */
export type CheckedPerson = { idNumber: string; birthDate: string; gender: string; isHead: boolean };

/**
 * Checks one member's fields (ID check digit, dictionary codes) and pushes issues under `path`.
 * @returns normalised ID facts, or undefined when the ID number is invalid
 */
export function checkPersonFields(idx: DictIndex, p: PersonCreate | PersonUpdate, path: string, issues: Issue[]): CheckedPerson | undefined {
  let checked: CheckedPerson | undefined;
  if (p.idNumber !== undefined) {
    const r = validateIdNumber(p.idNumber);
    if (r.ok) checked = { idNumber: r.idNumber, birthDate: r.birthDate, gender: r.gender, isHead: false };
    else issues.push({ path: `${path}idNumber`, value: p.idNumber, field: 'idNumber', messageZh: r.reasonZh, messageEn: r.reasonEn });
  }
  checkDictCode(idx, 'relation', p.relation, `${path}relation`, issues);
  checkDictCode(idx, 'labor_capacity', p.laborCapacity, `${path}laborCapacity`, issues);
  checkDictCode(idx, 'health_status', p.healthStatus, `${path}healthStatus`, issues);
  checkDictCode(idx, 'education', p.education, `${path}education`, issues);
  checkDictCode(idx, 'employment_status', p.employmentStatus, `${path}employmentStatus`, issues);
  if (checked && p.relation !== undefined) checked.isHead = isHeadRelation(idx, p.relation);
  return checked;
}

/** Issue for a second head in one household. */
export function secondHeadIssue(path: string): Issue {
  return { path, field: 'relation', messageZh: '一户只能有一名户主', messageEn: 'a household has exactly one head' };
}

/** @throws AppError VALIDATION_FAILED when any issue blocks */
export function throwIfIssues(issues: Issue[], message = 'input is invalid'): void {
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', message, { issues });
}

/**
 * A person may belong to one household only.
 * @param exceptPersonId the person being edited
 * @throws AppError CONFLICT naming the household that already has the ID number
 */
export async function assertIdNumbersFree(db: Conn, idNumbers: string[], exceptPersonId?: number): Promise<void> {
  const taken = (await findPersonsByIdNumbers(db, idNumbers)).filter((p) => p.id !== exceptPersonId);
  const first = taken[0];
  if (first) {
    throw new AppError('CONFLICT', `ID number already registered in household ${first.householdNo}`, {
      householdId: first.householdId,
      householdNo: first.householdNo,
      issues: taken.map((t) => ({
        path: 'idNumber',
        value: t.idNumber,
        messageZh: `证件号码已登记在户 ${t.householdNo}（${t.name}），一人只能属于一户`,
        messageEn: `this ID number is already registered in household ${t.householdNo} (${t.name}); a person belongs to one household`,
      })),
    });
  }
}
