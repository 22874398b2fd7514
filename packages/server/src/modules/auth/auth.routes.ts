import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { LoginSchema, OkSchema, UserEnvelopeSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from './auth.guard.ts';
import * as service from './auth.service.ts';

export const SESSION_COOKIE = 'cb_session';

/** Session cookie on every request → `req.actor`. */
export function registerSessionHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.actor = await service.resolveActor(deps, req.cookies[SESSION_COOKIE], String(req.id));
  });
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/auth/login', { schema: { tags: ['auth'], summary: 'Log in; sets the cb_session cookie', body: LoginSchema, response: { 200: UserEnvelopeSchema } } }, async (req, reply) => {
    const { user, token, expiresAt } = await service.login(deps, req.body, String(req.id));
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: expiresAt });
    return { user };
  });
  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Log out', response: { 200: OkSchema } } }, async (req, reply) => {
    await service.logout(deps, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: UserEnvelopeSchema } } }, async (req) => {
    return { user: await service.getMe(deps, requireActor(req)) };
  });
}
