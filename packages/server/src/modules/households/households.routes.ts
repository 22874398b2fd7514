import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';
import {
  AuditEntrySchema, ExitSchema, HouseholdCreateSchema, HouseholdHelperAssignSchema, HouseholdHelperViewSchema, HouseholdListQuerySchema, HouseholdListSchema,
  HouseholdUpdateSchema, HouseholdViewSchema, IdParamSchema, IncomeCreateSchema, IncomeUpsertSchema, IncomeViewSchema, IncomeYearParamSchema, MeasureCreateSchema,
  MeasureUpdateSchema, MeasureViewSchema, MonitoringCaseCreateSchema, MonitoringCaseUpdateSchema, MonitoringCaseViewSchema, MonitoringEliminateSchema,
  PersonCreateSchema, PersonUnmaskSchema, VersionedSaveSchema, PersonUnmaskViewSchema, PersonUpdateSchema, PersonViewSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { getHouseholdHistory } from '../audit/audit.service.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { assignHelper } from '../helpers/helpers.service.ts';
import { createIncome, putIncome } from '../incomes/incomes.service.ts';
import * as measures from '../measures/measures.service.ts';
import * as monitoring from '../monitoring/monitoring.service.ts';
import * as service from './households.service.ts';
import * as members from './members.service.ts';
import { unmaskPerson } from './unmask.service.ts';

const HistorySchema = z.object({ items: z.array(AuditEntrySchema) });
/** An action without other input: the version read, in the body or If-Match (no body at all is allowed). */
const VersionedBodySchema = VersionedSaveSchema.nullish();
/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional().describe('the version read (or If-Match)') });

/**
 * The hottest route's serializer: fast-json-stringify compiled from the JSON schema of HouseholdListSchema (the
 * same one OpenAPI shows) instead of the zod serializer, which parses the whole page with zod before
 * JSON.stringify (~46 vs ~16 µs per 20-row page). The service builds the items itself, masking included.
 */
const listSerializer = fastJsonStringify(z.toJSONSchema(HouseholdListSchema, { target: 'draft-7', io: 'output' }) as Parameters<typeof fastJsonStringify>[0]);

/** Households and everything hanging off one: members, incomes, measures, monitoring cases, helpers, history. */
export function registerHouseholdRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  const params = IdParamSchema;
  r.get('/api/v1/households', { schema: { tags, summary: 'List households in scope', querystring: HouseholdListQuerySchema, response: { 200: HouseholdListSchema } }, serializerCompiler: () => listSerializer }, async (req) =>
    service.listHouseholds(deps, requireActor(req), req.query),
  );
  r.post('/api/v1/households', { schema: { tags, summary: 'Register a household with its members', body: HouseholdCreateSchema, response: { 201: HouseholdViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createHousehold(deps, requireActor(req), req.body)),
  );
  r.get('/api/v1/households/:id', { schema: { tags, summary: 'Household detail', params, response: { 200: HouseholdViewSchema } } }, async (req) =>
    service.getHousehold(deps, requireActor(req), req.params.id),
  );
  r.patch('/api/v1/households/:id', { schema: { tags, summary: 'Change household fields', params, body: HouseholdUpdateSchema, response: { 200: HouseholdViewSchema } } }, async (req) =>
    service.updateHousehold(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete('/api/v1/households/:id', { schema: { tags, summary: 'Refused (422): a household leaves by 自然减少, POST …/exit', params } }, async (req) =>
    service.refuseDeleteHousehold(deps, requireActor(req), req.params.id),
  );
  r.post('/api/v1/households/:id/exit', { schema: { tags, summary: '自然减少: the household and its members leave the registry (read-only)', params, body: ExitSchema, response: { 200: HouseholdViewSchema } } }, async (req) =>
    service.exitHousehold(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post('/api/v1/households/:id/restore', { schema: { tags, summary: 'Bring a household back into the registry (admin)', params, body: VersionedBodySchema, response: { 200: HouseholdViewSchema } } }, async (req) =>
    service.restoreHousehold(deps, requireActor(req), req.params.id, versionFrom(req)),
  );
  r.get('/api/v1/households/:id/history', { schema: { tags, summary: 'Audit entries of the household and its records', params, response: { 200: HistorySchema } } }, async (req) =>
    getHouseholdHistory(deps, requireActor(req), req.params.id),
  );
  // members
  r.post('/api/v1/households/:id/members', { schema: { tags, summary: 'Add a member', params, body: PersonCreateSchema, response: { 201: PersonViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await members.addMember(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch('/api/v1/persons/:id', { schema: { tags, summary: 'Edit a member', params, body: PersonUpdateSchema, response: { 200: PersonViewSchema } } }, async (req) =>
    members.updatePerson(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete('/api/v1/persons/:id', { schema: { tags, summary: 'Refused (422): a member leaves by 自然减少, POST …/exit', params } }, async (req) =>
    members.refuseDeletePerson(deps, requireActor(req), req.params.id),
  );
  r.post('/api/v1/persons/:id/exit', { schema: { tags, summary: '自然减少 of a member (read-only afterwards)', params, body: ExitSchema, response: { 200: PersonViewSchema } } }, async (req) =>
    members.exitPerson(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post('/api/v1/persons/:id/restore', { schema: { tags, summary: 'Bring a member back into the registry (admin)', params, body: VersionedBodySchema, response: { 200: PersonViewSchema } } }, async (req) =>
    members.restorePerson(deps, requireActor(req), req.params.id, versionFrom(req)),
  );
  r.post('/api/v1/persons/:id/unmask', { schema: { tags, summary: 'Full ID number and phone of a person, with a reason (audited as unmask)', params, body: PersonUnmaskSchema, response: { 200: PersonUnmaskViewSchema } } }, async (req) =>
    unmaskPerson(deps, requireActor(req), req.params.id, req.body),
  );
  // incomes
  r.post('/api/v1/households/:id/incomes', { schema: { tags: ['incomes'], summary: 'Add a year’s income (409 when the year is recorded)', params, body: IncomeCreateSchema, response: { 201: IncomeViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await createIncome(deps, requireActor(req), req.params.id, req.body)),
  );
  r.put('/api/v1/households/:id/incomes/:year', { schema: { tags: ['incomes'], summary: 'Record a year’s income', params: IncomeYearParamSchema, body: IncomeUpsertSchema, response: { 200: IncomeViewSchema } } }, async (req) =>
    putIncome(deps, requireActor(req), req.params.id, req.params.year, req.body, versionFrom(req)),
  );
  // measures
  r.post('/api/v1/households/:id/measures', { schema: { tags: ['measures'], summary: 'Add a support measure', params, body: MeasureCreateSchema, response: { 201: MeasureViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await measures.createMeasure(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch('/api/v1/measures/:id', { schema: { tags: ['measures'], summary: 'Edit a support measure', params, body: MeasureUpdateSchema, response: { 200: MeasureViewSchema } } }, async (req) =>
    measures.updateMeasure(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete('/api/v1/measures/:id', { schema: { tags: ['measures'], summary: 'Delete a support measure (the version read: If-Match or ?version=)', params, querystring: VersionQuerySchema } }, async (req, reply) => {
    await measures.deleteMeasure(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
    return reply.status(204).send();
  });
  // monitoring
  r.post('/api/v1/households/:id/monitoring-cases', { schema: { tags: ['monitoring'], summary: 'Open a monitoring case', params, body: MonitoringCaseCreateSchema, response: { 201: MonitoringCaseViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await monitoring.createCase(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch('/api/v1/monitoring-cases/:id', { schema: { tags: ['monitoring'], summary: 'Record identification steps', params, body: MonitoringCaseUpdateSchema, response: { 200: MonitoringCaseViewSchema } } }, async (req) =>
    monitoring.updateCase(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post('/api/v1/monitoring-cases/:id/eliminate', { schema: { tags: ['monitoring'], summary: 'Mark the risk eliminated (风险消除)', params, body: MonitoringEliminateSchema, response: { 200: MonitoringCaseViewSchema } } }, async (req) =>
    monitoring.eliminateCase(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  // helpers of a household
  r.post('/api/v1/households/:id/helpers', { schema: { tags: ['helpers'], summary: 'Pair a helper with the household', params, body: HouseholdHelperAssignSchema, response: { 201: HouseholdHelperViewSchema } } }, async (req, reply) =>
    reply.status(201).send(await assignHelper(deps, requireActor(req), req.params.id, req.body)),
  );
}
