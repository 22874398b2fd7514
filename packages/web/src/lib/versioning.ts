// Optimistic locking, web side (issue 6 §3). Every editable record the API shows carries `version`; a save of an
// existing record sends back the version of the record the form was opened with (body `version`, or the header
// `If-Match: "3"` for a DELETE). The server answers 409 STALE_VERSION with `details.current` (the record as it is
// now) when someone saved first, and 428 VERSION_REQUIRED when no version was sent.

import { ApiError } from './api-client.ts';
import type { I18n } from './i18n.tsx';
import { formatDateTime } from './format.ts';

/** The version a record was read at, or undefined when it has none (a new record, an older server). */
export function versionOf(record: unknown): number | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const v = (record as { version?: unknown }).version;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** The save body with the version it is based on; a record without a version is sent as it is. */
export function withVersion<T extends object>(body: T, basedOn: unknown): T & { version?: number } {
  const version = versionOf(basedOn);
  return version === undefined ? body : { ...body, version };
}

/** `If-Match: "3"` for a request without a body (DELETE); no header when the record has no version. */
export function ifMatch(basedOn: unknown): Record<string, string> {
  const version = versionOf(basedOn);
  return version === undefined ? {} : { 'if-match': `"${version}"` };
}

/** Someone else saved the record after this form read it (409). */
export function isStaleVersion(err: unknown): err is ApiError {
  return err instanceof ApiError && err.code === 'STALE_VERSION';
}

/** The save carried no version (428): the page is older than the server. */
export function isVersionRequired(err: unknown): err is ApiError {
  return err instanceof ApiError && err.code === 'VERSION_REQUIRED';
}

/** The record as it is now, from a STALE_VERSION answer (`details.current`). */
export function staleCurrent(err: unknown): Record<string, unknown> | undefined {
  if (!isStaleVersion(err)) return undefined;
  const current = err.details?.current;
  return current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : undefined;
}

const WHO_KEYS = ['updatedByName', 'updatedByDisplayName', 'updatedBy', 'modifiedBy'] as const;
const WHEN_KEYS = ['updatedAt', 'modifiedAt'] as const;

/** Who saved the current record last and when, as far as the record says (either may be missing). */
export function lastChange(current: unknown): { by?: string; at?: string } {
  if (!current || typeof current !== 'object') return {};
  const rec = current as Record<string, unknown>;
  const text = (keys: readonly string[]) => {
    for (const k of keys) {
      const v = rec[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
    return undefined;
  };
  const by = text(WHO_KEYS);
  const at = text(WHEN_KEYS);
  return { ...(by ? { by } : {}), ...(at ? { at } : {}) };
}

/** One sentence on the last change for the stale dialog ("张三于 2026-11-30 05:12:01 保存了此记录。"), or '' */
export function lastChangeText(current: unknown, i18n: Pick<I18n, 'pick'>): string {
  const { by, at } = lastChange(current);
  const when = at ? formatDateTime(at) : undefined;
  if (by && when) return i18n.pick(`${by}于 ${when} 保存了此记录。`, `${by} saved it at ${when}.`);
  if (by) return i18n.pick(`${by}已保存了此记录。`, `${by} saved it.`);
  if (when) return i18n.pick(`此记录已于 ${when} 被保存。`, `It was saved at ${when}.`);
  return '';
}
