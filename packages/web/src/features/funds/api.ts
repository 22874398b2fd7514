import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FundAllocationCreate,
  FundAllocationView,
  FundSourceCreate,
  FundSourceUpdate,
  FundSourceView,
  FundableProject,
  FundsSummary,
  Sankey,
  WhatIfApply,
  WhatIfRequest,
  WhatIfResult,
} from '@chanbang/domain';
import { api } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

export type { FundAllocationView, FundSourceView, FundableProject, FundsSummary, Sankey, WhatIfResult };
export type FundRuleOutcome = FundsSummary['rules'][number];

const key = ['funds'] as const;
type Filter = { regionCode: string | undefined; year: number };

/** The dashboard of a county and year: money by year, shares and the pack's F/P2/P5 results. */
export function useFundsSummary(f: Filter) {
  return useQuery({ queryKey: [...key, 'summary', f.regionCode ?? '', f.year], queryFn: () => api.get<FundsSummary>('/funds/summary', f) });
}

/** 衔接资金 flow of a year: level → project type → industry. */
export function useFundsSankey(f: Filter) {
  return useQuery({ queryKey: [...key, 'sankey', f.regionCode ?? '', f.year], queryFn: () => api.get<Sankey>('/funds/sankey', f) });
}

/** Fund sources of the region and year. */
export function useFundSources(f: Filter) {
  return useQuery({ queryKey: [...key, 'sources', f.regionCode ?? '', f.year], queryFn: () => api.get<{ items: FundSourceView[] }>('/fund-sources', f) });
}

/** Allocations of the region and year. */
export function useFundAllocations(f: Filter) {
  return useQuery({ queryKey: [...key, 'allocations', f.regionCode ?? '', f.year], queryFn: () => api.get<{ items: FundAllocationView[] }>('/fund-allocations', f) });
}

/** Library projects that may receive money. */
export function useFundableProjects(f: Filter) {
  return useQuery({ queryKey: [...key, 'projects', f.regionCode ?? '', f.year], queryFn: () => api.get<{ items: FundableProject[] }>('/funds/projects', f) });
}

/** Writes of the funds area; each refreshes every funds query. */
export function useFundWrites() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: key });
  return {
    createSource: useMutation({ mutationFn: (b: FundSourceCreate) => api.post<FundSourceView>('/fund-sources', b), onSuccess: done }),
    updateSource: useMutation({ mutationFn: ({ id, body }: { id: number; body: FundSourceUpdate }) => api.patch<FundSourceView>(`/fund-sources/${id}`, body), onSuccess: done }),
    deleteSource: useMutation({ mutationFn: (s: FundSourceView) => api.delete<void>(`/fund-sources/${s.id}`, ifMatch(s)), onSuccess: done }),
    allocate: useMutation({ mutationFn: (b: FundAllocationCreate) => api.post<FundAllocationView>('/fund-allocations', b), onSuccess: done }),
    applyDraft: useMutation({ mutationFn: (b: WhatIfApply) => api.post<{ allocationIds: number[] }>('/funds/what-if/apply', b), onSuccess: done }),
  };
}

/** The what-if evaluation of a draft (nothing saved). */
export function whatIf(body: WhatIfRequest) {
  return api.post<WhatIfResult>('/funds/what-if', body);
}
