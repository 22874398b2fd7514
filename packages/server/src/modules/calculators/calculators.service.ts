import {
  AppError,
  checkC1,
  computeS1,
  fenToYuan,
  findPack,
  formatClause,
  yuanToFen,
  type C1CalcInput,
  type C1CalcResult,
  type PolicyPack,
  type RuleConfig,
  type S1CalcInput,
  type S1CalcResult,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';

const RULE_WORDS: Record<string, { zh: string; en: string }> = {
  S1: { zh: '设施农业补助（S1）', en: 'facility subsidies (S1)' },
  C1: { zh: '脱贫人口小额信贷（C1）', en: 'microcredit (C1)' },
};

/**
 * The pack a calculation uses: the one named, else the active pack of the region's county.
 * @throws AppError NOT_FOUND naming `packId` when no built-in pack has that id
 */
export async function packFor(db: Conn, regionCode: string, packId: string | undefined): Promise<PolicyPack> {
  if (packId === undefined) return (await getActivePack(db, countyCodeOf(regionCode))).pack;
  const pack = findPack(packId);
  if (!pack) throw new AppError('NOT_FOUND', `no policy pack ${packId}`, { issues: [{ path: 'packId', messageZh: '政策包不存在', messageEn: 'no such policy pack' }] });
  return pack;
}

/**
 * The pack's config of S1 or C1.
 * @param code NOT_FOUND for the calculators (the pack lacks the rule), CONFLICT for a record the county's pack cannot judge
 */
export function ruleOf(pack: PolicyPack, ruleId: 'S1' | 'C1', code: 'NOT_FOUND' | 'CONFLICT' = 'NOT_FOUND'): RuleConfig {
  const cfg = pack.rules.find((r) => r.ruleId === ruleId);
  if (!cfg) {
    const w = RULE_WORDS[ruleId]!;
    throw new AppError(code, `policy pack ${pack.id} has no rule ${ruleId}`, {
      packId: pack.id,
      ruleId,
      issues: [{ path: 'packId', messageZh: `政策包“${pack.nameZh}”未规定${w.zh}`, messageEn: `the policy pack ${pack.nameEn} sets no ${w.en}` }],
    });
  }
  return cfg;
}

/** S1 计算器: POST /api/v1/calculators/s1 (any logged-in role). */
export async function calculateS1(deps: Deps, actor: Actor, input: S1CalcInput): Promise<S1CalcResult> {
  const pack = await packFor(deps.db.db, actor.regionCode, input.packId);
  const cfg = ruleOf(pack, 'S1');
  const r = computeS1(cfg, { kind: input.kind, areaMu: input.areaMu, claimedYuanPerMu: input.claimedYuanPerMu });
  return {
    packId: pack.id,
    eligible: r.eligible,
    amountYuan: fenToYuan(r.amountFen),
    steps: r.stepsZh,
    stepsEn: r.stepsEn,
    clause: formatClause(pack, cfg.clause),
    reasonZh: r.reasonZh,
    reasonEn: r.reasonEn,
  };
}

/** C1 计算器: POST /api/v1/calculators/c1 (any logged-in role): the usual schedule (principal at maturity). */
export async function calculateC1(deps: Deps, actor: Actor, input: C1CalcInput): Promise<C1CalcResult> {
  const pack = await packFor(deps.db.db, actor.regionCode, input.packId);
  const cfg = ruleOf(pack, 'C1');
  const r = checkC1(cfg, {
    amountFen: yuanToFen(input.amountYuan, 'amountYuan'),
    termMonths: Math.round(input.termYears * 12),
    rateBp: Math.round(input.annualRate * 100),
    needsAndCanRepay: input.needsAndCanRepay,
    termPath: 'termYears',
  });
  return {
    packId: pack.id,
    accepted: r.accepted,
    refusals: r.refusals,
    warnings: r.warnings,
    interestSubsidyYuan: fenToYuan(r.interestSubsidyFen),
    subsidisedPrincipalYuan: fenToYuan(r.subsidisedPrincipalFen),
    steps: r.stepsZh,
    stepsEn: r.stepsEn,
    clause: formatClause(pack, cfg.clause),
  };
}
