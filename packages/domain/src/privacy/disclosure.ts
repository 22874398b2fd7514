import type { Issue } from '../errors.ts';
import { maskIdNumber, maskPhone } from './masking.ts';

// issue 6 §1, §2: masked roles never receive a full ID number or phone, and a conflict with a record outside
// the user's scope names no person, household or region (domain-standards §1.5, §7.2).

const ID_KEYS = new Set(['idNumber', 'headIdNumber', 'id_number', 'head_id_number']);
const PHONE_KEYS = new Set(['phone', 'helperPhone', 'helper_phone', 'contactPhone', 'contact_phone']);

/**
 * Masks ID numbers and phones inside a recorded JSON value (an audit before/after snapshot, nested members
 * included), by key: `idNumber`/`headIdNumber` with maskIdNumber, `phone` with maskPhone. Returns a copy.
 * @param value any JSON value
 */
export function maskPersonalFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskPersonalFields(v)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && ID_KEYS.has(k)) out[k] = maskIdNumber(v);
    else if (typeof v === 'string' && PHONE_KEYS.has(k)) out[k] = maskPhone(v);
    else out[k] = maskPersonalFields(v);
  }
  return out as T;
}

/** The only words said when an ID number is registered outside the user's scope: no person, household or region. */
export const OUT_OF_SCOPE_ID_CONFLICT = {
  messageZh: '该证件号码已在其他地区登记，请联系县级管理员核实',
  messageEn: 'this ID number is already registered in another area; please ask the county administrator to check',
} as const;

/** The same for a 户编号 that belongs to a household outside the user's scope. */
export const OUT_OF_SCOPE_HOUSEHOLD_NO_CONFLICT = {
  messageZh: '该户编号已在其他地区登记，请联系县级管理员核实',
  messageEn: 'this household number is already registered in another area; please ask the county administrator to check',
} as const;

/** The conflict issue for an ID number taken outside the scope (no `value`: it would echo the number). */
export function outOfScopeIdConflictIssue(path = 'idNumber'): Issue {
  return { path, ...OUT_OF_SCOPE_ID_CONFLICT };
}

/** The conflict issue for a household number taken outside the scope. */
export function outOfScopeHouseholdNoConflictIssue(path = 'householdNo'): Issue {
  return { path, ...OUT_OF_SCOPE_HOUSEHOLD_NO_CONFLICT };
}

/** True when a serialized text carries an unmasked 18-character ID number or an 11-digit mobile phone. */
export function carriesPersonalNumbers(text: string): boolean {
  return /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/.test(text) || /(?<!\d)1\d{10}(?!\d)/.test(text);
}
