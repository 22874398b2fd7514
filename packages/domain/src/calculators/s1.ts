import { AppError } from '../errors.ts';
import type { RuleConfig } from '../policy/policy.types.ts';
import { quantityText, toHundredths, yuanText } from './amount-text.ts';

/** The facility kinds S1 subsidises (002 §二(二)2), in the order of the clause. */
export const S1_KINDS = ['cool_season_vegetables', 'solar_greenhouse', 'steel_frame_greenhouse', 'greenhouse_renovation', 'herb_tea_base'] as const;
export type S1Kind = (typeof S1_KINDS)[number];

/** Each kind: its words and the key of its parameters in the pack's S1 config. */
export const S1_KIND_INFO: Record<S1Kind, { labelZh: string; labelEn: string; paramKey: string }> = {
  cool_season_vegetables: { labelZh: '新发展夏秋冷凉蔬菜', labelEn: 'new summer/autumn cool-season vegetables', paramKey: 'coolVegetables' },
  solar_greenhouse: { labelZh: '新建日光温室', labelEn: 'new solar greenhouse', paramKey: 'solarGreenhouse' },
  steel_frame_greenhouse: { labelZh: '新建全钢架春秋大棚', labelEn: 'new steel-frame spring/autumn greenhouse', paramKey: 'steelFrameGreenhouse' },
  greenhouse_renovation: { labelZh: '改造老旧温室', labelEn: 'old greenhouse renovation', paramKey: 'oldGreenhouseRenovation' },
  herb_tea_base: { labelZh: '新建中药材（药茶）标准化基地', labelEn: 'new standardised herb (herbal tea) base', paramKey: 'herbTeaBase' },
};

export type S1Input = {
  kind: S1Kind;
  /** 亩, at most 2 decimals; for 冷凉蔬菜 the contiguous area (集中连片) */
  areaMu: number;
  /** 改造老旧温室: the cost claimed per 亩 (元); absent = the cap */
  claimedYuanPerMu?: number | null | undefined;
};

export type S1Outcome = {
  eligible: boolean;
  /** the subsidy in 分 (0 when not eligible) */
  amountFen: number;
  /** the working in words, e.g. 新建日光温室 2.5 亩 × 30,000 元/亩 = 75,000 元 */
  stepsZh: string[];
  stepsEn: string[];
  reasonZh: string;
  reasonEn: string;
};

type KindParams = { yuanPerMu?: number; maxYuanPerMu?: number; minContiguousMu?: number };

function kindParams(config: RuleConfig, kind: S1Kind): KindParams {
  const p = config.params[S1_KIND_INFO[kind].paramKey];
  if (!p || typeof p !== 'object') throw new AppError('NOT_FOUND', `rule S1 of this pack does not set ${S1_KIND_INFO[kind].paramKey}`, { ruleId: 'S1', kind });
  return p as KindParams;
}

function fenOf(yuan: number | undefined, what: string): number {
  const h = typeof yuan === 'number' ? toHundredths(yuan) : null;
  if (h === null) throw new AppError('VALIDATION_FAILED', `rule S1: params.${what} must be an amount in 元`);
  return h;
}

/**
 * S1 — facility subsidy of the Jincheng plan. Source: 002 §二(二)2 "新发展夏秋冷凉蔬菜集中连片200亩以上，每亩补助400元，
 * 新建日光温室每亩补助 3 万元，新建全钢架春秋大棚每亩补助 0.8 万元，改造老旧温室每亩最高补助 2 万元。新建中药材（药茶）标准化基地
 * 每亩补助 200 元". Params by kind (pack data): `coolVegetables {minContiguousMu, yuanPerMu}`, `solarGreenhouse
 * {yuanPerMu}`, `steelFrameGreenhouse {yuanPerMu}`, `oldGreenhouseRenovation {maxYuanPerMu}`, `herbTeaBase {yuanPerMu}`.
 * 200 亩以上 includes 200 (以上 counts the figure itself). Renovation: 亩 × min(claimed, cap), the cap when nothing is
 * claimed. Arithmetic on integer 分 and hundredths of a 亩, rounded once, half away from zero, to the 分.
 * @throws AppError VALIDATION_FAILED for an area or claim with more than 2 decimals; NOT_FOUND when the pack lacks the kind
 */
export function computeS1(config: RuleConfig, input: S1Input): S1Outcome {
  const info = S1_KIND_INFO[input.kind];
  if (!info) throw new AppError('VALIDATION_FAILED', 'unknown S1 kind', { issues: [{ path: 'kind', messageZh: '补助类别不正确', messageEn: 'unknown subsidy kind' }] });
  const p = kindParams(config, input.kind);
  const areaH = toHundredths(input.areaMu);
  if (areaH === null) {
    throw new AppError('VALIDATION_FAILED', 'areaMu', {
      issues: [{ path: 'areaMu', messageZh: '面积须为不小于 0 的数，最多两位小数', messageEn: 'the area must be ≥ 0 with at most 2 decimals' }],
    });
  }
  const areaZh = `${quantityText(areaH)} 亩`;
  const areaEn = `${quantityText(areaH)} mu`;
  if (areaH === 0) {
    return { eligible: false, amountFen: 0, stepsZh: [], stepsEn: [], reasonZh: `${info.labelZh}面积为 0，无补助`, reasonEn: `${info.labelEn}: no area, no subsidy` };
  }
  if (input.kind === 'cool_season_vegetables') {
    const minH = Math.round((p.minContiguousMu ?? NaN) * 100);
    if (!Number.isSafeInteger(minH)) throw new AppError('VALIDATION_FAILED', 'rule S1: params.coolVegetables.minContiguousMu must be a number');
    if (areaH < minH) {
      const min = quantityText(minH);
      return {
        eligible: false,
        amountFen: 0,
        stepsZh: [`集中连片 ${areaZh} < ${min} 亩`],
        stepsEn: [`contiguous ${areaEn} < ${min} mu`],
        reasonZh: `${info.labelZh}须集中连片 ${min} 亩以上，现为 ${areaZh}，不符合补助条件`,
        reasonEn: `${info.labelEn} must be contiguous and at least ${min} mu; ${areaEn} is not eligible`,
      };
    }
  }
  let rateFen: number;
  const stepsZh: string[] = [];
  const stepsEn: string[] = [];
  if (input.kind === 'greenhouse_renovation') {
    const capFen = fenOf(p.maxYuanPerMu, 'oldGreenhouseRenovation.maxYuanPerMu');
    const claimedH = input.claimedYuanPerMu === undefined || input.claimedYuanPerMu === null ? null : toHundredths(input.claimedYuanPerMu);
    if (input.claimedYuanPerMu !== undefined && input.claimedYuanPerMu !== null && claimedH === null) {
      throw new AppError('VALIDATION_FAILED', 'claimedYuanPerMu', {
        issues: [{ path: 'claimedYuanPerMu', messageZh: '每亩申报金额须为不小于 0 的数，最多两位小数', messageEn: 'the claim per mu must be ≥ 0 with at most 2 decimals' }],
      });
    }
    if (claimedH === null) {
      rateFen = capFen;
      stepsZh.push(`未申报每亩改造金额，按每亩最高 ${yuanText(capFen)} 元计`);
      stepsEn.push(`no claim per mu: the cap of ${yuanText(capFen)} yuan per mu applies`);
    } else if (claimedH > capFen) {
      rateFen = capFen;
      stepsZh.push(`申报每亩 ${yuanText(claimedH)} 元，超过每亩最高 ${yuanText(capFen)} 元，按 ${yuanText(capFen)} 元计`);
      stepsEn.push(`claimed ${yuanText(claimedH)} yuan per mu exceeds the cap of ${yuanText(capFen)}: ${yuanText(capFen)} applies`);
    } else {
      rateFen = claimedH;
    }
  } else {
    rateFen = fenOf(p.yuanPerMu, `${info.paramKey}.yuanPerMu`);
  }
  // 亩 (hundredths) × 分 per 亩 ÷ 100, rounded once to the 分
  const product = areaH * rateFen;
  if (!Number.isSafeInteger(product)) {
    throw new AppError('VALIDATION_FAILED', 'areaMu too large', { issues: [{ path: 'areaMu', messageZh: '面积过大', messageEn: 'the area is too large' }] });
  }
  const amountFen = Math.floor(product / 100) + (product % 100 >= 50 ? 1 : 0);
  stepsZh.push(`${info.labelZh} ${areaZh} × ${yuanText(rateFen)} 元/亩 = ${yuanText(amountFen)} 元`);
  stepsEn.push(`${info.labelEn} ${areaEn} × ${yuanText(rateFen)} yuan/mu = ${yuanText(amountFen)} yuan`);
  return {
    eligible: true,
    amountFen,
    stepsZh,
    stepsEn,
    reasonZh: `${info.labelZh} ${areaZh}，可补助 ${yuanText(amountFen)} 元`,
    reasonEn: `${info.labelEn} ${areaEn}: subsidy ${yuanText(amountFen)} yuan`,
  };
}
