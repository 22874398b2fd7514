import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import { AppError, isAppError, type ErrorCode, type Issue } from '@chanbang/domain';
import { pgErrorOf } from './db-errors.ts';

/** The single table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  RECORD_EXITED: 409,
  STALE_VERSION: 409,
  VERSION_REQUIRED: 428,
  INVALID_TRANSITION: 409,
  IMPORT_REJECTED: 422,
  GONE: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown>; requestId: string } };

function zodIssuesToAppIssues(validation: ReadonlyArray<{ instancePath: string; message?: string }>, context: string | undefined): Issue[] {
  return validation.map((v) => {
    // path is the field path inside the body/query/params (what a form maps back to its field)
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const where = [context, path].filter(Boolean).join('.');
    return { path, messageZh: `字段 ${where} 无效：${v.message ?? ''}`, messageEn: `${where}: ${v.message ?? 'invalid'}` };
  });
}

/** Turns any thrown value into an AppError (unknown errors become INTERNAL). */
export function toAppError(err: unknown): { appError: AppError; unexpected: boolean } {
  if (isAppError(err)) return { appError: err, unexpected: false };
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = zodIssuesToAppIssues(fe.validation, fe.validationContext);
    return { appError: new AppError('VALIDATION_FAILED', `request ${fe.validationContext ?? ''} is invalid`.replace('  ', ' '), { issues }), unexpected: false };
  }
  if (fe && Array.isArray(fe.validation)) {
    const issues = zodIssuesToAppIssues(fe.validation as never, fe.validationContext);
    return { appError: new AppError('VALIDATION_FAILED', 'request is invalid', { issues }), unexpected: false };
  }
  if (isResponseSerializationError(err)) return { appError: new AppError('INTERNAL', 'internal error'), unexpected: true };
  const pgCode = pgErrorOf(err)?.code;
  if (pgCode && PG_INPUT_ERRORS[pgCode]) {
    // a value the database refuses (NUL byte, impossible date, out-of-range number) that got past the schemas
    const [zh, en] = PG_INPUT_ERRORS[pgCode];
    return { appError: new AppError('VALIDATION_FAILED', en, { issues: [{ path: '', messageZh: zh, messageEn: en }] }), unexpected: false };
  }
  if (pgCode && PG_CONCURRENCY_ERRORS.has(pgCode)) {
    const en = 'another user was changing the same records at the same moment; nothing was saved, please try again';
    return {
      appError: new AppError('CONFLICT', en, { issues: [{ path: '', messageZh: '其他用户正在同时修改相同的记录，本次未保存，请稍后重试', messageEn: en }] }),
      unexpected: false,
    };
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 415 || status === 400 || status === 413) {
    // Node's JSON.parse message quotes the body (an ID number, a phone): never echo it back or into the log
    const message = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fe.message) ? 'request body is not valid JSON' : fe.message;
    return { appError: new AppError('VALIDATION_FAILED', message, { issues: [{ path: '', messageZh: '请求格式无效', messageEn: message }] }), unexpected: false };
  }
  if (status === 404) return { appError: new AppError('NOT_FOUND', 'not found'), unexpected: false };
  if (status === 429) return { appError: new AppError('RATE_LIMITED', 'too many requests'), unexpected: false };
  return { appError: new AppError('INTERNAL', 'internal error'), unexpected: true };
}

/** PostgreSQL errors caused by a bad value, answered 400 (22021 NUL/encoding, 22007/22008 dates, 22003 range, 22P02 syntax). */
const PG_INPUT_ERRORS: Record<string, [string, string]> = {
  '22021': ['文本含有不允许的字符', 'text contains a character the database refuses'],
  '22007': ['日期或时间格式无效', 'invalid date or time'],
  '22008': ['日期或时间超出范围', 'date or time out of range'],
  '22003': ['数值超出范围', 'number out of range'],
  '22P02': ['数值格式无效', 'invalid value'],
};

/**
 * PostgreSQL errors of two writers at once (40P01 deadlock, 40001 serialization failure, 55P03 lock not available):
 * nothing was written, the same request may succeed again; answered 409 CONFLICT, never a 500.
 */
const PG_CONCURRENCY_ERRORS = new Set(['40P01', '40001', '55P03']);

/**
 * What the log may say about an unexpected error: its name, codes, the message cut before any SQL parameters and
 * the stack — never the error object itself (drizzle puts the query and its `params` — names, ID numbers — on it).
 */
export function safeErrorForLog(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
  const pg = pgErrorOf(err) as { code?: string; constraint?: string; message?: string } | undefined;
  const redact = (m: unknown) => (typeof m === 'string' ? stripQueryDetails(m) : undefined);
  return {
    type: typeof e.name === 'string' ? e.name : typeof err,
    message: redact(e.message),
    code: typeof e.code === 'string' ? e.code : undefined,
    pgCode: pg?.code,
    constraint: pg?.constraint,
    pgMessage: pg && pg !== err ? redact(pg.message) : undefined,
    stack: typeof e.stack === 'string' ? stripQueryDetails(e.stack.split('\n').slice(1, 12).join('\n')) : undefined,
  };
}

/** Cuts a driver message at its SQL parameters and removes quoted values ("Failed query: … params: …", 'Key (x)=(v)'). */
export function stripQueryDetails(message: string): string {
  return message
    .replace(/\bparams:[\s\S]*$/i, 'params: [redacted]')
    .replace(/\)=\([^)]*\)/g, ')=([redacted])')
    .replace(/"[^"\n]{0,200}"/g, '"[redacted]"')
    .replace(/'[^'\n]{0,200}'/g, "'[redacted]'")
    .slice(0, 2000);
}

/** The first string holding a NUL byte in `value`, as a dotted path ('' when `value` itself is such a string). */
export function findNulByte(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return path ? `${path}.${k.replaceAll('\u0000', '\\0')}` : k.replaceAll('\u0000', '\\0');
    const found = findNulByte(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses a NUL byte anywhere in the params, query or JSON body (PostgreSQL stores no NUL in text): 400 naming the field. */
function refuseNulBytes(req: FastifyRequest): void {
  const parts: Array<[string, unknown]> = [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ];
  for (const [context, value] of parts) {
    const path = findNulByte(value);
    if (path === undefined) continue;
    const where = [context, path].filter(Boolean).join('.');
    throw new AppError('VALIDATION_FAILED', `request ${context} is invalid`, {
      issues: [{ path, messageZh: `字段 ${where} 无效：含有空字符 (NUL)`, messageEn: `${where}: contains a NUL byte` }],
    });
  }
}

/** Builds the envelope of an error. */
export function errorBody(appError: AppError, requestId: string): ErrorBody {
  const body: ErrorBody = { error: { code: appError.code, message: appError.message, requestId } };
  if (appError.details && Object.keys(appError.details).length > 0) body.error.details = appError.details;
  return body;
}

/** Registers the one error handler and the 404 handler of the app. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { appError, unexpected } = toAppError(err);
    if (unexpected) req.log.error({ error: safeErrorForLog(err), requestId: req.id }, 'unexpected error');
    else {
      // code and field paths only: an AppError message may name a 户编号 or a user name
      const issues = (appError.details as { issues?: Array<{ path?: unknown }> } | undefined)?.issues;
      const fields = Array.isArray(issues) ? issues.map((i) => String(i.path ?? '')).slice(0, 20) : undefined;
      req.log.info({ code: appError.code, fields, requestId: req.id }, 'request refused');
    }
    void reply.status(STATUS_BY_CODE[appError.code]).send(errorBody(appError, String(req.id)));
  });
  // runs before every route's schema validation (hooks of the root instance reach every route)
  app.addHook('preValidation', async (req) => refuseNulBytes(req));
}

/** Request ids: honour a sane incoming x-request-id, otherwise a UUID. */
export function genRequestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && /^[\w.-]{1,64}$/.test(h) ? h : randomUUID();
}
