import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** S1 and C1 calculators and loans (issue 7 §7). */
export function registerCalculatorRoutes(_app: FastifyInstance, _deps: Deps): void {}
