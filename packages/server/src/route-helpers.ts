import type { FastifyReply, FastifyRequest, FastifySchema, RawRequestDefaultExpression, RawServerDefault, RouteGenericInterface } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Actor } from './deps.ts';
import { requireActor } from './modules/auth/auth.guard.ts';
import { versionFrom } from './versioning.ts';

/**
 * Shapes that the routes of a module with versioned records repeat (recipe "a workflow with versions"): the actor of a
 * request, the `?version=` of a DELETE, and the handlers of a save, a versioned create and a delete. A handler only
 * wires HTTP to the service: the schema (and so the OpenAPI text) stays in the route's own options.
 */

/** The signed-in actor of the request, with the request id for the audit entry (401 when signed out). */
export function actorOf(req: FastifyRequest): Actor {
  return { ...requireActor(req), requestId: String(req.id) };
}

/** A DELETE has no body: the version read in If-Match or `?version=`. */
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('the version read (or If-Match)') });

/** The media type of an .xlsx answer. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Version = number | undefined;
type ZodRequest<S extends FastifySchema> = FastifyRequest<RouteGenericInterface, RawServerDefault, RawRequestDefaultExpression, S, ZodTypeProvider>;

/**
 * PATCH / POST of a stored record answered 200: the service gets the actor, the request (params and body typed by
 * `schema`) and the version read (body `version`, else If-Match); its result is the answer. Spread into the route:
 * `r.patch(url, ...versionedSave({ tags, summary, params, body, response }, (actor, req, version) => …))`.
 */
export function versionedSave<S extends FastifySchema, T>(schema: S, save: (actor: Actor, req: ZodRequest<S>, version: Version) => Promise<T>) {
  return [{ schema }, async (req: ZodRequest<S>): Promise<T> => save(actorOf(req), req, versionFrom(req))] as const;
}

/** As `versionedSave`, answered 201 (a child row created on a versioned parent: a post's holding). */
export function versionedCreate<S extends FastifySchema, T>(schema: S, create: (actor: Actor, req: ZodRequest<S>, version: Version) => Promise<T>) {
  return [{ schema }, async (req: ZodRequest<S>, reply: FastifyReply) => reply.status(201).send(await create(actorOf(req), req, versionFrom(req)))] as const;
}

/** DELETE of a stored record answered 204: the version from If-Match, else `?version=` (`querystring: VersionQuerySchema`). */
export function versionedDelete<S extends FastifySchema & { querystring: typeof VersionQuerySchema }>(
  schema: S,
  remove: (actor: Actor, req: ZodRequest<S>, version: Version) => Promise<unknown>,
) {
  return [
    { schema },
    async (req: ZodRequest<S>, reply: FastifyReply) => {
      await remove(actorOf(req), req, versionFrom(req) ?? (req.query as z.infer<typeof VersionQuerySchema>).version);
      return reply.status(204).send();
    },
  ] as const;
}
