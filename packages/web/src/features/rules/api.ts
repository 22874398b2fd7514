import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { RuleUnit } from '@chanbang/domain';
import { api } from '../../lib/api-client.ts';

/** Outcome of a rule for a region and year (GET /rules, /rules/:id/evaluate, POST /rules/:id/check). */
export type RuleStatus = 'met' | 'not_met' | 'not_applicable' | 'not_in_force' | 'not_implemented';

/** One rule of the county's pack with its figure (GET /api/v1/rules, dashboard.rules). */
export type RuleSummary = {
  ruleId: string;
  titleZh: string;
  titleEn: string;
  clause: string;
  clauseText: string;
  years?: number[] | null;
  inForce: boolean;
  implemented: boolean;
  status: RuleStatus | string;
  value: number | null;
  threshold: number | null;
  /** unit of value and of threshold (share, yuan, count): the figures are formatted from them */
  unit: RuleUnit;
  thresholdUnit: RuleUnit;
  total: number;
  met: number;
  paramsTextZh?: string | null;
  paramsTextEn?: string | null;
  sandbox?: { example: unknown } | null;
};

export type RuleList = { countyCode: string; packId: string; packNameZh: string; packNameEn?: string; year: number; rules: RuleSummary[] };

export type RuleRegionRow = {
  code: string;
  name: string;
  total: number;
  met: number;
  value: number | null;
  /** unit of value: share for met ÷ total, else the rule's unit of one subject's figure (absent: share) */
  unit?: RuleUnit;
  status?: RuleStatus | string;
  drill?: Record<string, string>;
};

/** A subject failing the rule (a household, project, entity, a village or a county's money). */
export type RuleFailingItem = {
  key: string;
  regionCode: string;
  regionName?: string | null;
  label?: string | null;
  reasonZh: string;
  reasonEn: string;
  groupCode?: string | null;
  link?: string | null;
  status?: RuleStatus | string;
};

export type RuleGroup = { code: string; labelZh: string; labelEn: string; count: number };

export type RuleDrill = Omit<RuleSummary, 'inForce' | 'implemented' | 'sandbox' | 'paramsTextZh'> & {
  year: number;
  factsKind?: string;
  subjectLevel?: string;
  paramsTextZh?: string | null;
  byRegion: RuleRegionRow[];
  failing: RuleFailingItem[];
  failingTotal: number;
  groups: RuleGroup[];
  drill?: Record<string, string>;
};

export type RuleResultsPage = { items: RuleFailingItem[]; total: number; page: number; pageSize: number };

export type RuleCheckBody = { packId: string; year: number; facts: unknown };
export type RuleCheckAnswer = {
  status: RuleStatus | string;
  value: number | null;
  threshold: number | null;
  unit: RuleUnit;
  thresholdUnit: RuleUnit;
  clause: string;
  clauseText: string;
  reasonZh: string;
  reasonEn: string;
};

export function useRules(regionCode: string | undefined, year: number) {
  return useQuery({
    queryKey: ['rules', regionCode ?? '', year],
    queryFn: () => api.get<RuleList>('/rules', { regionCode, year }),
    placeholderData: keepPreviousData,
  });
}

export function useRuleDrill(ruleId: string, regionCode: string | undefined, year: number) {
  return useQuery({
    queryKey: ['rules', ruleId, 'evaluate', regionCode ?? '', year],
    queryFn: () => api.get<RuleDrill>(`/rules/${encodeURIComponent(ruleId)}/evaluate`, { regionCode, year }),
    placeholderData: keepPreviousData,
  });
}

export type RuleResultsQuery = { regionCode?: string; year: number; status?: string; group?: string; page: number; pageSize: number };

export function useRuleResults(ruleId: string, q: RuleResultsQuery, enabled = true) {
  return useQuery({
    queryKey: ['rules', ruleId, 'results', q],
    queryFn: () => api.get<RuleResultsPage>(`/rules/${encodeURIComponent(ruleId)}/results`, q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 试算: judge facts typed into the form against a pack (nothing is stored). */
export function useRuleCheck() {
  return useMutation({
    mutationFn: ({ ruleId, body }: { ruleId: string; body: RuleCheckBody }) => api.post<RuleCheckAnswer>(`/rules/${encodeURIComponent(ruleId)}/check`, body),
  });
}

/** Years the selectors offer (the seeds' rules run 2021–2026). */
export const RULE_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;

export function defaultRuleYear(): number {
  const y = new Date().getFullYear();
  return Math.min(Math.max(y, RULE_YEARS[0]), RULE_YEARS[RULE_YEARS.length - 1]!);
}
