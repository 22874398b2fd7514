import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { Dashboard } from '../../lib/types.ts';

/** 工作台 figures for a region (default: the user's scope). */
export function useDashboard(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', regionCode ?? ''],
    queryFn: () => api.get<Dashboard>('/dashboard', { regionCode }),
  });
}

/** Household-list URL for a drill record the server attaches to every figure. */
export function householdsLink(drill: Record<string, string> | undefined, fallback: Record<string, string>): string {
  return `/households?${new URLSearchParams(drill && Object.keys(drill).length ? drill : fallback).toString()}`;
}
