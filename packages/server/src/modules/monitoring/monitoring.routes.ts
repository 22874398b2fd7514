import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  CaseActionSchema,
  EliminationCheckQuerySchema,
  EliminationCheckSchema,
  IdParamSchema,
  MonitoringCaseCreateSchema,
  MonitoringCaseUpdateSchema,
  MonitoringCaseViewSchema,
  MonitoringEliminateSchema,
  MonitoringTodoSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as actions from './monitoring-actions.service.ts';
import * as monitoring from './monitoring.service.ts';
import { todayIso } from './monitoring.service.ts';
import { listTodo } from './monitoring-todo.ts';

const params = z.object({ id: z.coerce.number().int().positive() });

/** Monitoring cases: open and edit one, the steps of the identification and 风险消除 procedures by role, the 待办 list and the elimination check. */
export function registerMonitoringRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  r.post(
    '/api/v1/households/:id/monitoring-cases',
    { schema: { tags: ['monitoring'], summary: 'Open a monitoring case', params: IdParamSchema, body: MonitoringCaseCreateSchema, response: { 201: MonitoringCaseViewSchema } } },
    async (req, reply) => reply.status(201).send(await monitoring.createCase(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/monitoring-cases/:id',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Record identification steps',
        params: IdParamSchema,
        body: MonitoringCaseUpdateSchema,
        response: { 200: MonitoringCaseViewSchema },
      },
    },
    async (req) => monitoring.updateCase(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/monitoring-cases/:id/eliminate',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Mark the risk eliminated (风险消除)',
        params: IdParamSchema,
        body: MonitoringEliminateSchema,
        response: { 200: MonitoringCaseViewSchema },
      },
    },
    async (req) => monitoring.eliminateCase(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.post(
    '/api/v1/monitoring-cases/:id/actions',
    {
      schema: { tags, summary: 'Take a step of the procedure (核实、公示、报审、审核、审批、退回 …)', params, body: CaseActionSchema, response: { 200: MonitoringCaseViewSchema } },
    },
    async (req) => actions.applyCaseAction(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.get(
    '/api/v1/monitoring-cases/:id/elimination-check',
    { schema: { tags, summary: 'Preview of the 风险消除 conditions on a date', params, querystring: EliminationCheckQuerySchema, response: { 200: EliminationCheckSchema } } },
    async (req) => actions.eliminationCheck(deps, requireActor(req), req.params.id, req.query.date ?? todayIso(), req.query.method),
  );
  r.get('/api/v1/monitoring/todo', { schema: { tags, summary: '待办: cases waiting for the user’s level within scope', response: { 200: MonitoringTodoSchema } } }, async (req) =>
    listTodo(deps, requireActor(req)),
  );
}
