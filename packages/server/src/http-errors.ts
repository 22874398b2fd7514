import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import { AppError, isAppError, type ErrorCode, type Issue } from '@chanbang/domain';

/** The single table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  RECORD_EXITED: 409,
  INVALID_TRANSITION: 422,
  IMPORT_REJECTED: 422,
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
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 415 || status === 400 || status === 413) {
    return { appError: new AppError('VALIDATION_FAILED', fe.message, { issues: [{ path: '', messageZh: '请求格式无效', messageEn: fe.message }] }), unexpected: false };
  }
  if (status === 404) return { appError: new AppError('NOT_FOUND', 'not found'), unexpected: false };
  if (status === 429) return { appError: new AppError('RATE_LIMITED', 'too many requests'), unexpected: false };
  return { appError: new AppError('INTERNAL', 'internal error'), unexpected: true };
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
    if (unexpected) req.log.error({ err, requestId: req.id }, 'unexpected error');
    else req.log.info({ code: appError.code, requestId: req.id }, appError.message);
    void reply.status(STATUS_BY_CODE[appError.code]).send(errorBody(appError, String(req.id)));
  });
}

/** Request ids: honour a sane incoming x-request-id, otherwise a UUID. */
export function genRequestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && /^[\w.-]{1,64}$/.test(h) ? h : randomUUID();
}
