import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** 项目库 and its workflow (issue 7 §5). */
export function registerProjectRoutes(_app: FastifyInstance, _deps: Deps): void {}
