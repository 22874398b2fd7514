import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { ZodType } from 'zod';
import type { Actor, Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { multipartFile } from './record-import.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One small record import's two routes (CONVENTIONS "a small record import"): its template and its upload. */
export type RecordImportRoutes = {
  /** the records' URL, e.g. `/api/v1/entities`: the routes are `<base>/template.xlsx` and `<base>/import` */
  base: string;
  tags: string[];
  /** the template's file name: ASCII for old clients, Chinese for the rest */
  templateFile: { ascii: string; zh: string };
  templateSummary: string;
  template: () => Promise<Buffer>;
  importSummary: string;
  /** the 200 answer of the import (its report) */
  report: ZodType;
  importFile: (deps: Deps, actor: Actor, file: Readable) => Promise<unknown>;
};

/** `attachment` with an ASCII name and the UTF-8 one (RFC 6266). */
export function attachment(ascii: string, zh: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;
}

const actorOf = (req: FastifyRequest): Actor => ({ ...requireActor(req), requestId: String(req.id) });

/**
 * Registers `GET <base>/template.xlsx` (signed-in users) and `POST <base>/import`: multipart (field `file`) in a
 * child context limited to `importLimits.maxUploadBytes`, one file, handed to `importFile` (which stores it privately,
 * reads it through the limits and answers all rows or none).
 */
export function registerRecordImportRoutes(app: FastifyInstance, deps: Deps, spec: RecordImportRoutes): void {
  app.withTypeProvider<ZodTypeProvider>().get(`${spec.base}/template.xlsx`, { schema: { tags: spec.tags, summary: spec.templateSummary } }, async (req, reply) => {
    requireActor(req);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(spec.templateFile.ascii, spec.templateFile.zh))
      .send(await spec.template());
  });
  void app.register(async (child) => {
    if (!child.hasContentTypeParser('multipart/form-data')) await child.register(multipart, { limits: { fileSize: deps.config.importLimits.maxUploadBytes, files: 1, fields: 5 } });
    child
      .withTypeProvider<ZodTypeProvider>()
      .post(`${spec.base}/import`, { schema: { tags: spec.tags, summary: spec.importSummary, response: { 200: spec.report } } }, async (req) => {
        const actor = actorOf(req);
        return spec.importFile(deps, actor, await multipartFile(req));
      });
  });
}
