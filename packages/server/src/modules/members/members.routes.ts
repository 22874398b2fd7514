import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import {
  ExitSchema,
  IdParamSchema,
  PersonCreateSchema,
  PersonUnmaskSchema,
  PersonUnmaskViewSchema,
  PersonUpdateSchema,
  PersonViewSchema,
  VersionedSaveSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as members from './members.service.ts';
import { unmaskPerson } from './unmask.service.ts';

/** An action without other input: the version read, in the body or If-Match (no body at all is allowed). */
const VersionedBodySchema = VersionedSaveSchema.nullish();

/** Members of a household (家庭成员): add, edit, 自然减少 and restore, the audited unmask. */
export function registerMemberRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  const params = IdParamSchema;
  r.post(
    '/api/v1/households/:id/members',
    { schema: { tags, summary: 'Add a member', params, body: PersonCreateSchema, response: { 201: PersonViewSchema } } },
    async (req, reply) => reply.status(201).send(await members.addMember(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch('/api/v1/persons/:id', { schema: { tags, summary: 'Edit a member', params, body: PersonUpdateSchema, response: { 200: PersonViewSchema } } }, async (req) =>
    members.updatePerson(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete('/api/v1/persons/:id', { schema: { tags, summary: 'Refused (409 INVALID_TRANSITION): a member leaves by 自然减少, POST …/exit', params } }, async (req) =>
    members.refuseDeletePerson(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/persons/:id/exit',
    { schema: { tags, summary: '自然减少 of a member (read-only afterwards)', params, body: ExitSchema, response: { 200: PersonViewSchema } } },
    async (req) => members.exitPerson(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/persons/:id/restore',
    { schema: { tags, summary: 'Bring a member back into the registry (admin)', params, body: VersionedBodySchema, response: { 200: PersonViewSchema } } },
    async (req) => members.restorePerson(deps, requireActor(req), req.params.id, versionFrom(req)),
  );
  r.post(
    '/api/v1/persons/:id/unmask',
    {
      schema: {
        tags,
        summary: 'Full ID number and phone of a person, with a reason (audited as unmask)',
        params,
        body: PersonUnmaskSchema,
        response: { 200: PersonUnmaskViewSchema },
      },
    },
    async (req) => unmaskPerson(deps, requireActor(req), req.params.id, req.body),
  );
}
