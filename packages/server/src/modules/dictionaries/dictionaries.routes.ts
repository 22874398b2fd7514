import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { DictCodeParamSchema, DictItemCreateSchema, DictItemListSchema, DictItemParamSchema, DictItemUpdateSchema, DictItemViewSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { versionFrom } from '../../versioning.ts';
import * as service from './dictionaries.service.ts';

export function registerDictionaryRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dictionaries'];
  r.get('/api/v1/dictionaries', { schema: { tags, summary: 'Every dictionary item', response: { 200: DictItemListSchema } } }, async (req) => {
    requireActor(req);
    return service.listDictionaries(deps);
  });
  r.post(
    '/api/v1/dictionaries/:dictCode/items',
    { schema: { tags, summary: 'Add an item (admin)', params: DictCodeParamSchema, body: DictItemCreateSchema, response: { 201: DictItemViewSchema } } },
    async (req, reply) => {
      const item = await service.createDictItem(deps, requireActor(req), req.params.dictCode, req.body);
      return reply.status(201).send(item);
    },
  );
  r.patch(
    '/api/v1/dictionaries/:dictCode/items/:code',
    {
      schema: {
        tags,
        summary: 'Edit an item (admin; send the version read, body `version` or If-Match)',
        params: DictItemParamSchema,
        body: DictItemUpdateSchema,
        response: { 200: DictItemViewSchema },
      },
    },
    async (req) => service.updateDictItem(deps, requireActor(req), req.params.dictCode, req.params.code, req.body, versionFrom(req)),
  );
}
