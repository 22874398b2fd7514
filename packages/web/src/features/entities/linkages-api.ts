import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EntityHouseholds, HouseholdLinkages, LinkageCarryResult, LinkageCreate, LinkageUpdate, LinkageView } from '@chanbang/domain';
import { api } from '../../lib/api-client.ts';
import type { HouseholdListItem, Page } from '../../lib/types.ts';
import { ifMatch } from '../../lib/versioning.ts';

// 联农带农 (linkages) on the household page (带动主体) and the entity page (带动农户).

const keys = {
  all: ['linkages'] as const,
  household: (id: number) => ['linkages', 'household', id] as const,
  entity: (id: number, year?: number) => ['linkages', 'entity', id, year ?? 'all'] as const,
};

export function useHouseholdLinkages(householdId: number) {
  return useQuery({ queryKey: keys.household(householdId), queryFn: () => api.get<HouseholdLinkages>(`/households/${householdId}/linkages`) });
}

export function useEntityHouseholds(entityId: number, year?: number) {
  return useQuery({ queryKey: keys.entity(entityId, year), queryFn: () => api.get<EntityHouseholds>(`/entities/${entityId}/households`, { year }) });
}

/** An entity a linkage may name (the entities list: name contains). */
export type EntityOption = { id: number; name: string; entityType: string };
export function useEntitySearch(q: string) {
  return useQuery({
    queryKey: ['linkages', 'entity-search', q],
    queryFn: async () => (await api.get<Page<EntityOption>>('/entities', { q: q || undefined, pageSize: 20 })).items,
    staleTime: 30_000,
  });
}

/** Households by 户编号 (or name) within the scope, to add to an entity. */
export function useHouseholdSearch(q: string) {
  return useQuery({
    queryKey: ['linkages', 'household-search', q],
    queryFn: async () => (await api.get<Page<HouseholdListItem>>('/households', { q, pageSize: 10 })).items,
    enabled: q.trim().length >= 2,
    staleTime: 10_000,
  });
}

/** Writes of linkages; every one refreshes the linkage views and the household (its incomes after a carry). */
export function useLinkageMutations(householdId?: number) {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: keys.all });
    void qc.invalidateQueries({ queryKey: householdId ? ['households', 'one', householdId] : ['households'] });
  };
  return {
    add: useMutation({ mutationFn: (body: LinkageCreate) => api.post<LinkageView>('/linkages', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: LinkageUpdate & { id: number }) => api.patch<LinkageView>(`/linkages/${id}`, body), onSuccess }),
    /** DELETE has no body: the version goes in `If-Match`. */
    remove: useMutation({ mutationFn: (l: { id: number; version: number }) => api.delete<void>(`/linkages/${l.id}`, ifMatch(l)), onSuccess }),
    carry: useMutation({
      mutationFn: ({ householdId: id, year, version }: { householdId: number; year: number; version?: number | undefined }) =>
        api.post<LinkageCarryResult>(`/households/${id}/linkages/carry`, version === undefined ? { year } : { year, version }),
      onSuccess,
    }),
  };
}
