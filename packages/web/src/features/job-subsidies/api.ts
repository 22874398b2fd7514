import type { JobSubsidyBatch, JobSubsidyBatchResult, JobSubsidyPage, JobSubsidyPaymentCreate, JobSubsidyPaymentView } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';
import type { User } from '../../lib/types.ts';

// 就业补助 (issue 8 §5): TanStack Query hooks over /api/v1/job-subsidies.

export const jobSubsidyKeys = {
  all: ['job-subsidies'] as const,
  list: (q: Record<string, QueryValue>) => ['job-subsidies', 'list', q] as const,
};

export function useJobSubsidies(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: jobSubsidyKeys.list(q), queryFn: () => api.get<JobSubsidyPage>('/job-subsidies', q), placeholderData: (prev) => prev });
}

/** 发放, 批量发放 and 撤销; each refreshes the lists (also after a refusal: the list then shows the payment that blocked it). */
export function useJobSubsidyMutations() {
  const qc = useQueryClient();
  const onSettled = () => void qc.invalidateQueries({ queryKey: jobSubsidyKeys.all });
  return {
    pay: useMutation({ mutationFn: (body: JobSubsidyPaymentCreate) => api.post<JobSubsidyPaymentView>('/job-subsidies/payments', body), onSettled }),
    batch: useMutation({ mutationFn: (body: JobSubsidyBatch) => api.post<JobSubsidyBatchResult>('/job-subsidies/payments/batch', body), onSettled }),
    revoke: useMutation({ mutationFn: (p: JobSubsidyPaymentView) => api.delete<void>(`/job-subsidies/payments/${p.id}`, ifMatch(p)), onSettled }),
  };
}

/** County and township staff record payments; a village officer and a viewer read (the server decides too). */
export function canPaySubsidies(user: Pick<User, 'role'> | null | undefined): boolean {
  return !!user && ['admin', 'county_officer', 'township_officer'].includes(user.role);
}
