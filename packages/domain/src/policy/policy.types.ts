import type { PolicyDocument } from './documents.ts';

/**
 * What a rule looks at: the subjects its facts describe. household / person / entity / project / loan: one record
 * each; village: one per administrative village; fund: one per region and year (a county's or a township's money);
 * asset: one per 帮扶项目资产; distribution: one per village and year (its collective industry income and what its
 * distributions paid to 脱贫户 and 监测户, A2).
 */
export type FactsKind =
  | 'household'
  | 'person'
  | 'village'
  | 'fund'
  | 'project'
  | 'entity'
  | 'asset'
  | 'distribution'
  | 'subsidy'
  | 'loan'
  | 'assessment'
  | 'coverage'
  | 'worker'
  | 'employer'
  | 'post'
  | 'job_subsidy';

/** Every facts kind (the server registers one fact gatherer per kind it evaluates). */
export const FACTS_KINDS: readonly FactsKind[] = [
  'household',
  'person',
  'village',
  'fund',
  'project',
  'entity',
  'asset',
  'distribution',
  'subsidy',
  'loan',
  'assessment',
  'coverage',
  'worker',
  'employer',
  'post',
  'job_subsidy',
];

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

/**
 * One subject the rule failed on, with the reason in Chinese and English (for drill-down lists). `key` is the
 * subject's key as its facts kind names it: a household, person, entity, project or loan id as a string, or a
 * region code for village / township / county subjects.
 */
export type RuleFailure = { key: string; regionCode: string; reasonZh: string; reasonEn: string; groupCode?: string };

/** One applicable subject and its outcome (input of {@link RuleResult.records}, stored as rule_results rows). */
export type RuleRecord = {
  key: string;
  regionCode: string;
  met: boolean;
  /** the subject's own figure, where the rule has one (a share 0..1, an amount in 元, a count) */
  value?: number | null;
  /** the threshold this subject was judged against (when it differs by subject, e.g. by year) */
  threshold?: number | null;
  /** a group the subject falls in (H1: labour_unknown, weak_labour …) */
  groupCode?: string;
  /** why, in words (also for met subjects: the sandbox explains both) */
  reasonZh?: string;
  reasonEn?: string;
  /** false: listed for information only (stored with status `listed`), not part of total, met or failing */
  counted?: boolean;
};

/**
 * The unit of a rule's figures, so that no screen guesses it from the number: `share` 0..1 (shown as %), `yuan`
 * an amount in 元 (shown in 元 or 万元), `count` a number of subjects or items (家, 名, 个, 种 …).
 */
export type RuleUnit = 'share' | 'yuan' | 'count';

/** Every rule unit (API enums). */
export const RULE_UNITS: readonly RuleUnit[] = ['share', 'yuan', 'count'];

/** What the evaluation is about: the year judged (a rule not in force that year is not evaluated). */
export type RuleContext = { year: number };

/** The outcome of evaluating one rule over a set of facts. */
export type RuleResult = {
  ruleId: string;
  clause: string;
  /** not_applicable when no record is in the rule's scope */
  status: 'met' | 'not_met' | 'not_applicable';
  /** applicable records */
  total: number;
  met: number;
  /**
   * coverage met ÷ total (0..1, 4 decimals), null when total is 0; for a rule judged on one subject (a county's
   * fund shares) the subject's own value
   */
  value: number | null;
  threshold: number | null;
  failing: RuleFailure[];
  /** every applicable record with its outcome, for roll-ups ({@link rollUpByRegion}) and stored results */
  records?: RuleRecord[];
};

/**
 * Facts of one subject given by value (POST /api/v1/rules/:ruleId/check, the policy sandbox): the schema of the
 * input (documented in OpenAPI) and how it becomes the rule's facts for the judged year.
 */
export type RuleSandbox<F> = {
  /** zod schema of `facts` (z.ZodType; typed loosely so the domain types do not depend on zod's generics) */
  schema: { parse(input: unknown): unknown; safeParse(input: unknown): { success: boolean; data?: unknown; error?: unknown } };
  /** a short example of the facts, for the OpenAPI document and the 试算 form */
  example: unknown;
  toFacts(input: unknown, year: number): F;
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
  /**
   * What the subjects of its results are: `record` (one per fact: a household, person, entity, project, loan),
   * `village`, `township` or `county` (a region code, e.g. F1 judges a county's money, E1 each village). The
   * server re-gathers a changed record's village for `record`/`village` subjects, its township or its county for
   * the others. Default `record`.
   */
  subjectLevel?: 'record' | 'village' | 'township' | 'county';
  /**
   * The region re-gathered when a record of the facts kind changes, when wider than the subject level's: a rule
   * whose subject reads records of other villages (J4: a workshop counts the 脱贫 persons of any village who work
   * there; the dirty mark names the person's village) is re-gathered for its township or county. Default: by
   * `subjectLevel`.
   */
  refreshLevel?: 'township' | 'county';
  /**
   * The unit of one subject's figure (`RuleRecord.value`, and of its `threshold`): a county's industry share
   * `share`, a subsidy's amount `yuan`, a village's cooperatives `count`. A rule whose subjects carry no figure
   * (H1, P1, E3, E4) is read by its coverage met ÷ total: `share`. The coverage of several subjects is always a share.
   */
  unit: RuleUnit;
  /** the unit of the threshold when it differs from `unit` (F5: the share rises, the amount is ≥ 1000 万元) */
  thresholdUnit?: RuleUnit;
  evaluate(facts: F[], config: RuleConfig, ctx: RuleContext): RuleResult;
  sandbox?: RuleSandbox<F>;
  /**
   * Narrowing of the facts the server may gather for this rule (subjects outside it are not applicable whatever
   * their other facts), e.g. H1 `{ householdTypes: ['monitored'] }` from its config. Optional: a speed-up only.
   */
  factsFilter?(config: RuleConfig): Record<string, string[]>;
  /** the groups its records may carry (`groupCode`), in words for drill-down lists */
  groups?: Readonly<Record<string, { labelZh: string; labelEn: string }>>;
};

/** Per-child-region figures of a rule (see {@link rollUpByRegion}). */
export type RegionRollUp = { code: string; total: number; met: number; value: number | null };
