import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../lib/api-client.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { DictItem } from '../../lib/types.ts';

export const dictKey = ['dictionaries'] as const;

/** Codes of the dictionaries the UI reads (server seeds them from the domain package). */
export const DICT = {
  householdType: 'household_type',
  monitoringType: 'monitoring_type',
  laborCapacity: 'labor_capacity',
  riskType: 'risk_type',
  relation: 'relation',
  gender: 'gender',
  healthStatus: 'health_status',
  education: 'education',
  employmentStatus: 'employment_status',
  measureCategory: 'measure_category',
  helperRole: 'helper_role',
  leadSource: 'lead_source',
  eliminationMethod: 'elimination_method',
  monitoringStatus: 'monitoring_status',
  liftedCategory: 'lifted_category',
  exitReason: 'exit_reason',
  idType: 'id_type',
  ethnicity: 'ethnicity',
  schoolStatus: 'school_status',
  disabilityType: 'disability_type',
} as const;

type DictResponse = DictItem[] | { items: DictItem[] } | { dictionaries: Record<string, Omit<DictItem, 'dictCode'>[]> } | Record<string, Omit<DictItem, 'dictCode'>[]>;

/** Accept a flat list, `{items}`, `{dictionaries:{code:[…]}}` or `{code:[…]}` and group by dictionary. */
function groupItems(body: DictResponse): Record<string, DictItem[]> {
  let flat: DictItem[] = [];
  if (Array.isArray(body)) flat = body;
  else if ('items' in body && Array.isArray(body.items)) flat = body.items as DictItem[];
  else {
    const map = ('dictionaries' in body && body.dictionaries && !Array.isArray(body.dictionaries) ? body.dictionaries : body) as Record<string, unknown>;
    for (const [dictCode, items] of Object.entries(map)) {
      if (!Array.isArray(items)) continue;
      for (const item of items as DictItem[]) flat.push({ ...item, dictCode: item.dictCode ?? dictCode });
    }
  }
  const out: Record<string, DictItem[]> = {};
  for (const item of flat) (out[item.dictCode] ??= []).push(item);
  for (const list of Object.values(out)) list.sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
  return out;
}

export function useDictionaries() {
  return useQuery({ queryKey: dictKey, queryFn: async () => groupItems(await api.get<DictResponse>('/dictionaries')), staleTime: 10 * 60_000 });
}

/** Label lookup and select options for the dictionaries, in the current language. */
export function useDict() {
  const { data } = useDictionaries();
  const { pick } = useI18n();
  const items = useCallback((dictCode: string, includeInactive = false): DictItem[] => (data?.[dictCode] ?? []).filter((i) => includeInactive || i.active !== false), [data]);
  const label = useCallback(
    (dictCode: string, code: string | null | undefined): string => {
      if (code === null || code === undefined || code === '') return '—';
      const item = data?.[dictCode]?.find((i) => i.code === code);
      return item ? pick(item.labelZh, item.labelEn) : code;
    },
    [data, pick],
  );
  const options = useCallback((dictCode: string) => items(dictCode).map((i) => ({ value: i.code, label: pick(i.labelZh, i.labelEn) })), [items, pick]);
  const attr = useCallback((dictCode: string, code: string, name: string): unknown => data?.[dictCode]?.find((i) => i.code === code)?.attrs?.[name], [data]);
  return useMemo(() => ({ all: data ?? {}, items, label, options, attr, isLoaded: !!data }), [data, items, label, options, attr]);
}

/** Is this measure category development-type (开发式: 产业, 就业, 金融, 公益岗位)? Read from dictionary attrs. */
export function isDevelopmental(item: DictItem | undefined): boolean {
  const attrs = item?.attrs ?? {};
  return attrs.developmental === true || attrs.development === true || attrs.developmentType === true;
}

export function useSaveDictItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ dictCode, item, isNew }: { dictCode: string; item: Partial<DictItem> & { code: string }; isNew: boolean }) =>
      isNew
        ? api.post<DictItem>(`/dictionaries/${encodeURIComponent(dictCode)}/items`, item)
        : api.patch<DictItem>(`/dictionaries/${encodeURIComponent(dictCode)}/items/${encodeURIComponent(item.code)}`, { ...item, code: undefined }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dictKey }),
  });
}
