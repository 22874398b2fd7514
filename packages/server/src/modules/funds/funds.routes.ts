import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** 资金来源, 资金安排 and the what-if draft (issue 7 §6). */
export function registerFundRoutes(_app: FastifyInstance, _deps: Deps): void {}
