import type {
  ChainCreate,
  ChainGraph,
  ChainLinkCreate,
  ChainLinkUpdate,
  ChainLinkView,
  ChainUpdate,
  ChainView,
  IndustryCreate,
  IndustryUpdate,
  IndustryView,
  Spectrum,
} from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

export const industryKeys = {
  spectrum: (regionCode: string | undefined) => ['industries', 'spectrum', regionCode ?? ''] as const,
  graph: (chainId: number) => ['industries', 'graph', chainId] as const,
};

/** 产业谱系 of the region (default: the user's scope). */
export function useSpectrum(regionCode: string | undefined) {
  return useQuery({ queryKey: industryKeys.spectrum(regionCode), queryFn: () => api.get<Spectrum>('/industries/spectrum', { regionCode }) });
}

/** 产业链图: the chain, its graph nodes and edges, the gaps. */
export function useChainGraph(chainId: number) {
  return useQuery({ queryKey: industryKeys.graph(chainId), queryFn: () => api.get<ChainGraph>(`/chains/${chainId}/graph`), enabled: chainId > 0 });
}

/** Entities the user may assign to a link (the entities list of the entities feature, read as plain options). */
export function useEntityOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['industries', 'entity-options'],
    queryFn: async () => {
      const body = await api.get<{ items: { id: number; name: string }[] }>('/entities', { pageSize: 200 });
      return body.items.map((e) => ({ value: e.id, label: e.name }));
    },
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

/** Every write of the industries pages; each refreshes the spectrum and the graphs. */
export function useIndustryMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: ['industries'] });
  return {
    createIndustry: useMutation({ mutationFn: (body: IndustryCreate) => api.post<IndustryView>('/industries', body), onSuccess }),
    updateIndustry: useMutation({ mutationFn: ({ id, ...body }: IndustryUpdate & { id: number }) => api.patch<IndustryView>(`/industries/${id}`, body), onSuccess }),
    deleteIndustry: useMutation({
      mutationFn: (i: { id: number; version: number }) => api.delete<void>(`/industries/${i.id}`, ifMatch(i)),
      onSuccess,
    }),
    createChain: useMutation({
      mutationFn: ({ industryId, ...body }: ChainCreate & { industryId: number }) => api.post<ChainView>(`/industries/${industryId}/chains`, body),
      onSuccess,
    }),
    deleteChain: useMutation({ mutationFn: (c: { id: number; version: number }) => api.delete<void>(`/chains/${c.id}`, ifMatch(c)), onSuccess }),
    updateChain: useMutation({ mutationFn: ({ id, ...body }: ChainUpdate & { id: number }) => api.patch<ChainView>(`/chains/${id}`, body), onSuccess }),
    addLink: useMutation({ mutationFn: ({ chainId, ...body }: ChainLinkCreate & { chainId: number }) => api.post<ChainLinkView>(`/chains/${chainId}/links`, body), onSuccess }),
    updateLink: useMutation({ mutationFn: ({ id, ...body }: ChainLinkUpdate & { id: number }) => api.patch<ChainLinkView>(`/chain-links/${id}`, body), onSuccess }),
    deleteLink: useMutation({ mutationFn: (l: { id: number; version: number }) => api.delete<void>(`/chain-links/${l.id}`, ifMatch(l)), onSuccess }),
    setEntities: useMutation({
      mutationFn: ({ id, ...body }: { id: number; entityIds: number[]; version?: number }) => api.put<ChainLinkView>(`/chain-links/${id}/entities`, body),
      onSuccess,
    }),
  };
}
