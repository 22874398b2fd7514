import { fenToYuan, incomeTrend, isIncomeType, sumFen, type IncomeView } from '@chanbang/domain';
import type { IncomeRow } from './incomes.repo.ts';

/** Carried 联农带农 amounts of a household (分) by year and income type. */
export type CarriedDistributionLine = { distributionId: number; year: number; half: number | null; villageName: string | null; kind: string; amountFen: number };

export type CarriedLinkageSum = { year: number; incomeType: string; fen: number };

/** What the year's figures hold from linkages (元 by type), or undefined when nothing was carried into it. */
function fromLinkages(carried: CarriedLinkageSum[], year: number): IncomeView['fromLinkages'] {
  const mine = carried.filter((c) => c.year === year && isIncomeType(c.incomeType) && c.fen !== 0);
  if (mine.length === 0) return undefined;
  const of = (t: string) => fenToYuan(sumFen(mine.filter((c) => c.incomeType === t).map((c) => c.fen)));
  return { wage: of('wage'), business: of('business'), property: of('property'), transfer: of('transfer') };
}

/**
 * Income rows with 家庭纯收入, 人均纯收入 and year-on-year change from the domain; `carried` (linkages carried into
 * the figures) adds the source `fromLinkages` to the years it concerns.
 */
export function toIncomeViews(rows: IncomeRow[], carried: CarriedLinkageSum[] = [], distributed: CarriedDistributionLine[] = []): IncomeView[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return incomeTrend(rows).map((t) => {
    const r = byYear.get(t.year) as IncomeRow;
    const source = fromLinkages(carried, t.year);
    const dist = distributed.filter((d) => d.year === t.year && d.amountFen !== 0);
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
      ...(source ? { fromLinkages: source } : {}),
      ...(dist.length
        ? {
            fromDistributions: dist.map((d) => ({
              distributionId: d.distributionId,
              villageName: d.villageName,
              half: d.half,
              incomeType: d.kind === 'work' ? ('wage' as const) : ('property' as const),
              amountYuan: fenToYuan(d.amountFen),
            })),
          }
        : {}),
      version: r.version,
    };
  });
}
