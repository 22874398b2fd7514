/** Error codes the client must tell apart. Add one only when the client behaves differently. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  /** the household or person left the registry by 自然减少: read-only until an admin restores it (409) */
  'RECORD_EXITED',
  /** the save carried a version older than the stored one: someone else saved first; `details.current` is the record now (409) */
  'STALE_VERSION',
  /** an update of an existing record sent no version (body `version` or `If-Match`) (428) */
  'VERSION_REQUIRED',
  'INVALID_TRANSITION',
  'IMPORT_REJECTED',
  /** what was asked for existed and was removed on purpose (an ended import job's files) (410) */
  'GONE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field or cell, worded in Chinese and English. */
export type Issue = {
  /** field path (API) or column name (import) */
  path: string;
  /** 1-based data row for imports */
  row?: number;
  value?: unknown;
  /** machine key of the field (e.g. `idNumber`) when `path` is a display label */
  field?: string;
  /** `error` (default when absent) blocks the action; `warning` is shown but does not block */
  severity?: 'error' | 'warning';
  messageZh: string;
  messageEn: string;
};

/**
 * The single application error. It knows nothing about HTTP: the server maps `code` to a status.
 * `message` is for developers; the UI localises from `code` and `details`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: { issues?: Issue[]; [key: string]: unknown } | undefined;

  constructor(code: ErrorCode, message: string, details?: AppError['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Type guard for AppError (works across module copies). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError || (typeof err === 'object' && err !== null && (err as { name?: string }).name === 'AppError' && 'code' in err);
}

/** True when at least one issue blocks the action (severity `error` or unspecified). */
export function hasBlockingIssues(issues: readonly Issue[]): boolean {
  return issues.some((i) => (i.severity ?? 'error') === 'error');
}
