import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  C1CalcInput,
  C1CalcResult,
  LoanCreate,
  LoanUpdate,
  LoanView,
  RepaymentCreate,
  RepaymentView,
  S1CalcInput,
  S1CalcResult,
  SubsidyCreate,
  SubsidyView,
} from '@chanbang/domain';
import { api } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

export type { C1CalcResult, LoanView, RepaymentView, S1CalcResult, SubsidyView };

/** POST /calculators/s1 */
export function useS1Calc() {
  return useMutation({ mutationFn: (input: S1CalcInput) => api.post<S1CalcResult>('/calculators/s1', input) });
}

/** POST /calculators/c1 */
export function useC1Calc() {
  return useMutation({ mutationFn: (input: C1CalcInput) => api.post<C1CalcResult>('/calculators/c1', input) });
}

const loansKey = (householdId: number) => ['households', householdId, 'loans'] as const;

/** The household's loans with repayments and schedule. */
export function useHouseholdLoans(householdId: number) {
  return useQuery({ queryKey: loansKey(householdId), queryFn: () => api.get<{ items: LoanView[] }>(`/households/${householdId}/loans`) });
}

/** Loan writes; each refreshes the household's loans (and its history). */
export function useLoanMutations(householdId: number) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['households', householdId] });
  return {
    add: useMutation({ mutationFn: (input: LoanCreate) => api.post<LoanView>(`/households/${householdId}/loans`, input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...input }: LoanUpdate & { id: number }) => api.patch<LoanView>(`/loans/${id}`, input), onSuccess }),
    repay: useMutation({ mutationFn: ({ loanId, ...input }: RepaymentCreate & { loanId: number }) => api.post<RepaymentView>(`/loans/${loanId}/repayments`, input), onSuccess }),
    removeRepayment: useMutation({ mutationFn: (r: RepaymentView) => api.delete<void>(`/loan-repayments/${r.id}`, ifMatch(r)), onSuccess }),
  };
}

/** Fetches the loans again (重新载入 after a stale save) and returns them. */
export function useReloadLoans(householdId: number) {
  const qc = useQueryClient();
  return async () => qc.fetchQuery({ queryKey: loansKey(householdId), queryFn: () => api.get<{ items: LoanView[] }>(`/households/${householdId}/loans`), staleTime: 0 });
}

export type SubsidyOwner = { projectId: number } | { householdId: number };
const ownerPath = (o: SubsidyOwner) => ('projectId' in o ? `/projects/${o.projectId}/subsidies` : `/households/${o.householdId}/subsidies`);
const subsidiesKey = (o: SubsidyOwner) => ['subsidies', 'projectId' in o ? `p${o.projectId}` : `h${o.householdId}`] as const;

/** Facility subsidies (S1) of a project or a household. */
export function useSubsidies(owner: SubsidyOwner) {
  return useQuery({ queryKey: subsidiesKey(owner), queryFn: () => api.get<{ items: SubsidyView[] }>(ownerPath(owner)) });
}

/** Add (computed by S1 with the county's pack) and delete (If-Match) facility subsidies. */
export function useSubsidyMutations(owner: SubsidyOwner) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: subsidiesKey(owner) });
  return {
    add: useMutation({ mutationFn: (input: SubsidyCreate) => api.post<SubsidyView & { steps: string[]; clause: string }>(ownerPath(owner), input), onSuccess }),
    remove: useMutation({ mutationFn: (s: SubsidyView) => api.delete<void>(`/facility-subsidies/${s.id}`, ifMatch(s)), onSuccess }),
  };
}
