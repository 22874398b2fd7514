import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** 经营主体 and their 技术骨干 (issue 7 §2). */
export function registerEntityRoutes(_app: FastifyInstance, _deps: Deps): void {}
