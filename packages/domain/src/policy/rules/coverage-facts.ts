import { computeIncomeFen, type IncomeInput } from '../../income/income.ts';

/** One year's recorded household income (元 as stored, exact to the 分) and the household size it is divided by. */
export type CoverageIncomeYear = IncomeInput & { memberCount: number };

/**
 * The facts of one 脱贫户 or 监测户 for 三有一持续 (factsKind `coverage`: H2, H3, H5, and H6 aggregated per village),
 * gathered by the server's coverage gatherer in one statement for the judged year.
 */
export type CoverageFacts = {
  householdId: number;
  /** the household's village */
  regionCode: string;
  /** dict household_type (lifted | monitored) */
  householdType: string;
  /** 是否脱贫户 (a 脱贫户 may be a 监测对象 at the same time) */
  isLifted: boolean;
  /** dict labor_capacity of each member in the registry (not recorded = left out) */
  laborCapacities: string[];
  /** members whose labour capacity is not recorded */
  unrecordedLabour: number;
  /** dict measure_category of the household's measures in force in the judged year (see measurePeriod) */
  measureCategories: string[];
  /** 产业发展 projects (funded or later, planned in or before the judged year) the household benefits from */
  industryProjects: number;
  /** 联农带农 linkages of the judged year, and the money they brought the household that year (分) */
  linkages: number;
  linkageIncomeFen: number;
  /** members in work: an employment status other than 未务工, or an employment channel */
  workers: number;
  /** a member held a 公益性岗位 during the judged year */
  publicPost: boolean;
  /** household_incomes of the judged year and of the year before (null = not recorded) */
  income: CoverageIncomeYear | null;
  prevIncome: CoverageIncomeYear | null;
  /**
   * 当地农民人均可支配收入 of the nearest region above the village with a figure for the judged year (township, then
   * county, city, province), with that region's figure of the year before (null = not entered); null = none entered.
   */
  local: { regionCode: string; incomeFen: number; prevIncomeFen: number | null } | null;
};

type YearFen = { netIncomeFen: number; perCapitaFen: number; memberCount: number };
/**
 * Net and per-capita income of a recorded year object, computed once and kept on the object under a symbol (facts
 * are not changed after gathering; a WeakMap of 130 000 entries made the garbage collector's work heavier than the sums).
 */
const COMPUTED = Symbol('incomeFen');
type WithFen = CoverageIncomeYear & { [COMPUTED]?: YearFen };

/** Net income and per-capita income of a recorded year in 分 (the domain's income function); null when not usable. */
export function incomeFenOf(y: CoverageIncomeYear | null): YearFen | null {
  if (!y || !Number.isInteger(y.memberCount) || y.memberCount < 1) return null;
  // H2, H5 and H6 read the same facts (shared within one refresh): each recorded year is computed once
  const w = y as WithFen;
  return (w[COMPUTED] ??= { ...computeIncomeFen(y, y.memberCount), memberCount: y.memberCount });
}

/** 生产经营性净收入 (business − business expense) of a recorded year, in 分; 0 when not recorded. */
export function businessNetFen(y: CoverageIncomeYear | null): number {
  if (!y) return 0;
  return computeIncomeFen({ wage: 0, property: 0, transfer: 0, business: y.business, businessExpense: y.businessExpense }, 1).netIncomeFen;
}

/** The year's per-capita income fell below the year before (both recorded). */
export function incomeFell(f: CoverageFacts): { fell: boolean; curFen: number | null; prevFen: number | null } {
  const cur = incomeFenOf(f.income);
  const prev = incomeFenOf(f.prevIncome);
  return { fell: !!cur && !!prev && cur.perCapitaFen < prev.perCapitaFen, curFen: cur?.perCapitaFen ?? null, prevFen: prev?.perCapitaFen ?? null };
}
