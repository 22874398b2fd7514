import { useMutation, useQuery, useQueryClient, keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, apiRequest, type QueryValue } from '../../lib/api-client.ts';
import type { AuditEntry, Helper, HouseholdDetail, HouseholdListItem, Income, Measure, MonitoringCase, Page, Person } from '../../lib/types.ts';
import { ifMatch, withVersion } from '../../lib/versioning.ts';

/** List filters, as they appear in the URL and in the API query. */
export const HOUSEHOLD_FILTER_KEYS = [
  'regionCode',
  'householdType',
  'monitoringType',
  'monitoringStatus',
  'isLifted',
  'laborCapacity',
  'riskType',
  'warning',
  'q',
  'status',
  'page',
  'pageSize',
] as const;
export type HouseholdFilters = Partial<Record<(typeof HOUSEHOLD_FILTER_KEYS)[number], string>>;

const keys = {
  all: ['households'] as const,
  list: (f: HouseholdFilters) => ['households', 'list', f] as const,
  one: (id: number) => ['households', 'one', id] as const,
  history: (id: number) => ['households', 'history', id] as const,
};

export function useHouseholds(filters: HouseholdFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => api.get<Page<HouseholdListItem>>('/households', filters as Record<string, QueryValue>),
    placeholderData: keepPreviousData,
  });
}

async function fetchHousehold(id: number): Promise<HouseholdDetail> {
  const body = await api.get<HouseholdDetail | { household: HouseholdDetail }>(`/households/${id}`);
  const h = 'household' in body && body.household ? body.household : (body as HouseholdDetail);
  return { ...h, members: h.members ?? [], incomes: h.incomes ?? [], measures: h.measures ?? [], monitoringCases: h.monitoringCases ?? [], helpers: h.helpers ?? [] };
}

export function useHousehold(id: number) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => fetchHousehold(id), enabled: Number.isFinite(id) });
}

/** 重新载入 after a stale save: the household as it is now, fetched into the cache (the page shows it) and returned. */
export function useReloadHousehold(id: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.history(id) });
    return qc.fetchQuery({ queryKey: keys.one(id), queryFn: () => fetchHousehold(id), staleTime: 0 });
  };
}

export function useHouseholdHistory(id: number) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: async () => {
      const body = await api.get<AuditEntry[] | { items: AuditEntry[] }>(`/households/${id}/history`);
      return Array.isArray(body) ? body : body.items;
    },
  });
}

export type HouseholdInput = Partial<Omit<HouseholdDetail, 'id' | 'version' | 'members' | 'incomes' | 'measures' | 'monitoringCases' | 'helpers'>>;
/** What the member form sends: the stored fields minus the read-only ones (人口编号, 自然减少). */
export type PersonInput = Omit<Person, 'id' | 'version' | 'householdId' | 'personNo' | 'exitReason' | 'exitDate' | 'exitNote'>;
/** 自然减少: reason (dict exit_reason), date, note. */
export type ExitInput = { reason: string; date: string; note?: string | null };
/**
 * A change to a stored record carries the version of the record the form or button was shown with
 * (`withVersion(body, record)` from lib/versioning.ts); a stale one is refused with 409 STALE_VERSION.
 */
export type Based = { version?: number };

/** Rejects when the server has not answered in `ms` (a save never spins forever). */
function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms = 30_000): Promise<T> {
  return run(AbortSignal.timeout(ms)).catch((err: unknown) => {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) throw new ApiError(0, 'NETWORK', 'timeout');
    throw err;
  });
}

type Versioned = { id: number; version?: number };
type ChildList = 'members' | 'measures' | 'monitoringCases';

/**
 * Puts a saved record (the server's answer, with its new version) into the cached household at once, so a next
 * save from the same screen is based on it even before the refetch returns (no stale refusal of one's own save).
 */
export function cacheSaved(qc: QueryClient, householdId: number, list: ChildList | 'incomes' | 'household', saved: unknown): void {
  if (!saved || typeof saved !== 'object') return;
  qc.setQueryData<HouseholdDetail>(keys.one(householdId), (h) => {
    if (!h) return h;
    if (list === 'household') {
      const { members: _m, incomes: _i, measures: _me, monitoringCases: _c, helpers: _h, ...fields } = saved as Partial<HouseholdDetail>;
      return { ...h, ...fields };
    }
    if (list === 'incomes') {
      const year = (saved as Income).year;
      return { ...h, incomes: h.incomes.map((r) => (r.year === year ? { ...r, ...(saved as Income) } : r)) };
    }
    const rec = saved as Versioned;
    return { ...h, [list]: (h[list] as Versioned[]).map((r) => (r.id === rec.id ? { ...r, ...rec } : r)) };
  });
}

/** Invalidate everything a household write can change (list, detail, history, dashboard). */
function useInvalidate() {
  const qc = useQueryClient();
  return (id?: number, saved?: { list: ChildList | 'incomes' | 'household'; record: unknown }) => {
    if (id && saved) cacheSaved(qc, id, saved.list, saved.record);
    void qc.invalidateQueries({ queryKey: keys.all });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
    if (id) void qc.invalidateQueries({ queryKey: keys.one(id) });
  };
}

export function useCreateHousehold() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: HouseholdInput & { members: PersonInput[] }) => api.post<HouseholdDetail>('/households', input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateHousehold(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: HouseholdInput & Based) => api.patch<HouseholdDetail>(`/households/${id}`, input),
    onSuccess: (record) => invalidate(id, { list: 'household', record }),
  });
}

/** 自然减少 of a household, and its restore (admin). */
export function useHouseholdExit(id: number) {
  const invalidate = useInvalidate();
  return {
    exit: useMutation({ mutationFn: (input: ExitInput & Based) => api.post<HouseholdDetail>(`/households/${id}/exit`, input), onSuccess: () => invalidate(id) }),
    restore: useMutation({
      mutationFn: (based: Based) => api.post<HouseholdDetail>(`/households/${id}/restore`, based),
      onSuccess: (record) => invalidate(id, { list: 'household', record }),
    }),
  };
}

/**
 * Restore of a household from the admin's list of exited households. A list row carries no version: the restore
 * is then based on the household as read when the officer confirms (a restore changes no field they typed).
 */
export function useRestoreHousehold() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, version }: { id: number } & Based) =>
      api.post<HouseholdDetail>(`/households/${id}/restore`, withVersion({}, version !== undefined ? { version } : await fetchHousehold(id))),
    onSuccess: (_d, { id }) => invalidate(id),
  });
}

/** Members: add, update or remove one person. */
export function useMemberMutations(householdId: number) {
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate(householdId);
  const onSaved = (record: Person) => invalidate(householdId, { list: 'members', record });
  return {
    add: useMutation({ mutationFn: (p: PersonInput) => api.post<Person>(`/households/${householdId}/members`, p), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...p }: Partial<PersonInput> & Based & { id: number }) => api.patch<Person>(`/persons/${id}`, p), onSuccess: onSaved }),
    exit: useMutation({ mutationFn: ({ id, ...input }: ExitInput & Based & { id: number }) => api.post<Person>(`/persons/${id}/exit`, input), onSuccess: onSaved }),
    restore: useMutation({ mutationFn: ({ id, ...based }: { id: number } & Based) => api.post<Person>(`/persons/${id}/restore`, based), onSuccess: onSaved }),
  };
}

/** The full ID number and phone of a person, for an officer in scope with a reason (audited as `unmask`). */
export function useUnmaskPerson() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api.post<{ id: number; name: string; idNumber: string; phone: string | null }>(`/persons/${id}/unmask`, { reason }),
  });
}

/** A year's figures as the form sends them; 理赔收入 and 合规自付支出 may be left out (the server keeps them). */
export type IncomeInput = Omit<Income, 'version' | 'netIncome' | 'perCapita' | 'yoyChange' | 'yoyRate' | 'claimIncome' | 'compliantSelfPaid'> & {
  claimIncome?: number;
  compliantSelfPaid?: number;
};

/** Saves a year: a new year with POST (409 when it exists, never an overwrite), an existing one with PUT (with its version). */
export function useSaveIncome(householdId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ year, isNew, ...rest }: IncomeInput & Based & { isNew: boolean }) =>
      withTimeout((signal) =>
        isNew
          ? apiRequest<Income>(`/households/${householdId}/incomes`, { method: 'POST', body: { year, ...rest }, signal })
          : apiRequest<Income>(`/households/${householdId}/incomes/${year}`, { method: 'PUT', body: rest, signal }),
      ),
    onSuccess: (record) => invalidate(householdId, { list: 'incomes', record }),
  });
}

export type MeasureInput = Omit<Measure, 'id' | 'version' | 'developmental'>;

export function useMeasureMutations(householdId: number) {
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate(householdId);
  return {
    add: useMutation({ mutationFn: (m: MeasureInput) => api.post<Measure>(`/households/${householdId}/measures`, m), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...m }: Partial<MeasureInput> & Based & { id: number }) => api.patch<Measure>(`/measures/${id}`, m),
      onSuccess: (record) => invalidate(householdId, { list: 'measures', record }),
    }),
    /** DELETE has no body: the version goes in `If-Match`. */
    remove: useMutation({ mutationFn: (m: { id: number } & Based) => api.delete<void>(`/measures/${m.id}`, ifMatch(m)), onSuccess }),
  };
}

export type MonitoringInput = Omit<MonitoringCase, 'id' | 'version' | 'status' | 'eliminationMethod' | 'eliminationDate'>;

export function useMonitoringMutations(householdId: number) {
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate(householdId);
  return {
    add: useMutation({ mutationFn: (m: MonitoringInput) => api.post<MonitoringCase>(`/households/${householdId}/monitoring-cases`, m), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...m }: Partial<MonitoringInput> & Based & { id: number }) => api.patch<MonitoringCase>(`/monitoring-cases/${id}`, m),
      onSuccess: (record) => invalidate(householdId, { list: 'monitoringCases', record }),
    }),
    eliminate: useMutation({
      mutationFn: ({ id, ...body }: { id: number; eliminationMethod: string; eliminationDate: string; incomeStableSince?: string } & Based) =>
        api.post<MonitoringCase>(`/monitoring-cases/${id}/eliminate`, body),
      onSuccess,
    }),
  };
}

/** Helpers within the user's scope (loaded when `enabled`, e.g. when the assign dialog opens). */
export function useHelpers(enabled: boolean) {
  return useQuery({
    queryKey: ['helpers'],
    queryFn: async () => {
      const body = await api.get<Helper[] | Page<Helper>>('/helpers', { pageSize: 200 });
      return Array.isArray(body) ? body : body.items;
    },
    enabled,
  });
}

export function useAssignHelper(householdId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { helperId: number; startDate?: string }) => api.post<void>(`/households/${householdId}/helpers`, input),
    onSuccess: () => invalidate(householdId),
  });
}
