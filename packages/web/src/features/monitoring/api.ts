import type { CaseActionBody, EliminationCheck, MonitoringLineUpsert, MonitoringLineView } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { MonitoringCase } from '../../lib/types.ts';
import { cacheSaved } from '../households/api.ts';
import { ifMatch } from '../../lib/versioning.ts';
import { todoKey } from '../todo/api.ts';

// the 待办 spans cases and projects (features/todo); the menu badge imports it from here

const keys = {
  check: (caseId: number, date: string, method: string | undefined) => ['monitoring', 'check', caseId, date, method ?? ''] as const,
  lines: ['monitoring-lines'] as const,
};

/** Takes one step of the procedure on a case; refreshes the household, the 待办 and the checks. */
export function useCaseAction(householdId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: CaseActionBody & { caseId: number }) => api.post<MonitoringCase>(`/monitoring-cases/${caseId}/actions`, body),
    onSuccess: (saved) => {
      // the case with its new version, at once: the next step from the same screen is based on it
      cacheSaved(qc, householdId, 'monitoringCases', saved);
      void qc.invalidateQueries({ queryKey: ['households'] });
      void qc.invalidateQueries({ queryKey: ['monitoring'] });
      void qc.invalidateQueries({ queryKey: todoKey });
      void qc.invalidateQueries({ queryKey: ['households', 'one', householdId] });
    },
  });
}

/** The 风险消除 conditions of a case on a date (preview). */
export function useEliminationCheck(caseId: number, date: string, method?: string, enabled = true) {
  return useQuery({
    queryKey: keys.check(caseId, date, method),
    queryFn: () => api.get<EliminationCheck>(`/monitoring-cases/${caseId}/elimination-check`, { date, method }),
    enabled,
  });
}

/** Monitoring lines (all provinces). */
export function useMonitoringLines() {
  return useQuery({ queryKey: keys.lines, queryFn: async () => (await api.get<{ items: MonitoringLineView[] }>('/monitoring-lines')).items, staleTime: 60_000 });
}

/** Admin: set or remove a line; a change to a stored line carries its version (body for PUT, If-Match for DELETE). */
export function useLineMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: keys.lines });
    void qc.invalidateQueries({ queryKey: ['monitoring'] });
  };
  return {
    put: useMutation({
      mutationFn: ({ provinceCode, year, ...body }: MonitoringLineUpsert & { provinceCode: string; year: number; version?: number }) =>
        api.put<MonitoringLineView>(`/monitoring-lines/${provinceCode}/${year}`, body),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (l: { provinceCode: string; year: number; version?: number }) => api.delete<void>(`/monitoring-lines/${l.provinceCode}/${l.year}`, ifMatch(l)),
      onSuccess,
    }),
  };
}

/** "7300 元" or "7300 元（未确认的占位值）". */
export function lineText(line: Pick<MonitoringLineView, 'amountYuan' | 'confirmed'>, pick: (zh: string, en: string) => string): string {
  return pick(`${line.amountYuan} 元${line.confirmed ? '' : '（未确认的占位值）'}`, `${line.amountYuan} yuan${line.confirmed ? '' : ' (unconfirmed placeholder)'}`);
}
