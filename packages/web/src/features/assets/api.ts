import type { AssetCreate, AssetDetail, AssetIncomeList, AssetIncomeView, AssetPage, AssetPatch, AssetStocktakePage } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

// 帮扶项目资产 (issue 8 §1–2): TanStack Query hooks over /api/v1/assets.

export const assetKeys = {
  all: ['assets'] as const,
  list: (q: Record<string, QueryValue>) => ['assets', 'list', q] as const,
  one: (id: number) => ['assets', 'one', id] as const,
  incomes: (id: number) => ['assets', 'incomes', id] as const,
  missing: (q: Record<string, QueryValue>) => ['assets', 'missing', q] as const,
};

export function useAssets(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: assetKeys.list(q), queryFn: () => api.get<AssetPage>('/assets', q), placeholderData: (prev) => prev });
}

export function useAsset(id: number) {
  return useQuery({ queryKey: assetKeys.one(id), queryFn: () => api.get<AssetDetail>(`/assets/${id}`), enabled: id > 0, retry: false });
}

export function useAssetIncomes(id: number) {
  return useQuery({ queryKey: assetKeys.incomes(id), queryFn: () => api.get<AssetIncomeList>(`/assets/${id}/incomes`), enabled: id > 0 });
}

/** A3: operating assets without the last completed half year's income. */
export function useStocktakeMissing(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: assetKeys.missing(q), queryFn: () => api.get<AssetStocktakePage>('/assets/stocktake-missing', q), placeholderData: (prev) => prev });
}

export type IncomeBody = { incomeYuan: number; stocktakeOn?: string | null; note?: string | null; version?: number };

/** Every write of the assets pages; each refreshes the assets' queries. */
export function useAssetMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: assetKeys.all });
  return {
    create: useMutation({ mutationFn: (body: AssetCreate) => api.post<AssetDetail>('/assets', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: AssetPatch & { id: number }) => api.patch<AssetDetail>(`/assets/${id}`, body), onSuccess }),
    changeClass: useMutation({
      mutationFn: ({ id, ...body }: { id: number; assetClass: string; reason: string; version?: number }) => api.post<AssetDetail>(`/assets/${id}/class`, body),
      onSuccess,
    }),
    dispose: useMutation({
      mutationFn: ({ id, ...body }: { id: number; reason: string; disposedOn: string; version?: number }) => api.post<AssetDetail>(`/assets/${id}/dispose`, body),
      onSuccess,
    }),
    putIncome: useMutation({
      mutationFn: ({ id, year, half, ...body }: IncomeBody & { id: number; year: number; half: number }) => api.put<AssetIncomeView>(`/assets/${id}/incomes/${year}/${half}`, body),
      onSuccess,
    }),
    removeIncome: useMutation({
      mutationFn: (r: { assetId: number; year: number; half: number; version: number }) => api.delete<void>(`/assets/${r.assetId}/incomes/${r.year}/${r.half}`, ifMatch(r)),
      onSuccess,
    }),
  };
}
