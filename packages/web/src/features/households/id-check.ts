import { CITIZEN_ID_TYPE, checkIdNumber, headRelationCode, householdNoIssue, memberListIssues, phoneIssue, validateIdNumber, type Issue } from '@chanbang/domain';
import type { I18n } from '../../lib/i18n.tsx';

// The household and person rules are the domain's (households/household-checks.ts); these are their antd adapters.
export { CITIZEN_ID_TYPE, headRelationCode };

type Pick2 = Pick<I18n, 't' | 'pick'>;

/**
 * antd Form validator for an 18-character ID number; reuses the domain's GB 11643 check (same as the
 * server and the import), so the reason shown is the domain's own zh/en wording.
 */
export function idNumberValidator(i18n: Pick2) {
  return async (_rule: unknown, value: string | undefined) => {
    // A masked number (role without access to personal information) is left as it is: the server keeps it.
    if (!value || isMaskedIdNumber(value)) return;
    const check = validateIdNumber(value);
    if (!check.ok) throw new Error(i18n.t('member.idInvalid', { reason: i18n.pick(check.reasonZh, check.reasonEn) }));
  };
}

/** antd Form validator for the number of a document without the check digit (the domain's checkIdNumber). */
export function otherIdNumberValidator(i18n: Pick2) {
  return issueValidator(i18n, (v) => {
    if (isMaskedIdNumber(v)) return undefined;
    const r = checkIdNumber(v, false);
    return r.ok ? undefined : r.issue;
  });
}

/** antd Form validator for 联系电话 (the domain's phoneIssue); a masked phone is left as it is. */
export function phoneValidator(i18n: Pick2) {
  return issueValidator(i18n, (v) => (v.includes('*') ? undefined : phoneIssue(v)));
}

/** antd Form validator for 户编号 (the domain's householdNoIssue). */
export function householdNoValidator(i18n: Pick2) {
  return issueValidator(i18n, (v) => householdNoIssue(v.trim()));
}

/** An antd validator that shows the domain issue of a non-empty value in the user's language. */
function issueValidator(i18n: Pick2, check: (value: string) => Issue | undefined) {
  return async (_rule: unknown, value: string | undefined | null) => {
    if (!value) return;
    const issue = check(value);
    if (issue) throw new Error(i18n.pick(issue.messageZh, issue.messageEn));
  };
}

/** True for a masked ID number as lists return it to roles without access (e.g. 4112**********1234). */
export function isMaskedIdNumber(value: string | undefined | null): boolean {
  return !!value && value.includes('*');
}

/**
 * Member-list checks (the domain's memberListIssues): at least one member, exactly one head, no duplicate ID
 * numbers. Returns the message keys that fail.
 */
export function memberListProblems(
  members: { relation?: string; idNumber?: string }[] | undefined,
  headCode: string | undefined,
): ('member.atLeastOne' | 'member.oneHead' | 'member.idDuplicate')[] {
  const list = (members ?? []).filter(Boolean);
  if (list.length === 0) return ['member.atLeastOne'];
  const issues = memberListIssues(
    list.map((m) => ({
      isHead: headCode ? m.relation === headCode : undefined,
      // a masked number stands for a stored member whose number the server knows; it is not compared
      idNumber: isMaskedIdNumber(m.idNumber) ? undefined : m.idNumber,
    })),
  );
  const out: ('member.atLeastOne' | 'member.oneHead' | 'member.idDuplicate')[] = [];
  if (issues.some((i) => i.field === 'relation')) out.push('member.oneHead');
  if (issues.some((i) => i.field === 'idNumber')) out.push('member.idDuplicate');
  return out;
}
