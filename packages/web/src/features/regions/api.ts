import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region, RegionChangeReport, RegionCreate, RegionPatch } from '@chanbang/domain';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { RegionDetail, RegionNode } from '../../lib/types.ts';

/** The report of a region list import, and of a dataset load (which names the county it loaded). */
export type RegionLoadReport = RegionChangeReport & { county?: { code: string; name: string; cityName: string; provinceName: string } };

/** After any region change: the tree, details and everything keyed by regions refetch. */
function useRegionsChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['regions'] });
}

/** POST /regions/import (admin): the official region list file. */
export function useImportRegions() {
  const changed = useRegionsChanged();
  return useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return apiRequest<RegionLoadReport>('/regions/import', { method: 'POST', body: fd });
    },
    onSuccess: changed,
  });
}

/** POST /regions/load-dataset (admin): a county of the public 2023 dataset. */
export function useLoadRegionDataset() {
  const changed = useRegionsChanged();
  return useMutation({ mutationFn: (county: string) => api.post<RegionLoadReport>('/regions/load-dataset', { county }), onSuccess: changed });
}

/** POST /regions: add a township, village or 组. */
export function useCreateRegion() {
  const changed = useRegionsChanged();
  return useMutation({ mutationFn: (body: RegionCreate) => api.post<Region>('/regions', body), onSuccess: changed });
}

/** PATCH /regions/:code: rename, retire or restore. */
export function usePatchRegion() {
  const changed = useRegionsChanged();
  return useMutation({ mutationFn: ({ code, ...body }: RegionPatch & { code: string }) => api.patch<Region>(`/regions/${code}`, body), onSuccess: changed });
}

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
