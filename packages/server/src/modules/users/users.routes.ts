import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { IdParamSchema, UserCreateSchema, UserListQuerySchema, UserListSchema, UserUpdateSchema, UserViewSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './users.service.ts';

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get('/api/v1/users', { schema: { tags, summary: 'Users (admin)', querystring: UserListQuerySchema, response: { 200: UserListSchema } } }, async (req) =>
    service.listUsers(deps, requireActor(req), req.query),
  );
  r.post('/api/v1/users', { schema: { tags, summary: 'Create a user (admin)', body: UserCreateSchema, response: { 201: UserViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(deps, requireActor(req), req.body)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (admin; send the version read, body `version` or If-Match)',
        params: IdParamSchema,
        body: UserUpdateSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (req) => service.updateUser(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
}
