import type { Todo } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { listTodo as listCaseTodo } from '../monitoring/monitoring-todo.ts';
import { listProjectTodo } from '../projects/project-todo.ts';

/**
 * 待办 of every area: the monitoring cases (monitoring-todo.ts) and the projects (project-todo.ts) that wait for the
 * user's level within the scope. This module only composes the two lists; each area owns its own rules and SQL.
 */
export async function listAllTodo(deps: Deps, actor: Actor): Promise<Todo> {
  const [cases, projects] = await Promise.all([listCaseTodo(deps, actor), listProjectTodo(deps, actor)]);
  return {
    items: [...cases.items.map((c) => ({ kind: 'case' as const, ...c })), ...projects.items],
    total: cases.total + projects.matching,
    cases: cases.total,
    projects: projects.matching,
  };
}
