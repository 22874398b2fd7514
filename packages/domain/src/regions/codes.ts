import type { RegionLevel } from '../auth/regions.ts';

// 统计用区划代码 (国家统计局《统计用区划和城乡划分代码》, 2023 edition): 12 digits = province 2 + city 2 + county 2
// + township 3 + village 3. Township digits 001–099 街道, 100–199 镇, 200–399 乡, 400–599 乡级单位 (甘肃省统计局
// 《统计用区划代码编制规则》说明; GB/T 10114 for the township part). A 组 is platform-local: the village's 12 digits
// plus a 3-digit suffix (ARCHITECTURE.md "Region codes").

/** Kind of a township-level unit read from its three digits. */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'township_unit';

/** Chinese / English names of the township kinds (街道, 镇, 乡, 乡级单位). */
export const TOWNSHIP_KIND_LABELS: Record<TownshipKind, { zh: string; en: string }> = {
  subdistrict: { zh: '街道', en: 'subdistrict' },
  town: { zh: '镇', en: 'town' },
  township: { zh: '乡', en: 'township' },
  township_unit: { zh: '乡级单位', en: 'township-level unit' },
};

/** Chinese / English names of the region levels. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, { zh: string; en: string }> = {
  province: { zh: '省', en: 'province' },
  city: { zh: '市', en: 'city' },
  county: { zh: '县', en: 'county' },
  township: { zh: '乡镇', en: 'township' },
  village: { zh: '村', en: 'village' },
  group: { zh: '组', en: 'group' },
};

/** What a region code says about itself. */
export type ParsedRegionCode = {
  /** the code padded to its stored form: 12 digits, or 15 for a 组 */
  code: string;
  level: RegionLevel;
  /** significant prefix (province 2, city 4, county 6, township 9, village 12, group 15) */
  prefix: string;
  /** stored code of the parent (null for a province) */
  parentCode: string | null;
  /** for a township: 街道 / 镇 / 乡 / 乡级单位 from its three digits (null for digits 600–999) */
  townshipKind: TownshipKind | null;
};

/** Why a code cannot be read. */
export type RegionCodeProblem = { ok: false; reasonZh: string; reasonEn: string };

const zero = (s: string) => /^0+$/.test(s);
const PREFIX_LEN: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, group: 15 };

/** Stored code of a prefix: padded with zeros to 12 digits (a 15-digit group code stays as it is). */
export function codeOfPrefix(prefix: string): string {
  return prefix.length >= 12 ? prefix : prefix.padEnd(12, '0');
}

/**
 * 街道 / 镇 / 乡 / 乡级单位 of a township by its three digits (001–099, 100–199, 200–399, 400–599).
 * @param digits the township's three digits (code positions 7–9)
 * @returns null for 000 and 600–999, which the rule does not name
 */
export function townshipKindOf(digits: string): TownshipKind | null {
  const n = Number(digits);
  if (!/^\d{3}$/.test(digits) || n === 0) return null;
  if (n <= 99) return 'subdistrict';
  if (n <= 199) return 'town';
  if (n <= 399) return 'township';
  if (n <= 599) return 'township_unit';
  return null;
}

/**
 * Reads a 12-digit statistical code or a 15-digit 组 code: its level (by which digit groups are non-zero),
 * significant prefix and parent. A code whose non-zero part has a zero group inside it (e.g. a village under
 * township 000) is not a code.
 * @param raw the code as typed (surrounding spaces are ignored)
 */
export function parseRegionCode(raw: string): ({ ok: true } & ParsedRegionCode) | RegionCodeProblem {
  const code = raw.trim();
  if (!/^\d{12}$/.test(code) && !/^\d{15}$/.test(code)) {
    return { ok: false, reasonZh: `区划代码“${code}”应为 12 位数字（组为 15 位）`, reasonEn: `region code "${code}" must be 12 digits (15 for a group)` };
  }
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  const levels: RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];
  let last = -1;
  for (let i = 0; i < parts.length; i++) if (!zero(parts[i]!)) last = i;
  const gap = parts.slice(0, last + 1).findIndex((p) => zero(p));
  if (last < 0 || gap !== -1) {
    return { ok: false, reasonZh: `区划代码“${code}”不完整：上级各段不能为 0`, reasonEn: `region code "${code}" is incomplete: the parent parts cannot be zero` };
  }
  let level = levels[last]!;
  if (code.length === 15) {
    if (level !== 'village' || zero(code.slice(12))) {
      return {
        ok: false,
        reasonZh: `组代码“${code}”应为所属村的 12 位代码加 3 位非零序号`,
        reasonEn: `group code "${code}" must be its village's 12 digits plus a non-zero 3-digit number`,
      };
    }
    level = 'group';
  }
  const prefix = code.slice(0, PREFIX_LEN[level]);
  const parentCode = level === 'province' ? null : level === 'group' ? code.slice(0, 12) : codeOfPrefix(code.slice(0, PREFIX_LEN[levels[last - 1]!]));
  return { ok: true, code, level, prefix, parentCode, townshipKind: level === 'township' ? townshipKindOf(parts[3]!) : null };
}

/** The level a child of `parentLevel` has (county → township → village → group); null below a group. */
export function childLevelOf(parentLevel: RegionLevel): RegionLevel | null {
  const order: RegionLevel[] = ['province', 'city', 'county', 'township', 'village', 'group'];
  return order[order.indexOf(parentLevel) + 1] ?? null;
}

/**
 * Checks that a new region's code fits under its parent: the code reads as the parent's child level and starts
 * with the parent's prefix (a village's first 9 digits are its township's; a 组 is its village + 3 digits).
 * @param code the new code
 * @param parentCode the parent's stored code
 * @returns the parsed code, or the reason in Chinese and English
 */
export function checkChildCode(code: string, parentCode: string): ({ ok: true } & ParsedRegionCode) | RegionCodeProblem {
  const parsed = parseRegionCode(code);
  if (!parsed.ok) return parsed;
  const parent = parseRegionCode(parentCode);
  if (!parent.ok) return parent;
  const want = childLevelOf(parent.level);
  if (parsed.parentCode !== parent.code || parsed.level !== want) {
    const lz = want ? REGION_LEVEL_LABELS[want].zh : '下级';
    const le = want ? REGION_LEVEL_LABELS[want].en : 'child';
    const example = want === 'group' ? `${parent.prefix}001` : want ? codeOfPrefix(`${parent.prefix}${'0'.repeat(PREFIX_LEN[want] - parent.prefix.length - 1)}1`) : '';
    return {
      ok: false,
      reasonZh: `代码“${code}”与上级“${parentCode}”不一致：${lz}代码应以 ${parent.prefix} 开头${example ? `，如 ${example}` : ''}`,
      reasonEn: `code "${code}" does not fit under "${parentCode}": a ${le} code starts with ${parent.prefix}${example ? `, e.g. ${example}` : ''}`,
    };
  }
  return parsed;
}
