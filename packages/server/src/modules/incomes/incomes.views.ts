import { incomeTrend, type IncomeView } from '@chanbang/domain';
import type { IncomeRow } from './incomes.repo.ts';

/** Income rows with 家庭纯收入, 人均纯收入 and year-on-year change from the domain. */
export function toIncomeViews(rows: IncomeRow[]): IncomeView[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return incomeTrend(rows).map((t) => {
    const r = byYear.get(t.year) as IncomeRow;
    return {
      year: t.year,
      wage: r.wage,
      business: r.business,
      businessExpense: r.businessExpense,
      property: r.property,
      transfer: r.transfer,
      claimIncome: r.claimIncome,
      compliantSelfPaid: r.compliantSelfPaid,
      memberCount: r.memberCount,
      netIncome: t.netIncome,
      perCapita: t.perCapita,
      yoyChange: t.yoyChange,
      yoyRate: t.yoyRate,
      version: r.version,
    };
  });
}
