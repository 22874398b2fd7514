import { z } from 'zod';
import { evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition, RuleResult } from '../policy.types.ts';

/**
 * The facts of one administrative village for E1–E4 (gathered by the server's village gatherer: one row per
 * village under a region prefix, regions of level village that are not retired). Entities count when active and
 * seated in the village or serving it (served_region_codes).
 */
export type VillageEntityFacts = {
  /** the village's 12-digit code */
  regionCode: string;
  name?: string;
  /** 农民专业合作社 seated in or serving the village, each with its active backbones (E1, E2) */
  cooperatives: readonly { id: number; name: string; backbones: number }[];
  /** active 农业技术骨干 of the village: its own and the entities' serving it (E2) */
  villageBackbones: number;
  /** 党支部领办 村集体经济合作组织 (party-led cooperatives and village collectives) seated in or serving it (E3) */
  partyLedCollectives: readonly string[];
  /** 龙头企业 and 合作社 that drive it: seated there, serving it, or with an active linkage to a household of it (E4) */
  drivenBy: readonly string[];
};

/**
 * The facts of one county for E5 (the server's entity gatherer: one row per county under the prefix): its active
 * city-or-above 龙头企业 and its 主导产业 with the city-or-above enterprises that back each.
 */
export type CountyEnterpriseFacts = {
  /** the county's 12-digit code */
  regionCode: string;
  /** active leading enterprises graded 市级 or above (national, provincial, city) */
  cityOrAbove: readonly { id: number; name: string; level: string }[];
  /** industries of kind 主导 (leading) in the county, with the names of the city-or-above enterprises working in each */
  leadingIndustries: readonly { id: number; name: string; backedBy: readonly string[] }[];
};

const villageKey = (f: VillageEntityFacts) => ({ key: f.regionCode, regionCode: f.regionCode });
const countyKey = (f: CountyEnterpriseFacts) => ({ key: f.regionCode, regionCode: f.regionCode });

/** A rule over a year the clause sets no target for (or without subjects). */
function notInForce(config: RuleConfig): RuleResult {
  return { ruleId: config.ruleId, clause: config.clause, status: 'not_applicable', total: 0, met: 0, value: null, threshold: null, failing: [], records: [] };
}

/**
 * The share a year must reach (params.minShareByYear, e.g. {2022: 0.4, 2025: 0.9}); undefined when the clause
 * sets no target for that year (2023, 2024: the rule is not in force, it is not judged against a guessed value).
 */
export function shareForYear(config: RuleConfig, year: number): number | undefined {
  const by = config.params.minShareByYear as Record<string, unknown> | undefined;
  const v = by?.[String(year)];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const list = (names: readonly string[]) => names.map((n) => `「${n}」`).join('、');

const VillageSandboxSchema = z.object({
  cooperatives: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100).describe('合作社名称'),
        backbones: z.number().int().min(0).max(1000).default(0).describe('its 农业技术骨干'),
        partyLed: z.boolean().default(false).describe('党支部领办'),
      }),
    )
    .max(100)
    .describe('农民专业合作社 seated in or serving the village'),
  villageBackbones: z.number().int().min(0).max(1000).default(0).describe('农业技术骨干 of the village'),
  partyLedCollectives: z.array(z.string().trim().min(1).max(100)).max(100).default([]).describe('党支部领办 村集体经济组织 (other than the cooperatives above)'),
  drivenBy: z.array(z.string().trim().min(1).max(100)).max(100).default([]).describe('龙头企业 and 合作社 driving the village (the cooperatives above count)'),
});

/** Facts of one village given by value (the 试算 of E1 and E3). */
const villageSandbox: RuleDefinition<VillageEntityFacts>['sandbox'] = {
  schema: VillageSandboxSchema,
  example: { cooperatives: [{ name: '大王村苹果专业合作社', backbones: 1, partyLed: true }], villageBackbones: 1 },
  toFacts(input) {
    const v = VillageSandboxSchema.parse(input);
    return {
      regionCode: '',
      name: '试算村',
      cooperatives: v.cooperatives.map((c, i) => ({ id: i + 1, name: c.name, backbones: c.backbones })),
      villageBackbones: v.villageBackbones,
      partyLedCollectives: [...v.cooperatives.filter((c) => c.partyLed).map((c) => c.name), ...v.partyLedCollectives],
      drivenBy: [...new Set([...v.cooperatives.map((c) => c.name), ...v.drivenBy])],
    };
  },
};

/** E1 每个行政村都有 params.minCooperativesPerVillage 家以上农民专业合作社. 000 §四(五) 深化合作带动机制 */
export const E1_RULE: RuleDefinition<VillageEntityFacts> = {
  id: 'E1',
  titleZh: '每村有农民专业合作社',
  titleEn: 'A cooperative in every village',
  factsKind: 'village',
  subjectLevel: 'village',
  unit: 'count', // a village's cooperatives
  evaluate(facts, config) {
    const min = numberParam(config, 'minCooperativesPerVillage');
    return evaluateSubjects(facts, config, villageKey, (f): SubjectOutcome => {
      const n = f.cooperatives.length;
      if (n >= min)
        return {
          met: true,
          value: n,
          threshold: min,
          reasonZh: `本村有农民专业合作社 ${n} 家：${list(f.cooperatives.map((c) => c.name))}`,
          reasonEn: `${n} cooperative(s) in the village`,
        };
      return {
        met: false,
        value: n,
        threshold: min,
        reasonZh: n === 0 ? '本村无农民专业合作社' : `本村农民专业合作社 ${n} 家，少于 ${min} 家`,
        reasonEn: n === 0 ? 'no farmer cooperative in the village' : `${n} cooperative(s), fewer than ${min}`,
      };
    });
  },
  sandbox: villageSandbox,
};

/** E2 每个行政村、每个农民专业合作社都有 1 名以上农业技术骨干 (params.minBackbonesPerVillage, minBackbonesPerCooperative). 000 §五(二) */
export const E2_RULE: RuleDefinition<VillageEntityFacts> = {
  id: 'E2',
  titleZh: '每村每社有农业技术骨干',
  titleEn: 'A technical backbone in every village and cooperative',
  factsKind: 'village',
  subjectLevel: 'village',
  unit: 'count', // a village's technical backbones
  evaluate(facts, config) {
    const perVillage = numberParam(config, 'minBackbonesPerVillage');
    const perCoop = numberParam(config, 'minBackbonesPerCooperative');
    return evaluateSubjects(facts, config, villageKey, (f): SubjectOutcome => {
      const zh: string[] = [];
      const en: string[] = [];
      if (f.villageBackbones < perVillage) {
        zh.push(f.villageBackbones === 0 ? '本村无农业技术骨干' : `本村农业技术骨干 ${f.villageBackbones} 名，少于 ${perVillage} 名`);
        en.push(f.villageBackbones === 0 ? 'no technical backbone in the village' : `${f.villageBackbones} backbone(s) in the village, fewer than ${perVillage}`);
      }
      for (const c of f.cooperatives.filter((x) => x.backbones < perCoop)) {
        zh.push(c.backbones === 0 ? `合作社「${c.name}」无农业技术骨干` : `合作社「${c.name}」农业技术骨干少于 ${perCoop} 名`);
        en.push(`cooperative "${c.name}" has ${c.backbones} backbone(s), fewer than ${perCoop}`);
      }
      if (zh.length) return { met: false, value: f.villageBackbones, threshold: perVillage, reasonZh: zh.join('；'), reasonEn: en.join('; ') };
      return {
        met: true,
        value: f.villageBackbones,
        threshold: perVillage,
        reasonZh: `本村农业技术骨干 ${f.villageBackbones} 名${f.cooperatives.length ? `，${f.cooperatives.length} 家合作社均有技术骨干` : ''}`,
        reasonEn: `${f.villageBackbones} backbone(s); every cooperative has one`,
      };
    });
  },
};

/**
 * A village share rule judged against the year's target (E3, E4): each village meets or not, the rule is met when
 * the share of villages reaches params.minShareByYear[year]; another year → not in force.
 */
function shareOfVillages(facts: readonly VillageEntityFacts[], config: RuleConfig, year: number, classify: (f: VillageEntityFacts) => SubjectOutcome): RuleResult {
  const min = shareForYear(config, year);
  if (min === undefined) return notInForce(config);
  return evaluateSubjects(facts, config, villageKey, classify, { minCoverage: min, threshold: min });
}

/** E3 党支部领办村集体经济合作组织的行政村占比：2022 年底 40% 以上，2025 年底 90% 以上. 003 §二(一)1 */
export const E3_RULE: RuleDefinition<VillageEntityFacts> = {
  id: 'E3',
  titleZh: '党支部领办村集体经济合作组织',
  titleEn: 'Party-branch-led collective cooperatives',
  factsKind: 'village',
  subjectLevel: 'village',
  unit: 'share', // villages judged met or not: the coverage
  evaluate(facts, config, ctx) {
    return shareOfVillages(facts, config, ctx.year, (f) =>
      f.partyLedCollectives.length > 0
        ? { met: true, reasonZh: `本村有党支部领办的集体经济合作组织：${list(f.partyLedCollectives)}`, reasonEn: 'a party-branch-led collective cooperative' }
        : { met: false, reasonZh: '本村无党支部领办的村集体经济合作组织', reasonEn: 'no party-branch-led collective cooperative in the village' },
    );
  },
  sandbox: villageSandbox,
};

/** E4 实现龙头企业和合作社带动的行政村占比：2022 年底 80% 以上，2025 年底 95% 以上. 003 §二(一)2 */
export const E4_RULE: RuleDefinition<VillageEntityFacts> = {
  id: 'E4',
  titleZh: '龙头企业和合作社带动行政村',
  titleEn: 'Villages driven by enterprises and cooperatives',
  factsKind: 'village',
  subjectLevel: 'village',
  unit: 'share', // villages judged met or not: the coverage
  evaluate(facts, config, ctx) {
    return shareOfVillages(facts, config, ctx.year, (f) =>
      f.drivenBy.length > 0
        ? { met: true, reasonZh: `本村由${list(f.drivenBy)}带动`, reasonEn: `driven by ${f.drivenBy.length} enterprise(s)/cooperative(s)` }
        : {
            met: false,
            reasonZh: '本村无龙头企业或合作社带动（无驻村、服务本村或与本村农户有联农带农关系的龙头企业、合作社）',
            reasonEn: 'no leading enterprise or cooperative drives the village',
          },
    );
  },
};

/**
 * E5 市级以上农业龙头企业 ≥ params.minCityLevelEnterprises (2025 年); with params.everyLeadingIndustryBacked every
 * 主导产业 has a city-or-above enterprise working in it (主导产业均有大型龙头企业支撑). 003 §二(四)4
 */
export const E5_RULE: RuleDefinition<CountyEnterpriseFacts> = {
  id: 'E5',
  titleZh: '市级以上农业龙头企业',
  titleEn: 'City-level-or-above leading enterprises',
  factsKind: 'entity',
  subjectLevel: 'county',
  unit: 'count', // city-level-or-above enterprises
  evaluate(facts, config, ctx) {
    if (config.years?.length && !config.years.includes(ctx.year)) return notInForce(config);
    const min = numberParam(config, 'minCityLevelEnterprises');
    const everyBacked = config.params.everyLeadingIndustryBacked === true;
    return evaluateSubjects(
      facts,
      config,
      countyKey,
      (f): SubjectOutcome => {
        const n = f.cityOrAbove.length;
        const unbacked = everyBacked ? f.leadingIndustries.filter((i) => i.backedBy.length === 0) : [];
        const zh = [`市级以上农业龙头企业 ${n} 家${n >= min ? '，达到' : '，少于'} ${min} 家`];
        const en = [`${n} city-level-or-above leading enterprise(s), ${n >= min ? 'at least' : 'fewer than'} ${min}`];
        if (unbacked.length) {
          zh.push(`主导产业${list(unbacked.map((i) => i.name))}无市级以上龙头企业支撑`);
          en.push(`leading industries without a large enterprise: ${unbacked.map((i) => i.name).join(', ')}`);
        } else if (everyBacked && f.leadingIndustries.length) {
          zh.push(`${f.leadingIndustries.length} 个主导产业均有市级以上龙头企业支撑`);
          en.push('every leading industry is backed');
        }
        return { met: n >= min && unbacked.length === 0, value: n, threshold: min, reasonZh: zh.join('；'), reasonEn: en.join('; ') };
      },
      { threshold: min },
    );
  },
};

/** E1–E5 (entities and villages): the implementations of this area, registered in rule-registry.ts. */
export const ENTITY_RULES: RuleDefinition<never>[] = [E1_RULE, E2_RULE, E3_RULE, E4_RULE, E5_RULE] as unknown as RuleDefinition<never>[];
