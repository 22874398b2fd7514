import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { HelperCreateSchema, HelperListQuerySchema, HelperListSchema, HelperViewSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './helpers.service.ts';

export function registerHelperRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/helpers', { schema: { tags: ['helpers'], summary: 'Helpers in scope', querystring: HelperListQuerySchema, response: { 200: HelperListSchema } } }, async (req) =>
    service.listHelpers(deps, requireActor(req), req.query),
  );
  r.post('/api/v1/helpers', { schema: { tags: ['helpers'], summary: 'Register a helper', body: HelperCreateSchema, response: { 201: HelperViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createHelper(deps, requireActor(req), req.body)),
  );
}
