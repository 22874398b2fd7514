import type { BackbonePage, BackboneView, EntityCreate, EntityPage, EntityPatch, EntityView } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

// 经营主体 and 技术骨干 (issue 7 §2): TanStack Query hooks over /api/v1/entities and /api/v1/backbones.

export const entityKeys = {
  all: ['entities'] as const,
  list: (q: Record<string, QueryValue>) => ['entities', 'list', q] as const,
  one: (id: number) => ['entities', 'one', id] as const,
  backbones: (id: number) => ['entities', 'backbones', id] as const,
  backboneList: (q: Record<string, QueryValue>) => ['entities', 'backbone-list', q] as const,
  history: (id: number) => ['entities', 'history', id] as const,
};

export type EntityHistoryEntry = { id: number; at: string; action: string; actorName: string | null; before: unknown; after: unknown };

export function useEntities(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: entityKeys.list(q), queryFn: () => api.get<EntityPage>('/entities', q), placeholderData: (prev) => prev });
}

export function useEntity(id: number) {
  return useQuery({ queryKey: entityKeys.one(id), queryFn: () => api.get<EntityView>(`/entities/${id}`), enabled: id > 0, retry: false });
}

export function useEntityBackbones(id: number) {
  return useQuery({ queryKey: entityKeys.backbones(id), queryFn: () => api.get<{ items: BackboneView[] }>(`/entities/${id}/backbones`), enabled: id > 0 });
}

/** 科技人员 page: backbones serving villages under a region, paged. */
export function useBackbones(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: entityKeys.backboneList(q), queryFn: () => api.get<BackbonePage>('/backbones', q), placeholderData: (prev) => prev });
}

export function useEntityHistory(id: number, enabled: boolean) {
  return useQuery({ queryKey: entityKeys.history(id), queryFn: () => api.get<{ items: EntityHistoryEntry[] }>(`/entities/${id}/history`), enabled: enabled && id > 0 });
}

/** Industries the user may link (the industries feature's list, read as plain options). */
export function useIndustryOptions() {
  return useQuery({
    queryKey: ['entities', 'industry-options'],
    queryFn: async () => {
      const body = await api.get<{ items: { id: number; name: string }[] }>('/industries');
      return body.items.map((i) => ({ value: i.id, label: i.name }));
    },
    retry: false,
    staleTime: 60_000,
  });
}

export type BackboneBody = { name: string; kind: string; specialty?: string | null; title?: string | null; phone?: string | null; regionCode?: string; active?: boolean };

/** Every write of the entities pages; each refreshes the entities' queries. */
export function useEntityMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: entityKeys.all });
  // a backbone counts for E2 (每村每社有农业技术骨干): the 科技人员 page shows its failing villages
  const onBackbone = () => {
    onSuccess();
    void qc.invalidateQueries({ queryKey: ['rules'] });
  };
  return {
    create: useMutation({ mutationFn: (body: EntityCreate) => api.post<EntityView>('/entities', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: EntityPatch & { id: number }) => api.patch<EntityView>(`/entities/${id}`, body), onSuccess }),
    close: useMutation({
      mutationFn: ({ id, ...body }: { id: number; reason: string; date: string; version?: number }) => api.post<EntityView>(`/entities/${id}/close`, body),
      onSuccess,
    }),
    reopen: useMutation({ mutationFn: ({ id, ...body }: { id: number; version?: number }) => api.post<EntityView>(`/entities/${id}/reopen`, body), onSuccess }),
    addBackbone: useMutation({
      mutationFn: ({ entityId, ...body }: BackboneBody & { entityId: number }) => api.post<BackboneView>(`/entities/${entityId}/backbones`, body),
      onSuccess: onBackbone,
    }),
    addVillageBackbone: useMutation({ mutationFn: (body: BackboneBody & { regionCode: string }) => api.post<BackboneView>('/backbones', body), onSuccess: onBackbone }),
    removeBackbone: useMutation({ mutationFn: (b: { id: number; version: number }) => api.delete<void>(`/backbones/${b.id}`, ifMatch(b)), onSuccess: onBackbone }),
    updateBackbone: useMutation({
      mutationFn: ({ id, ...body }: Partial<BackboneBody> & { id: number; version?: number }) => api.patch<BackboneView>(`/backbones/${id}`, body),
      onSuccess: onBackbone,
    }),
  };
}
