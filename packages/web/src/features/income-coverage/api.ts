import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalIncomeList, LocalIncomePut, LocalIncomeView } from '@chanbang/domain';
import { api } from '../../lib/api-client.ts';
import type { RuleDrill } from '../rules/api.ts';

/** The rules of the 三有一持续 page, in column order: 户户有产业, 人人有就业, 家家有收入, 产业链稳定收入, 收入增速. */
export const COVERAGE_RULES = ['H3', 'H4', 'H5', 'H2', 'H6'] as const;
export type CoverageRuleId = (typeof COVERAGE_RULES)[number];

export function useLocalIncomes(regionCode: string | undefined) {
  return useQuery({ queryKey: ['local-incomes', regionCode ?? ''], queryFn: () => api.get<LocalIncomeList>('/local-incomes', { regionCode }) });
}

/** PUT a figure; the rules' results (H6) and the list are read again after it. */
export function usePutLocalIncome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: LocalIncomePut }) => api.put<LocalIncomeView>(`/local-incomes/${year}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['local-incomes'] });
      void qc.invalidateQueries({ queryKey: ['rules'] });
    },
  });
}

/** The stored evaluations of the page's rules for a region and year (the same queries as the rule pages: one cache). */
export function useCoverageDrills(regionCode: string | undefined, year: number) {
  return useQueries({
    queries: COVERAGE_RULES.map((ruleId) => ({
      queryKey: ['rules', ruleId, 'evaluate', regionCode ?? '', year],
      queryFn: () => api.get<RuleDrill>(`/rules/${encodeURIComponent(ruleId)}/evaluate`, { regionCode, year }),
      placeholderData: keepPreviousData,
      retry: false,
    })),
  });
}
