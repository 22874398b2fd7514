import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { TodoSchema } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../auth/auth.guard.ts';
import { listAllTodo } from './todo.service.ts';

/** 待办: what waits for the user's level within the scope, monitoring cases and projects together. */
export function registerTodoRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/todo',
    {
      schema: {
        tags: ['todo'],
        summary: '待办: monitoring cases and projects whose next step is the user’s level, and the user’s own projects returned or rejected',
        response: { 200: TodoSchema },
      },
    },
    async (req) => listAllTodo(deps, requireActor(req)),
  );
}
