// Shapes the web app reads from the HTTP API (docs/ARCHITECTURE.md). Kept loose where the server may
// add fields; switch to the zod-inferred types of `@chanbang/domain` api/ as they land.

export type Role = 'admin' | 'county_officer' | 'township_officer' | 'village_officer' | 'viewer';

export type User = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName?: string;
  locale?: string;
  phone?: string | null;
  disabled?: boolean;
};

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'group';

export type RegionNode = { code: string; name: string; level: RegionLevel; children?: RegionNode[] };

export type RegionDetail = RegionNode & {
  parentCode?: string | null;
  path?: { code: string; name: string; level: RegionLevel }[];
  householdCounts?: Record<string, number>;
};

export type DictItem = {
  dictCode: string;
  code: string;
  labelZh: string;
  labelEn: string;
  parentCode?: string | null;
  attrs?: Record<string, unknown>;
  sort?: number;
  active?: boolean;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type HouseholdListItem = {
  id: number;
  householdNo: string;
  regionCode: string;
  regionName?: string;
  householdType: string;
  monitoringType?: string | null;
  monitoringStatus?: string;
  riskTypes?: string[];
  headName?: string | null;
  headIdNumber?: string | null;
  memberCount?: number;
  phone?: string | null;
  warnings?: string[];
};

export type Person = {
  id: number;
  householdId?: number;
  name: string;
  idNumber: string;
  gender?: string;
  birthDate?: string;
  relation: string;
  isHead?: boolean;
  laborCapacity?: string | null;
  healthStatus?: string | null;
  education?: string | null;
  employmentStatus?: string | null;
  employmentPlace?: string | null;
  phone?: string | null;
};

export type Income = {
  year: number;
  wage: number;
  business: number;
  businessExpense: number;
  property: number;
  transfer: number;
  memberCount: number;
  /** 家庭纯收入 (server-computed with the domain's computeIncome) */
  netIncome?: number;
  /** 人均纯收入 */
  perCapita?: number;
  /** change of 人均纯收入 against the previous year, in yuan */
  yoyChange?: number | null;
  /** yoyChange ÷ last year's perCapita */
  yoyRate?: number | null;
};

export type Measure = {
  id: number;
  category: string;
  description?: string | null;
  year: number;
  startDate?: string | null;
  endDate?: string | null;
  helperId?: number | null;
  amountYuan?: number | null;
  developmental?: boolean;
};

export type MonitoringCase = {
  id: number;
  monitoringType: string;
  leadSource?: string | null;
  leadDate?: string | null;
  homeVisitDate?: string | null;
  infoCheckDate?: string | null;
  villageReviewDate?: string | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  townshipReviewDate?: string | null;
  countyApprovalDate?: string | null;
  status: string;
  eliminationMethod?: string | null;
  eliminationDate?: string | null;
  incomeStableSince?: string | null;
  note?: string | null;
};

export type Helper = {
  id: number;
  helperId?: number;
  name: string;
  role: string;
  organisation?: string | null;
  phone?: string | null;
  regionCode?: string;
  startDate?: string | null;
  endDate?: string | null;
};

export type HouseholdDetail = HouseholdListItem & {
  address?: string | null;
  liftedYear?: number | null;
  housingSecure?: boolean;
  waterSecure?: boolean;
  educationSecure?: boolean;
  medicalSecure?: boolean;
  note?: string | null;
  members: Person[];
  incomes: Income[];
  measures: Measure[];
  monitoringCases: MonitoringCase[];
  helpers: Helper[];
};

export type AuditEntry = {
  id: number;
  at: string;
  actorId?: number | null;
  actorName?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
};

export type ByRegionRow = { code: string; name: string; total: number; met: number; value: number | null };

export type RuleEvaluation = {
  ruleId: string;
  clause: string;
  status: string;
  value: number | null;
  threshold: number | null;
  byRegion: ByRegionRow[];
  records?: number[];
  titleZh?: string;
  titleEn?: string;
};

export type DashboardWarning = {
  ruleId?: string;
  code?: string;
  regionCode?: string;
  regionName?: string;
  householdId?: number;
  householdNo?: string;
  headName?: string;
  count?: number;
  messageZh: string;
  messageEn: string;
};

export type Dashboard = {
  region: { code: string; name: string; level: RegionLevel };
  countsByType: Record<string, number>;
  byChild: { code: string; name: string; level?: RegionLevel; counts: Record<string, number> }[];
  h1: RuleEvaluation;
  warnings: DashboardWarning[];
};

export type PolicyRule = {
  id: string;
  titleZh?: string;
  titleEn?: string;
  clause: string;
  threshold?: number | null;
  years?: number[];
  [key: string]: unknown;
};

export type PolicyPack = { id: string; nameZh: string; nameEn: string; source?: string; rules: PolicyRule[] };

export type ImportError = { row: number; column: string; value?: unknown; messageZh: string; messageEn: string };

export type ImportJob = {
  id: number;
  status: 'uploaded' | 'validating' | 'validated' | 'importing' | 'done' | 'failed' | 'cancelled';
  fileName: string;
  headers?: string[];
  suggestedMapping?: Record<string, string>;
  savedMappings?: SavedMapping[];
  mapping?: Record<string, string> | null;
  totalRows: number;
  goodRows: number;
  badRows: number;
  processedRows: number;
  goodHouseholds?: number;
  badHouseholds?: number;
  errorCount?: number;
  errors?: ImportError[];
  result?: Record<string, unknown> | null;
  message?: string | null;
};

export type SavedMapping = { id: number; name: string; mapping: Record<string, string> };

/** Target fields of the household import, in template order (ARCHITECTURE.md "Import file"). */
export type ImportField = { key: string; labelZh: string; labelEn: string; required: boolean };
