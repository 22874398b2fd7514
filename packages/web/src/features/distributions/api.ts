import type { DistributionBasis, DistributionCancel, DistributionPage, DistributionPatch, DistributionPropose, DistributionView } from '@chanbang/domain';
import type { HouseholdListItem, Page } from '../../lib/types.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';

// 村集体产业收益分配 (issue 8 §3): TanStack Query hooks over /api/v1/distributions.

export const distributionKeys = {
  all: ['distributions'] as const,
  list: (q: Record<string, QueryValue>) => ['distributions', 'list', q] as const,
  one: (id: number) => ['distributions', 'one', id] as const,
  basis: (q: Record<string, QueryValue>) => ['distributions', 'basis', q] as const,
};

export function useDistributions(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: distributionKeys.list(q), queryFn: () => api.get<DistributionPage>('/distributions', q), placeholderData: (prev) => prev });
}

export function useDistribution(id: number) {
  return useQuery({ queryKey: distributionKeys.one(id), queryFn: () => api.get<DistributionView>(`/distributions/${id}`), enabled: id > 0, retry: false });
}

/** The basis of a proposal for a village and a year (400 on regionCode for a region that is no village). */
export function useDistributionBasis(regionCode: string | undefined, year: number | undefined, half: number | null) {
  const q = { regionCode, year, half: half ?? undefined };
  return useQuery({
    queryKey: distributionKeys.basis(q),
    queryFn: () => api.get<DistributionBasis>('/distributions/basis', q),
    enabled: !!regionCode && !!year,
    retry: false,
  });
}

/**
 * Households a draft may add (添加农户): the village's active households whose 户编号 or a member's name (户主) starts with
 * `q` (`GET /households`, the registry's own search), first 50; the caller keeps the 脱贫/监测 ones not yet in the lines.
 */
export function useDistributionCandidates(village: string, q: string) {
  const query = { regionCode: village, q: q.trim(), pageSize: 50 };
  return useQuery({
    queryKey: ['households', 'list', 'distribution-candidates', query],
    queryFn: () => api.get<Page<HouseholdListItem>>('/households', query),
    enabled: !!village && q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}

/** Every write of the distribution pages; each refreshes the distributions, and confirmation the households too. */
export function useDistributionMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: distributionKeys.all });
    void qc.invalidateQueries({ queryKey: ['households'] });
  };
  return {
    propose: useMutation({ mutationFn: (body: DistributionPropose) => api.post<DistributionView>('/distributions/propose', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: DistributionPatch & { id: number }) => api.patch<DistributionView>(`/distributions/${id}`, body), onSuccess }),
    confirm: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => api.post<DistributionView>(`/distributions/${id}/confirm`, { version }), onSuccess }),
    cancel: useMutation({
      mutationFn: ({ id, ...body }: DistributionCancel & { id: number; version: number }) => api.post<DistributionView>(`/distributions/${id}/cancel`, body),
      onSuccess,
    }),
  };
}

/** 2025 H1 → 2025年上半年; whole year → 2025年全年. */
export const distributionPeriod = (year: number, half: number | null, pick: (zh: string, en: string) => string) =>
  half ? pick(`${year}年${half === 1 ? '上' : '下'}半年`, `${year} H${half}`) : pick(`${year}年全年`, `${year}`);
