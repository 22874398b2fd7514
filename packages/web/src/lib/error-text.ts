import { ApiError, type ApiIssue } from './api-client.ts';
import type { I18n, MessageKey } from './i18n.tsx';

const KNOWN = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT', 'INVALID_TRANSITION', 'IMPORT_REJECTED', 'RATE_LIMITED', 'INTERNAL', 'NETWORK'];

/** The localised headline of an error (from its code, never the developer message). */
export function errorTitle(err: unknown, i18n: Pick<I18n, 't'>): string {
  if (err instanceof ApiError) {
    const code = KNOWN.includes(err.code) ? err.code : 'INTERNAL';
    return i18n.t(`err.${code}` as MessageKey);
  }
  return i18n.t('err.INTERNAL');
}

/** Issues of an error envelope (`details.issues`, or `details.reasons` for refusals). */
export function errorIssues(err: unknown): ApiIssue[] {
  if (!(err instanceof ApiError) || !err.details) return [];
  const list = err.details.issues ?? err.details.reasons;
  return Array.isArray(list) ? list : [];
}

/** One issue as a line of text in the current language. */
export function issueText(issue: ApiIssue, i18n: Pick<I18n, 'pick'>): string {
  const text = i18n.pick(issue.messageZh, issue.messageEn) || issue.message || '';
  const where = issue.row ? `#${issue.row} ` : '';
  return issue.path && !text.includes(issue.path) ? `${where}${issue.path}: ${text}` : `${where}${text}`;
}

/** Headline plus every issue, for message.error(). */
export function errorText(err: unknown, i18n: Pick<I18n, 't' | 'pick'>): string {
  const issues = errorIssues(err).map((i) => issueText(i, i18n));
  return [errorTitle(err, i18n), ...issues].join('；');
}
