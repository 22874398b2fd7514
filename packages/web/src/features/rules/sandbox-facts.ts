import { S1_KIND_INFO, S1_KINDS } from '@chanbang/domain';

/**
 * The 试算 (policy sandbox) forms' facts: which form a rule gets, the fund-years table's rows and the words for
 * the fields of a rule's example (officers read labels, never keys). Pure functions, tested in sandbox-facts.test.ts.
 */

export type SandboxKind = 'fund_years' | 'p3' | 'h1' | 'generic';

/** F1–F4 take a table of years × amounts; P3 and H1 have their own forms; other rules one built from their example. */
export function sandboxKind(ruleId: string): SandboxKind {
  if (/^F[1-4]$/.test(ruleId)) return 'fund_years';
  if (ruleId === 'P3') return 'p3';
  if (ruleId === 'H1') return 'h1';
  return 'generic';
}

/** Rules with a form even when the county's pack does not list an example for them. */
export function hasBuiltInForm(ruleId: string): boolean {
  return sandboxKind(ruleId) !== 'generic';
}

export type FundYearRow = { year: number; linkageFundYuan: number | null; industryYuan: number | null; leadingChainYuan: number | null };
export type FundYearKey = 'linkageFundYuan' | 'industryYuan' | 'leadingChainYuan';

/** The fund columns a rule reads (F4 also the money for the leading industries' full chains). */
export function fundColumns(ruleId: string): FundYearKey[] {
  return ruleId === 'F4' ? ['linkageFundYuan', 'industryYuan', 'leadingChainYuan'] : ['linkageFundYuan', 'industryYuan'];
}

/** The year judged and the one before (F1, F2 compare with last year). */
export function initialFundRows(year: number): FundYearRow[] {
  return [year - 1, year].map((y) => ({ year: y, linkageFundYuan: null, industryYuan: null, leadingChainYuan: null }));
}

/** Rows → `{ years: { "2022": { linkageFundYuan, industryYuan } } }`; blank cells are left out (the server names them). */
export function fundFacts(rows: readonly FundYearRow[], columns: readonly FundYearKey[]): { years: Record<string, Partial<Record<FundYearKey, number>>> } {
  const years: Record<string, Partial<Record<FundYearKey, number>>> = {};
  for (const row of [...rows].sort((a, b) => a.year - b.year)) {
    const cell: Partial<Record<FundYearKey, number>> = {};
    for (const c of columns) if (row[c] !== null && row[c] !== undefined) cell[c] = row[c];
    years[String(row.year)] = cell;
  }
  return { years };
}

/** Rows from an example's year map (`{ "2022": { … } }`), kept in year order. */
export function fundRowsFrom(example: unknown, year: number): FundYearRow[] {
  const years = (example as { years?: Record<string, Record<string, unknown>> } | null)?.years;
  if (!years || typeof years !== 'object') return initialFundRows(year);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return Object.entries(years)
    .filter(([y]) => /^\d{4}$/.test(y))
    .map(([y, v]) => ({ year: Number(y), linkageFundYuan: num(v?.linkageFundYuan), industryYuan: num(v?.industryYuan), leadingChainYuan: num(v?.leadingChainYuan) }))
    .sort((a, b) => a.year - b.year);
}

/** A plain object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map keyed by years (`{ "2022": {…}, "2023": {…} }`): shown as the years table. */
export function isYearMap(v: unknown): v is Record<string, Record<string, unknown>> {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => /^\d{4}$/.test(k)) && Object.values(v).every(isRecord);
}

export type FieldShape =
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'tags' }
  | { kind: 'yearMap'; columns: string[] }
  | { kind: 'group'; fields: [string, FieldShape][] }
  | { kind: 'list'; item: FieldShape };

/** The form a value of an example calls for: numbers → number box, booleans → switch, string lists → tags … */
export function shapeOf(v: unknown): FieldShape {
  if (typeof v === 'number') return { kind: 'number' };
  if (typeof v === 'boolean') return { kind: 'boolean' };
  if (Array.isArray(v)) {
    if (v.length && v.every(isRecord)) return { kind: 'list', item: shapeOf(v[0]) };
    return { kind: 'tags' };
  }
  if (isYearMap(v)) {
    const cols = new Set<string>();
    for (const row of Object.values(v)) for (const k of Object.keys(row)) cols.add(k);
    return { kind: 'yearMap', columns: [...cols] };
  }
  if (isRecord(v)) return { kind: 'group', fields: Object.entries(v).map(([k, x]) => [k, shapeOf(x)]) };
  return { kind: 'text' };
}

/** Field words of the sandboxes' facts (labels, never keys, on screen). */
const FIELD_WORDS: Record<string, [string, string]> = {
  years: ['各年度资金', 'Funds by year'],
  year: ['年度', 'Year'],
  linkageFundYuan: ['衔接资金总额（元）', 'Linkage funds (yuan)'],
  industryYuan: ['用于产业发展的资金（元）', 'Funds for industry (yuan)'],
  leadingChainYuan: ['主导产业全链条资金（元）', 'Leading-industry full-chain funds (yuan)'],
  projectType: ['项目类型', 'Project type'],
  linkageModes: ['联农带农方式', 'Farmer-linkage modes'],
  householdType: ['户类型', 'Household type'],
  outOfProvince: ['省外务工（跨省就业）', 'Working outside the province'],
  selfEmployed: ['自主创业（个体经营）', 'Self-employed (individual business)'],
  workMonths: ['在本主体务工时间（月）', 'Months worked for the entity'],
  paidYuan: ['已发放金额（元，0 表示未发放）', 'Amount paid (yuan, 0 = not paid)'],
  monitoringStatus: ['监测状态', 'Monitoring status'],
  laborCapacities: ['家庭成员劳动能力', 'Members’ labour capacity'],
  unrecordedLabour: ['劳动能力未采集的成员数', 'Members whose labour capacity is not recorded'],
  measureCategories: ['已落实帮扶措施类别', 'Support measures in place'],
  amountYuan: ['金额（元）', 'Amount (yuan)'],
  plannedIndustryYuan: ['计划用于产业发展的资金（元）', 'Planned industry funds (yuan)'],
  plannedTotalYuan: ['计划衔接资金总额（元）', 'Planned linkage funds (yuan)'],
  cooperatives: ['农民专业合作社', 'Farmers’ cooperatives'],
  name: ['名称', 'Name'],
  backbones: ['农业技术骨干人数', 'Agricultural technicians'],
  partyLed: ['党支部领办', 'Led by the Party branch'],
  villageBackbones: ['本村农业技术骨干人数', 'Village agricultural technicians'],
  partyLedCollectives: ['党支部领办的村集体经济组织', 'Party-led village collectives'],
  drivenBy: ['带动本村的龙头企业和合作社', 'Leading enterprises and cooperatives driving the village'],
  libraryIndustryYuan: ['项目库内产业项目资金（元）', 'Industry projects in the library (yuan)'],
  librarySpecialtyYuan: ['其中优势特色产业项目资金（元）', 'Of which specialty-industry projects (yuan)'],
  leadingIndustries: ['特色主导产业个数', 'Leading industries chosen'],
  annualRate: ['年利率（%）', 'Annual rate (%)'],
  needsAndCanRepay: ['有贷款需求且具备还款能力', 'Needs a loan and can repay'],
  claimedYuanPerMu: ['申报每亩补贴（元）', 'Claimed subsidy per mu (yuan)'],
  budgetYuan: ['预算（元）', 'Budget (yuan)'],
  totalYuan: ['总额（元）', 'Total (yuan)'],
  industryPlanYuan: ['产业发展计划资金（元）', 'Planned industry funds (yuan)'],
  planYuan: ['计划资金（元）', 'Planned funds (yuan)'],
  subsidyYuan: ['补贴金额（元）', 'Subsidy (yuan)'],
  principalYuan: ['贷款本金（元）', 'Loan principal (yuan)'],
  loanYuan: ['贷款金额（元）', 'Loan amount (yuan)'],
  incomeYuan: ['收益（元）', 'Income (yuan)'],
  assetValueYuan: ['资产价值（元）', 'Asset value (yuan)'],
  yearIncomeYuan: ['本年度资产运营收益（元）', 'Income of the year (yuan)'],
  benchmarkRate: ['同期银行基准利率（%，不填按政策包）', 'Bank benchmark rate (%, the pack’s when empty)'],
  collectiveIncomeYuan: ['村集体产业收益（元）', 'Village collective industry income (yuan)'],
  employeeCount: ['园区（车间）职工人数', 'Employees of the park (workshop)'],
  liftedEmployed: ['其中脱贫人口', 'Of them lifted persons'],
  toLiftedMonitoredYuan: ['其中分配给脱贫户和监测户（元）', 'Of which to lifted and monitored households (yuan)'],
  dividendYuan: ['分红（元）', 'Dividend (yuan)'],
  areaMu: ['面积（亩）', 'Area (mu)'],
  contiguousMu: ['集中连片面积（亩）', 'Contiguous area (mu)'],
  mu: ['面积（亩）', 'Area (mu)'],
  item: ['补贴项目', 'Subsidy item'],
  termMonths: ['期限（月）', 'Term (months)'],
  termYears: ['期限（年）', 'Term (years)'],
  interestRate: ['利率', 'Interest rate'],
  ratePercent: ['利率（%）', 'Rate (%)'],
  householdCount: ['带动户数', 'Households linked'],
  linkedHouseholds: ['联结农户数', 'Households linked'],
  liftedHouseholds: ['带动脱贫户数', 'Lifted households linked'],
  beneficiaries: ['受益户数', 'Beneficiary households'],
  employees: ['吸纳就业人数', 'People employed'],
  hasPlan: ['已编制规划', 'Plan in place'],
  hasAgreement: ['已签订带农协议', 'Linkage agreement signed'],
  isIndustry: ['产业项目', 'Industry project'],
  township: ['乡镇', 'Township'],
  townships: ['乡镇', 'Townships'],
  riskEliminated: ['风险已消除', 'Risk eliminated'],
  hasLabor: ['有劳动能力', 'Has labour capacity'],
  stage: ['项目阶段', 'Project stage'],
  age: ['年龄（本年度）', 'Age this year'],
  hasLabour: ['有劳动能力', 'Has labour capacity'],
  wantsWork: ['有就业意愿', 'Wants work'],
  wantsTraining: ['有培训意愿', 'Wants training'],
  hasJob: ['有就业岗位', 'Has a job'],
  skills: ['掌握技能', 'Skills'],
  trainingsThisYear: ['本年度参加培训次数', 'Trainings this year'],
  status: ['状态', 'Status'],
  kind: ['类别', 'Kind'],
  category: ['类别', 'Category'],
  level: ['级别', 'Level'],
  count: ['数量', 'Count'],
  share: ['占比', 'Share'],
};

/** A field's label; an unknown key is split into words ("farmerCount" → "farmer count") rather than shown raw. */
export function fieldWords(key: string): [string, string] {
  const known = FIELD_WORDS[key];
  if (known) return known;
  const spaced = key
    .replace(/Yuan$/, ' (yuan)')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return [spaced, spaced];
}

/** Words of a fund column for one rule (F2 compares specialty-industry money with the industry-project money). */
export function fundColumnWords(ruleId: string, key: FundYearKey): [string, string] {
  if (ruleId === 'F2' && key === 'linkageFundYuan') return ['产业项目资金（元）', 'Industry-project funds (yuan)'];
  if (ruleId === 'F2' && key === 'industryYuan') return ['特色产业资金（含配套水电路，元）', 'Specialty-industry funds incl. water/power/roads (yuan)'];
  if (ruleId === 'F3' && key === 'linkageFundYuan') return ['市级安排到县的衔接资金（元）', 'Linkage funds the city allocates to counties (yuan)'];
  return FIELD_WORDS[key]!;
}

/** Where a 400 issue of a check points (`facts.years.2023.industryYuan`) in words: 2023 年 · 用于产业发展的资金（元）. */
export function sandboxPathWords(path: string | undefined, ruleId: string, lang: 'zh' | 'en'): string {
  if (!path) return '';
  const parts = path.split(/[./]/).filter((p) => p && !['body', 'facts'].includes(p));
  const out: string[] = [];
  for (const p of parts) {
    if (/^\d{4}$/.test(p)) out.push(lang === 'zh' ? `${p} 年` : p);
    else if (/^\d+$/.test(p)) out.push(lang === 'zh' ? `第 ${Number(p) + 1} 项` : `item ${Number(p) + 1}`);
    else if (p === 'years') continue;
    else {
      const w: [string, string] =
        p === 'linkageFundYuan' || p === 'industryYuan' || p === 'leadingChainYuan'
          ? fundColumnWords(ruleId, p)
          : p === 'packId'
            ? ['政策包', 'Policy pack']
            : p === 'year'
              ? ['年度', 'Year']
              : fieldWords(p);
      out.push(lang === 'zh' ? w[0] : w[1]);
    }
  }
  return out.join(' · ');
}

/** Choices of a text field whose example is a known code (S1 补助类别), in words; null = free text. */
export function fieldChoices(example: unknown): { value: string; zh: string; en: string }[] | null {
  if (typeof example === 'string' && (S1_KINDS as readonly string[]).includes(example)) {
    return S1_KINDS.map((k) => ({ value: k, zh: S1_KIND_INFO[k].labelZh, en: S1_KIND_INFO[k].labelEn }));
  }
  return null;
}

/** What a schema message says, in officer words (zod's English detail never reaches the screen). */
function issueWords(detail: string, lang: 'zh' | 'en'): string {
  const m = detail.toLowerCase();
  const say = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  if (/received undefined|required|received null/.test(m)) return say('必须填写', 'is required');
  if (/expected number|nan/.test(m)) return say('应填写数字', 'must be a number');
  if (/decimal|multiple of/.test(m)) return say('最多两位小数', 'at most 2 decimals');
  if (/too small|at least|>=|too_small/.test(m)) return say('小于允许的最小值', 'is below the minimum');
  if (/too big|at most|<=|too_big/.test(m)) return say('超过允许的最大值', 'is above the maximum');
  if (/expected (string|array|boolean|object)|invalid option|expected one of/.test(m)) return say('不是可选的值', 'is not one of the choices');
  return say('填写不正确', 'is not valid');
}

/**
 * One 400 issue of a 试算 in words: where (2023 年 · 用于产业发展的资金（元）) and what. A message that quotes the
 * field key (the server's generic "facts.x 不正确：…") is said in words; a worded one (money rules) is kept.
 */
export function sandboxIssueText(issue: { path?: string; messageZh?: string; messageEn?: string; message?: string }, ruleId: string, lang: 'zh' | 'en'): string {
  const where = sandboxPathWords(issue.path, ruleId, lang);
  const raw = (lang === 'zh' ? (issue.messageZh ?? issue.messageEn) : (issue.messageEn ?? issue.messageZh)) ?? issue.message ?? '';
  const quotesKey = !!issue.path && raw.includes(issue.path);
  const generic = quotesKey || /[a-z]{3,}/.test(raw.replace(/[（(].*?[)）]/g, '')) || !raw;
  const what = generic ? issueWords((issue.messageEn ?? issue.message ?? raw).replace(/^[^:]*:\s*/, ''), lang) : raw;
  return where ? `${where}${lang === 'zh' ? '：' : ': '}${what}` : what;
}
