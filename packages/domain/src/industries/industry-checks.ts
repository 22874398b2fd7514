import type { Issue } from '../errors.ts';
import type { RegionLevel } from '../auth/regions.ts';
import { regionLevelOf } from '../auth/regions.ts';
import { INDUSTRY_DICTIONARIES } from '../dictionaries/industry.dict.ts';

/** Built-in codes of an industry dictionary (industry_kind, industry_tier, industry_category, chain_link_kind). */
export function industryDictCodes(dictCode: string): string[] {
  return INDUSTRY_DICTIONARIES.find((d) => d.code === dictCode)?.items.map((i) => i.code) ?? [];
}

/** Chinese label of an industry dictionary code (the code itself when unknown). */
export function industryDictLabel(dictCode: string, code: string | null | undefined): string {
  if (!code) return '';
  return INDUSTRY_DICTIONARIES.find((d) => d.code === dictCode)?.items.find((i) => i.code === code)?.labelZh ?? code;
}

/**
 * The region level each 产业定位 belongs to: 一县一业 at a county, 一镇一特 at a township (乡镇/街道), 一村一品 at a
 * village. Sources: DOMAIN.md 一县一业; 003 §二(四)2 全面推进“一镇一特”“一村一品”; 001 §二 16 全面推进“一镇一特”.
 */
export const TIER_LEVEL: Record<string, RegionLevel> = { county_one: 'county', township_one: 'township', village_one: 'village' };

const LEVEL_ZH: Partial<Record<RegionLevel, string>> = { county: '县（区）', township: '乡镇（街道）', village: '行政村' };
const LEVEL_EN: Partial<Record<RegionLevel, string>> = { county: 'county', township: 'township', village: 'village' };

/**
 * Whether an industry's tier fits the level of the region it belongs to (003 §二(四)2). A null tier always fits.
 * @returns null when it fits, else the issue on `tier` worded in Chinese and English
 */
export function tierIssue(tier: string | null | undefined, regionCode: string): Issue | null {
  if (!tier) return null;
  const want = TIER_LEVEL[tier];
  if (!want) return null; // an unknown tier is the dictionary check's issue
  let level: RegionLevel;
  try {
    level = regionLevelOf(regionCode);
  } catch {
    return null; // the region check reports a bad code
  }
  if (level === want) return null;
  return {
    path: 'tier',
    value: tier,
    messageZh: `“${industryDictLabel('industry_tier', tier)}”应由${LEVEL_ZH[want]}确定，所选区划为${LEVEL_ZH[level] ?? '其他层级'}`,
    messageEn: `tier ${tier} belongs to a ${LEVEL_EN[want]}, the region is a ${LEVEL_EN[level] ?? level}`,
  };
}

export type IndustryFields = { regionCode: string; name: string; category: string; kind: string; tier?: string | null | undefined };

/**
 * The domain checks of an industry of the 产业谱系 (000 §四(一)1–2): category, kind and tier are dictionary codes
 * (`known(dict)` gives the codes in force, built-in ones by default) and the tier fits the region's level.
 * @returns the issues, empty when the industry is valid
 */
export function industryIssues(input: IndustryFields, known: (dictCode: string) => readonly string[] = industryDictCodes): Issue[] {
  const issues: Issue[] = [];
  const dict = (path: string, dictCode: string, value: string | null | undefined, zh: string) => {
    if (value && !known(dictCode).includes(value))
      issues.push({ path, value, messageZh: `${zh}“${value}”不在字典中`, messageEn: `${path} ${value} is not in the dictionary ${dictCode}` });
  };
  dict('category', 'industry_category', input.category, '产业门类');
  dict('kind', 'industry_kind', input.kind, '产业类型');
  dict('tier', 'industry_tier', input.tier, '产业定位');
  const t = tierIssue(input.tier, input.regionCode);
  if (t) issues.push(t);
  return issues;
}

/**
 * A chain's link kinds are unique: one 冷链物流 per chain (the graph lays one node per 环节, 000 §四(一)3).
 * @param existing the chain's links (minus the one being edited)
 * @returns the issue on `linkKind`, or null
 */
export function linkKindIssue(
  linkKind: string,
  existing: readonly { id?: number; linkKind: string }[],
  known: readonly string[] = industryDictCodes('chain_link_kind'),
): Issue | null {
  if (!known.includes(linkKind))
    return { path: 'linkKind', value: linkKind, messageZh: `产业链环节“${linkKind}”不在字典中`, messageEn: `link kind ${linkKind} is not in the dictionary chain_link_kind` };
  if (existing.some((l) => l.linkKind === linkKind)) {
    const label = industryDictLabel('chain_link_kind', linkKind);
    return { path: 'linkKind', value: linkKind, messageZh: `本产业链已有“${label}”环节，同一环节不能重复`, messageEn: `the chain already has a ${linkKind} link` };
  }
  return null;
}
