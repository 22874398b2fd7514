import type { Todo } from '@chanbang/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

/** The 待办 query: invalidated by every step that may move a case or a project into or out of someone's list. */
export const todoKey = ['todo'] as const;

/** 待办: monitoring cases and projects waiting for the user's level (refreshed every minute, and after every step). */
export function useTodo(enabled = true) {
  return useQuery({ queryKey: todoKey, queryFn: () => api.get<Todo>('/todo'), enabled, refetchInterval: 60_000 });
}
