import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';
import type { AuditEntry, Page, PolicyPack, Role, User } from '../../lib/types.ts';
import { withVersion } from '../../lib/versioning.ts';

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => {
      const body = await api.get<User[] | Page<User>>('/users', { pageSize: 200 });
      return Array.isArray(body) ? body : body.items;
    },
  });
}

/** `version`: the user record as the dialog or button showed it (edits only, lib/versioning.ts). */
export type UserInput = {
  username?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  regionCode?: string;
  phone?: string | null;
  disabled?: boolean;
  version?: number;
};

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UserInput & { id?: number }) => (id ? api.patch<User>(`/users/${id}`, input) : api.post<User>('/users', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

type PacksResponse = PolicyPack[] | { packs: PolicyPack[] } | { items: PolicyPack[] };

export function usePolicyPacks() {
  return useQuery({
    queryKey: ['policy', 'packs'],
    queryFn: async () => {
      const body = await api.get<PacksResponse>('/policy/packs');
      if (Array.isArray(body)) return body;
      return 'packs' in body ? body.packs : body.items;
    },
  });
}

type ActiveBody = { packId?: string; id?: string; pack?: PolicyPack | string; version?: number | null };
const activeQuery = { queryKey: ['policy', 'active'], queryFn: () => api.get<ActiveBody>('/policy/active') };

/** Id of the county's active pack. */
export function useActivePack() {
  return useQuery({ ...activeQuery, select: (body: ActiveBody) => body.packId ?? body.id ?? (typeof body.pack === 'string' ? body.pack : body.pack?.id) });
}

/** The county's saved choice with its version (null while nothing was chosen: a first choice needs none). */
export function useActiveChoice() {
  return useQuery(activeQuery);
}

export function useSetActivePack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ packId, basedOn }: { packId: string; basedOn: ActiveBody | undefined }) => api.put<unknown>('/policy/active', withVersion({ packId }, basedOn)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['policy'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export const AUDIT_FILTER_KEYS = ['entityType', 'entityId', 'actorId', 'actor', 'householdNo', 'action', 'from', 'to', 'page', 'pageSize'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', filters as Record<string, QueryValue>),
    placeholderData: keepPreviousData,
  });
}

/** National defaults (DOMAIN.md: 公示 ≥ 5 days, lead → decision ≤ 15 days), used until the active pack loads. */
const DEFAULT_FACTS = { publicityMinDays: 5, identificationMaxDays: 15 };

/** Procedure limits of the county's active policy pack (the pack is data; the UI only reads it). */
export function usePackFacts(): { publicityMinDays: number; identificationMaxDays: number } {
  const packs = usePolicyPacks();
  const active = useActivePack();
  const pack = packs.data?.find((p) => p.id === active.data);
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  return {
    publicityMinDays: num(pack?.publicityMinDays, DEFAULT_FACTS.publicityMinDays),
    identificationMaxDays: num(pack?.identificationMaxDays, DEFAULT_FACTS.identificationMaxDays),
  };
}
