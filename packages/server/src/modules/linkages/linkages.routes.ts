import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** 联农带农: entity ↔ household linkage records (issue 7 §3). */
export function registerLinkageRoutes(_app: FastifyInstance, _deps: Deps): void {}
