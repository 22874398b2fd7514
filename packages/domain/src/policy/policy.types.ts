import type { PolicyDocument } from './documents.ts';

/**
 * What a rule looks at. Only `household` is evaluated today; the others are the shapes the rest of the
 * DOMAIN.md catalogue will need (person-level coverage, village counts, fund shares, projects, entities, assets).
 */
export type FactsKind = 'household' | 'person' | 'village' | 'fund' | 'project' | 'entity' | 'asset' | 'subsidy' | 'loan' | 'assessment';

/**
 * One rule as configured in a region's policy pack: its thresholds and other parameters are data, never
 * literals in server or web code (STYLE §10).
 */
export type RuleConfig = {
  /** stable rule id from the DOMAIN.md catalogue, e.g. `H1` */
  ruleId: string;
  /** source clause, e.g. `002 §二(一)1` */
  clause: string;
  /** thresholds and options; each rule documents the keys it reads (e.g. `minCoverage`) */
  params: Record<string, unknown>;
  /** years the clause sets the rule for; absent = not limited */
  years?: number[];
  noteZh?: string;
  noteEn?: string;
};

/** 防止返贫监测范围 (monitoring income line) of one province and year, 元 per person per year. */
export type MonitoringLine = {
  /** 2-digit province code */
  provinceCode: string;
  year: number;
  amountYuan: number;
  /** document number or where the figure comes from */
  source: string;
  /** false = placeholder to be replaced by the province's published figure */
  confirmed: boolean;
};

/** 政策包: the rules, thresholds and monitoring lines one region's documents set. */
export type PolicyPack = {
  id: string;
  nameZh: string;
  nameEn: string;
  /** seed document(s) the pack comes from, e.g. `002` or `000, 003` */
  seed: string;
  /** 2-digit province code */
  provinceCode: string;
  /** the documents the rules' clauses cite, with 文号 and title (see formatClause) */
  documents: PolicyDocument[];
  rules: RuleConfig[];
  monitoringLines: MonitoringLine[];
  /** village 公示 at least this many calendar days, both ends included */
  publicityMinDays: number;
  /** lead → county approval within this many days (warning beyond) */
  identificationMaxDays: number;
  /** 风险消除: income stably above the line for at least this many months */
  incomeStableMinMonths: number;
  noteZh?: string;
};

/** One record the rule failed on, with the reason in Chinese and English (for drill-down lists). */
export type RuleFailure = { id: number; regionCode: string; reasonZh: string; reasonEn: string };

/** One applicable record and whether it meets the rule (input of {@link RuleResult.records}). */
export type RuleRecord = { id: number; regionCode: string; met: boolean };

/** The outcome of evaluating one rule over a set of facts. */
export type RuleResult = {
  ruleId: string;
  clause: string;
  /** not_applicable when no record is in the rule's scope */
  status: 'met' | 'not_met' | 'not_applicable';
  /** applicable records */
  total: number;
  met: number;
  /** coverage met ÷ total (0..1, 4 decimals), null when total is 0 */
  value: number | null;
  threshold: number | null;
  failing: RuleFailure[];
  /** every applicable record with its outcome, for roll-ups ({@link rollUpByRegion}) */
  records?: RuleRecord[];
};

/**
 * A rule implementation: a small pure function over facts of one kind, configured by a {@link RuleConfig}.
 * (Method syntax on purpose, so `RuleDefinition<H1Facts>` is usable where `RuleDefinition<unknown>` is expected.)
 */
export type RuleDefinition<F> = {
  id: string;
  titleZh: string;
  titleEn: string;
  factsKind: FactsKind;
  evaluate(facts: F[], config: RuleConfig): RuleResult;
};

/** Per-child-region figures of a rule (see {@link rollUpByRegion}). */
export type RegionRollUp = { code: string; total: number; met: number; value: number | null };
