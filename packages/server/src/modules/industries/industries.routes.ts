import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** 产业谱系 and 产业链图谱 (issue 7 §4). */
export function registerIndustryRoutes(_app: FastifyInstance, _deps: Deps): void {}
