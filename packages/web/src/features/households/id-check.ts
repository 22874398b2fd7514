import { validateIdNumber } from '@chanbang/domain';
import type { DictItem } from '../../lib/types.ts';
import type { I18n } from '../../lib/i18n.tsx';

/**
 * antd Form validator for an 18-character ID number; reuses the domain's GB 11643 check (same as the
 * server and the import), so the reason shown is the domain's own zh/en wording.
 */
export function idNumberValidator(i18n: Pick<I18n, 't' | 'pick'>) {
  return async (_rule: unknown, value: string | undefined) => {
    // A masked number (role without access to personal information) is left as it is: the server keeps it.
    if (!value || isMaskedIdNumber(value)) return;
    const check = validateIdNumber(value);
    if (!check.ok) throw new Error(i18n.t('member.idInvalid', { reason: i18n.pick(check.reasonZh, check.reasonEn) }));
  };
}

/** True for a masked ID number as lists return it to roles without access (e.g. 4112**********1234). */
export function isMaskedIdNumber(value: string | undefined | null): boolean {
  return !!value && value.includes('*');
}

/** The relation code that means 户主 (dictionary attrs.isHead, falling back to the label). */
export function headRelationCode(relations: DictItem[]): string | undefined {
  return (relations.find((r) => r.attrs?.isHead === true) ?? relations.find((r) => r.labelZh === '户主'))?.code;
}

/** Member-list checks: exactly one head, no duplicate ID numbers. Returns the message keys that fail. */
export function memberListProblems(members: { relation?: string; idNumber?: string }[] | undefined, headCode: string | undefined): ('member.atLeastOne' | 'member.oneHead' | 'member.idDuplicate')[] {
  const list = members ?? [];
  const out: ('member.atLeastOne' | 'member.oneHead' | 'member.idDuplicate')[] = [];
  if (list.length === 0) return ['member.atLeastOne'];
  if (headCode && list.filter((m) => m?.relation === headCode).length !== 1) out.push('member.oneHead');
  const ids = list.map((m) => m?.idNumber?.trim().toUpperCase()).filter(Boolean);
  if (new Set(ids).size !== ids.length) out.push('member.idDuplicate');
  return out;
}

/** dict id_type code of the 居民身份证: the only document type with the GB 11643 check digit. */
export const CITIZEN_ID_TYPE = '1';
