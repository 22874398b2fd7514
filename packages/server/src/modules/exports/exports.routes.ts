import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { HouseholdListQuerySchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { safeErrorForLog } from '../../http-errors.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { exportHouseholdsXlsx, resolveExportFilter } from './exports.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /api/v1/households/export.xlsx?<list filters>`: streamed, masked per role, audited. */
export function registerExportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/households/export.xlsx',
    { schema: { tags: ['households'], summary: 'Export the filtered households (.xlsx, one row per person)', querystring: HouseholdListQuerySchema } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { page: _p, pageSize: _s, ...q } = req.query;
      // resolve first so that a bad region is a JSON error, not a broken download
      const filter = await resolveExportFilter(deps, actor, q);
      const out = new PassThrough();
      const stamp = new Date().toISOString().slice(0, 10);
      void exportHouseholdsXlsx(deps, { ...actor, requestId: String(req.id) }, q, out, filter).catch((err: unknown) => {
        req.log.error({ error: safeErrorForLog(err), requestId: req.id }, 'export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="households-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`户成员信息-${stamp}.xlsx`)}`)
        .send(out);
    },
  );
}
