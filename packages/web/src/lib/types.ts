// Shapes the web app reads from the HTTP API: the zod-inferred types of `@chanbang/domain` api/, plus the
// import job (its schema is not in the domain yet).

import type {
  AuditEntry as DomainAuditEntry,
  Dashboard as DomainDashboard,
  DictItemView,
  HelperView,
  HouseholdListItem as DomainHouseholdListItem,
  HouseholdView,
  IncomeView,
  MeasureView,
  MonitoringCaseView,
  PersonView,
  RegionDetail as DomainRegionDetail,
  RegionNode as DomainRegionNode,
  Role as DomainRole,
  RuleEvaluation as DomainRuleEvaluation,
  UserView,
} from '@chanbang/domain';

export type Role = DomainRole;
export type User = UserView;
export type RegionNode = DomainRegionNode;
export type RegionLevel = RegionNode['level'];
export type RegionDetail = DomainRegionDetail;
export type DictItem = DictItemView;
export type Page<T> = { items: T[]; total: number; totalCapped?: boolean; page: number; pageSize: number };
export type HouseholdListItem = DomainHouseholdListItem;
export type Person = PersonView;
export type Income = IncomeView;
export type Measure = MeasureView;
export type MonitoringCase = MonitoringCaseView;
export type Helper = HelperView & { helperId?: number; startDate?: string | null; endDate?: string | null };
export type HouseholdDetail = HouseholdView;
export type AuditEntry = DomainAuditEntry;
export type RuleEvaluation = DomainRuleEvaluation;
export type ByRegionRow = RuleEvaluation['byRegion'][number];
export type Dashboard = DomainDashboard;
export type DashboardWarning = Dashboard['warnings'][number];

export type PolicyRule = { id: string; clause: string; titleZh?: string; titleEn?: string; threshold?: number | null; years?: number[]; [key: string]: unknown };
export type PolicyPack = { id: string; nameZh: string; nameEn: string; source?: string; rules: PolicyRule[]; [key: string]: unknown };

export type ImportError = { row: number; column: string; value?: unknown; messageZh: string; messageEn: string; level?: 'error' | 'warning' };

/** A household whose good rows were left out because another of its rows is bad. */
export type ExcludedHousehold = { householdNo: string; headName: string | null; rows: number[]; badRows: number[]; reasonZh: string; reasonEn: string };

/** The file's defaults, changeable in the wizard. */
export type ImportOptions = {
  householdType: 'lifted' | 'monitored' | 'ordinary' | null;
  liftedCategory: string | null;
  monitoringStatus: 'monitoring' | 'eliminated' | null;
  incomeYear: number;
};

/** Summary of a validation run (`result.validation`). */
export type ImportValidation = {
  totalRows: number;
  goodRows: number;
  badRows: number;
  /** good rows left out because another row of their household is bad */
  excludedRows?: number;
  households?: { total: number; good: number; excluded: number };
  excludedHouseholds?: ExcludedHousehold[];
  errorCount?: number;
};

/** Counts of a commit (`result.commit`). */
export type ImportCommit = {
  stagedRows?: number;
  householdsCreated?: number;
  householdsUpdated?: number;
  householdsUnchanged?: number;
  personsCreated?: number;
  personsUpdated?: number;
  personsMoved?: number;
  incomesWritten?: number;
  measuresCreated?: number;
  casesCreated?: number;
  excluded?: { householdNo: string; messageZh: string; messageEn: string }[];
  ms?: number;
};

/** An import job as GET /imports/:id shows it (server modules/imports ImportJobView). */
export type ImportJob = {
  id: number;
  status: 'uploaded' | 'validating' | 'validated' | 'importing' | 'done' | 'failed' | 'cancelled';
  fileName: string;
  headers?: string[] | null;
  fields?: ImportField[];
  suggestedMapping?: Record<string, string>;
  savedMappings?: SavedMapping[];
  mapping?: Record<string, string> | null;
  totalRows: number;
  goodRows: number;
  badRows: number;
  processedRows: number;
  progress?: { phase: string; processed: number; total: number | null } | null;
  errors?: ImportError[] | null;
  result?: { validation?: ImportValidation; commit?: ImportCommit; [key: string]: unknown } | null;
  message?: string | null;
  messageZh?: string | null;
  messageEn?: string | null;
  /** template | national_roster | national_monitoring | other */
  layout?: string | null;
  /** 0-based index of the header row */
  headerRow?: number;
  ignoredHeaders?: string[] | null;
  options?: ImportOptions | null;
  excludedRows?: number;
  warningRows?: number;
  excludedHouseholds?: ExcludedHousehold[];
  warnings?: ImportError[];
  /** the last commit failed and was rolled back */
  commitError?: { messageZh: string; messageEn: string; at: string } | null;
  /** when the job's files (upload, errors.xlsx) were deleted: it ended, or it was idle 7 days; errors.xlsx then answers 410 */
  filesDeletedAt?: string | null;
};

export type SavedMapping = { id: number; name: string; mapping: Record<string, string> };

/** Target fields of the household import, in template order (ARCHITECTURE.md "Import file"). */
export type ImportField = { key: string; labelZh: string; labelEn: string; required: boolean; group?: string | null };
