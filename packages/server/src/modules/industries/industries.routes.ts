import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  ChainCreateSchema,
  ChainGraphSchema,
  ChainLinkCreateSchema,
  ChainLinkEntitiesSchema,
  ChainLinkUpdateSchema,
  ChainLinkViewSchema,
  ChainUpdateSchema,
  ChainViewSchema,
  IdParamSchema,
  IndustryCreateSchema,
  IndustryListQuerySchema,
  IndustryListSchema,
  IndustryUpdateSchema,
  IndustryViewSchema,
  SpectrumQuerySchema,
  SpectrumSchema,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { versionFrom } from '../../versioning.ts';
import { requireActor } from '../auth/auth.guard.ts';
import * as chains from './chains.service.ts';
import * as industries from './industries.service.ts';

/** A DELETE has no body: the version read in If-Match or `?version=`. */
const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('the version read (or If-Match)') });

/** 产业谱系 and 产业链图谱 (issue 7 §4). */
export function registerIndustryRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = IdParamSchema;
  const tags = ['industries'];
  r.get(
    '/api/v1/industries',
    { schema: { tags, summary: 'Industries of the region (and of the regions above it)', querystring: IndustryListQuerySchema, response: { 200: IndustryListSchema } } },
    async (req) => industries.listIndustries(deps, requireActor(req), req.query),
  );
  r.get(
    '/api/v1/industries/spectrum',
    { schema: { tags, summary: '产业谱系: industries grouped by region and kind, with counts', querystring: SpectrumQuerySchema, response: { 200: SpectrumSchema } } },
    async (req) => industries.getSpectrum(deps, requireActor(req), req.query.regionCode),
  );
  r.post(
    '/api/v1/industries',
    { schema: { tags, summary: 'Add an industry to the spectrum', body: IndustryCreateSchema, response: { 201: IndustryViewSchema } } },
    async (req, reply) => reply.status(201).send(await industries.createIndustry(deps, requireActor(req), req.body)),
  );
  r.get('/api/v1/industries/:id', { schema: { tags, summary: 'One industry with its chains', params, response: { 200: IndustryViewSchema } } }, async (req) =>
    industries.getIndustry(deps, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/v1/industries/:id',
    { schema: { tags, summary: 'Edit an industry (version)', params, body: IndustryUpdateSchema, response: { 200: IndustryViewSchema } } },
    async (req) => industries.updateIndustry(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/industries/:id',
    { schema: { tags, summary: 'Delete an industry without chains or projects (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await industries.deleteIndustry(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/v1/industries/:id/chains',
    { schema: { tags, summary: 'Create a chain of the industry (default links of its category)', params, body: ChainCreateSchema, response: { 201: ChainViewSchema } } },
    async (req, reply) => reply.status(201).send(await chains.createChain(deps, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/v1/chains/:id', { schema: { tags, summary: 'A chain with its links', params, response: { 200: ChainViewSchema } } }, async (req) =>
    chains.getChain(deps, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/v1/chains/:id',
    { schema: { tags, summary: 'Edit a chain: 链长, 短板 (version)', params, body: ChainUpdateSchema, response: { 200: ChainViewSchema } } },
    async (req) => chains.updateChain(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary: 'Delete a chain, county staff only (If-Match or ?version=): its links go; their entities and projects are detached, not deleted',
        params,
        querystring: VersionQuerySchema,
      },
    },
    async (req, reply) => {
      await chains.deleteChain(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/chains/:id/graph',
    { schema: { tags, summary: '产业链图: links in order, entities and projects under each, gaps flagged', params, response: { 200: ChainGraphSchema } } },
    async (req) => chains.getChainGraph(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/v1/chains/:id/links',
    { schema: { tags, summary: 'Add a link (环节) to the chain', params, body: ChainLinkCreateSchema, response: { 201: ChainLinkViewSchema } } },
    async (req, reply) => reply.status(201).send(await chains.addLink(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/chain-links/:id',
    { schema: { tags, summary: 'Edit a link: kind, name, order, 短板 (version)', params, body: ChainLinkUpdateSchema, response: { 200: ChainLinkViewSchema } } },
    async (req) => chains.updateLink(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
  r.delete(
    '/api/v1/chain-links/:id',
    { schema: { tags, summary: 'Delete a link without entities or projects (If-Match or ?version=)', params, querystring: VersionQuerySchema } },
    async (req, reply) => {
      await chains.deleteLink(deps, requireActor(req), req.params.id, versionFrom(req) ?? req.query.version);
      return reply.status(204).send();
    },
  );
  r.put(
    '/api/v1/chain-links/:id/entities',
    { schema: { tags, summary: 'Set the entities working at the link (version)', params, body: ChainLinkEntitiesSchema, response: { 200: ChainLinkViewSchema } } },
    async (req) => chains.setLinkEntities(deps, requireActor(req), req.params.id, req.body, versionFrom(req)),
  );
}
