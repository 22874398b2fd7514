import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { RegionDetail, RegionNode } from '../../lib/types.ts';

/** Region tree within the user's scope. */
export function useRegionTree(depth = 4) {
  return useQuery({
    queryKey: ['regions', 'tree', depth],
    queryFn: async () => {
      const body = await api.get<RegionNode[] | { nodes?: RegionNode[]; tree?: RegionNode[] } | RegionNode>('/regions/tree', { depth });
      if (Array.isArray(body)) return body;
      if ('nodes' in body && Array.isArray(body.nodes)) return body.nodes;
      if ('tree' in body && Array.isArray(body.tree)) return body.tree;
      return [body as RegionNode];
    },
    staleTime: 10 * 60_000,
  });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'one', code],
    queryFn: () => api.get<RegionDetail>(`/regions/${encodeURIComponent(code ?? '')}`),
    enabled: !!code,
  });
}

/** Depth-first search for a node by code. */
export function findRegion(nodes: RegionNode[] | undefined, code: string | undefined): RegionNode | undefined {
  if (!nodes || !code) return undefined;
  for (const node of nodes) {
    if (node.code === code) return node;
    const hit = findRegion(node.children, code);
    if (hit) return hit;
  }
  return undefined;
}

/** Codes of the path from a root to `code` (for expanding the tree). */
export function regionPath(nodes: RegionNode[] | undefined, code: string | undefined): string[] {
  if (!nodes || !code) return [];
  for (const node of nodes) {
    if (node.code === code) return [node.code];
    const sub = regionPath(node.children, code);
    if (sub.length) return [node.code, ...sub];
  }
  return [];
}
