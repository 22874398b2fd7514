import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  HelperCreateSchema,
  HelperListQuerySchema,
  HelperListSchema,
  HelperViewSchema,
  HouseholdHelperAssignSchema,
  HouseholdHelperViewSchema,
  IdParamSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as service from './helpers.service.ts';

/** Helpers (帮扶责任人) and their pairing with a household (结对帮扶). */

export function registerHelperRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/helpers', { schema: { tags: ['helpers'], summary: 'Helpers in scope', querystring: HelperListQuerySchema, response: { 200: HelperListSchema } } }, async (req) =>
    service.listHelpers(deps, requireActor(req), req.query),
  );
  r.post('/api/v1/helpers', { schema: { tags: ['helpers'], summary: 'Register a helper', body: HelperCreateSchema, response: { 201: HelperViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createHelper(deps, requireActor(req), req.body)),
  );
  r.post(
    '/api/v1/households/:id/helpers',
    {
      schema: {
        tags: ['helpers'],
        summary: 'Pair a helper with the household',
        params: IdParamSchema,
        body: HouseholdHelperAssignSchema,
        response: { 201: HouseholdHelperViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.assignHelper(deps, requireActor(req), req.params.id, req.body)),
  );
}
