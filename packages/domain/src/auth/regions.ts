/** Level of a region code. (`REGION_LEVELS` of api/regions.schemas.ts lists the same values.) */
export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'group';

/** Significant prefix length of each level (ARCHITECTURE.md: county 6, township 9, village 12, group 15). */
export const REGION_PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, group: 15 };

const allZero = (s: string) => /^0*$/.test(s);

/**
 * Level of a region code: a 15-digit code is a group (village + 3-digit local suffix); a 12-digit statistical
 * code is read by its trailing zeros (…000000000 county, …000 township). Shorter prefixes (2, 4, 6, 9 digits)
 * are accepted too.
 * @param code 2–15 digit region code
 * @throws Error when the code is not digits of one of those lengths
 */
export function regionLevelOf(code: string): RegionLevel {
  if (!/^\d+$/.test(code)) throw new Error(`not a region code: ${code}`);
  switch (code.length) {
    case 15:
      return 'group';
    case 12:
      if (!allZero(code.slice(9))) return 'village';
      if (!allZero(code.slice(6, 9))) return 'township';
      if (!allZero(code.slice(4, 6))) return 'county';
      if (!allZero(code.slice(2, 4))) return 'city';
      return 'province';
    case 9:
      return 'township';
    case 6:
      return allZero(code.slice(4)) ? (allZero(code.slice(2, 4)) ? 'province' : 'city') : 'county';
    case 4:
      return 'city';
    case 2:
      return 'province';
    default:
      throw new Error(`not a region code: ${code}`);
  }
}

/**
 * The significant prefix of a region code, used for scoping (`region_code LIKE prefix || '%'`):
 * `411201100000` (township) → `411201100`.
 * @param code region code
 */
export function regionPrefix(code: string): string {
  return code.slice(0, REGION_PREFIX_LENGTH[regionLevelOf(code)]);
}

/**
 * True for a 12-digit statistical code (统计用区划代码) or a 15-digit group code (village code + a non-zero
 * 3-digit suffix, on a real village).
 * @param code candidate code
 */
export function isValidRegionCode(code: string): boolean {
  if (/^\d{12}$/.test(code)) return !allZero(code.slice(0, 2));
  if (/^\d{15}$/.test(code)) return !allZero(code.slice(0, 2)) && !allZero(code.slice(9, 12)) && !allZero(code.slice(12));
  return false;
}

/**
 * True when `code` lies within the scope given by `scopePrefix` (same rule as the SQL `LIKE prefix%`).
 * @param code a region code of a record
 * @param scopePrefix the actor's scope prefix ({@link regionPrefix} of their region)
 */
export function isWithinScope(code: string, scopePrefix: string): boolean {
  return code.startsWith(scopePrefix);
}
