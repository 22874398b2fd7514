import type { FastifyRequest } from 'fastify';
import { AppError, canSeePii, canWrite, isAdmin } from '@chanbang/domain';
import type { Actor } from '../../deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * The logged-in actor of a request.
 * @throws AppError UNAUTHENTICATED when there is no valid session
 */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'login required');
  return req.actor;
}

/** @throws AppError FORBIDDEN when the role may not write household data */
export function assertCanWrite(actor: Actor): void {
  if (!canWrite(actor.role)) throw new AppError('FORBIDDEN', `role ${actor.role} may not change data`, { role: actor.role });
}

/** @throws AppError FORBIDDEN unless the actor is an administrator */
export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor.role)) throw new AppError('FORBIDDEN', 'administrator only', { role: actor.role });
}

/** True when the actor sees full ID and phone numbers. */
export function seesPii(actor: Actor): boolean {
  return canSeePii(actor.role);
}
