import { A2_HOUSEHOLD_TYPES, fenToYuan, formatClause, numberParam, type DistributionView, type PolicyPack } from '@chanbang/domain';
import type { FoundDistribution, LineRow } from './distributions.repo.ts';

export type DistributionPolicy = DistributionView['policy'];

/**
 * A2 of the county's own pack (004 §五 in the Xinxiang pack): its minShare and clause; a pack without A2 sets no share,
 * and the note says so (a distribution is then not refused for its share).
 */
export function distributionPolicyOf(pack: PolicyPack): DistributionPolicy {
  const a2 = pack.rules.find((r) => r.ruleId === 'A2');
  if (!a2) {
    return {
      minShare: null,
      clause: '',
      noteZh: '本县政策包未规定村集体产业收益用于脱贫户和监测户的最低比例，确认分配时不作比例限制',
      noteEn: "The county's policy pack sets no minimum share of collective industry income for lifted and monitored households: none is required at confirmation",
    };
  }
  return { minShare: numberParam(a2, 'minShare'), clause: formatClause(pack, a2.clause), noteZh: null, noteEn: null };
}

export const isA2Household = (type: string): boolean => (A2_HOUSEHOLD_TYPES as readonly string[]).includes(type);

type Totals = { totalFen: number; lmFen: number };

/** 分配给脱贫户和监测户 ÷ 村集体产业收益, 4 decimals (half up), as A2 shows it. */
export function shareOf(t: Totals, collectiveIncomeFen: number): number | null {
  if (collectiveIncomeFen <= 0) return null;
  return Math.round((t.lmFen * 10000) / collectiveIncomeFen) / 10000;
}

export function toDistributionHead(f: FoundDistribution, t: Totals, policy: DistributionPolicy): Omit<DistributionView, 'lines'> {
  const d = f.d;
  return {
    id: d.id,
    regionCode: d.regionCode,
    regionName: f.regionName,
    year: d.year,
    half: d.half,
    collectiveIncomeYuan: fenToYuan(d.collectiveIncomeFen),
    totalYuan: fenToYuan(t.totalFen),
    liftedMonitoredYuan: fenToYuan(t.lmFen),
    share: shareOf(t, d.collectiveIncomeFen),
    minShare: policy.minShare,
    policy,
    status: d.status as DistributionView['status'],
    confirmedAt: d.confirmedAt ? d.confirmedAt.toISOString() : null,
    confirmedByName: f.confirmedByName,
    note: d.note,
    version: d.version,
  };
}

export function toDistributionView(f: FoundDistribution, lines: LineRow[], policy: DistributionPolicy): DistributionView {
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  const lmFen = lines.filter((l) => isA2Household(l.householdType)).reduce((a, l) => a + l.amountFen, 0);
  return {
    ...toDistributionHead(f, { totalFen, lmFen }, policy),
    lines: lines.map((l) => ({
      id: l.lineId,
      householdId: l.id,
      householdNo: l.householdNo,
      headName: l.headName,
      householdType: l.householdType,
      hasLabor: l.hasLabor,
      kind: l.kind as 'work' | 'base',
      workUnits: l.workUnits,
      amountYuan: fenToYuan(l.amountFen),
      carriedAt: l.carriedAt ? l.carriedAt.toISOString() : null,
    })),
  };
}
