import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { isAppError, LoginSchema, OkSchema, PasswordChangeSchema, UserEnvelopeSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from './auth.guard.ts';
import * as service from './auth.service.ts';
import { LoginThrottle } from './login-throttle.ts';

export const SESSION_COOKIE = 'cb_session';

/** Session cookie on every request → `req.actor`. */
export function registerSessionHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.actor = await service.resolveActor(deps, req.cookies[SESSION_COOKIE], String(req.id));
  });
}

/** Sets Retry-After on a RATE_LIMITED error, then lets the one error handler answer it. */
function withRetryAfter(reply: FastifyReply, err: unknown): never {
  if (isAppError(err) && err.code === 'RATE_LIMITED') reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
  throw err;
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // one throttle per app (in memory, one process: see LoginThrottle)
  const throttle = new LoginThrottle();
  const ctxOf = (req: FastifyRequest) => ({ requestId: String(req.id), address: req.ip, throttle });
  r.post(
    '/api/v1/auth/login',
    { schema: { tags: ['auth'], summary: 'Log in; sets the cb_session cookie (429 with Retry-After after 5 failures)', body: LoginSchema, response: { 200: UserEnvelopeSchema } } },
    async (req, reply) => {
      const { user, token, expiresAt } = await service.login(deps, req.body, ctxOf(req)).catch((e: unknown) => withRetryAfter(reply, e));
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: expiresAt });
      return { user };
    },
  );
  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Log out', response: { 200: OkSchema } } }, async (req, reply) => {
    await service.logout(deps, req.cookies[SESSION_COOKIE], req.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
    return { ok: true as const };
  });
  r.post(
    '/api/v1/auth/password',
    { schema: { tags: ['auth'], summary: "Change one's own password; ends the user's other sessions", body: PasswordChangeSchema, response: { 200: OkSchema } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await service.changePassword(deps, actor, req.cookies[SESSION_COOKIE] ?? '', req.body, ctxOf(req)).catch((e: unknown) => withRetryAfter(reply, e));
      return { ok: true as const };
    },
  );
  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: UserEnvelopeSchema } } }, async (req) => {
    return { user: await service.getMe(deps, requireActor(req)) };
  });
}
