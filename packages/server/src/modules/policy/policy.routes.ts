import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { PolicyActiveQuerySchema, PolicyActiveSchema, PolicyActiveUpdateSchema, PolicyPackListSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './policy.service.ts';

export function registerPolicyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policy'];
  r.get('/api/v1/policy/packs', { schema: { tags, summary: 'Built-in policy packs', response: { 200: PolicyPackListSchema } } }, async (req) => {
    requireActor(req);
    return service.listPacks();
  });
  r.get(
    '/api/v1/policy/active',
    { schema: { tags, summary: 'The county’s active pack', querystring: PolicyActiveQuerySchema, response: { 200: PolicyActiveSchema } } },
    async (req) => service.getActive(deps, requireActor(req), req.query.countyCode),
  );
  r.put(
    '/api/v1/policy/active',
    {
      schema: {
        tags,
        summary: 'Choose the county’s pack (admin; a saved choice changes only with the version read, body `version` or If-Match)',
        body: PolicyActiveUpdateSchema,
        response: { 200: PolicyActiveSchema },
      },
    },
    async (req) => service.setActive(deps, requireActor(req), req.body, versionFrom(req)),
  );
}
