import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { ByRegionRow, Dashboard, DashboardWarning, RuleEvaluation } from '../../lib/types.ts';

type CountList = { householdType?: string; type?: string; code?: string; count: number }[];
type RawChild = { code: string; name: string; level?: Dashboard['byChild'][number]['level']; counts?: Record<string, number> | CountList; byType?: Record<string, number> | CountList };
type RawDashboard = Partial<Omit<Dashboard, 'countsByType' | 'byChild' | 'h1'>> & {
  countsByType?: Record<string, number> | CountList;
  householdsByType?: Record<string, number> | CountList;
  byChild?: RawChild[];
  byRegion?: RawChild[];
  children?: RawChild[];
  h1?: Partial<RuleEvaluation>;
  h1Coverage?: Partial<RuleEvaluation>;
  warnings?: DashboardWarning[];
};

function toCounts(value: Record<string, number> | CountList | undefined): Record<string, number> {
  if (!value) return {};
  if (!Array.isArray(value)) return value;
  const out: Record<string, number> = {};
  for (const row of value) {
    const key = row.householdType ?? row.type ?? row.code;
    if (key) out[key] = (out[key] ?? 0) + row.count;
  }
  return out;
}

/** Tolerate small shape differences between server versions and give the page one shape. */
export function normaliseDashboard(raw: RawDashboard, regionCode: string | undefined): Dashboard {
  const h1 = raw.h1 ?? raw.h1Coverage ?? {};
  const children = raw.byChild ?? raw.byRegion ?? raw.children ?? [];
  return {
    region: raw.region ?? { code: regionCode ?? '', name: regionCode ?? '', level: 'county' },
    countsByType: toCounts(raw.countsByType ?? raw.householdsByType),
    byChild: children.map((c) => ({ code: c.code, name: c.name, level: c.level, counts: toCounts(c.counts ?? c.byType) })),
    h1: {
      ruleId: h1.ruleId ?? 'H1',
      clause: h1.clause ?? '',
      status: h1.status ?? 'unknown',
      value: h1.value ?? null,
      threshold: h1.threshold ?? null,
      byRegion: (h1.byRegion ?? []) as ByRegionRow[],
      records: h1.records,
      titleZh: h1.titleZh,
      titleEn: h1.titleEn,
    },
    warnings: raw.warnings ?? [],
  };
}

export function useDashboard(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', regionCode ?? ''],
    queryFn: async () => normaliseDashboard(await api.get<RawDashboard>('/dashboard', { regionCode }), regionCode),
  });
}
