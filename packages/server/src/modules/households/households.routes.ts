import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';
import {
  ExitSchema,
  HouseholdCreateSchema,
  HouseholdListQuerySchema,
  HouseholdListSchema,
  HouseholdUpdateSchema,
  HouseholdViewSchema,
  IdParamSchema,
  VersionedSaveSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import type { HouseholdReadModel } from './household-read-model.ts';
import * as service from './households.service.ts';

/** An action without other input: the version read, in the body or If-Match (no body at all is allowed). */
const VersionedBodySchema = VersionedSaveSchema.nullish();

/**
 * The hottest route's serializer: fast-json-stringify compiled from the JSON schema of HouseholdListSchema (the
 * same one OpenAPI shows) instead of the zod serializer, which parses the whole page with zod before
 * JSON.stringify (~46 vs ~16 µs per 20-row page). The service builds the items itself, masking included.
 */
const listSerializer = fastJsonStringify(z.toJSONSchema(HouseholdListSchema, { target: 'draft-7', io: 'output' }) as Parameters<typeof fastJsonStringify>[0]);

/**
 * The household itself: list, register, change, 自然减少 and restore. Its detail and history are composed by the
 * read model (modules/household-detail), which app.ts also hands in as `rm` for the views these writes answer;
 * members, incomes, measures, cases and helpers have routes of their own modules.
 */
export function registerHouseholdRoutes(app: FastifyInstance, deps: Deps, rm: HouseholdReadModel): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  const params = IdParamSchema;
  r.get(
    '/api/v1/households',
    {
      schema: { tags, summary: 'List households in scope', querystring: HouseholdListQuerySchema, response: { 200: HouseholdListSchema } },
      serializerCompiler: () => listSerializer,
    },
    async (req) => service.listHouseholds(deps, requireActor(req), req.query, rm),
  );
  r.post(
    '/api/v1/households',
    { schema: { tags, summary: 'Register a household with its members', body: HouseholdCreateSchema, response: { 201: HouseholdViewSchema } } },
    async (req, reply) => reply.status(201).send(await service.createHousehold(deps, requireActor(req), req.body, rm)),
  );
  r.patch(
    '/api/v1/households/:id',
    { schema: { tags, summary: 'Change household fields', params, body: HouseholdUpdateSchema, response: { 200: HouseholdViewSchema } } },
    async (req) => service.updateHousehold(deps, requireActor(req), req.params.id, req.body, versionFrom(req), rm),
  );
  r.delete('/api/v1/households/:id', { schema: { tags, summary: 'Refused (409 INVALID_TRANSITION): a household leaves by 自然减少, POST …/exit', params } }, async (req) =>
    service.refuseDeleteHousehold(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/exit',
    { schema: { tags, summary: '自然减少: the household and its members leave the registry (read-only)', params, body: ExitSchema, response: { 200: HouseholdViewSchema } } },
    async (req) => service.exitHousehold(deps, requireActor(req), req.params.id, req.body, versionFrom(req), rm),
  );
  r.post(
    '/api/v1/households/:id/restore',
    { schema: { tags, summary: 'Bring a household back into the registry (admin)', params, body: VersionedBodySchema, response: { 200: HouseholdViewSchema } } },
    async (req) => service.restoreHousehold(deps, requireActor(req), req.params.id, versionFrom(req), rm),
  );
}
