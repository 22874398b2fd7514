import type { ChainView, HouseholdListItem, IndustryList, ProjectActionBody, ProjectBudgetRow, ProjectCreate, ProjectListItem, ProjectUpdate, ProjectView } from '@chanbang/domain';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/types.ts';
import { todoKey } from '../todo/api.ts';

export type ProjectQuery = { regionCode?: string; year?: string; stage?: string; projectType?: string; industryId?: string; q?: string; page?: string; pageSize?: string };

const keys = {
  list: (q: ProjectQuery) => ['projects', 'list', q] as const,
  one: (id: number) => ['projects', 'one', id] as const,
};

/** A page of the project library. */
export function useProjects(q: ProjectQuery) {
  return useQuery({ queryKey: keys.list(q), queryFn: () => api.get<Page<ProjectListItem>>('/projects', q), placeholderData: keepPreviousData });
}

/** One project with its steps, budget, beneficiaries and the actions this user may take. */
export function useProject(id: number) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api.get<ProjectView>(`/projects/${id}`), enabled: Number.isFinite(id) && id > 0 });
}

/** Puts a saved project into the cache at once (the next save is based on its new version) and refreshes lists. */
function useSaved() {
  const qc = useQueryClient();
  return (saved: ProjectView) => {
    qc.setQueryData(keys.one(saved.id), saved);
    void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    void qc.invalidateQueries({ queryKey: todoKey });
  };
}

export function useCreateProject() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: ProjectCreate) => api.post<ProjectView>('/projects', body), onSuccess: saved });
}

export function useUpdateProject(id: number) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: ProjectUpdate) => api.patch<ProjectView>(`/projects/${id}`, body), onSuccess: saved });
}

export function useProjectAction(id: number) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: ProjectActionBody) => api.post<ProjectView>(`/projects/${id}/actions`, body), onSuccess: saved });
}

export function usePutBudgets(id: number) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: { rows: ProjectBudgetRow[]; version?: number }) => api.put<ProjectView>(`/projects/${id}/budgets`, body), onSuccess: saved });
}

export function usePutBeneficiaries(id: number) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: { householdIds: number[]; version?: number }) => api.put<ProjectView>(`/projects/${id}/beneficiaries`, body), onSuccess: saved });
}

/** Industries of a region (the industries feature's API); an empty list while none is registered or the API is absent. */
export function useIndustryOptions(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['industries', 'options', regionCode ?? ''],
    queryFn: async () => {
      try {
        return (await api.get<IndustryList>('/industries', regionCode ? { regionCode } : {})).items;
      } catch {
        return [];
      }
    },
    staleTime: 60_000,
  });
}

/** The links of the given chains (产业链环节), flattened; chains that cannot be read are left out. */
export function useChainLinks(chainIds: number[]) {
  const results = useQueries({
    queries: chainIds.map((id) => ({
      queryKey: ['chains', 'one', id],
      queryFn: async () => {
        try {
          return await api.get<ChainView>(`/chains/${id}`);
        } catch {
          return null;
        }
      },
      staleTime: 60_000,
    })),
  });
  return results.flatMap((r) => (r.data ? r.data.links.map((l) => ({ id: l.id, label: `${r.data!.name}：${l.name ?? l.linkKind}`, linkKind: l.linkKind })) : []));
}

/** Households by 户编号 or head's name (beneficiary search); no personal numbers are used. */
export function useHouseholdSearch(q: string) {
  return useQuery({
    queryKey: ['projects', 'household-search', q],
    queryFn: async () => (await api.get<Page<HouseholdListItem>>('/households', { q, pageSize: 20 })).items,
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
}
