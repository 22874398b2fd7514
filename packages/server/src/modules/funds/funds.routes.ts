import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  FundAllocationCreateSchema,
  FundAllocationUpdateSchema,
  FundAllocationViewSchema,
  FundListQuerySchema,
  FundSourceCreateSchema,
  FundSourceUpdateSchema,
  FundSourceViewSchema,
  FundableProjectSchema,
  FundsSummaryQuerySchema,
  FundsSummarySchema,
  IdParamSchema,
  SankeySchema,
  WhatIfApplyResultSchema,
  WhatIfApplySchema,
  WhatIfRequestSchema,
  WhatIfResultSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as analysis from './funds-analysis.service.ts';
import * as funds from './funds.service.ts';

/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional().describe('the version read (or If-Match)') });
const tags = ['funds'];

/** 资金来源, 资金安排 and the what-if draft (issue 7 §6). */
export function registerFundRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = IdParamSchema;
  r.get(
    '/api/v1/fund-sources',
    {
      schema: {
        tags,
        summary: 'Fund sources (资金来源) in scope, with allocated and balance',
        querystring: FundListQuerySchema,
        response: { 200: z.object({ items: z.array(FundSourceViewSchema) }) },
      },
    },
    async (req) => funds.listSources(deps, requireActor(req), req.query),
  );
  r.post(
    '/api/v1/fund-sources',
    { schema: { tags, summary: 'Record a fund source (county officer, admin)', body: FundSourceCreateSchema, response: { 201: FundSourceViewSchema } } },
    async (req, reply) => reply.status(201).send(await funds.createSource(deps, requireActor(req), req.body)),
  );
  r.patch(
    '/api/v1/fund-sources/:id',
    { schema: { tags, summary: 'Edit a fund source (version or If-Match)', params, body: FundSourceUpdateSchema, response: { 200: FundSourceViewSchema } } },
    async (req) => funds.updateSource(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/fund-sources/:id',
    { schema: { tags, summary: 'Delete a fund source nothing is allocated from (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await funds.deleteSource(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/fund-allocations',
    { schema: { tags, summary: 'Allocations (资金安排) in scope', querystring: FundListQuerySchema, response: { 200: z.object({ items: z.array(FundAllocationViewSchema) }) } } },
    async (req) => funds.listAllocations(deps, requireActor(req), req.query),
  );
  r.post(
    '/api/v1/fund-allocations',
    {
      schema: {
        tags,
        summary: 'Allocate money of a source to a library project (P1; within the balance; the first one moves the project to 已安排资金)',
        body: FundAllocationCreateSchema,
        response: { 201: FundAllocationViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await funds.createAllocation(deps, requireActor(req), req.body)),
  );
  r.patch(
    '/api/v1/fund-allocations/:id',
    { schema: { tags, summary: 'Edit an allocation (version or If-Match)', params, body: FundAllocationUpdateSchema, response: { 200: FundAllocationViewSchema } } },
    async (req) => funds.updateAllocation(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/fund-allocations/:id',
    { schema: { tags, summary: 'Remove an allocation (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await funds.deleteAllocation(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/funds/summary',
    {
      schema: {
        tags,
        summary: 'Funds dashboard: money by year, shares, F1–F5/P2/P5 of the county pack',
        querystring: FundsSummaryQuerySchema,
        response: { 200: FundsSummarySchema },
      },
    },
    async (req) => analysis.getSummary(deps, requireActor(req), req.query),
  );
  r.get(
    '/api/v1/funds/sankey',
    { schema: { tags, summary: 'Fund flow: source level → project type → industry (元)', querystring: FundsSummaryQuerySchema, response: { 200: SankeySchema } } },
    async (req) => analysis.getSankey(deps, requireActor(req), req.query),
  );
  r.get(
    '/api/v1/funds/projects',
    {
      schema: {
        tags,
        summary: 'Library projects that may receive money, with their allocations of the year',
        querystring: FundsSummaryQuerySchema,
        response: { 200: z.object({ items: z.array(FundableProjectSchema) }) },
      },
    },
    async (req) => analysis.listFundableProjects(deps, requireActor(req), req.query),
  );
  r.post(
    '/api/v1/funds/what-if',
    { schema: { tags, summary: 'Rules before and after moving money in a draft (nothing saved)', body: WhatIfRequestSchema, response: { 200: WhatIfResultSchema } } },
    async (req) => analysis.whatIf(deps, requireActor(req), req.body),
  );
  r.post(
    '/api/v1/funds/what-if/apply',
    { schema: { tags, summary: 'Save a what-if draft as allocation edits (versions; one transaction)', body: WhatIfApplySchema, response: { 200: WhatIfApplyResultSchema } } },
    async (req) => funds.applyWhatIf(deps, requireActor(req), req.body),
  );
}
