import { yuanText } from '../../calculators/amount-text.ts';
import { evaluateSubjects, type SubjectOutcome } from '../coverage.ts';
import type { RuleDefinition, RuleResult } from '../policy.types.ts';
import { incomeFenOf, type CoverageFacts } from './coverage-facts.ts';
import { pct } from './fund-shares.ts';

/** One village's 脱贫 households for H6: their incomes of both years summed (分, persons) and the local farmers' figures. */
export type VillageGrowth = {
  regionCode: string;
  /** 脱贫户 of the village (isLifted or type lifted) */
  liftedHouseholds: number;
  /** of them, the ones with both years' incomes recorded: only they enter the averages */
  compared: number;
  netFen: number;
  members: number;
  prevNetFen: number;
  prevMembers: number;
  local: CoverageFacts['local'];
};

/** The per-village sums of 脱贫 households with both years' incomes (person-weighted: Σ net ÷ Σ members). */
export function villageGrowths(facts: readonly CoverageFacts[]): VillageGrowth[] {
  const by = new Map<string, VillageGrowth>();
  for (const f of facts) {
    if (!f.isLifted && f.householdType !== 'lifted') continue;
    const village = f.regionCode.slice(0, 12);
    let v = by.get(village);
    if (!v) {
      v = { regionCode: village, liftedHouseholds: 0, compared: 0, netFen: 0, members: 0, prevNetFen: 0, prevMembers: 0, local: f.local };
      by.set(village, v);
    }
    v.liftedHouseholds++;
    const cur = incomeFenOf(f.income);
    const prev = incomeFenOf(f.prevIncome);
    if (!cur || !prev) continue;
    v.compared++;
    v.netFen += cur.netIncomeFen;
    v.members += cur.memberCount;
    v.prevNetFen += prev.netIncomeFen;
    v.prevMembers += prev.memberCount;
  }
  return [...by.values()].sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1));
}

/** (a ÷ b − 1) rounded half away from zero to 4 decimals, on BigInt (a, b as num/den pairs, b > 0). */
function growth(aNum: bigint, aDen: bigint, bNum: bigint, bDen: bigint): number {
  // a/b − 1 = (aNum·bDen − bNum·aDen) / (bNum·aDen)
  const num = (aNum * bDen - bNum * aDen) * 10000n;
  const den = bNum * aDen;
  const neg = num < 0n !== den < 0n;
  const absN = num < 0n ? -num : num;
  const absD = den < 0n ? -den : den;
  const q = (absN * 2n + absD) / (2n * absD);
  return Number(neg ? -q : q) / 10000;
}

/** Growth of an income from `prevFen` to `curFen` (0.08 = +8 %, 4 decimals, exact); null when `prevFen` ≤ 0. */
export function incomeGrowth(curFen: number, prevFen: number): number | null {
  return prevFen > 0 ? growth(BigInt(curFen), 1n, BigInt(prevFen), 1n) : null;
}

const JUDGED_ZH =
  '（评价 003 §一(二)4 第一项“脱贫群众年度收入增速高于当地农民收入增速”，第三项“脱贫群众与当地农民的收入比例不断提高”与第一项等价一并判断；第二、四项需全国农民收入数据，本平台未采集，不作评价）';
const JUDGED_EN =
  ' (judges condition 1 of 003 §一(二)4, growth above local farmers; condition 3, the ratio to local farmers rising, is the same comparison; conditions 2 and 4 need national figures the platform does not hold and are not judged)';

/**
 * H6 — 003 §一(二)4 "全区脱贫群众年度收入增速高于当地农民收入增速……脱贫群众与当地农民的收入比例……不断提高". One subject
 * per village with 脱贫户: the per-capita income of its 脱贫 households with both years recorded (Σ net ÷ Σ persons),
 * year over year, against the growth of 当地农民人均可支配收入 of the nearest region with a figure (township, else
 * county …). Met when strictly higher (params.mustExceed, "高于"), compared exactly by cross-multiplication: the
 * lifted growth exceeds the local growth exactly when the ratio lifted ÷ local rises, so condition 3 is judged with
 * it. Conditions 2 and 4 (against national farmers) are not judged. No local figure for the year or the year before
 * → failing, group local_missing (未录入当地农民收入); no 脱贫户 with both years → failing, group income_missing.
 */
export const H6_RULE: RuleDefinition<CoverageFacts> = {
  id: 'H6',
  titleZh: '脱贫人口收入增速高于当地农民',
  titleEn: 'Income growth of lifted people above local farmers',
  factsKind: 'coverage',
  subjectLevel: 'village',
  unit: 'share', // the village's lifted per-capita growth; threshold: the local farmers' growth
  groups: {
    local_missing: { labelZh: '未录入当地农民收入', labelEn: 'local farmers’ income not entered' },
    income_missing: { labelZh: '脱贫户两年收入未录入', labelEn: 'lifted households’ incomes of both years not recorded' },
    growth_below: { labelZh: '增速不高于当地农民', labelEn: 'growth not above local farmers' },
  },
  factsFilter: () => ({ householdTypes: ['lifted', 'monitored'] }),
  evaluate(facts, config, { year }): RuleResult {
    const strict = config.params.mustExceed !== false;
    return evaluateSubjects(
      villageGrowths(facts),
      config,
      (v) => ({ key: v.regionCode, regionCode: v.regionCode }),
      (v): SubjectOutcome => {
        if (v.compared === 0 || v.prevNetFen <= 0) {
          return {
            met: false,
            groupCode: 'income_missing',
            reasonZh: `本村 ${v.liftedHouseholds} 户脱贫户中无同时录入 ${year - 1}、${year} 年收入（且上年收入为正）的户，无法计算增速`,
            reasonEn: `none of the village's ${v.liftedHouseholds} lifted households has incomes of ${year - 1} and ${year} recorded`,
          };
        }
        const lifted = growth(BigInt(v.netFen), BigInt(v.members), BigInt(v.prevNetFen), BigInt(v.prevMembers));
        const perCapita = (net: number, m: number) => yuanText(Math.round(net / m));
        const liftedZh = `脱贫人口人均纯收入 ${perCapita(v.netFen, v.members)} 元（${year - 1} 年 ${perCapita(v.prevNetFen, v.prevMembers)} 元，${v.compared} 户），增长 ${pct(lifted)}`;
        const liftedEn = `lifted per-capita income ${perCapita(v.netFen, v.members)} yuan (${year - 1}: ${perCapita(v.prevNetFen, v.prevMembers)}, ${v.compared} households), growth ${pct(lifted)}`;
        const l = v.local;
        if (!l || l.prevIncomeFen === null || l.prevIncomeFen <= 0) {
          return {
            met: false,
            value: lifted,
            groupCode: 'local_missing',
            reasonZh: `${liftedZh}；未录入当地农民收入（${l ? `${year - 1} 年` : `${year - 1}、${year} 年`}当地农民人均可支配收入），无法比较`,
            reasonEn: `${liftedEn}; local farmers' income not entered (${l ? year - 1 : `${year - 1} and ${year}`}), cannot compare`,
          };
        }
        const local = growth(BigInt(l.incomeFen), 1n, BigInt(l.prevIncomeFen), 1n);
        // lifted growth > local growth ⇔ (N1/M1)·L0 > (N0/M0)·L1 ⇔ N1·M0·L0 > N0·M1·L1 (all exact)
        const lhs = BigInt(v.netFen) * BigInt(v.prevMembers) * BigInt(l.prevIncomeFen);
        const rhs = BigInt(v.prevNetFen) * BigInt(v.members) * BigInt(l.incomeFen);
        const met = strict ? lhs > rhs : lhs >= rhs;
        const localZh = `当地农民人均可支配收入 ${yuanText(l.incomeFen)} 元（${year - 1} 年 ${yuanText(l.prevIncomeFen)} 元），增长 ${pct(local)}`;
        const localEn = `local farmers ${yuanText(l.incomeFen)} yuan (${year - 1}: ${yuanText(l.prevIncomeFen)}), growth ${pct(local)}`;
        return {
          met,
          value: lifted,
          threshold: local,
          ...(met ? {} : { groupCode: 'growth_below' }),
          reasonZh: `${liftedZh}；${localZh}；${met ? '高于' : '不高于'}当地农民收入增速${JUDGED_ZH}`,
          reasonEn: `${liftedEn}; ${localEn}; ${met ? 'above' : 'not above'} the local growth${JUDGED_EN}`,
        };
      },
      { threshold: null },
    );
  },
};
